"""The console's progress bar (`bulwark backtest`, `keys rotate`, `audit verify`)."""

from __future__ import annotations

from typing import TextIO

BAR_WIDTH = 30


class ProgressBar:
    """A hand-drawn bar on a terminal; a line per 10 % elsewhere."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._tty = out.isatty()
        self._last = -1

    def show(self, fraction: float) -> None:
        percent = int(max(0.0, min(1.0, fraction)) * 100)
        if self._tty:
            filled = percent * BAR_WIDTH // 100
            line = f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {percent:3d}%"
            self._out.write(line)
            self._out.flush()
        elif percent // 10 > self._last // 10 or (percent == 100 and self._last < 100):
            print(f"progress {percent}%", file=self._out)
        self._last = max(self._last, percent)

    def done(self) -> None:
        if self._tty:
            self._out.write("\n")
            self._out.flush()
