"""Splits and cash dividends, and the backward adjustment of bars they imply.

Bars are stored raw; adjusted bars are computed when read. A bar is multiplied by the factors
of every action whose ex date falls after the bar's (UTC) day: a split of `ratio` new shares
per old share scales prices by 1 / ratio and volumes by ratio; a cash dividend of `amount`
scales prices by 1 - amount / reference_close, where reference_close is the close of the
last trading day before the ex date (the provider of the action states it), and leaves
volumes alone. Adjusted prices and volumes are rounded half-even to 8 places.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum

import numpy as np

from domain.market_data.bars import Bar, BarSeries
from domain.numbers import ONE

PLACES = Decimal("0.00000001")


class ActionKind(StrEnum):
    """What changed the share: a split (or reverse split) or a cash dividend."""

    SPLIT = "split"
    DIVIDEND = "dividend"


@dataclass(frozen=True, slots=True)
class CorporateAction:
    """A split or cash dividend of `symbol`, effective from the open of `ex_date`."""

    symbol: str
    kind: ActionKind
    ex_date: date
    value: Decimal  # split: new shares per old share (2 for 2-for-1); dividend: cash per share
    reference_close: Decimal | None = None  # dividend: the close before the ex date

    def __post_init__(self) -> None:
        if self.value <= 0:
            raise ValueError(f"{self.kind} of {self.symbol} on {self.ex_date}: value must be > 0")
        dividend = self.kind is ActionKind.DIVIDEND
        if dividend and (self.reference_close is None or self.reference_close <= self.value):
            raise ValueError(
                f"dividend of {self.symbol} on {self.ex_date}: the reference close must "
                "exceed the amount"
            )

    @property
    def key(self) -> tuple[str, ActionKind, date]:
        """One action per (symbol, kind, ex date): a later one with this key replaces it."""
        return (self.symbol, self.kind, self.ex_date)

    @property
    def price_factor(self) -> Decimal:
        if self.kind is ActionKind.SPLIT:
            return ONE / self.value
        assert self.reference_close is not None
        return ONE - self.value / self.reference_close

    @property
    def volume_factor(self) -> Decimal:
        return self.value if self.kind is ActionKind.SPLIT else ONE


class Adjustment:
    """The price and volume factors of a symbol's actions, looked up by a bar's day."""

    def __init__(self, actions: Sequence[CorporateAction]) -> None:
        ordered = sorted(actions, key=lambda a: a.ex_date)
        self._days = [a.ex_date for a in ordered]
        # suffix[i]: the product of the factors of actions i.. (those on or after day i's date).
        price, volume = [ONE], [ONE]
        for action in reversed(ordered):
            price.append(price[-1] * action.price_factor)
            volume.append(volume[-1] * action.volume_factor)
        self._price = price[::-1]
        self._volume = volume[::-1]

    def __bool__(self) -> bool:
        return bool(self._days)

    def factors(self, day: date) -> tuple[Decimal, Decimal]:
        """(price factor, volume factor) for a bar of `day`: actions with an ex date after it."""
        i = bisect_right(self._days, day)
        return self._price[i], self._volume[i]

    def bar(self, bar: Bar) -> Bar:
        price, volume = self.factors(bar.start.astimezone(UTC).date())
        if price == ONE and volume == ONE:
            return bar

        def scaled(value: Decimal) -> Decimal:
            return (value * price).quantize(PLACES, ROUND_HALF_EVEN)

        return Bar(
            symbol=bar.symbol,
            timeframe=bar.timeframe,
            start=bar.start,
            open=scaled(bar.open),
            high=scaled(bar.high),
            low=scaled(bar.low),
            close=scaled(bar.close),
            volume=(bar.volume * volume).quantize(PLACES, ROUND_HALF_EVEN),
            vwap=None if bar.vwap is None else scaled(bar.vwap),
            trades=bar.trades,
        )

    def series(self, series: BarSeries) -> BarSeries:
        """The columns scaled by float factors (no rounding: bulk numerics)."""
        if not self._days:
            return series
        edges = np.array(
            [datetime.combine(d, time(0), UTC).timestamp() for d in self._days], dtype=np.float64
        )
        index = np.searchsorted(edges, series.start, side="right")
        price = np.array([float(f) for f in self._price], dtype=np.float64)[index]
        volume = np.array([float(f) for f in self._volume], dtype=np.float64)[index]
        return BarSeries(
            start=series.start,
            open=series.open * price,
            high=series.high * price,
            low=series.low * price,
            close=series.close * price,
            volume=series.volume * volume,
        )


def adjust(bars: Sequence[Bar], actions: Sequence[CorporateAction]) -> list[Bar]:
    """Bars backward-adjusted for `actions` (raw bars when there are none)."""
    adjustment = Adjustment(actions)
    return [adjustment.bar(b) for b in bars] if adjustment else list(bars)
