"""The array work of a backtest: the shared timeline, which bars carry a signal, where a
bracket may be hit. Numpy here, so the engine (application/) stays a plain loop."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from domain.market_data.bars import BarSeries, FloatArray

IntArray = npt.NDArray[np.int64]
DAY_S = 86_400.0


class Timeline:
    """Every bar start of every symbol once, in order; a step is an index into it."""

    def __init__(self, series: Mapping[str, BarSeries]) -> None:
        starts = [s.start for s in series.values() if len(s)]
        self.starts: FloatArray = np.unique(np.concatenate(starts)) if starts else np.zeros(0)

    def __len__(self) -> int:
        return len(self.starts)

    def start(self, step: int) -> float:
        return float(self.starts[step])

    def step_at(self, at: float) -> int:
        """The last step starting before `at` (-1 when none does)."""
        return int(np.searchsorted(self.starts, at, side="left")) - 1

    def steps_of(self, series: BarSeries) -> IntArray:
        """The step of each row of `series`."""
        steps: IntArray = np.searchsorted(self.starts, series.start).astype(np.int64)
        return steps

    def rows_at(self, steps: IntArray) -> IntArray:
        """For each step, the latest row of a series (given its steps) at or before it (-1)."""
        every = np.arange(len(self.starts), dtype=np.int64)
        rows: IntArray = np.searchsorted(steps, every, side="right").astype(np.int64) - 1
        return rows

    def day_ends(self, trade_from: float) -> npt.NDArray[np.bool_]:
        """True at the last step of each UTC day, from `trade_from` on."""
        n = len(self.starts)
        day = np.floor(self.starts / DAY_S)
        ends = np.ones(n, dtype=bool)
        if n > 1:
            ends[:-1] = day[:-1] != day[1:]
        ends &= self.starts >= trade_from
        return ends

    @staticmethod
    def visits(events: list[int], day_ends: npt.NDArray[np.bool_]) -> list[int]:
        """The steps with a signal or a day's end, sorted, each once."""
        merged = np.union1d(np.asarray(events, dtype=np.int64), np.flatnonzero(day_ends))
        return [int(step) for step in merged]


def emitted_rows(scores: FloatArray, floor: float, tradable: npt.NDArray[np.bool_]) -> list[int]:
    """Rows with a non-zero score of at least `floor` in absolute value, where tradable."""
    with np.errstate(invalid="ignore"):
        emitted = (np.abs(scores) >= floor) & (scores != 0) & tradable
    return [int(row) for row in np.flatnonzero(emitted)]


def tradable_rows(series: BarSeries, trade_from: float) -> npt.NDArray[np.bool_]:
    """Rows from `trade_from` on, except the last (a decision there could never fill)."""
    tradable: npt.NDArray[np.bool_] = series.start >= trade_from
    if len(tradable):
        tradable[-1] = False
    return tradable


def first_possible_exit(
    series: BarSeries,
    from_row: int,
    last_row: int,
    long: bool,
    stop: float,
    target: float,
    margin: float,
) -> int | None:
    """The first row in [from_row, last_row] whose range may reach the stop or the target,
    by a float test widened by `margin` (relative): the exact Decimal check is the caller's.
    Scans in growing chunks, so a holding near its exit costs a little, a long one a few."""
    row, chunk = from_row, 64
    while row <= last_row:
        end = min(last_row + 1, row + chunk)
        low, high = series.low[row:end], series.high[row:end]
        if long:
            hit = (low <= stop * (1 + margin)) | (high >= target * (1 - margin))
        else:
            hit = (high >= stop * (1 - margin)) | (low <= target * (1 + margin))
        rows = np.flatnonzero(hit)
        if len(rows):
            return row + int(rows[0])
        row, chunk = end, chunk * 4
    return None
