"""Accounts (with positions and open orders), orders, fills and instruments in SQL."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Collection
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, desc, func, insert, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.group_commit import Bulk, Step
from adapters.postgres.prepared import prepared
from adapters.postgres.repos.base import (
    SqlRepo,
    TrackedRepo,
    upsert,
    upsert_many,
)
from adapters.postgres.repos.reference import instrument_filters, profile_fields, profile_row
from adapters.postgres.rows import record, row_of
from adapters.postgres.sqlite_loop_reads import loop_read
from adapters.postgres.tables.outbox import inbox
from adapters.postgres.tables.trading import accounts, fills, instruments, orders, positions
from adapters.postgres.types import UtcDateTime
from domain.errors import ConcurrentUpdate
from domain.fixedincome.daycount import DayCount
from domain.fixedincome.terms import BondTerms
from domain.trading.accounts import Account
from domain.trading.attribution import Attribution
from domain.trading.fills import Fill
from domain.trading.instruments import AssetClass, Instrument, OptionRight
from domain.trading.orders import (
    OPEN_STATUSES,
    Channel,
    HoldApproval,
    Order,
    OrderStatus,
    OrderType,
    Origin,
    OriginKind,
    Side,
    TimeInForce,
)
from domain.trading.positions import Position
from ports.core.repositories import ORDERS_EPOCH, InstrumentSearch, OrderPeriod, OrderSearch

_OPEN = [s.value for s in OPEN_STATUSES]


def _approvals_doc(approvals: tuple[HoldApproval, ...]) -> list[dict[str, Any]] | None:
    """A held order's approvals as stored (None: none, as every order before four eyes)."""
    if not approvals:
        return None
    return [
        {
            "approver_id": a.approver_id,
            "name": a.name,
            "at": None if a.at is None else a.at.isoformat(),
        }
        for a in approvals
    ]


def _approvals_of(doc: Any) -> tuple[HoldApproval, ...]:
    return tuple(
        HoldApproval(
            str(d["approver_id"]),
            None if d.get("at") is None else datetime.fromisoformat(d["at"]),
            str(d.get("name") or ""),
        )
        for d in doc or ()
    )


def _attribution_row(attribution: Attribution | None) -> dict[str, Any]:
    if attribution is None:
        return dict.fromkeys(_ATTRIBUTION_COLUMNS)
    return {
        "algorithm": attribution.algorithm,
        "algorithm_version": attribution.algorithm_version,
        "responsible_id": attribution.responsible_id,
        "client_id": attribution.client_id,
    }


_ATTRIBUTION_COLUMNS = ("algorithm", "algorithm_version", "responsible_id", "client_id")


def _attribution_of(r: Any) -> Attribution | None:
    """The stored attribution; None for an order stored before orders were attributed."""
    if r.responsible_id is None:
        return None
    return Attribution(r.responsible_id, r.client_id or "", r.algorithm, r.algorithm_version)


@functools.lru_cache(maxsize=64)
def _order_update(changed: tuple[str, ...]) -> Any:
    """UPDATE of these columns of one order by id: built once per set of columns."""
    return prepared(
        update(orders)
        .where(orders.c.id == bindparam("b_id"))
        .values({k: bindparam(f"v_{k}") for k in changed})
    )


# What of an order changes after it is placed, by column: the image the unit of work keeps
# and compares (one C call per order, the values as they are), and how each is stored. The
# other columns are fixed when it is placed and written once, with the new row.
def _as_is(value: Any) -> Any:
    return value


_MUTABLE_COLUMNS: tuple[tuple[str, str, Callable[[Any], Any]], ...] = (
    ("status", "status", operator.attrgetter("value")),
    ("filled_quantity", "filled_quantity", _as_is),
    ("average_fill_price", "average_fill_price", _as_is),
    ("broker_order_id", "broker_order_id", _as_is),
    ("deny_reasons", "deny_reasons", list),
    ("hold_reasons", "hold_reasons", lambda reasons: list(reasons) or None),
    ("approvals", "hold_approvals", _approvals_doc),
    ("quantity", "quantity", _as_is),
    ("requested_quantity", "requested_quantity", _as_is),
)
_MUTABLE_IMAGE = operator.attrgetter(*(field for field, _, _ in _MUTABLE_COLUMNS))


