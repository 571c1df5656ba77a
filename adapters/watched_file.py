"""A file an adapter reads again only when it changed, looked at no more than once a while."""

from __future__ import annotations

import os
import time
from enum import Enum
from pathlib import Path


class Gone(Enum):
    """The file is not there (or cannot be looked at)."""

    GONE = "gone"


GONE = Gone.GONE


class WatchedFile:
    """A file known by its size and modification time, looked at no more than once per
    `recheck_s` seconds (monotonic time)."""

    def __init__(self, path: Path, recheck_s: float) -> None:
        self.path = path
        self._recheck_s = recheck_s
        self._checked = float("-inf")
        self._signature: tuple[int, int] | None = None

    def look(self) -> os.stat_result | Gone | None:
        """The file's stat when it changed since the last `read`; GONE when it is missing
        (then it counts as changed once it is back); None when there is nothing to do (it
        was looked at less than `recheck_s` ago, or it is as it was read)."""
        monotonic = time.monotonic()
        if monotonic - self._checked < self._recheck_s:
            return None
        self._checked = monotonic
        try:
            stat = self.path.stat()
        except OSError:
            self._signature = None
            return GONE
        return None if _signature(stat) == self._signature else stat

    def read(self, stat: os.stat_result) -> None:
        """The file as it was at `stat` is read (or knowingly passed over)."""
        self._signature = _signature(stat)


def _signature(stat: os.stat_result) -> tuple[int, int]:
    return (stat.st_size, stat.st_mtime_ns)
