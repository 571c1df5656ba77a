"""What some market-data vendors serve beside prices: corporate actions and key ratios."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from domain.market_data.corporate_actions import CorporateAction
from domain.market_data.fundamentals import KeyRatios


class CorporateActionsSource(Protocol):
    """Splits and cash dividends of a symbol with an ex date in [start, end], by ex date.

    A dividend carries its reference close (the close of the last trading day before the ex
    date), read from the vendor's daily bars. A vendor that does not offer them raises a
    non-retryable ProviderError; an unknown symbol raises QuoteUnavailable.
    """

    name: str

    async def corporate_actions(
        self, symbol: str, start: date, end: date
    ) -> list[CorporateAction]: ...


class KeyRatiosSource(Protocol):
    """A symbol's key ratios now (same errors as CorporateActionsSource)."""

    name: str

    async def key_ratios(self, symbol: str) -> KeyRatios: ...
