"""Bar series, signals and a scripted bar source for the signal tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import numpy as np

from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.signals import Pattern, Signal
from ports.market_data.marketdata import QuoteUnavailable
from tests.kit.market_data import BarAsk, ServesBars

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def series(
    closes: Sequence[float], *, wick: float = 0.2, volume: float | Sequence[float] = 1000.0
) -> BarSeries:
    """Bars whose open is the previous close and whose wicks reach `wick` beyond the body."""
    close = np.asarray(closes, dtype=np.float64)
    open_ = np.concatenate([close[:1], close[:-1]])
    volumes = np.broadcast_to(np.asarray(volume, dtype=np.float64), close.shape).copy()
    return BarSeries(
        start=np.arange(len(close), dtype=np.float64) * 60.0 + T0.timestamp(),
        open=open_,
        high=np.maximum(open_, close) + wick,
        low=np.minimum(open_, close) - wick,
        close=close,
        volume=volumes,
    )


def random_walk(n: int, seed: int, *, start: float = 100.0, step: float = 0.5) -> list[float]:
    rng = np.random.default_rng(seed)
    return list(start + np.cumsum(rng.normal(0.0, step, n)))


def bars_of(
    symbol: str,
    closes: Sequence[float],
    timeframe: Timeframe = Timeframe.M1,
    start: datetime = T0,
) -> list[Bar]:
    """Closes as Bars (cent prices), one per `timeframe` from `start`."""
    built = []
    previous = closes[0]
    for i, value in enumerate(closes):
        open_, close = Decimal(f"{previous:.2f}"), Decimal(f"{value:.2f}")
        built.append(
            Bar(
                symbol=symbol,
                timeframe=timeframe,
                start=start + i * timeframe.delta,
                open=open_,
                high=max(open_, close) + Decimal("0.10"),
                low=min(open_, close) - Decimal("0.10"),
                close=close,
                volume=Decimal(1000 + 10 * i),
            )
        )
        previous = value
    return built


def breakout_closes(n: int = 60, jump: float = 6.0) -> list[float]:
    """A quiet range, then a last close far above it."""
    closes = [100.0 + 0.3 * ((-1) ** i) for i in range(n - 1)]
    return [*closes, closes[-1] + jump]


@dataclass
class ScriptedBars(ServesBars):
    """A BarSource serving given bars per (symbol, timeframe); failing symbols raise."""

    served: dict[tuple[str, Timeframe], list[Bar]] = field(default_factory=dict)
    failing: dict[str, Exception] = field(default_factory=dict)
    calls: list[tuple[str, Timeframe, int]] = field(default_factory=list)

    def put(self, symbol: str, timeframe: Timeframe, bars: list[Bar]) -> None:
        self.served[(symbol, timeframe)] = bars

    async def serve(self, ask: BarAsk) -> list[Bar]:
        self.calls.append((ask.symbol, ask.timeframe, ask.limit))
        if ask.symbol in self.failing:
            raise self.failing[ask.symbol]
        if (ask.symbol, ask.timeframe) not in self.served:
            raise QuoteUnavailable(ask.symbol)
        return self.served[(ask.symbol, ask.timeframe)][-ask.limit :]


def signal(
    signal_id: str,
    *,
    symbol: str = "AAPL",
    timeframe: Timeframe = Timeframe.M5,
    pattern: Pattern = Pattern.EMA_CROSSOVER,
    score: float = 0.5,
    at: datetime = T0,
    created_at: datetime | None = None,
) -> Signal:
    return Signal(
        id=signal_id,
        symbol=symbol,
        timeframe=timeframe,
        pattern=pattern,
        score=score,
        at=at,
        created_at=created_at or at + timedelta(minutes=5),
        reason="test",
        details={"gap_atr": 1.25},
    )
