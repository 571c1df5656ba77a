"""A parsed data file, read on first use and again when its modification time changes.

Reading and parsing run in a worker thread. Whatever goes wrong (a missing file, bad text, a
malformed row) is DataSourceUnavailable naming the file (by name, not path) and line.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from ports.markets.data_files import DataSourceUnavailable

T = TypeVar("T")
MAX_FILE_BYTES = 64 * 1024 * 1024


class CachedFile(Generic[T]):
    """`await get()`: `parse(text, name)` of the file, cached by modification time."""

    def __init__(self, path: Path, parse: Callable[[str, str], T]) -> None:
        self._path = path
        self._parse = parse
        self._lock = threading.Lock()
        self._cached: tuple[int, T] | None = None

    @property
    def path(self) -> Path:
        return self._path

    async def get(self) -> T:
        return await asyncio.to_thread(self._load)

    def _load(self) -> T:
        name = self._path.name
        try:
            stat = self._path.stat()
        except OSError:
            raise DataSourceUnavailable(f"{name} cannot be read") from None
        if stat.st_size > MAX_FILE_BYTES:
            raise DataSourceUnavailable(f"{name} is larger than {MAX_FILE_BYTES} bytes")
        with self._lock:
            cached = self._cached
            if cached is not None and cached[0] == stat.st_mtime_ns:
                return cached[1]
            try:
                text = self._path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                raise DataSourceUnavailable(f"{name} cannot be read as UTF-8 text") from None
            parsed = self._parse(text, name)
            self._cached = (stat.st_mtime_ns, parsed)
            return parsed


def bad_row(name: str, line: int, message: str) -> DataSourceUnavailable:
    return DataSourceUnavailable(f"{name}:{line}: {message}")
