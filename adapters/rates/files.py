"""FRED downloads in a directory as a RatesPort (offline; BULWARK_RATES_DIR).

One file per series, named by its id: `DGS10.csv` or `DGS10.json`.
- CSV as FRED's "Download CSV" gives it: a header `observation_date,DGS10` (or the older
  `DATE,DGS10`), then `YYYY-MM-DD,value` rows; a missing value is `.` or empty.
- JSON as FRED's series/observations API answers it: {"observations": [{"date": ...,
  "value": "4.21" | "."}, ...]}.
A file is read on first use and read again when its modification time changes. A file
that cannot be parsed raises RatesUnavailable naming the file and line (never a 500).
"""

from __future__ import annotations

import asyncio
import bisect
import csv
import io
import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from adapters.rates.curves import treasury_curve
from domain.fixedincome.curve import YieldCurve
from ports.markets.rates import RateObservation, RatesUnavailable, UnknownSeries

_SERIES_ID = re.compile(r"^[A-Z0-9_]{1,64}$")
_DATE_HEADERS = frozenset({"date", "observation_date"})
_MISSING = frozenset({".", ""})


class FileRates:
    """RatesPort over `directory`'s FRED CSV / JSON files."""

    name = "file"

    def __init__(self, directory: str | Path) -> None:
        self._dir = Path(directory)
        # id -> (mtime_ns, days, observations) with `days` sorted for bisecting
        self._loaded: dict[str, tuple[int, list[date], list[RateObservation]]] = {}

    async def series(self, series_id: str, start: date, end: date) -> list[RateObservation]:
        days, observations = await asyncio.to_thread(self._load, series_id.upper())
        low = bisect.bisect_left(days, start)
        high = bisect.bisect_right(days, end)
        return observations[low:high]

    async def curve(self, day: date) -> YieldCurve | None:
        return await treasury_curve(self.series, day)

    def available(self) -> list[str]:
        """The series ids this directory has files for."""
        if not self._dir.is_dir():
            return []
        return sorted(
            {p.stem.upper() for p in self._dir.iterdir() if p.suffix.lower() in {".csv", ".json"}}
        )

    def _load(self, series_id: str) -> tuple[list[date], list[RateObservation]]:
        path = self._path(series_id)
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            raise RatesUnavailable(f"{path.name} cannot be read") from None
        cached = self._loaded.get(series_id)
        if cached is not None and cached[0] == mtime:
            return cached[1], cached[2]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            raise RatesUnavailable(f"{path.name} cannot be read") from None
        rows = (
            _parse_json(text, path.name) if path.suffix == ".json" else _parse_csv(text, path.name)
        )
        by_day = dict(rows)  # a repeated date: the last row wins
        days = sorted(by_day)
        observations = [RateObservation(d, by_day[d]) for d in days]
        self._loaded[series_id] = (mtime, days, observations)
        return days, observations

    def _path(self, series_id: str) -> Path:
        if not _SERIES_ID.match(series_id):
            raise UnknownSeries(f"no series {series_id[:64]!r}", field="series_id")
        for suffix in (".csv", ".json"):
            path = self._dir / f"{series_id}{suffix}"
            if path.is_file():
                return path
        raise UnknownSeries(
            f"no series {series_id!r} in the rates directory (files: {series_id}.csv or .json)",
            field="series_id",
        )


def _parse_csv(text: str, name: str) -> list[tuple[date, Decimal | None]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or len(header) < 2 or header[0].strip().lower() not in _DATE_HEADERS:
        raise RatesUnavailable(f"{name}:1: expected a header `observation_date,<SERIES>`")
    rows = []
    for line, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) < 2:
            raise RatesUnavailable(f"{name}:{line}: expected `date,value`")
        rows.append(_observation(row[0], row[1], f"{name}:{line}"))
    return rows


def _parse_json(text: str, name: str) -> list[tuple[date, Decimal | None]]:
    try:
        body = json.loads(text)
    except ValueError:
        raise RatesUnavailable(f"{name}: not JSON") from None
    rows = body.get("observations") if isinstance(body, dict) else None
    if not isinstance(rows, list):
        raise RatesUnavailable(f'{name}: expected FRED\'s {{"observations": [...]}}')
    out = []
    for index, row in enumerate(rows):
        where = f"{name}: observations[{index}]"
        if not isinstance(row, dict) or not isinstance(row.get("date"), str):
            raise RatesUnavailable(f'{where}: expected {{"date", "value"}}')
        value = row.get("value")
        out.append(_observation(row["date"], value if isinstance(value, str) else "?", where))
    return out


def _observation(day_text: str, value_text: str, where: str) -> tuple[date, Decimal | None]:
    try:
        day = date.fromisoformat(day_text.strip())
    except ValueError:
        raise RatesUnavailable(f"{where}: expected a YYYY-MM-DD date") from None
    text = value_text.strip()
    if text in _MISSING:
        return day, None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RatesUnavailable(f"{where}: expected a number or '.'") from None
    if not value.is_finite():
        raise RatesUnavailable(f"{where}: expected a number or '.'")
    return day, value
