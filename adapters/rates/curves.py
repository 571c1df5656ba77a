"""The Treasury curve of a day from any source's `series`: shared by both rates adapters."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from decimal import Decimal

from domain.fixedincome.curve import TREASURY_SERIES, YieldCurve, curve_on_or_before
from ports.markets.rates import RateObservation, UnknownSeries

# Look-backs tried in turn for the latest curve on or before a day: two weeks covers
# weekends and holidays; a year more covers a day past the end of a shipped file set.
LOOKBACK_DAYS: tuple[int, ...] = (14, 400)

SeriesReader = Callable[[str, date, date], Awaitable[list[RateObservation]]]


async def treasury_curve(series: SeriesReader, day: date) -> YieldCurve | None:
    """The latest curve on or before `day`: the 11 constant-maturity series read
    concurrently over a look-back window (a series the source lacks counts as empty)."""
    for lookback in LOOKBACK_DAYS:
        start = day - timedelta(days=lookback)
        values = await asyncio.gather(*(_values(series, s, start, day) for s in TREASURY_SERIES))
        curve = curve_on_or_before(dict(zip(TREASURY_SERIES, values, strict=True)), day)
        if curve is not None:
            return curve
    return None


async def _values(
    series: SeriesReader, series_id: str, start: date, end: date
) -> dict[date, Decimal | None]:
    try:
        return {o.day: o.value for o in await series(series_id, start, end)}
    except UnknownSeries:
        return {}
