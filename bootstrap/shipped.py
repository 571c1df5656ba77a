"""Where the data Bulwark ships (sample data sets, fixtures, the backtest and sentiment sets) is:
`data/` beside the packages in a checkout, `bootstrap/data/` inside an installed wheel
(pyproject.toml puts it there), so `bulwark` serves the same from either."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def shipped_data() -> Path:
    """The folder of shipped data: the wheel's copy when installed, else the checkout's."""
    installed = _HERE / "data"
    return installed if installed.is_dir() else _HERE.parent / "data"


def file_source(
    log: Any, event: str, source: str, key: str, configured: str | None, sample: Path
) -> Path:
    """The file a data source reads: the configured one, else the shipped `sample`; logged as
    `event` with the source's name, the path under `key` and whether it is the sample."""
    path = Path(configured) if configured else sample
    log.info(event, source=source, **{key: str(path)}, sample=not configured)
    return path
