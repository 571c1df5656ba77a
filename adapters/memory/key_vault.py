"""In-process API-key vault: the same sealed records the SQL tables hold, in dicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.keys.keys import SealedPair, VaultKey, sealed_record_type
from ports.core.encryption import SealedRecord
from ports.keys.key_vault import SEALED_FIELDS, KeyAccess


def sealed_text(key: VaultKey, column: str) -> str | None:
    """The text of one SEALED_FIELDS column of a key (None where there is no previous pair)."""
    pair = key.pair if column in ("key_id", "secret") else key.previous
    if pair is None:
        return None
    return pair.key_id if column.endswith("key_id") else pair.secret


def with_sealed(key: VaultKey, column: str, text: str) -> VaultKey:
    current = column in ("key_id", "secret")
    pair = key.pair if current else key.previous
    assert pair is not None
    changed = (
        replace(pair, key_id=text) if column.endswith("key_id") else replace(pair, secret=text)
    )
    return replace(key, pair=changed) if current else replace(key, previous=changed)


class InMemoryKeyVault:
    """A KeyVaultStore in dicts; sealed like the SQL one, gone with the process."""

    durable = False

    def __init__(self) -> None:
        self._keys: dict[str, VaultKey] = {}
        self._accesses: list[KeyAccess] = []

    async def add(self, key: VaultKey) -> None:
        self._keys[key.id] = key

    async def get(self, key_id: str) -> VaultKey | None:
        return self._keys.get(key_id)

    async def owned_by(self, owner_id: str) -> Sequence[VaultKey]:
        owned = [k for k in self._keys.values() if k.owner_id == owner_id]
        return sorted(owned, key=lambda k: (k.created_at, k.id))

    async def linked(self, account_id: str, provider: str) -> VaultKey | None:
        for key in self._keys.values():
            if key.account_id == account_id and key.provider == provider:
                return key
        return None

    async def save(self, key: VaultKey, expected: SealedPair) -> bool:
        stored = self._keys.get(key.id)
        if stored is None or stored.pair != expected:
            return False
        self._keys[key.id] = key
        return True

    async def delete(self, key_id: str) -> bool:
        return self._keys.pop(key_id, None) is not None

    async def watched(self) -> Sequence[VaultKey]:
        return [
            k for k in self._keys.values() if k.expires_at is not None or k.previous is not None
        ]

    async def set_warned(self, key_id: str, warned: tuple[int, ...]) -> None:
        key = self._keys.get(key_id)
        if key is not None:
            self._keys[key_id] = replace(key, warned=warned)

    async def purge_previous(self, key_id: str, until: datetime) -> bool:
        key = self._keys.get(key_id)
        if key is None or key.previous is None or key.previous_until != until:
            return False
        self._keys[key_id] = replace(key, previous=None, previous_until=None)
        return True

    async def touch(self, key_id: str, at: datetime) -> None:
        key = self._keys.get(key_id)
        if key is not None:
            self._keys[key_id] = replace(key, last_used_at=at)

    async def record_access(self, access: KeyAccess) -> None:
        self._accesses.append(access)

    async def accesses(self, key_id: str, limit: int) -> Sequence[KeyAccess]:
        mine = [a for a in self._accesses if a.key_id == key_id]
        return mine[::-1][:limit]

    async def sealed_batch(
        self, column: str, after: str | None, limit: int
    ) -> Sequence[SealedRecord]:
        assert column in SEALED_FIELDS
        found = []
        for key_id in sorted(self._keys):
            text = sealed_text(self._keys[key_id], column)
            if (after is None or key_id > after) and text is not None:
                found.append(SealedRecord(key_id, sealed_record_type(column), key_id, text))
        return found[:limit]

    async def replace_sealed(self, column: str, key_id: str, old: str, new: str) -> bool:
        key = self._keys.get(key_id)
        if key is None or sealed_text(key, column) != old:
            return False
        self._keys[key_id] = with_sealed(key, column, new)
        return True
