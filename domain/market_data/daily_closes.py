"""A symbol's daily closes as a dated series, and the close in force on a day.

`DailyCloses.of` dates each bar by the UTC day its start falls on (epoch seconds floored to
whole days, as `datetime.fromtimestamp(start, UTC).date()`). `on_or_before(day)` is the last
close dated on or before `day` (None without one, or when it is more than `max_age` days
older); `at(grid)` the same for many days at once, forward-filled (NaN before the first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from domain.market_data.bars import BarSeries

FloatArray = npt.NDArray[np.float64]
DayArray = npt.NDArray[np.datetime64]  # datetime64[D]
SECONDS_A_DAY = 86_400

__all__ = ["SECONDS_A_DAY", "DailyCloses", "DayArray", "day_array"]


def day_array(days: list[date] | tuple[date, ...]) -> DayArray:
    """`days` as datetime64[D]."""
    return np.asarray(days, dtype="datetime64[D]")


@dataclass(frozen=True, slots=True)
class DailyCloses:
    """One symbol's daily closes, oldest first: `days` (datetime64[D], strictly increasing)
    and `closes` (float64), one per bar."""

    days: DayArray
    closes: FloatArray

    @classmethod
    def of(cls, series: BarSeries) -> DailyCloses:
        whole_days = np.floor_divide(series.start, SECONDS_A_DAY).astype(np.int64)
        return cls(whole_days.astype("datetime64[D]"), np.asarray(series.close, dtype=np.float64))

    @classmethod
    def from_pairs(cls, pairs: list[tuple[date, float]]) -> DailyCloses:
        """From (day, close) pairs, oldest first."""
        return cls(day_array([d for d, _ in pairs]), np.asarray([c for _, c in pairs], float))

    def __len__(self) -> int:
        return int(self.closes.shape[0])

    @property
    def dates(self) -> list[date]:
        """The days as `datetime.date`s."""
        found: list[date] = self.days.tolist()
        return found

    def pairs(self) -> list[tuple[date, float]]:
        """(day, close) per bar, oldest first."""
        return list(zip(self.dates, self.closes.tolist(), strict=True))

    def by_day(self) -> dict[date, float]:
        """{day: close}."""
        return dict(self.pairs())

    def on_or_before(self, day: date, max_age: int | None = None) -> float | None:
        """The last close dated on or before `day`, at most `max_age` days older (module doc)."""
        at = int(np.searchsorted(self.days, np.datetime64(day, "D"), side="right")) - 1
        if at < 0:
            return None
        if max_age is not None and (day - self.days[at].item()).days > max_age:
            return None
        return float(self.closes[at])

    def at(self, grid: DayArray) -> FloatArray:
        """The close in force on each day of `grid` (forward-filled; NaN before the first)."""
        index = np.searchsorted(self.days, grid, side="right") - 1
        found = self.closes[np.clip(index, 0, None)] if len(self) else np.zeros(len(grid))
        return np.where(index >= 0, found, np.nan)
