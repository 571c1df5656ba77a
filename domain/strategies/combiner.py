"""A learned combiner: a weighted strategy's source weights fitted on outcomes, walk-forward.

Why this method: what a strategy asks at each bar is a direction (will the next bar close
higher?), and its sources' readings are already scores on one scale, [-1, 1]. A logistic
regression of the direction on the readings gives one weight per source (the log-odds of a rise
per unit of the source's score) and a probability p of a rise, read as the score 2p - 1 as a
model source that states a probability is (fusion.probability_score). Its L2 penalty keeps the
weight of a source that tells nothing, or speaks on few bars, near 0 instead of fitting its
noise; the fit is convex, so one data set has one answer. The fit itself is a well-kept
library's (scikit-learn's LogisticRegression, ports/strategies/combiner.py); this module is the
walk-forward around it and the measures of the outcome, in plain numpy.

Conventions:
- The outcome of bar t is its next return, close[t + 1] / close[t] - 1, known at bar t + 1's
  close; a rise is a positive one.
- The features of bar t are each source's latest reading at bar t's close, at most
  `reading_max_age_hours` old (0 without one): the readings the stated fusion sums.
- Walk-forward: the fit at bar r's close trains on bars t in [r - training_bars, r), whose
  outcomes are all known by then (a flat bar, return 0, is left out), and decides bars r to
  r + refit_bars - 1. The first fit is at r = training_bars. A window whose outcomes all go
  one way fits nothing new: the previous fit stays in force (before any: no learned score).
  No decision ever reads a bar after its own.
- The learned score is tanh(z / 2) = 2 sigmoid(z) - 1, z = b + sum_i w_i x_i.
- Out-of-sample quality, over the bars a fit is in force at and whose next return is known:
  the hit rate is the share of the days where the signal and the next return are both
  non-zero whose signs agree; the information coefficient (IC) is Spearman's rank correlation
  of the signal with the next return over all those days (average ranks for ties), None when
  either is constant.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from domain.errors import DomainError
from domain.market_data.bars import FloatArray

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]
MAX_REFITS = 2_000  # refits of one symbol's history in one run or report


class CombinerTooFewBars(DomainError):
    """A learned combiner has no bar to decide: the history is not longer than its training
    window (the field at fault is named)."""

    code = "COMBINER_TOO_FEW_BARS"


class CombinerTooManyRefits(DomainError):
    """A learned combiner would refit more than MAX_REFITS times over one symbol's history."""

    code = "COMBINER_TOO_MANY_REFITS"


@dataclass(frozen=True, slots=True)
class Weights:
    """A fitted combiner: the intercept b and one weight per source, in source order."""

    intercept: float
    weights: tuple[float, ...]

    def logit(self, features: FloatArray) -> FloatArray:
        """z = b + features @ w for each row of `features` (rows: bars, columns: sources)."""
        x = np.asarray(features, dtype=np.float64)
        out: FloatArray = self.intercept + x @ np.asarray(self.weights, dtype=np.float64)
        return out


# Fits Weights to features (rows: bars) and whether each bar's next close rose; both occur.
Fit = Callable[[FloatArray, BoolArray], Weights]


@dataclass(frozen=True, slots=True)
class Refit:
    """One fit of the walk: at the close of bar `row`, on `samples` bars before it."""

    row: int
    samples: int
    weights: Weights


@dataclass(frozen=True, slots=True)
class WalkForward:
    """The fits in order, the fit in force at each bar (-1: none) and the learned score there
    (NaN: no fit in force)."""

    refits: tuple[Refit, ...]
    in_force: IntArray
    scores: FloatArray

    def refit_at(self, row: int) -> Refit | None:
        index = int(self.in_force[row])
        return self.refits[index] if index >= 0 else None


def check_history(
    symbol: str, bars: int, training_bars: int, refit_bars: int, *, field: str
) -> None:
    """Refuse a history of `bars` bars a learned combiner cannot decide on, or would refit on
    more than MAX_REFITS times."""
    if bars <= training_bars:
        raise CombinerTooFewBars(
            f"{symbol} has {bars} bars: a learned combiner trains on the first "
            f"{training_bars} (training_bars) and decides from the next one",
            field=field,
        )
    refits = math.ceil((bars - training_bars) / refit_bars)
    if refits > MAX_REFITS:
        raise CombinerTooManyRefits(
            f"{symbol}'s {bars} bars would be refitted {refits} times (at most {MAX_REFITS}): "
            "raise refit_bars or shorten the range",
            field=field,
        )


def next_returns(close: FloatArray) -> FloatArray:
    """close[t + 1] / close[t] - 1 at each bar t; NaN at the last bar (not known yet)."""
    closes = np.asarray(close, dtype=np.float64)
    out = np.full(len(closes), np.nan)
    if len(closes) > 1:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[:-1] = closes[1:] / closes[:-1] - 1.0
    return out


