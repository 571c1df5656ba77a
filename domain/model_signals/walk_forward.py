"""Walk-forward evaluation of a signal model: labels, expanding-window splits, fold metrics.

Label: the log return of the close from the decision bar i to bar i + horizon (its sign is
the direction, its size the strength). It is known only `horizon` bars after i, so a training
row i may be used to evaluate only from bar i + horizon on: every split leaves a gap of at
least `horizon` bars between the last training row and the first test row, and the training
rows are cut so that none of their labels reaches into the test block.

Splits: the bars [first, end) are cut into `folds` test blocks of equal length after an initial
training block; fold k trains on every row before its test block minus the gap (an expanding
window) and tests on its block.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]


class InvalidSplit(ValueError):
    """Too few bars for the folds asked for; the message says how many are needed."""


@dataclass(frozen=True, slots=True)
class Fold:
    """Bar indexes: train on [train_start, train_end), test on [test_start, test_end)."""

    index: int
    train_start: int
    train_end: int
    test_start: int
    test_end: int


@dataclass(frozen=True, slots=True)
class FoldMetrics:
    """How the model scored on one test block: hit rate (sign agreement on rows whose label is
    not zero), IC (Spearman rank correlation of prediction and label), rows tested."""

    fold: int
    train_rows: int
    test_rows: int
    hit_rate: float
    ic: float


def forward_returns(close: Matrix, horizon: int) -> Matrix:
    """(symbols, bars): log(close[i + horizon] / close[i]); NaN where it is not known yet."""
    if horizon < 1:
        raise ValueError("horizon must be at least one bar")
    out = np.full(close.shape, np.nan)
    if close.shape[1] > horizon:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[:, :-horizon] = np.log(close[:, horizon:] / close[:, :-horizon])
    return out


def walk_forward_folds(bars: int, folds: int, horizon: int, first: int = 0) -> list[Fold]:
    """Expanding-window folds over bars [first, bars) with a gap of `horizon` (module doc)."""
    if folds < 1:
        raise InvalidSplit("at least one fold")
    usable = bars - first
    block = usable // (folds + 1)
    if block < horizon + 2:
        raise InvalidSplit(
            f"{folds} folds with a {horizon}-bar horizon need at least "
            f"{(folds + 1) * (horizon + 2) + first} bars, got {bars}"
        )
    out = []
    for k in range(folds):
        test_start = first + block * (k + 1)
        test_end = bars if k == folds - 1 else test_start + block
        train_end = test_start - horizon  # row train_end - 1's label ends at test_start - 1
        out.append(Fold(k, first, train_end, test_start, test_end))
    return out


def _ranks(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    order = np.argsort(values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values), dtype=np.float64)
    # ties share their mean rank
    sorted_values = values[order]
    _, first, counts = np.unique(sorted_values, return_index=True, return_counts=True)
    for start, count in zip(first, counts, strict=True):
        if count > 1:
            ranks[order[start : start + count]] = start + (count - 1) / 2.0
    return ranks


def information_coefficient(
    predicted: npt.NDArray[np.float64], realised: npt.NDArray[np.float64]
) -> float:
    """Spearman rank correlation (0.0 when either side is constant or fewer than 3 rows)."""
    if len(predicted) < 3:
        return 0.0
    a, b = _ranks(predicted), _ranks(realised)
    a, b = a - a.mean(), b - b.mean()
    denominator = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return 0.0 if denominator == 0.0 else float((a * b).sum() / denominator)


def hit_rate(predicted: npt.NDArray[np.float64], realised: npt.NDArray[np.float64]) -> float:
    """Share of rows with a non-zero label whose predicted sign matches it (0.0 when none)."""
    moved = realised != 0
    if not moved.any():
        return 0.0
    return float((np.sign(predicted[moved]) == np.sign(realised[moved])).mean())
