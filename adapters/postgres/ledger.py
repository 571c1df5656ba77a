"""The transaction ledger on the `transactions` table, each call in its own short transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
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


class SqlTransactionLedger(EngineStore):
    """A TransactionLedger on SQL; a repeated add of the same transaction is a no-op."""

    async def add(self, tx: LedgerTransaction) -> None:
        try:
            await self._write(lambda conn: conn.execute(insert(transactions).values(to_row(tx))))
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
        return await self._read_one(
            select(transactions).where(transactions.c.id == tx_id), from_row
        )

    async def list(
        self,
        account_id: str,
        symbol: str | None = None,
        since: datetime | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[LedgerTransaction]:
        query = select(transactions).where(transactions.c.account_id == account_id)
        if symbol is not None:
            query = query.where(transactions.c.symbol == symbol)
        if since is not None:
            query = query.where(transactions.c.executed_at >= since)
        query = query.order_by(transactions.c.executed_at, transactions.c.id).limit(max(limit, 0))
        return [from_row(row) for row in await self._read(query)]
