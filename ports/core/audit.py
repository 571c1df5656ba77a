"""Reading the tamper-evident audit trail: filtered pages and the hash chain in order.

The writing side stays `ports.core.events.AuditLog.record`; an adapter that keeps the chain also
serves this port. Each stored entry carries its gap-free sequence number, the hash of the
entry before it and its own hash (application/core/audit_chain.py says how it is computed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ports.core.events import AuditEntry


@dataclass(frozen=True, slots=True)
class ChainedEntry:
    """An entry as stored: its place in the chain (seq, 1..n) and the hashes linking it.

    `redacted_by` is set once the entry was pseudonymised (a person's erasure): the seq of
    the later `audit.redact` entry whose digest commits to the entry as it now reads. Its
    `hash` stays the one it was appended with, so the chain's links do not move.
    """

    seq: int
    entry: AuditEntry
    prev_hash: str
    hash: str
    redacted_by: int | None = None


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What to list. None: any. `action_prefix` matches `killswitch.` for `killswitch.*`.

    `visible_to` / `visible_subjects` scope an owner: entries whose actor or actor_id is
    `visible_to` (a user id) or whose subject is one of `visible_subjects`; both None:
    everything.
    """

    actor: str | None = None
    action: str | None = None
    action_prefix: str | None = None
    subject: str | None = None
    outcome: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    request_id: str | None = None
    visible_to: str | None = None
    visible_subjects: Sequence[str] | None = None
    before_seq: int | None = None  # the cursor: only entries older (smaller seq) than this


class AuditAppender(Protocol):
    """Many entries appended at once: a burst recorded off a hot path (each order's
    `order.placed`: application/trading/order_audit.py)."""

    async def record_many(self, entries: Sequence[AuditEntry]) -> None:
        """Append `entries` in their order as consecutive links of the chain, in one
        transaction (one lock, one read of the head): all of them, or none when it raises.
        Each entry is stamped and normalized as `AuditLog.record` does it; one whose details
        need no normalizing may be kept as given (its details must not change afterwards)."""
        ...


@dataclass(frozen=True, slots=True)
class JournalLag:
    """What the order journal holds that is not yet in the audit chain: how many entries, and
    when the oldest of them was decided (None: nothing waits)."""

    entries: int
    oldest: datetime | None


class OrderJournalProjection(Protocol):
    """The order journal's entries (ports/core/repositories.py: OrderJournalRepository) moved
    into the audit chain, in journal order, each exactly once."""

    async def project(self, most: int) -> int:
        """Append up to `most` of the journal's oldest entries to the chain as consecutive
        links and take them out of the journal, in one transaction: all of them or none.
        How many moved (0: nothing was waiting). Safe from several processes at once: an
        entry is chained by whichever takes it first, and only once."""
        ...

    async def lag(self) -> JournalLag:
        """What still waits to be chained."""
        ...


class AuditTrail(Protocol):
    """The stored chain, read back. Newest first for listings, oldest first for the walk."""

    async def page(self, query: AuditFilter, limit: int) -> list[ChainedEntry]:
        """Entries matching `query`, newest (highest seq) first, at most `limit`."""
        ...

    async def chain(self, after_seq: int, limit: int) -> list[ChainedEntry]:
        """Stored entries with seq > `after_seq`, in seq order, at most `limit` (the walk)."""
        ...

    async def head(self) -> ChainedEntry | None:
        """The newest stored entry (highest seq); None while the log is empty."""
        ...

    async def redact(self, rewritten: Mapping[int, AuditEntry], commit: AuditEntry) -> int:
        """Pseudonymise stored entries in one transaction: append `commit` (an `audit.redact`
        entry whose details hold the digest of the rewritten entries) and store each entry
        of `rewritten` (by seq) as given, marked as redacted by the appended entry. Seq,
        prev_hash and hash of the rewritten entries do not change. Returns the new seq."""
        ...
