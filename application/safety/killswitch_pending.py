"""Storing, once the store answers again, what the kill switch did while it was down.

An activation while the store is unreachable halts in this process and cancels at the brokers
(application/safety/killswitch.py); its record waits in KillSwitchMemory. `PendingRecords.store`
writes each waiting record with HALTED for its scope in one unit of work, then publishes the
state change and hands the record to `after` (its audit entry and notification). A record is
stored once: it is taken from memory by one caller, put back only when its unit of work failed,
and skipped when the store already holds its id. A scope changed after the activation (a
resume) keeps its newer state.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from application.safety.killswitch_memory import KillSwitchMemory
from domain.killswitch.state import TradingState
from domain.killswitch.switch import KillSwitchEvent, ScopeState
from ports.core.events import AuditLog, EventPublisher
from ports.core.unit_of_work import UnitOfWorkFactory

_SEEN_LIMIT = 10_000  # the scope's records read to find one by id


@dataclass(eq=False)
class PendingRecords:
    """Writes the kill switch's records and audit entries kept while the store was down."""

    uow_factory: UnitOfWorkFactory
    memory: KillSwitchMemory
    publisher: EventPublisher
    audit: AuditLog
    after: Callable[[KillSwitchEvent], Awaitable[None]]

    async def store(self) -> int:
        """Store what waits; the number of records stored. On an error (StoreUnavailable)
        what was not stored waits again and the error is raised."""
        if not self.memory.pending():
            return 0
        records = self.memory.take_records()
        stored = 0
        for index, record in enumerate(records):
            try:
                written = await self._store_one(record)
            except BaseException:
                for waiting in records[index:]:
                    self.memory.keep_record(waiting)
                raise
            stored += written
        audits = self.memory.take_audits()
        for index, entry in enumerate(audits):
            try:
                await self.audit.record(entry)
            except BaseException:
                for unsent in audits[index:]:
                    self.memory.keep_audit(unsent)
                raise
        return stored

    async def _store_one(self, record: KillSwitchEvent) -> bool:
        async with self.uow_factory() as uow:
            seen = await uow.kill_switch_events.list(record.scope.key, _SEEN_LIMIT)
            if any(e.id == record.id for e in seen):
                return False
            state = await uow.trading_states.get(record.scope.key)
            if state is None:
                state = ScopeState(record.scope)
                await uow.trading_states.add(state)
            if state.changed_at is None or state.changed_at <= record.triggered_at:
                state.change(
                    TradingState.HALTED, record.user_id, record.reason, record.triggered_at
                )
            await uow.kill_switch_events.add(record)
            await uow.commit()
            events = uow.collect_events()
        await self.publisher.publish(events)
        await self.after(record)
        return True
