"""The portfolio ledger on SQL (PostgreSQL and SQLite): one short transaction per call.

`add_transactions` writes a batch all or nothing. Small batches (and every batch on SQLite)
are checked for duplicates with a SELECT and inserted with one executemany; on PostgreSQL a
batch of FAST_PATH_ROWS or more goes through one binary COPY (asyncpg) into the table under a
savepoint: a unique violation undoes it, the batch is copied into a temporary table to find
and name the duplicate, and the whole transaction rolls back (ledger_copy.py).

`import_transactions` takes an import's batch (ports/portfolio/transaction_batch.py). On PostgreSQL
a
large one is the batch's own CSV text through one `COPY ... (FORMAT csv)`: no Python object
per row on the way (the CSV text is written column-wise by the batch; PostgreSQL parses it in
its own process); then the caller's `gate` (its last check) is awaited inside the
transaction, so the copy and the check run at the same time, and only then is it committed.
Elsewhere the gate is awaited first and the batch's Transaction objects go the usual way.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Collection, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.engine import guarded
from adapters.postgres.ledger_copy import copy_csv, copy_records
from adapters.postgres.repos.base import upsert_many
from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.portfolios import (
    portfolio_accounts,
    portfolio_transactions,
    portfolio_valuations,
    portfolios,
)
from domain.errors import AccountAlreadyHeld, Conflict, DuplicateTransaction, NotFound
from domain.portfolio.transactions import (
    LotPick,
    Transaction,
    TransactionKind,
    TransactionSource,
)
from domain.tax.methods import AccountTaxType, LotMethod
from ports.portfolio.portfolios import (
    Portfolio,
    PortfolioAccount,
    ValuationPoint,
    duplicate_external,
    duplicate_id,
)
from ports.portfolio.transaction_batch import TransactionBatch

FAST_PATH_ROWS = 1000  # a PostgreSQL batch this large goes through COPY
_CHUNK = 500  # ids per IN (...) when checking a batch for duplicates
_txs = portfolio_transactions
COLUMNS = tuple(c.name for c in _txs.columns)


def tx_record(tx: Transaction, portfolio_id: str) -> tuple[Any, ...]:
    """A transaction as a row tuple in COLUMNS order (what COPY sends)."""
    picks = (
        json.dumps([[p.lot_id, str(p.quantity)] for p in tx.lot_picks]) if tx.lot_picks else None
    )
    return (
        tx.id,
        portfolio_id,
        tx.account_id,
        tx.kind.value,
        tx.trade_date,
        tx.currency,
        tx.symbol,
        tx.quantity,
        tx.price,
        tx.amount,
        tx.fees,
        tx.split_ratio,
        None if tx.lot_method is None else tx.lot_method.value,
        picks,
        tx.acquired,
        tx.source.value,
        tx.external_id,
        tx.note,
        tx.new_symbol,
        tx.new_price,
        tx.allocation,
        tx.cusip,
        tx.isin,
        tx.settle_date,
    )


# The fill path's read, built once: which of a commit's accounts a portfolio holds.
_HOLDERS = select(portfolio_accounts.c.id, portfolio_accounts.c.portfolio_id).where(
    portfolio_accounts.c.id.in_(bindparam("ids", expanding=True))
)
_KINDS = {k.value: k for k in TransactionKind}
_SOURCES = {s.value: s for s in TransactionSource}
_METHODS = {m.value: m for m in LotMethod}


def tx_from_row(row: Any) -> Transaction:
    """A transaction from a row of the table's columns in COLUMNS order (a SQLAlchemy row or
    an asyncpg record)."""
    (
        tx_id, portfolio_id, account_id, kind, trade_date, currency, symbol, quantity, price,
        amount, fees, split_ratio, lot_method, picks, acquired, source, external_id, note,
        new_symbol, new_price, allocation, cusip, isin, settle_date,
    ) = row  # fmt: skip
    return Transaction(
        id=tx_id,
        portfolio_id=portfolio_id,
        account_id=account_id,
        kind=_KINDS[kind],
        trade_date=trade_date,
        currency=currency,
        symbol=symbol,
        quantity=quantity,
        price=price,
        amount=amount,
        fees=fees,
        split_ratio=split_ratio,
        lot_method=None if lot_method is None else _METHODS[lot_method],
        lot_picks=()
        if picks is None
        else tuple(LotPick(lot_id, Decimal(q)) for lot_id, q in json.loads(picks)),
        acquired=acquired,
        source=_SOURCES[source],
        external_id=external_id,
        note=note,
        new_symbol=new_symbol,
        new_price=Decimal(0) if new_price is None else new_price,
        allocation=allocation,
        cusip=cusip,
        isin=isin,
        settle_date=settle_date,
    )


def _account_row(portfolio_id: str, position: int, account: PortfolioAccount) -> dict[str, Any]:
    return row_of(account, portfolio_accounts, portfolio_id=portfolio_id, position=position)


def _account(row: Any) -> PortfolioAccount:
    return record(
        PortfolioAccount,
        row,
        tax_type=AccountTaxType(row.tax_type),
        lot_method=LotMethod(row.lot_method),
    )


def _batch_duplicate(txs: Sequence[Transaction]) -> DuplicateTransaction | None:
    """The first id or external id that repeats within the batch itself."""
    ids: set[str] = set()
    external: set[str] = set()
    for tx in txs:
        if tx.external_id is not None:
            if tx.external_id in external:
                return duplicate_external(tx.external_id)
            external.add(tx.external_id)
        if tx.id in ids:
            return duplicate_id(tx.id)
        ids.add(tx.id)
    return None


class SqlPortfolioStore(EngineStore):
    """A PortfolioStore on the portfolio tables (adapters/postgres/tables/portfolios.py)."""

    def __init__(self, engine: AsyncEngine, *, fast_path_rows: int = FAST_PATH_ROWS) -> None:
        super().__init__(engine)
        self._fast_path_rows = fast_path_rows

    # -- portfolios ---------------------------------------------------------------------

    async def add_portfolio(self, portfolio: Portfolio) -> None:
        ids = [a.id for a in portfolio.accounts]
        if len(set(ids)) != len(ids):
            raise AccountAlreadyHeld("an account is listed twice", field="accounts")
        await self._write(lambda conn: self._add_portfolio(conn, portfolio, ids))

    async def add_account(self, portfolio_id: str, account: PortfolioAccount) -> Portfolio | None:
        return await self._write(lambda conn: self._add_account(conn, portfolio_id, account))

    async def get_portfolio(self, portfolio_id: str) -> Portfolio | None:
        found = await guarded(lambda: self._portfolios(portfolios.c.id == portfolio_id, None))
        return found[0] if found else None

    async def list_portfolios(
        self, owner_id: str, *, after: str | None = None, limit: int = 50
    ) -> list[Portfolio]:
        where = portfolios.c.owner_id == owner_id
        if after is not None:
            where = and_(where, portfolios.c.id > after)
        return await guarded(lambda: self._portfolios(where, max(limit, 0)))

    async def portfolio_for_account(self, account_id: str) -> Portfolio | None:
        held = select(portfolio_accounts.c.portfolio_id).where(
            portfolio_accounts.c.id == account_id
        )
        found = await guarded(lambda: self._portfolios(portfolios.c.id.in_(held), None))
        return found[0] if found else None

    async def portfolios_for_accounts(self, account_ids: Collection[str]) -> dict[str, Portfolio]:
        if not account_ids:
            return {}
        return await guarded(lambda: self._portfolios_for(list(account_ids)))

    async def _portfolios_for(self, account_ids: list[str]) -> dict[str, Portfolio]:
        async with self._engine.connect() as conn:
            held = (await conn.execute(_HOLDERS, {"ids": account_ids})).all()
            if not held:
                return {}
            holders = portfolios.c.id.in_({r.portfolio_id for r in held})
            loaded = await self._load(conn, holders, None)
        by_id = {p.id: p for p in loaded}
        return {r.id: by_id[r.portfolio_id] for r in held if r.portfolio_id in by_id}

    async def _add_portfolio(
        self, conn: AsyncConnection, portfolio: Portfolio, ids: list[str]
    ) -> None:
        taken = await conn.scalar(select(portfolios.c.id).where(portfolios.c.id == portfolio.id))
        if taken is not None:
            raise Conflict(f"portfolio {portfolio.id!r} already exists", field="id")
        if ids:
            held = await conn.scalar(
                select(portfolio_accounts.c.id).where(portfolio_accounts.c.id.in_(ids))
            )
            if held is not None:
                raise AccountAlreadyHeld(
                    f"account {held!r} already belongs to a portfolio", field="accounts"
                )
        try:
            await conn.execute(portfolios.insert(), row_of(portfolio, portfolios))
            if ids:
                await conn.execute(
                    portfolio_accounts.insert(),
                    [_account_row(portfolio.id, i, a) for i, a in enumerate(portfolio.accounts)],
                )
        except IntegrityError as exc:  # a concurrent writer took the id or an account
            raise Conflict("the portfolio or an account of it is taken", field="id") from exc

    async def _add_account(
        self, conn: AsyncConnection, portfolio_id: str, account: PortfolioAccount
    ) -> Portfolio | None:
        found = await conn.scalar(select(portfolios.c.id).where(portfolios.c.id == portfolio_id))
        if found is None:
            return None
        held = await conn.scalar(
            select(portfolio_accounts.c.id).where(portfolio_accounts.c.id == account.id)
        )
        if held is not None:
            raise AccountAlreadyHeld(
                f"account {account.id!r} already belongs to a portfolio", field="id"
            )
        position = await conn.scalar(
            select(func.count()).where(portfolio_accounts.c.portfolio_id == portfolio_id)
        )
        try:
            await conn.execute(
                portfolio_accounts.insert(),
                _account_row(portfolio_id, int(position or 0), account),
            )
        except IntegrityError as exc:
            raise AccountAlreadyHeld(
                f"account {account.id!r} already belongs to a portfolio", field="id"
            ) from exc
        loaded = await self._load(conn, portfolios.c.id == portfolio_id, None)
        return loaded[0] if loaded else None

    async def _portfolios(self, where: Any, limit: int | None) -> list[Portfolio]:
        async with self._engine.connect() as conn:
            return await self._load(conn, where, limit)

    @staticmethod
    async def _load(conn: AsyncConnection, where: Any, limit: int | None) -> list[Portfolio]:
        query = select(portfolios).where(where).order_by(portfolios.c.id)
        if limit is not None:
            query = query.limit(limit)
        rows = (await conn.execute(query)).all()
        if not rows:
            return []
        ids = [r.id for r in rows]
        accounts: dict[str, list[PortfolioAccount]] = {i: [] for i in ids}
        held = (
            select(portfolio_accounts)
            .where(portfolio_accounts.c.portfolio_id.in_(ids))
            .order_by(portfolio_accounts.c.portfolio_id, portfolio_accounts.c.position)
        )
        for a in (await conn.execute(held)).all():
            accounts[a.portfolio_id].append(_account(a))
        return [record(Portfolio, r, accounts=tuple(accounts[r.id])) for r in rows]

    # -- transactions -------------------------------------------------------------------

    async def add_transactions(self, portfolio_id: str, txs: Sequence[Transaction]) -> None:
        if not txs:
            return
        duplicate = _batch_duplicate(txs)
        if duplicate is not None:
            raise duplicate
        await self._write(lambda conn: self._add_transactions(conn, portfolio_id, txs))

    async def _add_transactions(
        self, conn: AsyncConnection, portfolio_id: str, txs: Sequence[Transaction]
    ) -> None:
        found = await conn.scalar(select(portfolios.c.id).where(portfolios.c.id == portfolio_id))
        if found is None:
            raise NotFound(f"no portfolio {portfolio_id!r}", field="portfolio_id")
        if conn.dialect.name == "postgresql" and len(txs) >= self._fast_path_rows:
            records = [tx_record(tx, portfolio_id) for tx in txs]
            await copy_records(conn, records, COLUMNS)
            return
        await self._check_taken(conn, portfolio_id, txs)
        try:
            await conn.execute(
                _txs.insert(),
                [dict(zip(COLUMNS, tx_record(tx, portfolio_id), strict=True)) for tx in txs],
            )
        except IntegrityError as exc:  # a concurrent writer booked one of them first
            raise DuplicateTransaction("a transaction of the batch was booked meanwhile") from exc

    async def import_transactions(
        self,
        portfolio_id: str,
        batch: TransactionBatch,
        *,
        gate: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        if batch.portfolio_id != portfolio_id:
            raise ValueError("the batch is another portfolio's")
        if self._engine.dialect.name != "postgresql" or len(batch) < self._fast_path_rows:
            if gate is not None:
                await gate()
            await self.add_transactions(portfolio_id, batch.transactions())
            return
        await guarded(lambda: self._copy_batch(portfolio_id, batch, gate))

    async def _copy_batch(
        self,
        portfolio_id: str,
        batch: TransactionBatch,
        gate: Callable[[], Awaitable[None]] | None,
    ) -> None:
        async with self._engine.begin() as conn:
            found = await conn.scalar(
                select(portfolios.c.id).where(portfolios.c.id == portfolio_id)
            )
            if found is None:
                raise NotFound(f"no portfolio {portfolio_id!r}", field="portfolio_id")
            await copy_csv(conn, batch.csv_chunks)
            if gate is not None:
                await gate()

    @staticmethod
    async def _check_taken(
        conn: AsyncConnection, portfolio_id: str, txs: Sequence[Transaction]
    ) -> None:
        external = [tx.external_id for tx in txs if tx.external_id is not None]
        for start in range(0, len(external), _CHUNK):
            taken = await conn.scalar(
                select(_txs.c.external_id)
                .where(
                    _txs.c.portfolio_id == portfolio_id,
                    _txs.c.external_id.in_(external[start : start + _CHUNK]),
                )
                .limit(1)
            )
            if taken is not None:
                raise duplicate_external(taken)
        ids = [tx.id for tx in txs]
        for start in range(0, len(ids), _CHUNK):
            taken = await conn.scalar(
                select(_txs.c.id).where(_txs.c.id.in_(ids[start : start + _CHUNK])).limit(1)
            )
            if taken is not None:
                raise duplicate_id(taken)

    async def list_transactions(
        self,
        portfolio_id: str,
        *,
        after: tuple[date, str] | None = None,
        limit: int | None = None,
        until: date | None = None,
    ) -> list[Transaction]:
        query = select(_txs).where(_txs.c.portfolio_id == portfolio_id)
        if after is not None:
            day, tx_id = after
            query = query.where(
                or_(_txs.c.trade_date > day, and_(_txs.c.trade_date == day, _txs.c.id > tx_id))
            )
        if until is not None:
            query = query.where(_txs.c.trade_date <= until)
        query = query.order_by(_txs.c.trade_date, _txs.c.id)
        if limit is not None:
            query = query.limit(max(limit, 0))
        return await guarded(lambda: self._transactions(query))

    async def transactions_of_owner(self, owner_id: str) -> list[Transaction]:
        mine = select(portfolios.c.id).where(portfolios.c.owner_id == owner_id)
        query = (
            select(_txs).where(_txs.c.portfolio_id.in_(mine)).order_by(_txs.c.trade_date, _txs.c.id)
        )
        return await guarded(lambda: self._transactions(query))

    async def _transactions(self, query: Any) -> list[Transaction]:
        async with self._engine.connect() as conn:
            if conn.dialect.name != "postgresql":
                rows: Sequence[Any] = (await conn.execute(query)).all()
            else:  # asyncpg's records straight (NUMERIC -> Decimal): a third of the time
                compiled = query.compile(dialect=conn.dialect)
                args = [compiled.params[name] for name in compiled.positiontup or ()]
                raw = await conn.get_raw_connection()
                driver = raw.driver_connection
                assert driver is not None
                rows = await driver.fetch(compiled.string, *args)
        return [tx_from_row(r) for r in rows]

    # -- valuations ---------------------------------------------------------------------

    async def put_valuations(self, points: Sequence[ValuationPoint]) -> None:
        if not points:
            return
        latest = {(p.portfolio_id, p.day): p for p in points}  # the last of a repeated day
        rows = [row_of(p, portfolio_valuations) for p in latest.values()]
        keys = ("portfolio_id", "day")
        await self._write(lambda conn: upsert_many(conn, portfolio_valuations, rows, keys))

    async def valuations(self, portfolio_id: str, start: date, end: date) -> list[ValuationPoint]:
        query = (
            select(portfolio_valuations)
            .where(
                portfolio_valuations.c.portfolio_id == portfolio_id,
                portfolio_valuations.c.day >= start,
                portfolio_valuations.c.day <= end,
            )
            .order_by(portfolio_valuations.c.day)
        )
        return [record(ValuationPoint, r) for r in await self._read(query)]
