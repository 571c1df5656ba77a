"""One bar of a larger timeframe from the bars it spans (the replay's and the vendors' roll-up)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from domain.market_data.bars import Bar, Timeframe


def rolled_up(
    parts: Sequence[Bar], start: datetime, timeframe: Timeframe, vwap: Decimal | None
) -> Bar:
    """The `timeframe` bar at `start` of `parts` (one symbol's, oldest first): first open,
    highest high, lowest low, last close, summed volume, trades summed (None when a part has
    no count), and the `vwap` the caller weighed."""
    trades = [part.trades for part in parts]
    return Bar(
        symbol=parts[0].symbol,
        timeframe=timeframe,
        start=start,
        open=parts[0].open,
        high=max(part.high for part in parts),
        low=min(part.low for part in parts),
        close=parts[-1].close,
        volume=sum((part.volume for part in parts), Decimal(0)),
        vwap=vwap,
        trades=None if None in trades else sum(t for t in trades if t is not None),
    )