def _mutable_row(image: tuple[Any, ...]) -> dict[str, Any]:
    """The columns of an order's image, as stored (the new row's share of them)."""
    return {
        column: stored(value)
        for (_, column, stored), value in zip(_MUTABLE_COLUMNS, image, strict=True)
    }


class OrderRepo(TrackedRepo[Order]):
    """Orders; in-place changes of a loaded order are saved at commit.

    The image compared at commit is the tuple of the fields an order may change
    (`_MUTABLE_COLUMNS`), not its whole row: a batch's orders are imaged when loaded, at
    the decision and at the broker's answer, and a row of 30 columns each time was most
    of the unit of work's cost on the order path. A new order is written whole, once.
    """

    kind = "order"
    table = orders

    def dump(self, o: Order) -> Any:
        return _MUTABLE_IMAGE(o)

    def changed(self, before: Any, after: Any) -> tuple[int, ...]:
        """Which of the image's fields differ (their positions in `_MUTABLE_COLUMNS`)."""
        return tuple(
            i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new
        )

    def inserted(self, o: Order, _after: Any) -> dict[str, Any]:
        """The row of a new order, for `insert_many`."""
        return self.to_row(o)

    def to_row(self, o: Order) -> dict[str, Any]:
        return {
            "id": o.id,
            "client_order_id": o.client_order_id,
            "account_id": o.account_id,
            "symbol": o.symbol,
            "side": o.side.value,
            "origin_kind": o.origin.kind.value,
            "origin_id": o.origin.id,
            "origin_channel": o.origin.channel.value,
            "order_type": o.order_type.value,
            "time_in_force": o.time_in_force.value,
            "limit_price": o.limit_price,
            "stop_price": o.stop_price,
            "reduce_only": o.reduce_only,
            "idempotency_key": o.idempotency_key,
            "created_at": o.created_at,
            "broker": o.broker,
            **_mutable_row(_MUTABLE_IMAGE(o)),
            **_attribution_row(o.attribution),
        }

    def from_row(self, r: Any) -> Order:
        return Order(
            id=r.id,
            client_order_id=r.client_order_id,
            account_id=r.account_id,
            symbol=r.symbol,
            side=Side(r.side),
            quantity=r.quantity,
            origin=Origin(OriginKind(r.origin_kind), r.origin_id, Channel(r.origin_channel)),
            order_type=OrderType(r.order_type),
            time_in_force=TimeInForce(r.time_in_force),
            limit_price=r.limit_price,
            stop_price=r.stop_price,
            reduce_only=r.reduce_only,
            idempotency_key=r.idempotency_key,
            created_at=r.created_at,
            status=OrderStatus(r.status),
            filled_quantity=r.filled_quantity,
            average_fill_price=r.average_fill_price,
            broker_order_id=r.broker_order_id,
            broker=r.broker,
            deny_reasons=tuple(r.deny_reasons or ()),
            requested_quantity=r.requested_quantity,
            approvals=_approvals_of(r.hold_approvals),
            hold_reasons=tuple(r.hold_reasons or ()),
            attribution=_attribution_of(r),
        )

    async def write(self, conn: AsyncConnection, obj: Any, before: Any, after: Any) -> None:
        if before is None:
            await upsert(conn, orders, self.to_row(obj), self.keys)
            return
        await self.update_many(conn, [(obj, before, after)])

    async def insert_many(self, conn: AsyncConnection, rows: list[dict[str, Any]]) -> None:
        """New orders of one commit (a batch of decisions) in one statement."""
        await upsert_many(conn, orders, rows, self.keys)

    async def update_many(self, conn: AsyncConnection, items: list[tuple[Order, Any, Any]]) -> None:
        """Orders whose same fields changed (a batch's broker answers), in one executemany."""
        changed = self.changed(items[0][1], items[0][2])
        columns = [_MUTABLE_COLUMNS[i] for i in changed]
        statement = _order_update(tuple(column for _, column, _ in columns))
        params = [
            {
                "b_id": o.id,
                **{
                    f"v_{column}": stored(after[i])
                    for i, (_, column, stored) in zip(changed, columns, strict=True)
                },
            }
            for o, _, after in items
        ]
        await conn.execute(statement, params)

    async def get(self, order_id: str) -> Order | None:
        held = self._uow.tracked(self.kind, (order_id,))
        if held is not None:
            return held  # type: ignore[no-any-return]
        return await self._one(orders.c.id == order_id)

    async def by_idempotency_key(self, account_id: str, key: str) -> Order | None:
        return await self._one(
            and_(orders.c.account_id == account_id, orders.c.idempotency_key == key)
        )

    async def by_client_order_id(self, account_id: str, client_order_id: str) -> Order | None:
        return await self._one(
            and_(orders.c.account_id == account_id, orders.c.client_order_id == client_order_id)
        )

    async def by_idempotency_keys(self, account_id: str, keys: list[str]) -> dict[str, Order]:
        if not keys:
            return {}
        found = await self._many(  # keyed, at most a batch's keys: a loop read on SQLite
            loop_read(
                select(orders).where(
                    orders.c.account_id == account_id, orders.c.idempotency_key.in_(keys)
                )
            )
        )
        return {o.idempotency_key: o for o in found if o.idempotency_key is not None}

    async def used_client_order_ids(self, account_id: str, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        query = loop_read(
            select(orders.c.client_order_id).where(
                orders.c.account_id == account_id, orders.c.client_order_id.in_(ids)
            )
        )
        return {row.client_order_id for row in (await self._uow.execute(query)).all()}

    async def search(self, criteria: OrderSearch) -> list[Order]:
        created = func.coalesce(orders.c.created_at, literal(ORDERS_EPOCH, UtcDateTime()))
        query = select(orders)
        if criteria.account_ids is not None:
            if not criteria.account_ids:
                return []
            query = query.where(orders.c.account_id.in_(criteria.account_ids))
        if criteria.statuses is not None:
            query = query.where(orders.c.status.in_([s.value for s in criteria.statuses]))
        if criteria.symbol is not None:
            query = query.where(orders.c.symbol == criteria.symbol)
        if criteria.side is not None:
            query = query.where(orders.c.side == criteria.side.value)
        if criteria.origin_id is not None:
            query = query.where(orders.c.origin_id == criteria.origin_id)
        after = criteria.after
        if after is not None:
            at = literal(after.created_at, UtcDateTime())
            query = query.where(
                or_(created < at, and_(created == at, orders.c.id < after.order_id))
            )
        query = query.order_by(desc(created), desc(orders.c.id)).limit(max(0, criteria.limit))
        return await self._many(query)

    async def in_period(self, period: OrderPeriod) -> list[Order]:
        since = literal(period.since, UtcDateTime())
        until = literal(period.until, UtcDateTime())
        query = select(orders).where(orders.c.created_at >= since, orders.c.created_at < until)
        if period.account_ids is not None:
            if not period.account_ids:
                return []
            query = query.where(orders.c.account_id.in_(period.account_ids))
        after = period.after
        if after is not None:
            at = literal(after.created_at, UtcDateTime())
            query = query.where(
                or_(
                    orders.c.created_at > at,
                    and_(orders.c.created_at == at, orders.c.id > after.order_id),
                )
            )
        query = query.order_by(orders.c.created_at, orders.c.id).limit(max(0, period.limit))
        return await self._many(query)

    async def open_for(self, account_id: str) -> list[Order]:
        """The account's open orders (loaded with the account)."""
        return await self._many(_OPEN_ORDERS_OF, {"b_id": account_id})

    async def list(
        self, account_id: str | None = None, *, open_only: bool = False, limit: int = 100
    ) -> list[Order]:
        created = func.coalesce(orders.c.created_at, literal(ORDERS_EPOCH, UtcDateTime()))
        query = select(orders)
        if account_id is not None:
            query = query.where(orders.c.account_id == account_id)
        if open_only:
            query = query.where(orders.c.status.in_(_OPEN))
        return await self._many(query.order_by(desc(created), desc(orders.c.id)).limit(limit))


async def _upsert_positions(conn: AsyncConnection, rows: list[dict[str, Any]]) -> None:
    await upsert_many(conn, positions, rows, ("account_id", "symbol"))


# A held account's check against the store: its row's version alone
_ACCOUNT_VERSION = loop_read(select(accounts.c.version).where(accounts.c.id == bindparam("b_id")))
# The order path's reads of one account, keyed (adapters/postgres/sqlite_loop_reads.py)
_ACCOUNT = loop_read(select(accounts).where(accounts.c.id == bindparam("b_id")))
_POSITIONS_OF = loop_read(select(positions).where(positions.c.account_id == bindparam("b_id")))
_OPEN_ORDERS_OF = loop_read(
    select(orders)
    .where(orders.c.account_id == bindparam("b_id"), orders.c.status.in_(_OPEN))
    .order_by(orders.c.created_at, orders.c.id)
)


@functools.lru_cache(maxsize=8)
def _version_checked_update(columns: tuple[str, ...]) -> Any:
    """UPDATE accounts ... WHERE id and version match, version + 1; built once per shape."""
    return prepared(
        update(accounts)
        .where(accounts.c.id == bindparam("b_id"), accounts.c.version == bindparam("b_version"))
        .values(
            {
                **{name: bindparam(f"v_{name}") for name in columns},
                "version": accounts.c.version + 1,
            }
        )
    )


class AccountRepo(TrackedRepo[Account]):
    """Accounts with their positions; updates are checked against the loaded `version`."""

    kind = "account"
    table = accounts

    def dump(self, a: Account) -> Any:
        # `version` is left out: it is the lock, read from the object when writing.
        row = {
            "id": a.id,
            "owner_id": a.owner_id,
            "cash": a.cash,
            "currency": a.currency,
            "broker": a.broker,
            "day_realized_pnl": a.day_realized_pnl,
            "start_of_day_equity": a.start_of_day_equity,
            "peak_equity": a.peak_equity,
            **profile_row(a),
        }
        held = {
            symbol: {
                "account_id": a.id,
                "symbol": symbol,
                "quantity": p.quantity,
                "average_price": p.average_price,
                "realized_pnl": p.realized_pnl,
                "multiplier": p.multiplier,
            }
            for symbol, p in a.positions.items()
        }
        # Open orders live in their own table, but approving or closing one changes what the
        # account can still do: the account row's version moves, so two instances deciding
        # for one account cannot both use one limit (the later commit conflicts and retries).
        return {"row": row, "positions": held, "open": frozenset(a.open_orders)}

    async def write(self, conn: AsyncConnection, obj: Any, before: Any, after: Any) -> None:
        for step in self.write_steps(obj, before, after):
            await step(conn)

    def write_steps(self, obj: Any, before: Any, after: Any) -> list[Step]:
        """The account's row (version-checked), then its positions' changes.

        The positions' upserts are a Bulk step: a group commit writes those of all its
        units in one statement (the row they belong to is written before, by the first step).
        """
        account: Account = obj
        steps: list[Step] = [lambda conn: self._write_row(conn, account, before, after)]
        old_positions: dict[str, Any] = {} if before is None else before["positions"]
        new_positions = after["positions"]
        changed = [row for symbol, row in new_positions.items() if old_positions.get(symbol) != row]
        if changed:
            steps.append(Bulk(("positions", "upsert"), changed, _upsert_positions))
        gone = [s for s in old_positions if s not in new_positions]
        if gone:
            statement = delete(positions).where(
                positions.c.account_id == account.id, positions.c.symbol.in_(gone)
            )
            steps.append(lambda conn: conn.execute(statement))
        return steps

    async def _write_row(
        self, conn: AsyncConnection, account: Account, before: Any, after: Any
    ) -> None:
        if before is None:
            await upsert(conn, accounts, {**after["row"], "version": account.version}, self.keys)
            return
        values = {f"v_{k}": v for k, v in after["row"].items()}
        result = await conn.execute(
            _version_checked_update(tuple(after["row"])),
            {**values, "b_id": account.id, "b_version": account.version},
        )
        if result.rowcount != 1:
            raise ConcurrentUpdate(f"account {account.id} was changed by someone else")
        account.version += 1

    async def get(self, account_id: str) -> Account | None:
        held = self._uow.tracked(self.kind, (account_id,))
        if held is not None:
            return held  # type: ignore[no-any-return]
        row = (await self._uow.execute(_ACCOUNT, {"b_id": account_id})).first()
        return None if row is None else await self._account(row)

    async def version(self, account_id: str) -> int | None:
        return (await self._uow.execute(_ACCOUNT_VERSION, {"b_id": account_id})).scalar()

    async def attach(self, account: Account) -> None:
        """Track a held account and its open orders as loaded, at their current images.

        No read: the version check of the account's UPDATE at commit tells whether the
        copy was still the stored account (ConcurrentUpdate when it was not).
        """
        held = self._uow.tracked(self.kind, (account.id,))
        if held is not None:
            if held is not account:
                raise ConcurrentUpdate(f"account {account.id} is already loaded as another copy")
            return
        self._uow.track_loaded(self.kind, (account.id,), account, self)
        orders_repo = self._uow.orders
        for order in account.open_orders.values():
            self._uow.track_loaded(orders_repo.kind, orders_repo.key_of(order), order, orders_repo)

    async def list(self, owner_id: str | None = None) -> list[Account]:
        query = select(accounts).order_by(accounts.c.id)
        if owner_id is not None:
            query = query.where(accounts.c.owner_id == owner_id)
        rows = (await self._uow.execute(query)).all()
        return [await self._account(row) for row in rows]

    async def _account(self, row: Any) -> Account:
        held = self._uow.tracked(self.kind, (row.id,))
        if held is not None:
            return held  # type: ignore[no-any-return]
        position_rows = (await self._uow.execute(_POSITIONS_OF, {"b_id": row.id})).all()
        open_orders = await self._uow.orders.open_for(row.id)
        account = Account(
            id=row.id,
            owner_id=row.owner_id,
            cash=row.cash,
            currency=row.currency,
            broker=row.broker,
            positions={
                p.symbol: Position(
                    p.symbol, p.quantity, p.average_price, p.realized_pnl, p.multiplier
                )
                for p in position_rows
            },
            open_orders={o.id: o for o in open_orders},
            day_realized_pnl=row.day_realized_pnl,
            start_of_day_equity=row.start_of_day_equity,
            peak_equity=row.peak_equity,
            version=row.version,
            **profile_fields(row),
        )
        return self._uow.track_loaded(self.kind, (row.id,), account, self)  # type: ignore[no-any-return]


class InboxRepo(SqlRepo):
    """Ids of commands whose effect is committed; a plain insert, so a racing twin fails."""

    async def seen(self, message_id: str) -> bool:
        query = select(inbox.c.message_id).where(inbox.c.message_id == message_id)
        return (await self._uow.execute(query)).first() is not None

    async def add(self, message_id: str, kind: str, at: datetime) -> None:
        row = {"message_id": message_id, "kind": kind, "processed_at": at}
        self._uow.stage(lambda conn: conn.execute(insert(inbox).values(row)))


class FillRepo(SqlRepo):
    """Append-only fills; a fill id already stored is ignored."""

    async def add(self, fill: Fill) -> None:
        self._uow.stage_insert(fills, row_of(fill, fills))

    async def stored(self, fill_ids: Collection[str]) -> set[str]:
        if not fill_ids:
            return set()
        query = select(fills.c.id).where(fills.c.id.in_(list(fill_ids)))
        return set((await self._uow.execute(query)).scalars())

    async def list(self, account_id: str, order_id: str | None = None) -> list[Fill]:
        query = select(fills).where(fills.c.account_id == account_id)
        if order_id is not None:
            query = query.where(fills.c.order_id == order_id)
        rows = (await self._uow.execute(query.order_by(fills.c.at, fills.c.id))).all()
        return [record(Fill, r, side=Side(r.side)) for r in rows]


class InstrumentRepo(TrackedRepo[Instrument]):
    """Reference data; add() inserts or replaces by symbol."""

    kind = "instrument"
    table = instruments
    keys = ("symbol",)

    def to_row(self, i: Instrument) -> dict[str, Any]:
        return {
            "symbol": i.symbol,
            "asset_class": i.asset_class.value,
            "sector": i.sector,
            "tick_size": i.tick_size,
            "lot_size": i.lot_size,
            "multiplier": i.multiplier,
            "currency": i.currency,
            "underlying": i.underlying,
            "strike": i.strike,
            "expiry": i.expiry,
            "option_right": i.right.value if i.right is not None else None,
            "name": i.name,
            "marginable": i.marginable,
            "shortable": i.shortable,
            "active": i.active,
            "cusip": i.cusip,
            "isin": i.isin,
            "figi": i.figi,
            **_bond_row(i.bond),
        }

    def from_row(self, r: Any) -> Instrument:
        return Instrument(
            symbol=r.symbol,
            asset_class=AssetClass(r.asset_class),
            sector=r.sector,
            tick_size=r.tick_size,
            lot_size=r.lot_size,
            multiplier=r.multiplier,
            currency=r.currency,
            underlying=r.underlying,
            strike=r.strike,
            expiry=r.expiry,
            right=OptionRight(r.option_right) if r.option_right is not None else None,
            name=r.name,
            marginable=r.marginable,
            shortable=r.shortable,
            active=r.active,
            bond=_bond_terms(r),
            cusip=r.cusip,
            isin=r.isin,
            figi=r.figi,
        )

    async def get(self, symbol: str) -> Instrument | None:
        return await self._one(instruments.c.symbol == symbol)

    async def search(self, criteria: InstrumentSearch) -> list[Instrument]:
        query = select(instruments).where(*instrument_filters(criteria))
        query = query.order_by(instruments.c.symbol).limit(max(0, criteria.limit))
        return await self._many(query)

    async def list(self) -> list[Instrument]:
        return await self._many(select(instruments).order_by(instruments.c.symbol))


def _bond_row(terms: BondTerms | None) -> dict[str, Any]:
    """A bond's terms as the instrument row's bond_* columns (all null for anything else)."""
    if terms is None:
        return dict.fromkeys(_BOND_COLUMNS)
    return {
        "bond_face_value": terms.face_value,
        "bond_coupon_rate": terms.coupon_rate,
        "bond_frequency": terms.frequency,
        "bond_issue_date": terms.issue_date,
        "bond_maturity": terms.maturity,
        "bond_day_count": terms.day_count.value,
    }


_BOND_COLUMNS = (
    "bond_face_value",
    "bond_coupon_rate",
    "bond_frequency",
    "bond_issue_date",
    "bond_maturity",
    "bond_day_count",
)


def _bond_terms(r: Any) -> BondTerms | None:
    if r.bond_maturity is None:
        return None
    return BondTerms(
        face_value=r.bond_face_value,
        coupon_rate=r.bond_coupon_rate,
        frequency=r.bond_frequency,
        issue_date=r.bond_issue_date,
        maturity=r.bond_maturity,
        day_count=DayCount(r.bond_day_count),
    )
