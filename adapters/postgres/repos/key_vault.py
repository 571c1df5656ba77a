"""The API-key vault on SQL: sealed texts only ever reach the tables (`tables/key_vault.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, desc, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.tables.key_vault import vault_key_access, vault_keys
from domain.vault.keys import SealedPair, VaultKey, sealed_record_type
from ports.encryption import SealedRecord
from ports.key_vault import SEALED_FIELDS, KeyAccess, VaultKeyLinked


def to_row(key: VaultKey) -> dict[str, Any]:
    previous = key.previous
    return {
        "id": key.id,
        "owner_id": key.owner_id,
        "provider": key.provider,
        "label": key.label,
        "scopes": list(key.scopes),
        "key_hint": key.key_hint,
        "key_id_sealed": key.pair.key_id,
        "secret_sealed": key.pair.secret,
        "account_id": key.account_id,
        "paper": key.paper,
        "expires_at": key.expires_at,
        "created_at": key.created_at,
        "rotated_at": key.rotated_at,
        "last_used_at": key.last_used_at,
        "previous_key_id_sealed": None if previous is None else previous.key_id,
        "previous_secret_sealed": None if previous is None else previous.secret,
        "previous_until": key.previous_until,
        "warned": list(key.warned),
    }


def from_row(row: Any) -> VaultKey:
    previous = None
    if row.previous_key_id_sealed is not None and row.previous_secret_sealed is not None:
        previous = SealedPair(row.previous_key_id_sealed, row.previous_secret_sealed)
    return VaultKey(
        id=row.id,
        owner_id=row.owner_id,
        provider=row.provider,
        label=row.label,
        scopes=tuple(row.scopes),
        key_hint=row.key_hint,
        pair=SealedPair(row.key_id_sealed, row.secret_sealed),
        created_at=row.created_at,
        account_id=row.account_id,
        paper=bool(row.paper),
        expires_at=row.expires_at,
        rotated_at=row.rotated_at,
        last_used_at=row.last_used_at,
        previous=previous,
        previous_until=row.previous_until,
        warned=tuple(int(d) for d in row.warned),
    )


def _column(name: str) -> Any:
    if name not in SEALED_FIELDS:
        raise ValueError(f"not a sealed column: {name}")
    return vault_keys.c[f"{name}_sealed"]


class SqlKeyVault:
    """A KeyVaultStore on SQL (PostgreSQL or SQLite)."""

    durable = True

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def add(self, key: VaultKey) -> None:
        try:
            await self._write(insert(vault_keys).values(to_row(key)))
        except IntegrityError:
            raise VaultKeyLinked(
                f"account {key.account_id} already has a {key.provider} key"
            ) from None

    async def get(self, key_id: str) -> VaultKey | None:
        rows = await self._read(select(vault_keys).where(vault_keys.c.id == key_id))
        return from_row(rows[0]) if rows else None

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
        rows = await self._read(query)
        return from_row(rows[0]) if rows else None

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
        return await self._write(statement)

    async def delete(self, key_id: str) -> bool:
        return await self._write(delete(vault_keys).where(vault_keys.c.id == key_id))

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
        await self._write(statement)

    async def purge_previous(self, key_id: str, until: datetime) -> bool:
        statement = (
            update(vault_keys)
            .where(vault_keys.c.id == key_id, vault_keys.c.previous_until == until)
            .values(previous_key_id_sealed=None, previous_secret_sealed=None, previous_until=None)
        )
        return await self._write(statement)

    async def touch(self, key_id: str, at: datetime) -> None:
        await self._write(
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
        await self._write(insert(vault_key_access).values(row))

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
        return await self._write(statement)

    async def _read(self, query: Any) -> list[Any]:
        async def run() -> list[Any]:
            async with self._engine.connect() as conn:
                return list((await conn.execute(query)).all())

        return await guarded(run)

    async def _write(self, statement: Any) -> bool:
        async def run() -> bool:
            async with single_writer(self._engine), self._engine.begin() as conn:
                result = await conn.execute(statement)
            return bool(result.rowcount)

        return await guarded(run)
