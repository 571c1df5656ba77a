"""A start-up that cannot go on for a reason the operator can fix: one line, a failing exit.

`bulwark serve` starts its resources in the app's lifespan, under uvicorn. An exception there
is logged by uvicorn with Litestar's formatted traceback ("Application startup failed"); a
refusal instead prints its one line on stderr, as the preflight does
(bootstrap/cli_preflight.py), and keeps that traceback out of the log. uvicorn then ends the
process with its start-up failure status (3, the preflight's EXIT_REFUSED too).
"""

from __future__ import annotations

import logging
import sys

_UVICORN = "uvicorn.error"
_STARTUP_FAILED = "Application startup failed. Exiting."


class StartupRefused(Exception):
    """The start-up stopped for the reason already told in one line."""


class _ToldAlready(logging.Filter):
    """Drops uvicorn's report of a refused start-up: its line was printed already."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return StartupRefused.__name__ not in message and message != _STARTUP_FAILED


def refuse_start_up(line: str) -> StartupRefused:
    """Prints `bulwark: <line>` on stderr; the exception for the lifespan to raise."""
    print(f"bulwark: {line}", file=sys.stderr, flush=True)
    uvicorn_log = logging.getLogger(_UVICORN)
    if not any(isinstance(f, _ToldAlready) for f in uvicorn_log.filters):
        uvicorn_log.addFilter(_ToldAlready())
    return StartupRefused(line)
