"""The line `bulwark serve` logs once it listens: where it answers and what it holds resident."""

from __future__ import annotations

from pathlib import Path

import structlog

_log = structlog.get_logger("bulwark.serve")
_STATUS = Path("/proc/self/status")


def resident_mb(status: Path = _STATUS) -> int | None:
    """This process's resident set (VmRSS) in MB; None where the system has no /proc."""
    try:
        lines = status.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024)
    return None


def announce_ready(host: str, port: int) -> None:
    """Logs `ready` with the URL the API answers on and the resident set at that moment."""
    shown = f"[{host}]" if ":" in host else host
    _log.info("ready", url=f"http://{shown}:{port}", resident_mb=resident_mb())