def walk_forward(
    features: FloatArray, close: FloatArray, training_bars: int, refit_bars: int, fit: Fit
) -> WalkForward:
    """Fit every `refit_bars` bars on the last `training_bars` bars before (module docstring)."""
    n = len(close)
    x = np.nan_to_num(np.asarray(features, dtype=np.float64).reshape(n, -1), nan=0.0)
    returns = next_returns(close)
    refits: list[Refit] = []
    in_force = np.full(n, -1, dtype=np.int64)
    scores = np.full(n, np.nan)
    for row in range(training_bars, n, refit_bars):
        outcome = returns[row - training_bars : row]
        keep = np.isfinite(outcome) & (outcome != 0)
        rises = outcome[keep] > 0
        if rises.any() and not rises.all():
            trained = x[row - training_bars : row][keep]
            refits.append(Refit(row, int(keep.sum()), fit(trained, rises)))
        if refits:
            end = min(n, row + refit_bars)
            in_force[row:end] = len(refits) - 1
            scores[row:end] = np.tanh(refits[-1].weights.logit(x[row:end]) / 2.0)
    return WalkForward(tuple(refits), in_force, scores)


def explain(refit: Refit, labels: Sequence[str], readings: FloatArray, fitted_at: str) -> str:
    """A learned score as a sentence: 'learned +0.4123 = 2p - 1, logit p = +0.0213 +1.8312 x
    model:m(+0.6000) ...; weights fitted at the close of 2024-03-01 on 248 bars'."""
    values = np.nan_to_num(np.asarray(readings, dtype=np.float64), nan=0.0)
    weights = refit.weights
    z = float(weights.logit(values.reshape(1, -1))[0])
    terms = " ".join(
        f"{w:+.4f} x {label}({x:+.4f})"
        for w, label, x in zip(weights.weights, labels, values, strict=True)
    )
    return (
        f"learned {math.tanh(z / 2.0):+.4f} = 2p - 1, logit p = {weights.intercept:+.4f} "
        f"{terms}; weights fitted at the close of {fitted_at} on {refit.samples} bars"
    )


@dataclass(frozen=True, slots=True)
class Quality:
    """How well one signal foretold the next return on the out-of-sample days."""

    days: int
    active_days: int  # the signal and the next return both non-zero
    hits: int  # of the active days, those where their signs agree
    hit_rate: float | None  # hits / active_days; None without an active day
    ic: float | None  # Spearman's rank correlation with the next return; None if undefined


def quality(signal: FloatArray, returns: FloatArray) -> Quality:
    """The hit rate and IC of `signal` (NaN reads 0) against `returns`, day by day."""
    s = np.nan_to_num(np.asarray(signal, dtype=np.float64), nan=0.0)
    r = np.asarray(returns, dtype=np.float64)
    active = (s != 0) & (r != 0)
    count = int(active.sum())
    hits = int((np.sign(s[active]) == np.sign(r[active])).sum())
    return Quality(len(s), count, hits, hits / count if count else None, rank_correlation(s, r))


def average_ranks(values: FloatArray) -> FloatArray:
    """1-based ranks, ties given the mean of the ranks they span (scipy's 'average')."""
    a = np.asarray(values, dtype=np.float64)
    order = np.argsort(a, kind="mergesort")
    ordered = a[order]
    new = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    group = np.cumsum(new) - 1  # each sorted value's tie group
    starts = np.flatnonzero(new)
    ends = np.concatenate((starts[1:], [len(a)]))
    mean_rank = (starts + ends + 1) / 2.0  # the mean of ranks starts + 1 .. ends
    ranks = np.empty(len(a))
    ranks[order] = mean_rank[group]
    return ranks


def rank_correlation(x: FloatArray, y: FloatArray) -> float | None:
    """Spearman's rho: Pearson's correlation of the average ranks; None when either side is
    constant or there are fewer than two pairs."""
    if len(x) < 2:
        return None
    rx, ry = average_ranks(x), average_ranks(y)
    if np.ptp(rx) == 0 or np.ptp(ry) == 0:
        return None
    return float(np.corrcoef(rx, ry)[0, 1])


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The learned score, the stated-weights fusion and each source alone, measured on the
    same out-of-sample bars (`rows`)."""

    rows: IntArray
    learned: Quality
    stated: Quality
    sources: tuple[Quality, ...]


def evaluate(
    walk: WalkForward, features: FloatArray, close: FloatArray, stated_weights: Sequence[float]
) -> Evaluation:
    """Each signal's quality over the bars a fit is in force at and whose next return is
    known; the stated fusion is clip(sum_i w_i x_i, -1, 1) as a weighted strategy fuses."""
    returns = next_returns(close)
    n = len(returns)
    x = np.nan_to_num(np.asarray(features, dtype=np.float64).reshape(n, -1), nan=0.0)
    rows = np.flatnonzero((walk.in_force >= 0) & np.isfinite(returns))
    outcome = returns[rows]
    stated = np.clip(x[rows] @ np.asarray(stated_weights, dtype=np.float64), -1.0, 1.0)
    return Evaluation(
        rows,
        quality(walk.scores[rows], outcome),
        quality(stated, outcome),
        tuple(quality(x[rows, i], outcome) for i in range(x.shape[1])),
    )
