"""Records each watched underlying's 30-day ATM IV once per trading day, for IV rank.

The day is the UTC calendar date of the clock; Saturdays and Sundays are not trading days and
record nothing (exchange holidays are not known here: a holiday records the day's IV like any
weekday). A symbol whose day is already stored is skipped (the first reading of the day stays),
unless `overwrite`. The IV is `OptionsChainService.current_iv`: the constant-maturity 30-day ATM
IV (domain/analytics/options/iv_stats.py). A symbol whose chain fails or has no usable IV is
reported, never raised: the other symbols are still recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from application.market_data.options_chain import OptionsChainService
from domain.errors import DomainError
from ports.core.clock import Clock
from ports.market_data.iv_history import DailyIV, IVHistoryStore
from ports.market_data.marketdata import QuoteUnavailable

SATURDAY = 5
MAX_SYMBOLS = 200


@dataclass
class RecordReport:
    """What one pass recorded: symbol -> IV; skipped (already stored today); failed: why."""

    day: date
    recorded: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    weekend: bool = False


@dataclass(eq=False)
class IVRecorder:
    """One pass over the symbols (`symbols()` is re-read each pass, at most MAX_SYMBOLS)."""

    chains: OptionsChainService
    history: IVHistoryStore
    clock: Clock
    symbols: Callable[[], Sequence[str]]

    async def record(
        self, symbols: Sequence[str] | None = None, *, overwrite: bool = False
    ) -> RecordReport:
        """Record today's IV of `symbols` (the watched ones when None)."""
        now = self.clock.now()
        report = RecordReport(day=now.date())
        if now.weekday() >= SATURDAY:
            report.weekend = True
            return report
        wanted = list(dict.fromkeys(s.strip().upper() for s in (symbols or self.symbols())))
        for symbol in wanted[:MAX_SYMBOLS]:
            if not overwrite and await self._stored(symbol, report.day):
                report.skipped.append(symbol)
                continue
            try:
                iv = await self.chains.current_iv(symbol)
            except (DomainError, QuoteUnavailable) as exc:
                report.failed[symbol] = getattr(exc, "code", type(exc).__name__)
                continue
            if iv is None:
                report.failed[symbol] = "NO_IV"
                continue
            await self.history.record(DailyIV(symbol, report.day, iv, self.clock.now()))
            report.recorded[symbol] = iv
        return report

    async def _stored(self, symbol: str, day: date) -> bool:
        last = await self.history.last(symbol, up_to=day, limit=1)
        return bool(last) and last[0].day == day
