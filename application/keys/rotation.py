"""KEK rotation over every store of sealed secrets: status, online re-wrap, retirement.

Why online and record by record: a KEK rotation must not stop logins or trading. Each record
is upgraded with a compare-and-set replace (SealedRecordSource.replace), so a user changing
a secret while the walk passes loses nothing: the CAS fails, the record is read again and, if
its new text still needs it, upgraded again. A record that does not open is counted and named
(source, record id) and the walk goes on; its text is never logged or shown.

The walk saves a checkpoint after each batch (ports/keys/key_rotation.py), so an interrupted run
resumes where it stopped; a finished source's checkpoint is cleared.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from application.core.audited import audit
from domain.errors import Conflict, NotFound
from ports.core.clock import Clock
from ports.core.encryption import (
    DecryptionRefused,
    KeyProvider,
    KeyRef,
    SealedRecord,
    SealedRecordSource,
    SecretSealer,
)
from ports.core.events import AuditLog
from ports.keys.key_rotation import KeyRotationStore, RetiredKey, RotationCheckpoint

UNREADABLE_LABEL = "unreadable"  # a text too malformed to name its key
LISTED_UNREADABLE = 1000  # records named in a report at most (all are counted)
CAS_RETRIES = 5
KEYS_TARGET = "keys"


class KeyRetirementRefused(Conflict):
    """A KEK version cannot be retired yet: records still name it, or it is the current one."""

    code = "KEY_IN_USE"


class UnknownKey(NotFound):
    """The operator named a KEK version that is not configured."""

    code = "KEY_NOT_CONFIGURED"


class CountedSource(Protocol):
    """A source that can say how many sealed records it holds (for the progress estimate)."""

    async def count(self) -> int: ...


class BatchReplacing(Protocol):
    """A source that can compare-and-set a batch in one transaction (far fewer commits)."""

    async def replace_many(self, changes: Sequence[tuple[SealedRecord, str]]) -> list[bool]: ...


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """How many records of one source name each key label ("main v2", "legacy", ...)."""

    name: str
    labels: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.labels.values())


@dataclass(frozen=True, slots=True)
class KeyStatus:
    current: KeyRef
    configured: tuple[KeyRef, ...]
    sources: tuple[SourceStatus, ...]
    retired: tuple[RetiredKey, ...]

    def using(self, label: str) -> dict[str, int]:
        """Per source, how many records name `label` (sources with none left out)."""
        return {s.name: s.labels[label] for s in self.sources if s.labels.get(label)}


@dataclass(slots=True)
class RotationProgress:
    """Counts of a rotation so far; `total` is an estimate taken at the start (None: unknown)."""

    target: KeyRef
    total: int | None = None
    seen: int = 0
    upgraded: int = 0
    current: int = 0  # already under the target KEK
    gone: int = 0  # removed or emptied by a concurrent writer before it could be upgraded
    raced: int = 0  # CAS lost to a concurrent writer, then read again
    contended: int = 0  # still losing after the retries: left for the next run
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    unreadable_count: int = 0
    resumed: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float | None:
        if self.total is None:
            return None
        if self.total == 0:
            return 100.0
        return min(100.0, 100.0 * self.seen / self.total)

    def counts(self) -> dict[str, int]:
        return {
            "seen": self.seen,
            "upgraded": self.upgraded,
            "current": self.current,
            "gone": self.gone,
            "raced": self.raced,
            "contended": self.contended,
            "unreadable": self.unreadable_count,
        }


ProgressCallback = Callable[[RotationProgress], Awaitable[None] | None]


class KeyRotation:
    """Status, rotation and retirement of KEK versions over every registered source."""

    def __init__(
        self,
        sealer: SecretSealer,
        keys: KeyProvider,
        sources: Sequence[SealedRecordSource],
        store: KeyRotationStore,
        clock: Clock,
        audit_log: AuditLog,
        batch: int = 500,
    ) -> None:
        names = [source.name for source in sources]
        if len(set(names)) != len(names):
            raise ValueError(f"sealed record sources share a name: {sorted(names)}")
        self._sealer = sealer
        self._keys = keys
        self._sources = tuple(sources)
        self._store = store
        self._clock = clock
        self._audit = audit_log
        self.batch = batch

    def current(self) -> KeyRef:
        return self._keys.current()

    def configured(self) -> tuple[KeyRef, ...]:
        current = self._keys.current()
        return tuple(KeyRef(current.key_id, v) for v in self._keys.versions(current.key_id))

    # -- status ----------------------------------------------------------------------
    async def status(self) -> KeyStatus:
        sources = tuple([await self._source_status(source) for source in self._sources])
        retired = tuple(await self._store.retired())
        return KeyStatus(self._keys.current(), self.configured(), sources, retired)

    async def _source_status(self, source: SealedRecordSource) -> SourceStatus:
        labels: dict[str, int] = {}
        after: str | None = None
        while records := await source.batch(after, self.batch):
            for record in records:
                label = self._label(record.text)
                labels[label] = labels.get(label, 0) + 1
            after = records[-1].cursor
        return SourceStatus(source.name, labels)

    def _label(self, text: str) -> str:
        try:
            return self._sealer.key_label(text)
        except DecryptionRefused:
            return UNREADABLE_LABEL

    async def retired_still_configured(self) -> list[KeyRef]:
        """Configured KEK versions recorded as retired (their line should have been removed)."""
        configured = set(self.configured())
        return [r.kek for r in await self._store.retired() if r.kek in configured]

    # -- rotation --------------------------------------------------------------------
    async def rotate(
        self,
        actor: str,
        batch: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> RotationProgress:
        """Upgrade every record that needs it to the current KEK; resumes a stopped run."""
        size = batch or self.batch
        if size < 1:
            raise ValueError("batch size must be at least 1")
        state = RotationProgress(self._keys.current(), await self._estimate())
        for source in self._sources:
            await self._rotate_source(source, size, state, progress)
        outcome = "partial" if state.unreadable_count or state.contended else "ok"
        details = {"target": str(state.target), **state.counts(), "resumed": state.resumed}
        await audit(self._audit, self._clock, actor, "keys.rotate", KEYS_TARGET, outcome, details)
        return state

    async def _estimate(self) -> int | None:
        total = 0
        for source in self._sources:
            count = getattr(source, "count", None)
            total += await count() if count is not None else await _walk_count(source)
        return total

    async def _rotate_source(
        self,
        source: SealedRecordSource,
        size: int,
        state: RotationProgress,
        progress: ProgressCallback | None,
    ) -> None:
        after: str | None = None
        saved = await self._store.checkpoint(source.name)
        if saved is not None and saved.target == state.target:
            after = saved.cursor
            state.resumed.append(source.name)
        while records := await source.batch(after, size):
            await self._rotate_batch(source, after, records, state)
            after = records[-1].cursor
            await self._store.save_checkpoint(RotationCheckpoint(source.name, after, state.target))
            if progress is not None:
                waiting = progress(state)
                if waiting is not None:
                    await waiting
        await self._store.clear_checkpoint(source.name)

    async def _rotate_batch(
        self,
        source: SealedRecordSource,
        after: str | None,
        records: Sequence[SealedRecord],
        state: RotationProgress,
    ) -> None:
        changes: list[tuple[SealedRecord, str]] = []
        before: dict[str, str | None] = {}
        previous = after
        for record in records:
            state.seen += 1
            before[record.cursor] = previous
            previous = record.cursor
            upgraded = self._upgraded(source, record, state)
            if upgraded is not None:
                changes.append((record, upgraded))
        if not changes:
            return
        replace_many = getattr(source, "replace_many", None)
        if replace_many is not None:
            written: list[bool] = await replace_many(changes)
        else:
            written = [await source.replace(record, text) for record, text in changes]
        for (record, _), ok in zip(changes, written, strict=True):
            if ok:
                state.upgraded += 1
            else:
                await self._retry(source, record, before[record.cursor], state)

    def _upgraded(
        self, source: SealedRecordSource, record: SealedRecord, state: RotationProgress
    ) -> str | None:
        """The record's text under the target KEK; None when it needs nothing or is unreadable."""
        try:
            if not self._sealer.needs_upgrade(record.text):
                state.current += 1
                return None
            return self._sealer.upgrade(record.text, record.record_type, record.record_id)
        except DecryptionRefused:
            state.unreadable_count += 1
            if len(state.unreadable) < LISTED_UNREADABLE:
                state.unreadable.append((source.name, record.record_id))
            return None

    async def _retry(
        self,
        source: SealedRecordSource,
        record: SealedRecord,
        after: str | None,
        state: RotationProgress,
    ) -> None:
        """A concurrent writer won the CAS: read the record again and upgrade what is there now."""
        for _ in range(CAS_RETRIES):
            state.raced += 1
            found = await source.batch(after, 1)
            if not found or found[0].cursor != record.cursor:
                state.gone += 1
                return
            record = found[0]
            try:
                if not self._sealer.needs_upgrade(record.text):
                    return  # the writer sealed it under the current KEK already
                text = self._sealer.upgrade(record.text, record.record_type, record.record_id)
            except DecryptionRefused:
                state.unreadable_count += 1
                if len(state.unreadable) < LISTED_UNREADABLE:
                    state.unreadable.append((source.name, record.record_id))
                return
            if await source.replace(record, text):
                state.upgraded += 1
                return
        state.contended += 1

    # -- retirement ------------------------------------------------------------------
    async def retire(self, actor: str, key_id: str, version: int) -> RetiredKey:
        """Record `key_id` v`version` retired; refused while it is current or still in use."""
        ref = KeyRef(key_id, version)
        if version not in self._keys.versions(key_id):
            names = ", ".join(str(r) for r in self.configured())
            raise UnknownKey(f"{ref} is not configured (configured: {names})")
        if ref == self._keys.current():
            raise KeyRetirementRefused(
                f"{ref} is the current key-encryption key: add a newer version and rotate first"
            )
        in_use = (await self.status()).using(str(ref))
        if in_use:
            total = sum(in_use.values())
            where = ", ".join(f"{name} {count}" for name, count in sorted(in_use.items()))
            await audit(self._audit, self._clock, actor, "keys.retire", str(ref), "refused", in_use)
            raise KeyRetirementRefused(
                f"{ref} still seals {total} record(s) ({where}): run `bulwark keys rotate` first"
            )
        retired = RetiredKey(ref, self._clock.now(), actor)
        fresh = await self._store.retire(retired)
        outcome = "retired" if fresh else "already_retired"
        await audit(self._audit, self._clock, actor, "keys.retire", str(ref), outcome)
        return retired


async def _walk_count(source: SealedRecordSource, page: int = 1_000) -> int:
    """How many records a source without `count()` holds, by walking its batches once."""
    total, after = 0, None
    while True:
        records = await source.batch(after, page)
        total += len(records)
        if len(records) < page:
            return total
        after = records[-1].cursor
