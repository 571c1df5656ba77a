"""One score from several sources, and a symbol's news-sentiment reading.

Each source kind's score is in [-1, 1], its sign the direction:
- pattern: the pattern engine's signed score, the reading's strength (a bare BUY / SELL
  reads +1 / -1).
- external: the score the agent posted.
- model: the served score tanh(prediction / score_scale) (docs/model-signals.md); a model
  that states a probability p of a rise reads 2p - 1 (`probability_score`).
- sentiment: the plain mean of p(positive) - p(negative) over the symbol's news items
  published in (t - window_hours, t], as the sentiment model classifies them; no reading
  with fewer than min_items items in the window (`sentiment_column`). Only items published
  by t count: a backtest reads no item published after its decision.

A `weighted` strategy's fused score at t is sum_i w_i * s_i, s_i the latest reading of source
i at most `reading_max_age_hours` old (a source without one adds 0), clipped to [-1, 1]. It
is then decided like any signal: enter when |fused| >= entry.min_score, the sign the side.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from domain.market_data.bars import FloatArray
from domain.strategies.definition import SignalSource, SourceKind, Strategy


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one source adds to the fused score: weight x score."""

    index: int
    label: str
    weight: float
    score: float

    @property
    def value(self) -> float:
        return self.weight * self.score


@dataclass(frozen=True, slots=True)
class Fused:
    """The fused score (clipped to [-1, 1]), the sum before clipping and its terms."""

    score: float
    raw: float
    contributions: tuple[Contribution, ...]

    def explain(self) -> str:
        """The sum as a sentence: 'fused +0.6500 = 0.5 x pattern:rsi(+1.0000) + ...'."""
        terms = " + ".join(f"{c.weight:g} x {c.label}({c.score:+.4f})" for c in self.contributions)
        text = f"fused {self.raw:+.4f} = {terms or 'no fresh reading'}"
        if self.score != self.raw:
            text += f", clipped to {self.score:+.4f}"
        return text


def source_label(source: SignalSource) -> str:
    """A short name of a source for decision records: kind, then pattern or name."""
    label = source.kind.value
    detail = source.pattern.value if source.pattern is not None else source.name
    if detail:
        label += f":{detail}"
    if source.kind is SourceKind.SENTIMENT:
        label += f":{source.sentiment_window_hours:g}h"
    return label


def fuse(strategy: Strategy, readings: Mapping[int, float]) -> Fused:
    """The fused score of `readings` (source index -> score in [-1, 1]), in source order.

    A reading that is not finite counts as none.
    """
    terms = tuple(
        Contribution(index, source_label(source), source.weight, float(readings[index]))
        for index, source in enumerate(strategy.sources)
        if index in readings and math.isfinite(readings[index])
    )
    raw = sum(term.value for term in terms)
    return Fused(min(1.0, max(-1.0, raw)), raw, terms)


def probability_score(probability: float) -> float:
    """A probability of a rise as a score: 2p - 1 (0.5 reads 0, 1 reads +1, 0 reads -1)."""
    if not 0.0 <= probability <= 1.0:
        raise ValueError(f"a probability is in [0, 1], got {probability}")
    return 2.0 * probability - 1.0


def sentiment_column(
    published: FloatArray,
    scores: FloatArray,
    at: FloatArray,
    window_s: float,
    min_items: int,
) -> FloatArray:
    """The sentiment reading at each time of `at` (epoch seconds): the mean score of the items
    published in (t - window_s, t] when at least `min_items` were, else NaN.

    `published` (epoch seconds) and `scores` are the items', in any order.
    """
    order = np.argsort(published, kind="stable")
    times = np.asarray(published, dtype=np.float64)[order]
    values = np.asarray(scores, dtype=np.float64)[order]
    sums = np.concatenate(([0.0], np.cumsum(values)))
    ats = np.asarray(at, dtype=np.float64)
    upper = np.searchsorted(times, ats, side="right")
    lower = np.searchsorted(times, ats - window_s, side="right")
    count = upper - lower
    out = np.full(len(ats), np.nan)
    enough = count >= max(1, min_items)
    out[enough] = (sums[upper[enough]] - sums[lower[enough]]) / count[enough]
    return out


def held(column: FloatArray, times: FloatArray, max_age_s: float) -> FloatArray:
    """Each row's latest reading of `column` (NaN: none at that row) at most `max_age_s` old
    by `times`, the row's own included; NaN where none is that fresh."""
    values = np.asarray(column, dtype=np.float64)
    rows = np.arange(len(values))
    last = np.maximum.accumulate(np.where(~np.isnan(values), rows, -1))
    out = np.full(len(values), np.nan)
    known = last >= 0
    source = last[known]
    fresh = np.asarray(times, dtype=np.float64)[known] - np.asarray(times)[source] <= max_age_s
    picked = np.flatnonzero(known)[fresh]
    out[picked] = values[source[fresh]]
    return out
