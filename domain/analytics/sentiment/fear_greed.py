"""The Fear & Greed composite: five inputs, each normalised to 0..100, weighted to one score.

Inputs and their raw units (docs/sentiment-indices.md has the sources):

    vix        the 30-day implied volatility index, in vol points (20 = 20%)      fear input
    put_call   put volume / call volume of the index's options                    fear input
    momentum   index close / its 125-day simple moving average - 1                greed input
    breadth    share of the universe closing above its 50-day average, in [0, 1]  greed input
    social     weighted news and social sentiment, p(positive) - p(negative)      greed input

Normalisation (one rule for every input, `normalise`): with at least `min_history` earlier
observations, the input's midrank percentile within its trailing `window` observations (the
current one excluded):

    p = 100 * (count(h < x) + 0.5 * count(h == x)) / n

otherwise a straight line between documented bounds, clamped to [0, 100]:

    p = 100 * (x - low) / (high - low)

A fear input's score is 100 - p, so on every input 0 is the most fear and 100 the most greed.
Both rules are non-decreasing in x, so the composite is monotone in each input: raising a fear
input lowers or keeps the score, raising a greed input raises or keeps it.

The composite is the weighted mean of the available inputs' scores, the weights (each within
[0, 1], summing to 1 within 1e-6) renormalised over the inputs that are available:

    score = sum(w_i * s_i) / sum(w_i)   over available i;   coverage = sum(w_i) over available i

Bands: score < 20 extreme fear, < 40 fear, <= 60 neutral, <= 80 greed, > 80 extreme greed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from domain.analytics.sentiment.errors import (
    InsufficientInputs,
    InvalidSentimentInput,
    InvalidWeights,
    UnknownSeries,
)

INPUTS = ("vix", "put_call", "momentum", "breadth", "social")
FEAR_INPUTS = frozenset({"vix", "put_call"})  # a higher raw value means more fear
WEIGHT_TOLERANCE = 1e-6
MAX_WINDOW = 2520  # ten years of trading days


class Band(StrEnum):
    EXTREME_FEAR = "extreme_fear"
    FEAR = "fear"
    NEUTRAL = "neutral"
    GREED = "greed"
    EXTREME_GREED = "extreme_greed"


# (band, lowest score, highest score): the half-open edges are in `band_of`.
BANDS = (
    (Band.EXTREME_FEAR, 0.0, 20.0),
    (Band.FEAR, 20.0, 40.0),
    (Band.NEUTRAL, 40.0, 60.0),
    (Band.GREED, 60.0, 80.0),
    (Band.EXTREME_GREED, 80.0, 100.0),
)


class Method(StrEnum):
    PERCENTILE = "percentile"
    BOUNDS = "bounds"


def band_of(score: float) -> Band:
    """< 20 extreme fear; [20, 40) fear; [40, 60] neutral; (60, 80] greed; > 80 extreme greed."""
    if score < 20.0:
        return Band.EXTREME_FEAR
    if score < 40.0:
        return Band.FEAR
    if score <= 60.0:
        return Band.NEUTRAL
    if score <= 80.0:
        return Band.GREED
    return Band.EXTREME_GREED


@dataclass(frozen=True, slots=True)
class NormalisationRule:
    """Bounds in the input's raw units, and the trailing window of the percentile rule."""

    low: float
    high: float
    window: int = 252
    min_history: int = 20

    def __post_init__(self) -> None:
        if not (math.isfinite(self.low) and math.isfinite(self.high) and self.low < self.high):
            raise ValueError("a rule's bounds must be finite with low < high")
        if not 1 <= self.window <= MAX_WINDOW or not 1 <= self.min_history <= self.window:
            raise ValueError(f"window in [1, {MAX_WINDOW}] and min_history in [1, window]")


# The documented bounds (docs/sentiment-indices.md): where each input reads 0 and 100 (fear
# inputs reversed) while it has fewer than 20 earlier observations.
DEFAULT_RULES: Mapping[str, NormalisationRule] = {
    "vix": NormalisationRule(12.0, 40.0),  # VIX 12 calm (100), 40 panic (0)
    "put_call": NormalisationRule(0.5, 1.2),  # 0.5 call-heavy (100), 1.2 put-heavy (0)
    "momentum": NormalisationRule(-0.10, 0.10),  # 10% below the 125-day average (0) .. above
    "breadth": NormalisationRule(0.2, 0.8),  # 20% of the universe above its 50-day (0) .. 80%
    "social": NormalisationRule(-0.5, 0.5),  # net negative sentiment (0) .. net positive
}


