"""The transaction ledger on the `transactions` table, each call in its own short transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded
from adapters.postgres.rows import record, row_of
from adapters.postgres.tables.platform import transactions
from domain.errors import Conflict
from domain.trading.orders import Side
from ports.portfolio.ledger import DEFAULT_LIMIT, HoldingPeriod, LedgerTransaction


def to_row(tx: LedgerTransaction) -> dict[str, Any]:
    return row_of(tx, transactions)


def from_row(row: Any) -> LedgerTransaction:
    return record(
        LedgerTransaction,
        row,
        side=Side(row.side),
        holding_period=HoldingPeriod(row.holding_period) if row.holding_period else None,
        wash_sale=bool(row.wash_sale),
    )


class SqlTransactionLedger:
    """A TransactionLedger on SQL; a repeated add of the same transaction is a no-op."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def add(self, tx: LedgerTransaction) -> None:
        try:
            await guarded(lambda: self._insert(tx))
        except IntegrityError:
            # Lost to an earlier add of the same id (maybe a redelivery): fine if identical.
            held = await self.get(tx.id)
            if held is None:
                raise
            if held != tx:
                raise Conflict(
                    f"transaction {tx.id} is already recorded with other values"
                ) from None

    async def get(self, tx_id: str) -> LedgerTransaction | None:
        return await guarded(lambda: self._get(tx_id))

    async def _insert(self, tx: LedgerTransaction) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(insert(transactions).values(to_row(tx)))

    async def _get(self, tx_id: str) -> LedgerTransaction | None:
        async with self._engine.begin() as conn:
            row = (
                await conn.execute(select(transactions).where(transactions.c.id == tx_id))
            ).first()
        return from_row(row) if row is not None else None

    async def _list(
        self, account_id: str, symbol: str | None, since: datetime | None, limit: int
    ) -> list[LedgerTransaction]:
        query = select(transactions).where(transactions.c.account_id == account_id)
        if symbol is not None:
            query = query.where(transactions.c.symbol == symbol)
        if since is not None:
            query = query.where(transactions.c.executed_at >= since)
        query = query.order_by(transactions.c.executed_at, transactions.c.id).limit(max(limit, 0))
        async with self._engine.begin() as conn:
            rows = (await conn.execute(query)).all()
        return [from_row(row) for row in rows]

    async def list(
        self,
        account_id: str,
        symbol: str | None = None,
        since: datetime | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[LedgerTransaction]:
        return await guarded(lambda: self._list(account_id, symbol, since, limit))
