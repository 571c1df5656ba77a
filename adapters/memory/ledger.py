"""In-process transaction ledger."""

from __future__ import annotations

from datetime import datetime

from domain.errors import Conflict
from ports.portfolio.ledger import DEFAULT_LIMIT, LedgerTransaction


class InMemoryTransactionLedger:
    """A TransactionLedger held in a dict by id."""

    def __init__(self) -> None:
        self._by_id: dict[str, LedgerTransaction] = {}

    async def add(self, tx: LedgerTransaction) -> None:
        held = self._by_id.get(tx.id)
        if held is None:
            self._by_id[tx.id] = tx
        elif held != tx:
            raise Conflict(f"transaction {tx.id} is already recorded with other values")

    async def get(self, tx_id: str) -> LedgerTransaction | None:
        return self._by_id.get(tx_id)

    async def list(
        self,
        account_id: str,
        symbol: str | None = None,
        since: datetime | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[LedgerTransaction]:
        found = [
            tx
            for tx in self._by_id.values()
            if tx.account_id == account_id
            and (symbol is None or tx.symbol == symbol)
            and (since is None or tx.executed_at >= since)
        ]
        found.sort(key=lambda tx: (tx.executed_at, tx.id))
        return found[: max(limit, 0)]
