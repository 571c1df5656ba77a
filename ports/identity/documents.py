"""Object storage for documents: a flat key -> bytes store shaped like S3.

Adapters: a local directory (adapters/documents/local.py) and S3 or any S3-compatible server
(adapters/documents/s3.py). What goes in is already sealed (envelope-encrypted) by the
caller: a store never sees plaintext and needs no encryption of its own.

Keys are 1-8 `/`-separated segments of `[A-Za-z0-9._-]`, each starting with a letter or
digit (so no `.`, `..` or empty segment can walk out of a directory); `check_key` is the
one rule every adapter applies.
"""

from __future__ import annotations

import re
from typing import Protocol

_SEGMENT = r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}"
KEY = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT}){{0,7}}")


class InvalidDocumentKey(ValueError):
    """A key outside the allowed shape (a path traversal attempt, an empty segment)."""


class DocumentMissing(LookupError):
    """No object under this key."""


class DocumentStoreUnavailable(Exception):
    """The store could not be reached or refused the request (said without key material)."""


def check_key(key: str) -> str:
    """`key` when it has the allowed shape; raises InvalidDocumentKey otherwise."""
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise InvalidDocumentKey(f"invalid document key {key!r}")
    return key


class DocumentStore(Protocol):
    """`put` is atomic (a reader sees the old object or the whole new one, never a part);
    `get` raises DocumentMissing; `delete` of a missing key is not an error."""

    async def put(self, key: str, data: bytes) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...

    async def exists(self, key: str) -> bool: ...