@dataclass(frozen=True, slots=True)
class NormalisedInput:
    """One input's raw value and its 0..100 score (greed high), and how it was scored."""

    name: str
    raw: float
    score: float
    method: Method
    observations: int  # earlier observations in the window (the percentile's n)


def normalise(
    name: str, raw: float, history: Sequence[float], rule: NormalisationRule | None = None
) -> NormalisedInput:
    """`raw` as a 0..100 score against its earlier observations `history` (oldest first)."""
    if name not in INPUTS:
        raise UnknownSeries(f"unknown input {name[:40]!r}; one of {', '.join(INPUTS)}", field=name)
    if not math.isfinite(raw):
        raise InvalidSentimentInput(f"{name} must be a finite number", field=name)
    rule = rule or DEFAULT_RULES[name]
    past = np.asarray(history, dtype=np.float64)
    past = past[np.isfinite(past)][-rule.window :]
    if past.size >= rule.min_history:
        below = float(np.count_nonzero(past < raw))
        equal = float(np.count_nonzero(past == raw))
        greed = 100.0 * (below + 0.5 * equal) / past.size
        method = Method.PERCENTILE
    else:
        greed = 100.0 * min(1.0, max(0.0, (raw - rule.low) / (rule.high - rule.low)))
        method = Method.BOUNDS
    score = 100.0 - greed if name in FEAR_INPUTS else greed
    return NormalisedInput(name, raw, score, method, int(past.size))


@dataclass(frozen=True, slots=True)
class FearGreedWeights:
    """Each input's weight; validated to be within [0, 1] and to sum to 1 (within 1e-6)."""

    values: Mapping[str, float]

    def __post_init__(self) -> None:
        for name, weight in self.values.items():
            if name not in INPUTS:
                raise UnknownSeries(
                    f"weights: unknown input {name[:40]!r}; one of {', '.join(INPUTS)}",
                    field="weights",
                )
            if not (math.isfinite(weight) and 0.0 <= weight <= 1.0):
                raise InvalidWeights(f"weights: {name} must be within [0, 1]", field="weights")
        total = math.fsum(self.values.values())
        if abs(total - 1.0) > WEIGHT_TOLERANCE:
            raise InvalidWeights(
                f"weights must sum to 1 (they sum to {total:.6g})", field="weights"
            )

    def of(self, name: str) -> float:
        return self.values.get(name, 0.0)


EQUAL_WEIGHTS = FearGreedWeights(dict.fromkeys(INPUTS, 0.2))


def parse_weights(text: str) -> FearGreedWeights:
    """`vix:0.3,put_call:0.2,...` (or `=`); an input left out weighs 0."""
    values: dict[str, float] = {}
    for pair in (p.strip() for p in text.split(",")):
        if not pair:
            continue
        name, sep, number = pair.replace("=", ":").partition(":")
        try:
            value = float(number) if sep else math.nan
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise InvalidWeights(
                f"weights: expected name:weight pairs such as vix:0.2, got {pair[:40]!r}",
                field="weights",
            )
        if name.strip() in values:
            raise InvalidWeights(f"weights: {name.strip()[:40]} given twice", field="weights")
        values[name.strip()] = value
    if not values:
        raise InvalidWeights("weights: give at least one name:weight pair", field="weights")
    return FearGreedWeights(values)


@dataclass(frozen=True, slots=True)
class FearGreedScore:
    """The composite of the available inputs: 0 (extreme fear) .. 100 (extreme greed)."""

    score: float
    band: Band
    coverage: float  # the weight of the inputs that were available, in [0, 1]
    components: tuple[NormalisedInput, ...]  # in INPUTS order
    missing: tuple[str, ...]  # inputs with a weight above 0 that were not available


def composite(
    components: Mapping[str, NormalisedInput],
    weights: FearGreedWeights = EQUAL_WEIGHTS,
    min_coverage: float = 0.5,
) -> FearGreedScore:
    """The weighted mean of the available components (module doc); InsufficientInputs when
    their weights sum to less than `min_coverage` (or to 0)."""
    present = [components[name] for name in INPUTS if name in components]
    missing = tuple(n for n in INPUTS if n not in components and weights.of(n) > 0.0)
    coverage = math.fsum(weights.of(c.name) for c in present)
    if coverage <= 0.0 or coverage + WEIGHT_TOLERANCE < min_coverage:
        raise InsufficientInputs(
            f"the available inputs carry {coverage:.0%} of the weight, below the "
            f"{min_coverage:.0%} needed (missing: {', '.join(missing) or 'none'})",
            field="inputs",
        )
    total = math.fsum(weights.of(c.name) * c.score for c in present) / coverage
    score = min(100.0, max(0.0, total))
    return FearGreedScore(score, band_of(score), min(1.0, coverage), tuple(present), missing)
