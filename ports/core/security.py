"""Secret hashing."""

from __future__ import annotations

from typing import Protocol


class PasswordHasher(Protocol):
    """One-way hashing of passwords and passcodes (Argon2id in production).

    `verify` returns False for a wrong secret or a malformed hash; it never raises.
    """

    def hash(self, secret: str) -> str: ...

    def verify(self, hashed: str, secret: str) -> bool: ...
