"""Daily closes read from the market-data provider (its 1d bars), keyed by the UTC day each
bar starts on: the reading that the portfolio valuation, the portfolio attribution and the
performance benchmark share, kept in core so that every context may import it.

The provider is asked for every bar that can start in the window (a limit of one bar a
calendar day); a bar of another timeframe is not read as a daily close.
"""

from __future__ import annotations

from datetime import UTC, date, timedelta
from decimal import Decimal

from application.core.stored_closes import midnight
from domain.market_data.bars import Timeframe
from ports.market_data.marketdata import BarSource


async def provider_closes(
    market: BarSource, symbol: str, first: date, last: date
) -> dict[date, Decimal]:
    """The closes of `symbol`'s daily bars starting from `first` to `last` (both included),
    by day; raises what the provider raises (QuoteUnavailable, ProviderError)."""
    since = midnight(first)
    until = midnight(last + timedelta(days=1))
    bars = await market.bars(
        symbol, Timeframe.D1, start=since, end=until, limit=(until - since).days + 1
    )
    return {b.start.astimezone(UTC).date(): b.close for b in bars if b.timeframe is Timeframe.D1}
