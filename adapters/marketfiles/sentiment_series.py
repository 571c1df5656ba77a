"""The VIX and put/call ratio series from CSV files as a MarketSeriesPort (offline;
BULWARK_FEAR_GREED_DIR, default the shipped SYNTHETIC sample in data/fear_greed/).

- `vix.csv`: a `date` column and a `close` (or `value`) column, in vol points, e.g. the
  CBOE's VIX_History.csv (DATE,OPEN,HIGH,LOW,CLOSE) as downloaded;
- `put_call.csv`: a `date` column and a `p/c ratio` (or `ratio`, or `value`) column, put volume
  over call volume, e.g. the CBOE's daily put/call ratio files.
Dates are YYYY-MM-DD or the CBOE's MM/DD/YYYY; headers are matched without regard to case.
A file is read on first use and again when it changes; a malformed row is
DataSourceUnavailable naming the file and line (503). A later row of the same day wins.
"""

from __future__ import annotations

import bisect
import csv
import io
import math
from datetime import date, datetime
from functools import partial
from pathlib import Path

from adapters.marketfiles.cached import CachedFile, bad_row
from domain.analytics.sentiment.errors import UnknownSeries
from ports.markets.fear_greed import SERIES, SeriesPoint

VALUE_COLUMNS = {
    "vix": ("close", "value"),
    "put_call": ("p/c ratio", "ratio", "put_call", "value"),
}


class FileMarketSeries:
    """MarketSeriesPort over `directory`/vix.csv and put_call.csv."""

    name = "file"

    def __init__(self, directory: str | Path) -> None:
        folder = Path(directory)
        self._files = {
            name: CachedFile(folder / f"{name}.csv", partial(_parse, name)) for name in SERIES
        }

    async def series(self, name: str, start: date, end: date) -> list[SeriesPoint]:
        if name not in self._files:
            raise UnknownSeries(f"unknown series {name[:40]!r}; one of {', '.join(SERIES)}")
        days, points = await self._files[name].get()
        return points[bisect.bisect_left(days, start) : bisect.bisect_right(days, end)]


def _day(text: str, name: str, line: int) -> date:
    cleaned = text.strip()
    try:
        if "/" in cleaned:
            return datetime.strptime(cleaned, "%m/%d/%Y").date()
        return date.fromisoformat(cleaned)
    except ValueError:
        raise bad_row(name, line, "date is not YYYY-MM-DD or MM/DD/YYYY") from None


def _parse(series: str, text: str, name: str) -> tuple[list[date], list[SeriesPoint]]:
    reader = csv.reader(io.StringIO(text))
    header = [c.strip().lower() for c in next(reader, [])]
    wanted = VALUE_COLUMNS[series]
    value_at = next((header.index(c) for c in wanted if c in header), None)
    if "date" not in header or value_at is None:
        raise bad_row(name, 1, f"expected a date column and one of: {', '.join(wanted)}")
    date_at = header.index("date")
    by_day: dict[date, float] = {}
    for line, row in enumerate(reader, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) <= max(date_at, value_at):
            raise bad_row(name, line, f"expected {len(header)} columns")
        day = _day(row[date_at], name, line)
        try:
            value = float(row[value_at])
        except ValueError:
            raise bad_row(name, line, "the value is not a number") from None
        if not math.isfinite(value) or value <= 0:
            raise bad_row(name, line, "the value must be a positive number")
        by_day[day] = value
    days = sorted(by_day)
    return days, [SeriesPoint(day, by_day[day]) for day in days]
