"""Signal DTOs: one signal of the pattern engine, and a page of them."""

from __future__ import annotations

from datetime import datetime

from adapters.http.schemas.common import ItemsOut, Output
from adapters.http.wire_format import AnalyticOut
from domain.market_data.signals import Signal


class SignalOut(Output):
    """A signal: `score` in [-1, 1] (sign = direction), read on the bar that started at `at`."""

    id: str
    symbol: str
    timeframe: str
    pattern: str
    score: AnalyticOut
    direction: str
    at: datetime
    created_at: datetime
    reason: str
    details: dict[str, AnalyticOut]

    @classmethod
    def from_domain(cls, signal: Signal) -> SignalOut:
        return cls.from_attributes(
            signal,
            timeframe=signal.timeframe.value,
            pattern=signal.pattern.value,
            direction=signal.direction.value,
            details=dict(signal.details),
        )


class SignalPageOut(ItemsOut):
    """Signals newest first; pass `next_cursor` back as `cursor` for the next page."""

    items: list[SignalOut]
    next_cursor: str | None = None
