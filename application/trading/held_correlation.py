"""The held positions' correlation, read from the bar history store's daily closes
(domain/risk/held_correlation.py has the conventions)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from decimal import Decimal

from application.core.stored_closes import daily_closes
from domain.risk.held_correlation import (
    TRADING_DAYS,
    HeldCorrelation,
    NoHeldCorrelation,
    held_correlation,
)
from ports.market_data.bar_store import BarStore

# Calendar days read back for TRADING_DAYS returns: a year and a margin for holidays.
LOOKBACK = timedelta(days=400)


async def held_positions_correlation(
    bars: Callable[[], BarStore], values: Mapping[str, Decimal], now: datetime
) -> HeldCorrelation | NoHeldCorrelation:
    """The estimate for positions of these signed market `values` from the stored daily bars
    (split- and dividend-adjusted) of the last year up to `now`."""
    held = sorted(symbol for symbol, value in values.items() if value != 0)
    if not held:
        return NoHeldCorrelation("no open positions")
    series = await daily_closes(bars(), held, now - LOOKBACK, now)
    closes = {symbol: s.pairs() for symbol, s in series.items()}
    return held_correlation(values, closes, window=TRADING_DAYS)
