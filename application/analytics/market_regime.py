"""The market regime of a daily close history: posted (POST /api/v1/analytics/regime) or read
from the bar history store for a symbol and a date range (GET /api/v1/analytics/regime/{symbol}).

The reading comes from `domain.analytics.regime_detection.detect_regime` (bull, bear, volatile,
stable with a score each, the indicators behind them). This use case checks the history --
MIN_HISTORY to MAX_HISTORY positive finite closes, oldest first; 422 INVALID_PRICE_HISTORY
naming `prices[i]` for the first bad close or `prices` for too many, 422
INSUFFICIENT_PRICE_HISTORY naming `prices` for too few -- and runs histories longer than
LARGE_HISTORY closes through the `ComputeBudget` (off the event loop; 503 COMPUTE_BUSY /
COMPUTE_TIME_BUDGET with Retry-After). A stored history is the symbol's daily bars in
[start, end] (split- and dividend-adjusted closes unless asked raw), checked the same way with
the fields named `symbol` (too few closes) and `start` / `end` (a range the wrong way round).
`timeline_stored` adds the regime's spells over the range: the reading of each day on the
closes up to it (domain/analytics/regime_timeline.py), the dates where it changed. Nothing is
stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np

from application.core.compute_budget import ComputeBudget
from application.core.stored_closes import daily_closes_between
from domain.analytics.montecarlo.regime_model import Regime
from domain.analytics.regime_detection import (
    MIN_HISTORY,
    InsufficientPriceHistory,
    InvalidPriceHistory,
    RegimeReading,
    detect_regime,
)
from domain.analytics.regime_timeline import RegimeSpell, regime_spells
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore

DEFAULT_YEARS = 3  # a stored history's default range: three years to `end`

MAX_HISTORY = 100_000
LARGE_HISTORY = 2_000  # longer: computed through the ComputeBudget (off the event loop)

__all__ = ["LARGE_HISTORY", "MAX_HISTORY", "MIN_HISTORY", "RegimeDetectionService", "closes"]


def closes(prices: Sequence[float]) -> np.ndarray:
    """The checked closes as float64 (see the module doc for what is refused)."""
    if len(prices) > MAX_HISTORY:
        raise InvalidPriceHistory(
            f"at most {MAX_HISTORY:,} daily closes per request, got {len(prices):,}",
            field="prices",
        )
    if len(prices) < MIN_HISTORY:
        raise InsufficientPriceHistory(
            f"need at least {MIN_HISTORY} daily closes (the 200-day average), got {len(prices)}",
            field="prices",
        )
    series = np.asarray(prices, dtype=np.float64)
    bad = np.flatnonzero(~np.isfinite(series) | (series <= 0.0))
    if bad.size:
        index = int(bad[0])
        raise InvalidPriceHistory(
            f"closes must be positive finite numbers; got {series[index]!r}",
            field=f"prices[{index}]",
        )
    return series


@dataclass(frozen=True, slots=True)
class StoredHistory:
    """Which stored closes a reading came from."""

    symbol: str
    first_day: date
    last_day: date
    adjusted: bool


@dataclass(frozen=True, slots=True)
class DatedSpell:
    """Consecutive stored days `first_day` .. `last_day` read in `regime` (`days` closes)."""

    regime: Regime
    first_day: date
    last_day: date
    days: int


@dataclass(frozen=True, slots=True)
class StoredTimeline:
    """The reading of a stored history, where it came from, and the regime's spells over it
    (oldest first; each spell after the first is a change, dated by its first day)."""

    reading: RegimeReading
    history: StoredHistory
    spells: tuple[DatedSpell, ...]


@dataclass(eq=False)
class RegimeDetectionService:
    """The detected regime of a close history (module doc)."""

    budget: ComputeBudget
    # The bar history store, built on first use; None: stored histories are not offered.
    bars: Callable[[], BarStore] | None = None
    clock: Clock | None = None

    async def detect(self, prices: Sequence[float]) -> RegimeReading:
        return await self._detect(closes(prices))

    async def detect_stored(
        self,
        symbol: str,
        start: date | None = None,
        end: date | None = None,
        *,
        adjusted: bool = True,
    ) -> tuple[RegimeReading, StoredHistory]:
        """The regime of `symbol`'s stored daily closes from `start` to `end` (both included;
        `end` defaults to today (UTC), `start` to DEFAULT_YEARS before `end`)."""
        series, _, history = await self._stored(symbol, start, end, adjusted)
        return await self._detect(series), history

    async def timeline_stored(
        self,
        symbol: str,
        start: date | None = None,
        end: date | None = None,
        *,
        adjusted: bool = True,
    ) -> StoredTimeline:
        """As `detect_stored`, with the regime's spells over the range (regime_timeline.py):
        the reading of each day on the closes up to it, within the compute budget."""
        series, days, history = await self._stored(symbol, start, end, adjusted)

        def work() -> tuple[RegimeReading, tuple[RegimeSpell, ...]]:
            return detect_regime(series), regime_spells(series)

        reading, spells = await self.budget.run(f"regime timeline of {symbol}", work)
        dated = tuple(DatedSpell(s.regime, days[s.first], days[s.last], s.days) for s in spells)
        return StoredTimeline(reading, history, dated)

    async def _stored(
        self, symbol: str, start: date | None, end: date | None, adjusted: bool
    ) -> tuple[np.ndarray, list[date], StoredHistory]:
        """The checked stored closes of the range, their days and where they came from."""
        if end is None:
            end = (self.clock.now() if self.clock else datetime.now(UTC)).astimezone(UTC).date()
        if start is None:
            start = end.replace(year=end.year - DEFAULT_YEARS, day=min(end.day, 28))
        if start > end:
            raise InvalidPriceHistory(f"start {start} is after end {end}", field="start")
        if self.bars is None:
            raise InsufficientPriceHistory("no bar history store is configured", field="symbol")
        found = await daily_closes_between(self.bars(), [symbol], start, end, adjusted=adjusted)
        bars = found.get(symbol)
        count = 0 if bars is None else len(bars)
        if bars is None or count < MIN_HISTORY:
            raise InsufficientPriceHistory(
                f"{count} stored daily closes of {symbol} from {start} to {end}; at least "
                f"{MIN_HISTORY} are needed (backfill them: docs/bar-store.md)",
                field="symbol",
            )
        try:
            series = closes(bars.closes.tolist())
        except InvalidPriceHistory as exc:
            raise InvalidPriceHistory(exc.message, field="symbol") from None
        days: list[date] = bars.days.tolist()
        return series, days, StoredHistory(symbol, days[0], days[-1], adjusted)

    async def _detect(self, series: np.ndarray) -> RegimeReading:
        if series.shape[0] > LARGE_HISTORY:
            return await self.budget.run(
                f"regime of {series.shape[0]} closes", lambda: detect_regime(series)
            )
        return detect_regime(series)
