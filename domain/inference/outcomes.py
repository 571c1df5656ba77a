"""Models judged by their outcomes: realised moves after a prediction, hits, calibration, drift.

Pure functions over plain numbers (the application reads the stored predictions and bars):
- `realised_move`: the forward return and the worst adverse excursion over a horizon, in
  the direction of the trade (a sell gains when the price falls);
- `realised_rating`: the rating the realised move earns (DANGER: an adverse excursion of
  `danger_move` or more; CAUTION: of `caution_move` or more; else SAFE);
- `reliability_bins`: calibration, the predictions' mean confidence beside their hit rate
  per confidence bin (a calibrated model's 0.8 is right 80% of the time);
- `population_stability`: the population stability index (PSI) of a current sample against
  a reference one, over the reference's deciles (< 0.1 stable, 0.1..0.25 shifting,
  > 0.25 drifted, the customary reading).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_CAUTION_MOVE = 0.02
DEFAULT_DANGER_MOVE = 0.05
_EPSILON = 1e-4  # a bin with no member counts as this share (PSI's log would be infinite)


class InvalidOutcomeInput(ValueError):
    """Prices that are not positive and finite, or bins out of range."""


@dataclass(frozen=True, slots=True)
class RealisedMove:
    """`forward_return`: last close over the entry price, minus 1, signed by the trade's
    direction; `drawdown`: the worst adverse excursion on the way (>= 0)."""

    forward_return: float
    drawdown: float


def realised_move(entry: float, path: Sequence[float], direction: int) -> RealisedMove:
    """The move of `path` (closes after the prediction, oldest first) from `entry`.
    `direction`: +1 long (a buy), -1 short (a sell), 0 the price itself (a score)."""
    if not path:
        raise InvalidOutcomeInput("no price after the prediction")
    if not all(math.isfinite(p) and p > 0 for p in (entry, *path)):
        raise InvalidOutcomeInput("prices must be positive and finite")
    sign = -1.0 if direction < 0 else 1.0
    returns = [sign * (p / entry - 1.0) for p in path]
    return RealisedMove(returns[-1], max(0.0, -min(returns)))


def realised_rating(
    move: RealisedMove,
    caution_move: float = DEFAULT_CAUTION_MOVE,
    danger_move: float = DEFAULT_DANGER_MOVE,
) -> str:
    """SAFE / CAUTION / DANGER as the realised adverse excursion earns it."""
    if move.drawdown >= danger_move:
        return "DANGER"
    if move.drawdown >= caution_move:
        return "CAUTION"
    return "SAFE"


def score_hit(score: float, forward_return: float) -> bool | None:
    """A signed score (sentiment, a signal) is right when the price moved its way; None when
    either is zero (no call, or no move)."""
    if score == 0 or forward_return == 0:
        return None
    return (score > 0) == (forward_return > 0)


def hit_rate(hits: Sequence[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Predictions with confidence in [low, high): how many, their mean confidence and how
    often they were right (None: the bin is empty)."""

    low: float
    high: float
    count: int
    mean_confidence: float | None
    hit_rate: float | None


def reliability_bins(
    confidences: Sequence[float], hits: Sequence[bool], bins: int = 10
) -> list[ReliabilityBin]:
    """Equal-width bins over [0, 1]; a confidence of exactly 1 falls in the last bin."""
    if not 1 <= bins <= 100:
        raise InvalidOutcomeInput("bins must be within 1..100")
    if len(confidences) != len(hits):
        raise InvalidOutcomeInput("one hit per confidence")
    members: list[list[int]] = [[] for _ in range(bins)]
    for index, confidence in enumerate(confidences):
        if not (math.isfinite(confidence) and 0 <= confidence <= 1):
            raise InvalidOutcomeInput("a confidence lies within [0, 1]")
        members[min(int(confidence * bins), bins - 1)].append(index)
    result = []
    for b, indices in enumerate(members):
        low, high = b / bins, (b + 1) / bins
        if not indices:
            result.append(ReliabilityBin(low, high, 0, None, None))
            continue
        mean = sum(confidences[i] for i in indices) / len(indices)
        rate = sum(1 for i in indices if hits[i]) / len(indices)
        result.append(ReliabilityBin(low, high, len(indices), mean, rate))
    return result


def expected_calibration_error(bins: Sequence[ReliabilityBin]) -> float | None:
    """The count-weighted mean gap between confidence and hit rate (0: calibrated)."""
    total = sum(b.count for b in bins)
    if total == 0:
        return None
    return (
        sum(
            b.count * abs((b.mean_confidence or 0.0) - (b.hit_rate or 0.0)) for b in bins if b.count
        )
        / total
    )


def _edges(reference: Sequence[float], bins: int) -> list[float]:
    ordered = sorted(reference)
    cuts = [ordered[min(len(ordered) - 1, (len(ordered) * k) // bins)] for k in range(1, bins)]
    return sorted(set(cuts))


def _shares(values: Sequence[float], edges: Sequence[float]) -> list[float]:
    counts = [0] * (len(edges) + 1)
    for value in values:
        index = 0
        while index < len(edges) and value >= edges[index]:
            index += 1
        counts[index] += 1
    return [max(c / len(values), _EPSILON) for c in counts]


def population_stability(
    reference: Sequence[float], current: Sequence[float], bins: int = 10
) -> float | None:
    """PSI = sum((cur - ref) * ln(cur / ref)) over the reference's quantile bins; None when
    either sample is empty. 0 for identical distributions, never negative."""
    if not 2 <= bins <= 100:
        raise InvalidOutcomeInput("bins must be within 2..100")
    if not reference or not current:
        return None
    if not all(math.isfinite(v) for v in (*reference, *current)):
        raise InvalidOutcomeInput("values must be finite")
    edges = _edges(reference, bins)
    ref, cur = _shares(reference, edges), _shares(current, edges)
    return sum((c - r) * math.log(c / r) for r, c in zip(ref, cur, strict=True))
