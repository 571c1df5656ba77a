"""The console's progress bar (`backtest`, `keys rotate`, `audit verify`, `bars backfill`,
`models train-signal`, `rebalance propose`).

It writes to stderr (the default; commands pass their `err`), so stdout carries the command's
result alone: a pipe or a script reading it never sees a bar. It shows the share done, the
counts when the command knows them (`420/1,000 entries`) and, once a second has passed, the
time left at the pace so far.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 30
ESTIMATE_AFTER_S = 1.0  # before this, a pace says nothing about the time left


class ProgressBar:
    """A hand-drawn bar on a terminal; a line per 10 % elsewhere."""

    def __init__(
        self,
        out: TextIO | None = None,
        *,
        unit: str = "",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._out = out if out is not None else sys.stderr
        self._tty = self._out.isatty()
        self._unit = unit
        self._clock = clock
        self._started = clock()
        self._last = -1
        self._width = 0  # of the line drawn last on a terminal (a shorter one pads over it)

    def show(self, fraction: float, done: int | None = None, total: int | None = None) -> None:
        """`fraction` of the work is done; `done` of `total` items, when they are counted."""
        fraction = max(0.0, min(1.0, fraction))
        percent = int(fraction * 100)
        facts = ", ".join(
            part for part in (self._counts(done, total), self._left(fraction)) if part
        )
        if self._tty:
            filled = percent * BAR_WIDTH // 100
            line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {percent:3d}%"
            line += f"  {facts}" if facts else ""
            self._out.write(f"\r{line}{' ' * max(0, self._width - len(line))}")
            self._out.flush()
            self._width = len(line)
        elif percent // 10 > self._last // 10 or (percent == 100 and self._last < 100):
            print(f"progress {percent}%" + (f" ({facts})" if facts else ""), file=self._out)
        self._last = max(self._last, percent)

    def done(self) -> None:
        if self._tty:
            self._out.write("\n")
            self._out.flush()

    def _counts(self, done: int | None, total: int | None) -> str:
        if done is None or total is None:
            return ""
        return f"{done:,}/{total:,}" + (f" {self._unit}" if self._unit else "")

    def _left(self, fraction: float) -> str:
        elapsed = self._clock() - self._started
        if not 0 < fraction < 1 or elapsed < ESTIMATE_AFTER_S:
            return ""
        return f"about {duration(elapsed * (1 - fraction) / fraction)} left"


def duration(seconds: float) -> str:
    """A span as people read it: `45 s`, `3 min 5 s`, `2 h 10 min`."""
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60} s"
    return f"{whole // 3600} h {whole % 3600 // 60} min"
