"""A keyed market-data vendor: a MarketDataProvider with adjusted bars and corporate actions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from domain.market_data.bars import Bar, Timeframe
from domain.market_data.corporate_actions import CorporateAction
from ports.market_data.marketdata import MarketDataProvider


class VendorMarketData(MarketDataProvider, Protocol):
    """Polygon, Finnhub, Alpha Vantage (docs/market-data-vendors.md). On top of the provider:

    - `bars(..., adjusted=True)` are adjusted for splits (and dividends where the vendor
      adjusts for them); `adjusted=False` asks for the raw prices. A vendor that cannot serve
      one of them raises ProviderError(retryable=False) naming what it lacks.
    - `corporate_actions` returns the splits and cash dividends of `symbol` with an ex date in
      [start, end), sorted by ex date then kind. Dividends carry the close before their ex
      date (CorporateAction's reference close); one whose close is not known is left out.
      A vendor that offers none raises ProviderError(retryable=False).
    - `spent` is what the calls made so far cost at the configured price per call.
    """

    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
        adjusted: bool = True,
    ) -> list[Bar]: ...

    async def corporate_actions(
        self, symbol: str, start: date, end: date
    ) -> list[CorporateAction]: ...

    async def aclose(self) -> None: ...
