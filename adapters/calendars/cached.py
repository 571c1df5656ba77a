"""A SessionSource that keeps each venue's sessions in a file, so a later start reads them.

Building a venue's calendar imports exchange_calendars and pandas (with pyarrow, ~70 MB
resident and a second of CPU) for ~20 MB of session tables. The first build of a venue's whole
range (what the gate's tables load) is written to `<folder>/<venue>.json`, keyed by the
library's version and the range; a later process whose range that file covers reads it and
never imports the library. A file that is missing, unreadable, of another version or too short
is built again from the library (and rewritten); a narrower range (a business-day lookup, the
calendars route) is a slice of the whole. Writes go to a temporary name renamed into place.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from domain.calendars.sessions import MarketSession, VenueSessions
from ports.calendars import SessionSource

FORMAT = 1


@dataclass(frozen=True, slots=True)
class _Kept:
    """A venue's sessions over [first, last] as compact columns (epoch seconds, day ordinals)."""

    zone: str
    weekdays: frozenset[int]
    first: date
    last: date
    days: array[int]
    opens: array[float]
    closes: array[float]
    early: frozenset[int]  # the ordinals of the days that closed early

    def sessions(self, venue: str, first: date, last: date) -> VenueSessions:
        low = bisect_left(self.days, first.toordinal())
        high = bisect_right(self.days, last.toordinal())
        return VenueSessions(
            venue, self.zone, first, last,
            tuple(
                MarketSession(
                    date.fromordinal(self.days[i]),
                    datetime.fromtimestamp(self.opens[i], UTC),
                    datetime.fromtimestamp(self.closes[i], UTC),
                    self.days[i] in self.early,
                )
                for i in range(low, high)
            ),
            self.weekdays,
        )  # fmt: skip


def _kept(found: VenueSessions) -> _Kept:
    rows = found.sessions
    return _Kept(
        found.zone, found.weekdays, found.first, found.last,
        array("l", (s.day.toordinal() for s in rows)),
        array("d", (s.open.timestamp() for s in rows)),
        array("d", (s.close.timestamp() for s in rows)),
        frozenset(s.day.toordinal() for s in rows if s.early_close),
    )  # fmt: skip


class CachedSessions:
    """`inner`'s sessions, each venue's whole range kept in `folder` under `version` (the
    library's): read from its file when it covers the range, else built by `inner` and written.
    """

    def __init__(self, inner: SessionSource, folder: Path, version: str) -> None:
        self._inner = inner
        self._folder = folder
        self._version = version
        self._kept: dict[str, _Kept] = {}
        self._lock = threading.Lock()

    def venues(self) -> tuple[str, ...]:
        return self._inner.venues()

    def coverage(self, venue: str) -> tuple[date, date]:
        return self._inner.coverage(venue)

    def sessions(self, venue: str, first: date, last: date) -> VenueSessions:
        low, high = self._inner.coverage(venue)  # UnknownVenue for a venue it does not keep
        if first < low or last > high or last < first:
            return self._inner.sessions(venue, first, last)  # its OutsideCalendar
        kept = self._kept.get(venue)
        if kept is None:
            with self._lock:  # one read or build per venue, even when two threads ask
                kept = self._kept.get(venue) or self._load(venue, low, high)
                self._kept[venue] = kept
        return kept.sessions(venue, first, last)

    def _load(self, venue: str, first: date, last: date) -> _Kept:
        path = self._folder / f"{venue}.json"
        kept = self._read(path, venue, first, last)
        if kept is None:
            kept = _kept(self._inner.sessions(venue, first, last))
            self._write(path, venue, kept)
        return kept

    def _read(self, path: Path, venue: str, first: date, last: date) -> _Kept | None:
        try:
            raw = json.loads(path.read_text())
            if (raw["format"], raw["venue"], raw["version"]) != (FORMAT, venue, self._version):
                return None
            kept = _Kept(
                str(raw["zone"]),
                frozenset(int(d) for d in raw["weekdays"]),
                date.fromisoformat(raw["first"]),
                date.fromisoformat(raw["last"]),
                array("l", (int(d) for d in raw["days"])),
                array("d", (float(t) for t in raw["opens"])),
                array("d", (float(t) for t in raw["closes"])),
                frozenset(int(d) for d in raw["early"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: built again
        if not len(kept.days) == len(kept.opens) == len(kept.closes):
            return None
        return kept if kept.first == first and kept.last >= last else None

    def _write(self, path: Path, venue: str, kept: _Kept) -> None:
        document: dict[str, Any] = {
            "format": FORMAT, "venue": venue, "version": self._version, "zone": kept.zone,
            "weekdays": sorted(kept.weekdays), "first": kept.first.isoformat(),
            "last": kept.last.isoformat(), "days": kept.days.tolist(),
            "opens": kept.opens.tolist(), "closes": kept.closes.tolist(),
            "early": sorted(kept.early),
        }  # fmt: skip
        with contextlib.suppress(OSError):  # a folder it cannot write: built again next time
            self._folder.mkdir(parents=True, exist_ok=True)
            handle, spare = tempfile.mkstemp(dir=self._folder, prefix=f".{venue}.", suffix=".tmp")
            try:
                with os.fdopen(handle, "w") as out:
                    json.dump(document, out, separators=(",", ":"))
                os.replace(spare, path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(spare)
