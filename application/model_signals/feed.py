"""At a bar close, a model's signals for a universe go to the strategy engine.

The feed reads each symbol's last closed bars from the bar store (enough for the features'
warm-up), asks ModelSignals for the MODEL signals, and hands each to `deliver` (the strategy
processor's `on_signal`, which routes it to every strategy following this model), like a
pattern signal or an agent's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from application.model_signals.serving import ModelSignals, Sentiment
from domain.market_data.bars import Timeframe
from domain.model_signals.features import WARMUP_BARS
from domain.strategies.decide import StrategySignal
from ports.market_data.bar_store import BarStore

Deliver = Callable[[StrategySignal], Awaitable[object]]
CALENDAR_SLACK = 3  # calendar spans per bar needed: weekends and holidays between bars


@dataclass(eq=False)
class ModelSignalFeed:
    bars: BarStore
    signals: ModelSignals
    deliver: Deliver

    async def at_close(
        self,
        model: str,
        timeframe: Timeframe,
        closed_at: datetime,
        symbols: Sequence[str],
        sentiment: Sentiment | None = None,
    ) -> list[StrategySignal]:
        """The signals of the bar that closed at `closed_at`, each delivered once."""
        since = closed_at - timeframe.delta * WARMUP_BARS * CALENDAR_SLACK
        universe = await self.bars.series(list(symbols), timeframe, since, closed_at)
        found = await self.signals.signals_at_close(
            model, timeframe, closed_at, universe, sentiment
        )
        for signal in found:
            await self.deliver(signal)
        return found
