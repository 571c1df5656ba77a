"""In-process twins of the key-rotation stores: checkpoints, retired keys, TOTP secret sources."""

from __future__ import annotations

from collections.abc import Sequence

from adapters.memory.store import InMemoryStore
from ports.core.encryption import SealedRecord
from ports.keys.key_rotation import USER_SECRET_COLUMNS, RetiredKey, RotationCheckpoint


class InMemoryKeyRotationStore:
    """A KeyRotationStore in dicts, gone with the process (like the embedded store's data)."""

    def __init__(self) -> None:
        self._checkpoints: dict[str, RotationCheckpoint] = {}
        self._retired: dict[tuple[str, int], RetiredKey] = {}

    async def checkpoint(self, source: str) -> RotationCheckpoint | None:
        return self._checkpoints.get(source)

    async def save_checkpoint(self, checkpoint: RotationCheckpoint) -> None:
        self._checkpoints[checkpoint.source] = checkpoint

    async def clear_checkpoint(self, source: str) -> None:
        self._checkpoints.pop(source, None)

    async def retire(self, retired: RetiredKey) -> bool:
        key = (retired.kek.key_id, retired.kek.version)
        if key in self._retired:
            return False
        self._retired[key] = retired
        return True

    async def retired(self) -> list[RetiredKey]:
        return [self._retired[key] for key in sorted(self._retired)]


class InMemoryUserSecretSource:
    """A SealedRecordSource over one sealed column of the in-memory users (cursor = user id)."""

    def __init__(self, store: InMemoryStore, name: str) -> None:
        self.name = name
        self._store = store
        self._attribute, self._record_type = USER_SECRET_COLUMNS[name]

    def __repr__(self) -> str:
        return f"InMemoryUserSecretSource({self.name})"

    async def count(self) -> int:
        users = list(self._store.users.values())
        return sum(getattr(user, self._attribute) is not None for user in users)

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        ids = sorted(i for i in list(self._store.users) if after is None or i > after)
        records: list[SealedRecord] = []
        for user_id in ids:
            text = getattr(self._store.users[user_id], self._attribute)
            if text is not None:
                records.append(SealedRecord(user_id, self._record_type, user_id, text))
                if len(records) == limit:
                    break
        return records

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        user = self._store.users.get(record.record_id)
        if user is None or getattr(user, self._attribute) != record.text:
            return False
        setattr(user, self._attribute, new_text)
        return True
