"""In-process idempotency keys with expiry on the monotonic clock."""

from __future__ import annotations

from dataclasses import dataclass

from ports.core.clock import Clock
from ports.core.idempotency import Claim, ClaimStatus


@dataclass(slots=True)
class _Record:
    fingerprint: str | None  # None: completed after its claim lapsed
    expires_at: float
    result: bytes | None = None


class InMemoryIdempotencyStore:
    """An IdempotencyStore for one process (no await between check and write: atomic)."""

    def __init__(self, clock: Clock, max_keys: int = 100_000) -> None:
        self._clock = clock
        self._records: dict[str, _Record] = {}
        self._max_keys = max_keys

    async def claim(self, key: str, fingerprint: str, ttl_seconds: float) -> Claim:
        _check_ttl(ttl_seconds)
        now = self._clock.monotonic()
        record = self._live(key, now)
        if record is None:
            self._records[key] = _Record(fingerprint, now + ttl_seconds)
            if len(self._records) > self._max_keys:
                self._prune(now)
            return Claim(ClaimStatus.NEW)
        if record.fingerprint is not None and record.fingerprint != fingerprint:
            return Claim(ClaimStatus.MISMATCH)
        if record.result is not None:
            return Claim(ClaimStatus.DONE, record.result)
        return Claim(ClaimStatus.IN_PROGRESS)

    async def complete(self, key: str, result: bytes, ttl_seconds: float) -> None:
        _check_ttl(ttl_seconds)
        now = self._clock.monotonic()
        record = self._live(key, now)
        fingerprint = record.fingerprint if record is not None else None
        self._records[key] = _Record(fingerprint, now + ttl_seconds, result)

    async def release(self, key: str) -> None:
        record = self._live(key, self._clock.monotonic())
        if record is not None and record.result is None:
            del self._records[key]

    def _live(self, key: str, now: float) -> _Record | None:
        record = self._records.get(key)
        if record is not None and now >= record.expires_at:
            del self._records[key]
            return None
        return record

    def _prune(self, now: float) -> None:
        for key, record in list(self._records.items()):
            if now >= record.expires_at:
                del self._records[key]


def _check_ttl(ttl_seconds: float) -> None:
    if ttl_seconds <= 0:
        raise ValueError("ttl_seconds must be positive")
