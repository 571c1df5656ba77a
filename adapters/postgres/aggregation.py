"""Linked items and what they hold on SQL (tables in adapters/postgres/tables/aggregation.py).

A sync page (its transactions and the cursor after it) is one transaction, so a crash never
keeps transactions without the cursor that follows them (or the reverse)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.aggregation import (
    aggregation_accounts as accounts_t,
)
from adapters.postgres.tables.aggregation import (
    aggregation_holdings as holdings_t,
)
from adapters.postgres.tables.aggregation import (
    aggregation_items as items_t,
)
from adapters.postgres.tables.aggregation import (
    aggregation_transactions as txns_t,
)
from adapters.postgres.tables.aggregation import (
    aggregation_webhooks as webhooks_t,
)
from domain.aggregation.model import (
    AggregatedAccount,
    AggregatedHolding,
    AggregatedTransaction,
    ItemStatus,
    LinkedItem,
)
from domain.errors import Conflict

_I, _A, _H, _T = items_t.c, accounts_t.c, holdings_t.c, txns_t.c


def _item_row(item: LinkedItem) -> dict[str, Any]:
    return row_of(item, items_t)


def _item(row: Any) -> LinkedItem:
    return record(LinkedItem, row, status=ItemStatus(row.status))


def _account_row(a: AggregatedAccount) -> dict[str, Any]:
    return row_of(a, accounts_t)


def _account(row: Any) -> AggregatedAccount:
    return record(AggregatedAccount, row)


def _holding_row(item_id: str, h: AggregatedHolding) -> dict[str, Any]:
    return row_of(h, holdings_t, item_id=item_id)


def _holding(row: Any) -> AggregatedHolding:
    return record(AggregatedHolding, row)


def _txn_row(t: AggregatedTransaction) -> dict[str, Any]:
    return row_of(t, txns_t, name=t.name[:300])


def _txn(row: Any) -> AggregatedTransaction:
    return record(AggregatedTransaction, row, pending=bool(row.pending))


class SqlAggregationStore(EngineStore):
    async def add_item(self, item: LinkedItem) -> None:
        async def work(conn: AsyncConnection) -> None:
            await conn.execute(insert(items_t).values(_item_row(item)))

        try:
            await self._write(work)
        except IntegrityError:
            raise Conflict("this institution login is already linked") from None

    async def get_item(self, item_id: str, owner_id: str) -> LinkedItem | None:
        return await self._read_one(
            select(items_t).where(_I.id == item_id, _I.owner_id == owner_id), _item
        )

    async def item_by_provider_id(self, provider_item_id: str) -> LinkedItem | None:
        return await self._read_one(
            select(items_t).where(_I.provider_item_id == provider_item_id), _item
        )

    async def items_of(self, owner_id: str) -> list[LinkedItem]:
        rows = await self._read(
            select(items_t).where(_I.owner_id == owner_id).order_by(_I.created_at, _I.id)
        )
        return [_item(r) for r in rows]

    async def items_of_portfolio(self, owner_id: str, portfolio_id: str) -> list[LinkedItem]:
        rows = await self._read(
            select(items_t)
            .where(_I.owner_id == owner_id, _I.portfolio_id == portfolio_id)
            .order_by(_I.created_at, _I.id)
        )
        return [_item(r) for r in rows]

    async def save_item(self, item: LinkedItem) -> None:
        row = _item_row(item)
        del row["id"], row["owner_id"], row["provider_item_id"], row["created_at"]

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(update(items_t).where(_I.id == item.id).values(row))

        await self._write(work)

    async def remove_item(self, item_id: str, owner_id: str) -> bool:
        async def work(conn: AsyncConnection) -> bool:
            gone = await conn.execute(
                delete(items_t).where(_I.id == item_id, _I.owner_id == owner_id)
            )
            if not gone.rowcount:
                return False
            for table, column in ((accounts_t, _A), (holdings_t, _H), (txns_t, _T)):
                await conn.execute(delete(table).where(column.item_id == item_id))
            return True

        removed: bool = await self._write(work)
        return removed

    async def _item_exists(self, conn: AsyncConnection, item_id: str) -> bool:
        found = await conn.execute(select(_I.id).where(_I.id == item_id))
        return found.first() is not None

    async def replace_accounts(self, item_id: str, accounts: list[AggregatedAccount]) -> None:
        async def work(conn: AsyncConnection) -> None:
            if not await self._item_exists(conn, item_id):
                return
            await conn.execute(delete(accounts_t).where(_A.item_id == item_id))
            if accounts:
                await conn.execute(insert(accounts_t), [_account_row(a) for a in accounts])

        await self._write(work)

    async def accounts_of(
        self, owner_id: str, item_id: str | None = None
    ) -> list[AggregatedAccount]:
        query = select(accounts_t).where(_A.owner_id == owner_id)
        if item_id is not None:
            query = query.where(_A.item_id == item_id)
        return [_account(r) for r in await self._read(query.order_by(_A.id))]

    async def replace_holdings(self, item_id: str, holdings: list[AggregatedHolding]) -> None:
        async def work(conn: AsyncConnection) -> None:
            if not await self._item_exists(conn, item_id):
                return
            await conn.execute(delete(holdings_t).where(_H.item_id == item_id))
            if holdings:
                await conn.execute(insert(holdings_t), [_holding_row(item_id, h) for h in holdings])

        await self._write(work)

    async def holdings_of(
        self, owner_id: str, item_id: str | None = None
    ) -> list[AggregatedHolding]:
        query = select(holdings_t).join(items_t, _I.id == _H.item_id).where(_I.owner_id == owner_id)
        if item_id is not None:
            query = query.where(_H.item_id == item_id)
        rows = await self._read(query.order_by(_H.account_id, _H.security_id))
        return [_holding(r) for r in rows]

    async def apply_transactions(
        self,
        item_id: str,
        upserts: list[AggregatedTransaction],
        removed: list[str],
        cursor: str,
    ) -> None:
        async def work(conn: AsyncConnection) -> None:
            if not await self._item_exists(conn, item_id):
                return
            gone = {t.id for t in upserts} | set(removed)
            if gone:
                await conn.execute(
                    delete(txns_t).where(_T.item_id == item_id, _T.id.in_(sorted(gone)))
                )
            if upserts:
                latest = {t.id: t for t in upserts}  # a page may modify what it adds
                await conn.execute(insert(txns_t), [_txn_row(t) for t in latest.values()])
            await conn.execute(update(items_t).where(_I.id == item_id).values(cursor=cursor))

        await self._write(work)

    async def transactions_of(
        self, owner_id: str, item_id: str, *, limit: int = 500
    ) -> list[AggregatedTransaction]:
        rows = await self._read(
            select(txns_t)
            .join(items_t, _I.id == _T.item_id)
            .where(_I.owner_id == owner_id, _T.item_id == item_id)
            .order_by(_T.day.desc(), _T.id)
            .limit(limit)
        )
        return [_txn(r) for r in rows]

    async def claim_webhook(self, body_sha256: str) -> bool:
        async def work(conn: AsyncConnection) -> None:
            await conn.execute(
                insert(webhooks_t).values(body_sha256=body_sha256, received_at=datetime.now(UTC))
            )

        try:
            await self._write(work)
        except IntegrityError:
            return False
        return True
