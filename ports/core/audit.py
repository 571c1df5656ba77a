"""Reading the tamper-evident audit trail: filtered pages and the hash chain in order.

The writing side stays `ports.core.events.AuditLog.record`; an adapter that keeps the chain also
serves this port. Each stored entry carries its gap-free sequence number, the hash of the
entry before it and its own hash (application/core/audit_chain.py says how it is computed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ports.core.events import AuditEntry


@dataclass(frozen=True, slots=True)
class ChainedEntry:
    """An entry as stored: its place in the chain (seq, 1..n) and the hashes linking it."""

    seq: int
    entry: AuditEntry
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What to list. None: any. `action_prefix` matches `killswitch.` for `killswitch.*`.

    `visible_to` / `visible_subjects` scope an owner: entries whose actor is `visible_to`
    or whose subject is one of `visible_subjects`; both None: everything.
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
