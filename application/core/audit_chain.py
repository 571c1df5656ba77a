"""The audit log's hash chain: how an entry's hash is computed, and the walk that checks it.

Canonical serialization (version 1; docs/audit.md repeats it): the UTF-8 bytes of the JSON
object with exactly these keys

    action, actor, at, details, ip, outcome, prev_hash, request_id, seq, subject

written with keys sorted (at every depth, so `details` too), no insignificant whitespace
(separators "," and ":"), non-ASCII characters kept as UTF-8 (ensure_ascii off), `at` in UTC
as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (always six digits of microseconds), `request_id` and `ip`
null when unknown, `seq` a JSON integer. hash = lowercase hex SHA-256 of those bytes. The
first entry (seq 1) chains to GENESIS, sixty-four zeros; every later one to its
predecessor's hash. `details` is normalized before it is stored and hashed (values JSON can
not hold, such as Decimal or datetime, become their text), so what is read back hashes to
what was written.

What the chain shows, and what it cannot: any edit of a stored field (hash mismatch), a
deleted entry (a seq gap, or a prev_hash that names no neighbour), entries put in another
order. It cannot show the newest entries cut off: anchor the head (`bulwark audit head`)
somewhere else and check it later (`bulwark audit verify --expect-head SEQ:HASH`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ports.core.audit import ChainedEntry
from ports.core.events import AuditEntry

GENESIS = "0" * 64
MAX_CONTEXT = 64  # characters of a request id or an IP that are kept


def normalized_details(details: Mapping[str, Any]) -> dict[str, Any]:
    """The details as they will read back from a JSON column (hashable the same both ways).

    Values JSON cannot hold become their text; a whole-valued float becomes an int and a
    non-finite one its text (PostgreSQL's JSONB reads 1e16 back as 10000000000000000 and
    refuses NaN), so what is stored reads back as it was hashed on every store.
    """
    loaded: dict[str, Any] = _plain(json.loads(_json(dict(details))))
    return loaded


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def storable(entry: AuditEntry) -> AuditEntry:
    """The entry as it will be stored and hashed: details normalized, the request id and IP
    cut to the 64 characters their columns hold (so the stored row hashes as written)."""
    return dataclasses.replace(
        entry,
        details=normalized_details(entry.details),
        request_id=None if entry.request_id is None else entry.request_id[:MAX_CONTEXT],
        ip=None if entry.ip is None else entry.ip[:MAX_CONTEXT],
    )


def utc_text(at: datetime) -> str:
    """`at` in UTC, ISO-8601 with six digits of microseconds and a Z."""
    if at.tzinfo is None:
        raise ValueError("naive datetime: audit timestamps are timezone-aware")
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(seq: int, entry: AuditEntry, prev_hash: str) -> bytes:
    """The bytes an entry's hash is taken over (see the module docstring)."""
    document = {
        "action": entry.action,
        "actor": entry.actor,
        "at": utc_text(entry.at),
        "details": dict(entry.details),
        "ip": entry.ip,
        "outcome": entry.outcome,
        "prev_hash": prev_hash,
        "request_id": entry.request_id,
        "seq": seq,
        "subject": entry.target,
    }
    return _json(document).encode("utf-8")


def entry_hash(seq: int, entry: AuditEntry, prev_hash: str) -> str:
    return hashlib.sha256(canonical(seq, entry, prev_hash)).hexdigest()


def chained(seq: int, entry: AuditEntry, prev_hash: str) -> ChainedEntry:
    """The next link: `entry` (details already normalized) stored as number `seq`."""
    return ChainedEntry(seq, entry, prev_hash, entry_hash(seq, entry, prev_hash))


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first place the chain does not hold: the seq where it broke and why."""

    seq: int
    kind: str  # "edited", "deleted", "reordered", "truncated"
    reason: str


class ChainWalker:
    """Checks the chain batch by batch, in seq order; keeps only the last link between batches.

    feed() each batch (ascending seq, as `AuditTrail.chain` returns them) until it returns a
    ChainBreak or the entries run out; then finish() for the end-of-chain checks.
    """

    def __init__(self, expect_head: tuple[int, str] | None = None) -> None:
        self.last_seq = 0
        self.last_hash = GENESIS
        self.checked = 0
        self._expect_head = expect_head
        self._head_seen = False

    def feed(self, batch: list[ChainedEntry]) -> ChainBreak | None:
        by_hash = {link.hash: link.seq for link in batch}
        for link in batch:
            found = self._check(link, by_hash)
            if found is not None:
                return found
            self.last_seq, self.last_hash = link.seq, link.hash
            self.checked += 1
            if self._expect_head is not None and link.seq == self._expect_head[0]:
                if link.hash != self._expect_head[1]:
                    return ChainBreak(
                        link.seq, "edited", f"seq {link.seq} does not have the anchored hash"
                    )
                self._head_seen = True
        return None

    def finish(self) -> ChainBreak | None:
        if self._expect_head is not None and not self._head_seen:
            seq = self._expect_head[0]
            return ChainBreak(
                seq,
                "truncated",
                f"the chain ends at seq {self.last_seq}, before the anchored head seq {seq}",
            )
        return None

    def _check(self, link: ChainedEntry, by_hash: Mapping[str, int]) -> ChainBreak | None:
        expected = self.last_seq + 1
        if link.seq < expected:
            return ChainBreak(
                link.seq, "reordered", f"seq {link.seq} comes again after seq {self.last_seq}"
            )
        if entry_hash(link.seq, link.entry, link.prev_hash) != link.hash:
            return ChainBreak(
                link.seq,
                "edited",
                f"seq {link.seq}: the stored fields do not hash to the stored hash (hash mismatch)",
            )
        if link.seq > expected:
            missing = (
                f"seq {expected}"
                if link.seq == expected + 1
                else (f"seq {expected}..{link.seq - 1}")
            )
            return ChainBreak(
                expected, "deleted", f"{missing} missing (a gap before seq {link.seq})"
            )
        if link.prev_hash != self.last_hash:
            if link.prev_hash in by_hash:
                return ChainBreak(
                    link.seq,
                    "reordered",
                    f"seq {link.seq} chains to seq "
                    f"{by_hash[link.prev_hash]}, not to seq {self.last_seq}",
                )
            return ChainBreak(
                link.seq,
                "deleted",
                f"seq {link.seq}: prev_hash does not match "
                f"seq {self.last_seq}'s hash (an entry before it was removed "
                "or replaced)",
            )
        return None
