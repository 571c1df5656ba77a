"""Idempotency port: who owns an `Idempotency-Key`, across instances, and its stored result."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class IdempotencyUnavailable(ConnectionError):
    """The idempotency store cannot be reached.

    Callers decide what that means: POST /api/v1/orders goes on without the store (with a
    warning), because the orders table's unique (account, idempotency key) still makes a
    retry replay the first order instead of placing a second one.
    """


class ClaimStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    MISMATCH = "mismatch"


@dataclass(frozen=True, slots=True)
class Claim:
    """The answer to a claim; `result` is set only when `status` is DONE."""

    status: ClaimStatus
    result: bytes | None = None


class IdempotencyStore(Protocol):
    """Atomic claims on idempotency keys; exactly one concurrent caller gets NEW.

    `claim(key, fingerprint, ttl_seconds)`:
    - MISMATCH when the key is held or done for a different request fingerprint;
    - NEW when the key is free: the caller owns it for `ttl_seconds`;
    - IN_PROGRESS while another caller owns it;
    - DONE with the stored result once the owner completed it.
    `complete(key, result, ttl_seconds)` stores the result (kept `ttl_seconds`) under
    the claim's fingerprint; a result whose claim has lapsed is stored anyway, with no
    fingerprint (any later claim sees DONE), so a retry does not run the request twice.
    `release(key)` drops a claim that is not completed (the owner failed; a retry may
    claim it again); a completed result stays.
    Every method raises IdempotencyUnavailable when the store cannot be reached, and
    ValueError for a ttl that is not positive.
    """

    async def claim(self, key: str, fingerprint: str, ttl_seconds: float) -> Claim: ...

    async def complete(self, key: str, result: bytes, ttl_seconds: float) -> None: ...

    async def release(self, key: str) -> None: ...
