"""The in-memory audit log: the same hash chain as the SQL one, appends under a lock."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Mapping, Sequence

from adapters.audit_links import link_many
from application.core.audit_chain import GENESIS, chained, storable
from application.core.audit_context import stamped
from ports.core.audit import AuditFilter, ChainedEntry
from ports.core.events import AuditEntry


class InMemoryAuditLog:
    """An AuditLog and AuditTrail in a list; `links` is exposed for tests that tamper."""

    def __init__(self) -> None:
        self.links: list[ChainedEntry] = []
        # A thread lock, not an asyncio one: record() never awaits while holding it, and
        # the kill switch lane may record from its own thread's event loop.
        self._lock = threading.Lock()

    async def record(self, entry: AuditEntry) -> None:
        entry = storable(stamped(entry))
        with self._lock:
            prev = self.links[-1].hash if self.links else GENESIS
            self.links.append(chained(len(self.links) + 1, entry, prev))

    async def record_many(self, entries: Sequence[AuditEntry]) -> None:
        ready = [stamped(entry) for entry in entries]
        with self._lock:
            prev = self.links[-1].hash if self.links else GENESIS
            self.links.extend(link_many(ready, len(self.links), prev))

    async def entries(self, target: str | None = None, limit: int = 100) -> list[AuditEntry]:
        found = [
            link.entry
            for link in reversed(self.links)
            if target is None or link.entry.target == target
        ]
        return found[:limit]

    async def page(self, query: AuditFilter, limit: int) -> list[ChainedEntry]:
        found: list[ChainedEntry] = []
        for link in reversed(list(self.links)):
            if len(found) >= limit:
                break
            if matches(query, link):
                found.append(link)
        return found

    async def chain(self, after_seq: int, limit: int) -> list[ChainedEntry]:
        links = sorted(self.links, key=lambda link: link.seq)
        return [link for link in links if link.seq > after_seq][:limit]

    async def head(self) -> ChainedEntry | None:
        return self.links[-1] if self.links else None

    async def redact(self, rewritten: Mapping[int, AuditEntry], commit: AuditEntry) -> int:
        commit = storable(stamped(commit))
        with self._lock:
            prev = self.links[-1].hash if self.links else GENESIS
            by = len(self.links) + 1
            for seq, entry in rewritten.items():
                link = self.links[seq - 1]
                self.links[seq - 1] = dataclasses.replace(
                    link, entry=storable(entry), redacted_by=by
                )
            self.links.append(chained(by, commit, prev))
        return by


def matches(query: AuditFilter, link: ChainedEntry) -> bool:
    """Whether a stored entry passes the filter (the SQL adapter says the same in SQL)."""
    entry = link.entry
    checks = (
        query.before_seq is None or link.seq < query.before_seq,
        query.actor is None or entry.actor == query.actor,
        query.action is None or entry.action == query.action,
        query.action_prefix is None or entry.action.startswith(query.action_prefix),
        query.subject is None or entry.target == query.subject,
        query.outcome is None or entry.outcome == query.outcome,
        query.since is None or entry.at >= query.since,
        query.until is None or entry.at < query.until,
        query.request_id is None or entry.request_id == query.request_id,
    )
    if not all(checks):
        return False
    if query.visible_to is None and query.visible_subjects is None:
        return True
    mine = query.visible_to is not None and query.visible_to in (entry.actor, entry.actor_id)
    return mine or entry.target in (query.visible_subjects or ())
