"""The drop copy's outbox in memory (ports/drop_copy/drop_copy.py): embedded mode and tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.drop_copy.messages import DropCopyMessage
from ports.drop_copy.drop_copy import CopyFailure, PendingCopy


@dataclass(slots=True)
class _Row:
    seq: int
    copy: PendingCopy
    next_attempt_at: datetime
    delivered_at: datetime | None = None
    last_error: str | None = None


class InMemoryDropCopyOutbox:
    """Rows by (message id, target); each target's pending ones in sequence order."""

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], _Row] = {}
        self._pending: dict[str, dict[str, _Row]] = {}  # target -> id -> row, in seq order
        self._seq = 0

    async def add(
        self, messages: Sequence[DropCopyMessage], targets: Sequence[str], at: datetime
    ) -> int:
        added = 0
        for message in messages:
            for target in targets:
                key = (message.id, target)
                if key in self._rows:
                    continue
                self._seq += 1
                copy = PendingCopy(
                    message.id,
                    target,
                    message.kind.value,
                    message.order_key,
                    message.body,
                    message.event_at,
                )
                row = _Row(self._seq, copy, at)
                self._rows[key] = row
                self._pending.setdefault(target, {})[message.id] = row
                added += 1
        return added

    async def due(self, target: str, now: datetime, limit: int) -> list[PendingCopy]:
        found: list[PendingCopy] = []
        held: set[str] = set()  # orders with an earlier message waiting for its retry
        for row in self._pending.get(target, {}).values():
            key = row.copy.order_key
            if row.next_attempt_at > now:
                held.add(key)
            elif key not in held:
                found.append(row.copy)
                if len(found) >= limit:
                    break
        return found

    async def delivered(self, target: str, ids: Sequence[str], at: datetime) -> None:
        pending = self._pending.get(target, {})
        for ident in ids:
            row = pending.pop(ident, None)
            if row is not None:
                row.delivered_at = at

    async def failed(self, target: str, failures: Sequence[CopyFailure]) -> None:
        pending = self._pending.get(target, {})
        for failure in failures:
            row = pending.get(failure.id)
            if row is None:
                continue
            row.copy = replace(row.copy, attempts=row.copy.attempts + 1)
            row.next_attempt_at = failure.retry_at
            row.last_error = failure.reason

    async def pending(self, target: str) -> int:
        return len(self._pending.get(target, {}))

    async def purge(self, before: datetime) -> int:
        old = [
            key
            for key, row in self._rows.items()
            if row.delivered_at is not None and row.delivered_at < before
        ]
        for key in old:
            del self._rows[key]
        return len(old)

    def last_error(self, message_id: str, target: str) -> str | None:
        """The reason of a message's last failed attempt (tests)."""
        row = self._rows.get((message_id, target))
        return row.last_error if row is not None else None
