"""The market regime as it read on each day of a daily close history, and its spells.

On day t (0-based, oldest first) the reading is `detect_regime` (domain/analytics/
regime_detection.py) on the closes p_0 .. p_t: what the detector said with the history known
that day, so the last day's reading is the reading of the whole history. The first day read is
t = MIN_HISTORY - 1 (the 200-day average needs 200 closes); the days before have no reading.

A spell is a run of consecutive days read in the same regime; a change is dated by the first
day of the new spell (the day the reading first showed it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from domain.analytics.montecarlo.regime_model import Regime
from domain.analytics.regime_detection import MIN_HISTORY, FloatArray, detect_regime

__all__ = ["RegimeSpell", "daily_labels", "regime_spells"]


@dataclass(frozen=True, slots=True)
class RegimeSpell:
    """Days `first` .. `last` (indices into the closes, both included) read in `regime`."""

    regime: Regime
    first: int
    last: int

    @property
    def days(self) -> int:
        return self.last - self.first + 1


def daily_labels(prices: Sequence[float] | FloatArray) -> list[Regime]:
    """The regime read on each day from MIN_HISTORY - 1 on (module doc): n - 199 labels."""
    closes = np.asarray(prices, dtype=np.float64)
    detect_regime(closes)  # the whole history's checks (InsufficientPriceHistory, ...) first
    return [detect_regime(closes[: t + 1]).label for t in range(MIN_HISTORY - 1, len(closes))]


def regime_spells(prices: Sequence[float] | FloatArray) -> tuple[RegimeSpell, ...]:
    """The runs of days read in the same regime, oldest first (module doc)."""
    spells: list[RegimeSpell] = []
    for offset, label in enumerate(daily_labels(prices)):
        day = MIN_HISTORY - 1 + offset
        if spells and spells[-1].regime is label:
            spells[-1] = RegimeSpell(label, spells[-1].first, day)
        else:
            spells.append(RegimeSpell(label, day, day))
    return tuple(spells)
