"""The vault's sealed columns as rotation sources (`bulwark keys rotate` walks each one)."""

from __future__ import annotations

from collections.abc import Sequence

from ports.core.encryption import SealedRecord
from ports.keys.key_vault import SEALED_FIELDS, KeyVaultStore


class VaultSealedSource:
    """One sealed column of `vault_keys`; cursor = the vault key's id, CAS replace."""

    def __init__(self, store: KeyVaultStore, column: str) -> None:
        if column not in SEALED_FIELDS:
            raise ValueError(f"not a sealed vault column: {column}")
        self._store = store
        self._column = column
        self.name = f"vault_keys.{column}"

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        return await self._store.sealed_batch(self._column, after, limit)

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        return await self._store.replace_sealed(
            self._column, record.record_id, record.text, new_text
        )


def vault_sources(store: KeyVaultStore) -> list[VaultSealedSource]:
    return [VaultSealedSource(store, column) for column in SEALED_FIELDS]
