"""A vendor's corporate actions as ledger-ready records (docs/ledger.md "Corporate actions from
a vendor").

Not the market-data record of a split or dividend (domain/market_data/corporate_actions.py,
for adjusting bars): these are the lot events of domain/tax/corporate_actions.py, each already
mapped to a ledger kind (domain.portfolio.transactions.TransactionKind) with the fields that
kind takes. A vendor record that maps to no ledger kind, or whose numbers do not say what
the kind needs, is returned as a `SkippedAction` with the reason: never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Protocol

from domain.errors import DomainError
from domain.numbers import ZERO
from domain.portfolio.transactions import TransactionKind


@dataclass(frozen=True, slots=True)
class VendorAction:
    """One corporate action of `symbol`, effective (ex date, or the merger's effective date)
    on `effective_date`, as the ledger books it (Transaction's docstring):

    - `ratio`: new shares per old (SPLIT, REVERSE_SPLIT, STOCK_MERGER, MIXED_MERGER, SPIN_OFF).
    - `new_symbol`: the shares' symbol after a merger, spin-off or symbol change.
    - `cash_per_share`: cash per OLD share (CASH_MERGER, the boot of a MIXED_MERGER); 0 if none.
    - `new_price`: a MIXED_MERGER's fair market value of one new share, when the vendor says.
    - `allocation`: a SPIN_OFF's basis fraction (Form 8937), when the vendor says.

    `source` names the vendor, `vendor_id` its id of the record (unique per source: the
    import's dedupe key), `vendor_type` the vendor's name of the record's type."""

    source: str
    vendor_id: str
    vendor_type: str
    symbol: str
    kind: TransactionKind
    effective_date: date
    ratio: Decimal | None = None
    new_symbol: str | None = None
    cash_per_share: Decimal = ZERO
    new_price: Decimal | None = None
    allocation: Decimal | None = None


@dataclass(frozen=True, slots=True)
class SkippedAction:
    """A vendor record that is not imported, and why (`symbol` and `effective_date` when the
    record names them)."""

    source: str
    vendor_id: str
    vendor_type: str
    symbol: str
    effective_date: date | None
    reason: str


@dataclass(frozen=True, slots=True)
class SourcedActions:
    """What a source answered for a window: the mapped actions and the records skipped."""

    actions: list[VendorAction] = field(default_factory=list)
    skipped: list[SkippedAction] = field(default_factory=list)


class CorporateActionsUnavailable(DomainError):
    """The vendor did not answer (down, timed out, refused the key, rate limited, or answered
    something not of its documented shape); `retry_after` is when to ask again (seconds)."""

    code = "CORPORATE_ACTIONS_UNAVAILABLE"

    def __init__(self, message: str, retry_after: float = 60.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CorporateActionSource(Protocol):
    """A vendor's corporate actions (Alpaca, Polygon).

    `actions` answers the actions of `symbols` effective in [start, end] (both included),
    every page of the vendor's answer followed, in (effective_date, symbol, vendor_id) order;
    records of other symbols the vendor adds are left out. It raises
    CorporateActionsUnavailable when the vendor does not answer; it never writes anything.
    `name` is the source's name ("alpaca", "polygon").
    """

    @property
    def name(self) -> str: ...

    async def actions(self, symbols: Sequence[str], start: date, end: date) -> SourcedActions: ...
