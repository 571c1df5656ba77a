"""Transaction ledger port: executed trades with their tax-lot figures, per account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from domain.trading.orders import Side

DEFAULT_LIMIT = 1000


class HoldingPeriod(StrEnum):
    """How long the closed lot was held, for tax: one year or less is short."""

    SHORT = "short"
    LONG = "long"


@dataclass(frozen=True, slots=True)
class LedgerTransaction:
    """One executed trade and, once lots are matched, its tax-lot figures.

    `lot_id` names the lot it opens (a buy) or closes (a sell). `cost_basis`,
    `realized_gain` and `holding_period` are None until the lot is matched;
    `disallowed_loss` and `basis_adjustment` carry a wash sale's effect on the loss
    and on the replacement lot's basis.
    """

    id: str
    account_id: str
    symbol: str
    side: Side
    quantity: Decimal
    price: Decimal
    executed_at: datetime
    settlement_date: date | None = None
    lot_id: str | None = None
    cost_basis: Decimal | None = None
    realized_gain: Decimal | None = None
    holding_period: HoldingPeriod | None = None
    wash_sale: bool = False
    disallowed_loss: Decimal | None = None
    basis_adjustment: Decimal | None = None

    def __post_init__(self) -> None:
        if self.executed_at.tzinfo is None:
            raise ValueError("executed_at must be timezone-aware")


class TransactionLedger(Protocol):
    """Append-only ledger of transactions, filled by the platform's trading services.

    `add` is idempotent by id: the same transaction again is a no-op, a different one
    under an existing id raises domain.errors.Conflict. `get` returns None for an
    unknown id. `list` returns an account's transactions (of one symbol when given,
    executed at or after `since` when given), oldest first by (executed_at, id), at
    most `limit` of them.
    """

    async def add(self, tx: LedgerTransaction) -> None: ...

    async def get(self, tx_id: str) -> LedgerTransaction | None: ...

    async def list(
        self,
        account_id: str,
        symbol: str | None = None,
        since: datetime | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[LedgerTransaction]: ...
