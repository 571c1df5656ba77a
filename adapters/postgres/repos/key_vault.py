"""The API-key vault on SQL: sealed texts only ever reach the tables (`tables/key_vault.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, desc, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.key_vault import vault_key_access, vault_keys
from domain.keys.keys import SealedPair, VaultKey, sealed_record_type
from ports.core.encryption import SealedRecord
from ports.keys.key_vault import SEALED_FIELDS, KeyAccess, VaultKeyLinked


def to_row(key: VaultKey) -> dict[str, Any]:
    previous = key.previous
    return row_of(
        key,
        vault_keys,
        scopes=list(key.scopes),
        key_id_sealed=key.pair.key_id,
        secret_sealed=key.pair.secret,
        previous_key_id_sealed=None if previous is None else previous.key_id,
        previous_secret_sealed=None if previous is None else previous.secret,
        warned=list(key.warned),
    )


def from_row(row: Any) -> VaultKey:
    previous = None
    if row.previous_key_id_sealed is not None and row.previous_secret_sealed is not None:
        previous = SealedPair(row.previous_key_id_sealed, row.previous_secret_sealed)
    return record(
        VaultKey,
        row,
        scopes=tuple(row.scopes),
        pair=SealedPair(row.key_id_sealed, row.secret_sealed),
        paper=bool(row.paper),
        previous=previous,
        warned=tuple(int(d) for d in row.warned),
    )


def _column(name: str) -> Any:
    if name not in SEALED_FIELDS:
        raise ValueError(f"not a sealed column: {name}")
    return vault_keys.c[f"{name}_sealed"]


class SqlKeyVault(EngineStore):
    """A KeyVaultStore on SQL (PostgreSQL or SQLite)."""

    durable = True

    async def add(self, key: VaultKey) -> None:
        try:
            await self._change(insert(vault_keys).values(to_row(key)))
        except IntegrityError:
            raise VaultKeyLinked(
                f"account {key.account_id} already has a {key.provider} key"
            ) from None

    async def get(self, key_id: str) -> VaultKey | None:
        return await self._read_one(select(vault_keys).where(vault_keys.c.id == key_id), from_row)

    async def owned_by(self, owner_id: str) -> Sequence[VaultKey]:
        query = (
            select(vault_keys)
            .where(vault_keys.c.owner_id == owner_id)
            .order_by(vault_keys.c.created_at, vault_keys.c.id)
        )
        return [from_row(r) for r in await self._read(query)]

    async def linked(self, account_id: str, provider: str) -> VaultKey | None:
        query = select(vault_keys).where(
            vault_keys.c.account_id == account_id, vault_keys.c.provider == provider
        )
        return await self._read_one(query, from_row)

    async def save(self, key: VaultKey, expected: SealedPair) -> bool:
        row = {k: v for k, v in to_row(key).items() if k != "id"}
        statement = (
            update(vault_keys)
            .where(
                vault_keys.c.id == key.id,
                vault_keys.c.key_id_sealed == expected.key_id,
                vault_keys.c.secret_sealed == expected.secret,
            )
            .values(row)
        )
        return await self._change(statement) > 0

    async def delete(self, key_id: str) -> bool:
        return await self._change(delete(vault_keys).where(vault_keys.c.id == key_id)) > 0

    async def watched(self) -> Sequence[VaultKey]:
        query = select(vault_keys).where(
            or_(
                vault_keys.c.expires_at.is_not(None),
                vault_keys.c.previous_key_id_sealed.is_not(None),
            )
        )
        return [from_row(r) for r in await self._read(query)]

    async def set_warned(self, key_id: str, warned: tuple[int, ...]) -> None:
        statement = update(vault_keys).where(vault_keys.c.id == key_id).values(warned=list(warned))
        await self._change(statement)

    async def purge_previous(self, key_id: str, until: datetime) -> bool:
        statement = (
            update(vault_keys)
            .where(vault_keys.c.id == key_id, vault_keys.c.previous_until == until)
            .values(previous_key_id_sealed=None, previous_secret_sealed=None, previous_until=None)
        )
        return await self._change(statement) > 0

    async def touch(self, key_id: str, at: datetime) -> None:
        await self._change(
            update(vault_keys).where(vault_keys.c.id == key_id).values(last_used_at=at)
        )

    async def record_access(self, access: KeyAccess) -> None:
        row = {
            "key_id": access.key_id,
            "at": access.at,
            "component": access.component,
            "actor": access.actor,
            "outcome": access.outcome,
            "detail": access.detail,
        }
        await self._change(insert(vault_key_access).values(row))

    async def accesses(self, key_id: str, limit: int) -> Sequence[KeyAccess]:
        query = (
            select(vault_key_access)
            .where(vault_key_access.c.key_id == key_id)
            .order_by(desc(vault_key_access.c.seq))
            .limit(limit)
        )
        return [
            KeyAccess(r.key_id, r.at, r.component, r.actor, r.outcome, r.detail)
            for r in await self._read(query)
        ]

    async def sealed_batch(
        self, column: str, after: str | None, limit: int
    ) -> Sequence[SealedRecord]:
        text = _column(column)
        query = select(vault_keys.c.id, text).where(text.is_not(None))
        if after is not None:
            query = query.where(vault_keys.c.id > after)
        query = query.order_by(vault_keys.c.id).limit(limit)
        return [
            SealedRecord(r[0], sealed_record_type(column), r[0], r[1])
            for r in await self._read(query)
        ]

    async def replace_sealed(self, column: str, key_id: str, old: str, new: str) -> bool:
        text = _column(column)
        statement = (
            update(vault_keys)
            .where(vault_keys.c.id == key_id, text == old)
            .values({text.name: new})
        )
        return await self._change(statement) > 0
