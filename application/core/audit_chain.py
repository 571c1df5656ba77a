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

Pseudonymised entries (a person's erasure, docs/audit.md): an entry rewritten to name no one
keeps its seq, prev_hash and hash, and is marked with `redacted_by`, the seq of a later
`audit.redact` entry whose details hold `entries` (how many it rewrote) and `digest`: SHA-256
over one line per rewritten entry, in seq order, `seq:prev_hash:hash:content\n`, where
content is the SHA-256 of the rewritten entry's canonical bytes. The walk checks a rewritten
entry's place in the chain as any other's, and its fields against that digest when it reaches
the `audit.redact` entry, which is itself hashed and chained.

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ports.core.audit import ChainedEntry
from ports.core.events import AuditEntry

GENESIS = "0" * 64
REDACT_ACTION = "audit.redact"
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


def redaction_line(link: ChainedEntry) -> bytes:
    """One rewritten entry's line of its `audit.redact` digest (see the module docstring)."""
    content = hashlib.sha256(canonical(link.seq, link.entry, link.prev_hash)).hexdigest()
    return f"{link.seq}:{link.prev_hash}:{link.hash}:{content}\n".encode("ascii")


def redaction_digest(links: Iterable[ChainedEntry]) -> str:
    """The digest an `audit.redact` entry holds of the entries it rewrote (as rewritten)."""
    digest = hashlib.sha256()
    for link in sorted(links, key=lambda found: found.seq):
        digest.update(redaction_line(link))
    return digest.hexdigest()


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
        # Rewritten entries seen, by the seq of the audit.redact entry that must commit them.
        self._pending: dict[int, tuple[Any, int]] = {}

    def feed(self, batch: list[ChainedEntry]) -> ChainBreak | None:
        by_hash = {link.hash: link.seq for link in batch}
        for link in batch:
            found = self._check(link, by_hash) or self._redaction(link)
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
        if self._pending:
            by = min(self._pending)
            return ChainBreak(
                by,
                "edited",
                f"entries are marked as pseudonymised by seq {by}, which the chain does not "
                "reach (a walk that ran while an erasure wrote may see this: walk again)",
            )
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
        if link.redacted_by is not None and link.redacted_by <= link.seq:
            return ChainBreak(
                link.seq, "edited", f"seq {link.seq} names no later entry that pseudonymised it"
            )
        if link.redacted_by is None and entry_hash(link.seq, link.entry, link.prev_hash) != (
            link.hash
        ):
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

    def _redaction(self, link: ChainedEntry) -> ChainBreak | None:
        """Remember a rewritten entry; at an `audit.redact` entry, check what it commits to."""
        if link.redacted_by is not None:
            digest, count = self._pending.get(link.redacted_by) or (hashlib.sha256(), 0)
            digest.update(redaction_line(link))
            self._pending[link.redacted_by] = (digest, count + 1)
        pending = self._pending.pop(link.seq, None)
        if link.entry.action != REDACT_ACTION:
            if pending is None:
                return None
            return ChainBreak(
                link.seq, "edited", f"entries name seq {link.seq} as their pseudonymisation"
            )
        if pending is None:
            # Every entry it rewrote was read before it was rewritten (a walk racing the
            # erasure) and checked by its own hash then; or it rewrote none.
            return None
        digest, count = pending
        details = link.entry.details
        if details.get("entries") != count or details.get("digest") != digest.hexdigest():
            return ChainBreak(
                link.seq,
                "edited",
                f"seq {link.seq}: the entries it pseudonymised no longer match its digest",
            )
        return None
