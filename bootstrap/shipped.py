"""Where the data Bulwark ships (sample data sets, fixtures, the backtest and sentiment sets) is:
`data/` beside the packages in a checkout, `bootstrap/data/` inside an installed wheel
(pyproject.toml puts it there), so `bulwark` serves the same from either."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def shipped_data() -> Path:
    """The folder of shipped data: the wheel's copy when installed, else the checkout's."""
    installed = _HERE / "data"
    return installed if installed.is_dir() else _HERE.parent / "data"
