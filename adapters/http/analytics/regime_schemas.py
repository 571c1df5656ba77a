"""POST /api/v1/analytics/regime DTOs: a daily close history in, the detected regime out."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, cast

import msgspec

from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import AnalyticOut
from application.analytics.market_regime import MAX_HISTORY, MIN_HISTORY
from domain.analytics.regime_detection import RSI_PERIOD, RegimeReading

Label = Literal["bull", "bear", "volatile", "stable"]

CONVENTIONS = {
    "volatility_20d": "annualised sample standard deviation (ddof 1) of the last 20 daily log "
    "returns x sqrt(252); volatility_60d: the same over 60",
    "trend": "sma_50 / sma_200 - 1 (simple moving averages of the last 50 / 200 closes)",
    "cross": "golden: sma_50 above sma_200; death: below; none: equal",
    "rsi_14": "Wilder's 14-day RSI (first averages plain means, then (13 avg + today) / 14)",
    "drawdown": "1 - last close / highest close of the history",
    "scores": "each in [0, 1] from ramps of the indicators; the label is the highest "
    "(docs/regime-monte-carlo.md)",
}


class PriceHistoryIn(Input):
    """A daily close history, oldest first."""

    prices: Annotated[
        list[float],
        msgspec.Meta(
            description=f"{MIN_HISTORY} to {MAX_HISTORY:,} daily closes, oldest first, each "
            "positive and finite (422 naming the field otherwise)"
        ),
    ]


class StoredHistoryOut(Output):
    """The stored daily closes a reading came from (GET /analytics/regime/{symbol})."""

    symbol: str
    first_day: date
    last_day: date
    adjusted: bool


class RegimeOut(Output):
    """The detected regime, the score of every regime and the indicators behind them."""

    label: Label
    scores: dict[str, AnalyticOut]
    volatility_20d: AnalyticOut
    volatility_60d: AnalyticOut
    sma_50: AnalyticOut
    sma_200: AnalyticOut
    trend: AnalyticOut
    cross: Literal["golden", "death", "none"]
    rsi_14: AnalyticOut
    drawdown: AnalyticOut
    last_close: AnalyticOut
    observations: int
    conventions: dict[str, str]
    history: Annotated[
        StoredHistoryOut | None,
        msgspec.Meta(description="The stored closes read; null for a posted history"),
    ] = None

    @classmethod
    def from_domain(
        cls, reading: RegimeReading, history: StoredHistoryOut | None = None
    ) -> RegimeOut:
        assert RSI_PERIOD == 14
        label = cast(Label, reading.label.value)  # detection never reads `calibrated`
        cross: Literal["golden", "death", "none"] = (
            "golden"
            if reading.sma_50 > reading.sma_200
            else "death"
            if reading.sma_50 < reading.sma_200
            else "none"
        )
        return cls.from_attributes(
            reading,
            label=label,
            scores={regime.value: score for regime, score in reading.scores.items()},
            volatility_20d=reading.volatility,
            cross=cross,
            rsi_14=reading.rsi,
            conventions=CONVENTIONS,
            history=history,
        )
