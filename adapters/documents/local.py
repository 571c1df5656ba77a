"""A DocumentStore on a local directory: one file per key, written atomically, mode 0600.

`put` writes a temporary file in the target's directory, fsyncs it, renames it over the
target and fsyncs the directory: a crash leaves the old object or the new one, never half
of one. Keys are checked (ports/identity/documents.check_key) and the resolved path must stay under
the root, so no key reaches outside it. File I/O runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
from pathlib import Path

from ports.identity.documents import DocumentMissing, DocumentStoreUnavailable, check_key

_FILE_MODE = 0o600
_DIR_MODE = 0o700
_TEMP_PREFIX = ".tmp-"


class LocalDocumentStore:
    """Objects under `root` (created 0700 on first write)."""

    def __init__(self, root: str | Path) -> None:
        self._root = Path(root).resolve()

    def __repr__(self) -> str:
        return f"LocalDocumentStore({str(self._root)!r})"

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._put, self._path(key), data)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._get, self._path(key))

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._delete, self._path(key))

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).is_file)

    def _path(self, key: str) -> Path:
        path = (self._root / check_key(key)).resolve()
        if not path.is_relative_to(self._root) or path == self._root:
            raise DocumentMissing("key outside the store")  # unreachable after check_key
        return path

    def _put(self, path: Path, data: bytes) -> None:
        try:
            self._make_dirs(path.parent)
            temp = path.parent / f"{_TEMP_PREFIX}{secrets.token_hex(8)}"
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _FILE_MODE)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(temp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    temp.unlink()
                raise
            _fsync_dir(path.parent)
        except OSError as error:
            raise DocumentStoreUnavailable(f"document write failed: {error.strerror}") from None

    def _make_dirs(self, directory: Path) -> None:
        missing = []
        while not directory.exists():
            missing.append(directory)
            directory = directory.parent
        for each in reversed(missing):
            with contextlib.suppress(FileExistsError):
                each.mkdir(mode=_DIR_MODE)

    @staticmethod
    def _get(path: Path) -> bytes:
        try:
            return path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise DocumentMissing("no document under this key") from None
        except OSError as error:
            raise DocumentStoreUnavailable(f"document read failed: {error.strerror}") from None

    @staticmethod
    def _delete(path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except (IsADirectoryError, NotADirectoryError):
            return
        except OSError as error:
            raise DocumentStoreUnavailable(f"document delete failed: {error.strerror}") from None
        with contextlib.suppress(OSError):
            _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
