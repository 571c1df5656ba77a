"""Leases for a SQLite store: `flock` on a lock file per lease, beside the database file.

A SQLite store lives on one host, so its workers (BULWARK_WORKERS) share that host's file
locks: the operating system frees a dead process's lock at once, with nothing to expire.
Holders within one process are told apart here (one open file per held lease).

The TTL is not enforced against a holder that is alive but hung: its lock stays until the
process ends or is stopped (a hung event loop runs no job either). Linux and macOS (fcntl).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


class FileLockLeases:
    """The lease port over `flock(LOCK_EX | LOCK_NB)` on `<directory>/<name>.lock`."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._held: dict[str, tuple[str, int]] = {}

    async def acquire(self, name: str, holder: str, ttl_seconds: float) -> bool:
        current = self._held.get(name)
        if current is not None:
            return current[0] == holder
        self._directory.mkdir(parents=True, exist_ok=True)
        path = self._directory / f"{_UNSAFE.sub('_', name)}.lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        except BaseException:
            os.close(fd)
            raise
        self._held[name] = (holder, fd)
        return True

    async def renew(self, name: str, holder: str, ttl_seconds: float) -> bool:
        current = self._held.get(name)
        return current is not None and current[0] == holder

    async def release(self, name: str, holder: str) -> None:
        current = self._held.get(name)
        if current is None or current[0] != holder:
            return
        del self._held[name]
        _unlock(current[1])

    async def aclose(self) -> None:
        held, self._held = self._held, {}
        for _, fd in held.values():
            _unlock(fd)


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)
    with contextlib.suppress(OSError):
        os.close(fd)
