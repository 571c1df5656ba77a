"""The order journal in memory: entries staged with the decision's commit, and moved into the
in-memory audit chain by its projection (the SQL twin: adapters/postgres/order_journal.py)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.repos import MemoryRepo
from application.core.audit_context import stamped
from ports.core.audit import JournalLag
from ports.core.events import AuditEntry

if TYPE_CHECKING:
    from adapters.memory.store import InMemoryStore


class OrderJournalRepo(MemoryRepo):
    """Entries appended to the store's journal when the unit of work commits."""

    async def add(self, entries: Sequence[AuditEntry]) -> None:
        if not entries:
            return
        ready = [stamped(entry) for entry in entries]
        journal = self._store.order_journal
        self._stage(lambda: journal.extend(ready))


class InMemoryOrderJournalProjection:
    """The store's journal moved into an in-memory audit log, oldest first."""

    def __init__(self, store: InMemoryStore, log: InMemoryAuditLog) -> None:
        self._store = store
        self._log = log
        # One projection at a time (the kill switch lane's thread may run one too).
        self._lock = threading.Lock()

    async def project(self, most: int) -> int:
        journal = self._store.order_journal
        if not journal or most <= 0:
            return 0
        with self._lock:
            moved = [journal.popleft() for _ in range(min(most, len(journal)))]
            try:
                await self._log.record_many(moved)  # never suspends: a list under a lock
            except BaseException:
                journal.extendleft(reversed(moved))  # none of them chained: they wait again
                raise
        return len(moved)

    async def lag(self) -> JournalLag:
        journal = self._store.order_journal
        return JournalLag(len(journal), journal[0].at if journal else None)
