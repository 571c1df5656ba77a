"""Broker credentials on the `broker_credentials` table, encrypted before they reach SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.tables.vault import broker_credentials as table
from ports.identity import SecretCipher
from ports.vault import BrokerCredentials, CredentialsInfo, SealedCredentials, seal, unseal


def to_row(sealed: SealedCredentials) -> dict[str, Any]:
    info = sealed.info
    return {
        "account_id": info.account_id,
        "owner_id": info.owner_id,
        "broker": info.broker,
        "key_id_ciphertext": sealed.key_id_ciphertext,
        "secret_ciphertext": sealed.secret_ciphertext,
        "key_hint": info.key_hint,
        "paper": info.paper,
        "updated_at": info.updated_at,
    }


def from_row(row: Any) -> SealedCredentials:
    info = CredentialsInfo(
        account_id=row.account_id,
        owner_id=row.owner_id,
        broker=row.broker,
        key_hint=row.key_hint,
        paper=bool(row.paper),
        updated_at=row.updated_at,
    )
    return SealedCredentials(info, row.key_id_ciphertext, row.secret_ciphertext)


class SqlCredentialVault:
    """A CredentialVault on SQL; plaintext never leaves this process, only Fernet tokens."""

    durable = True

    def __init__(self, engine: AsyncEngine, cipher: SecretCipher) -> None:
        self._engine = engine
        self._cipher = cipher

    async def put(
        self, account_id: str, owner_id: str, credentials: BrokerCredentials, at: datetime
    ) -> CredentialsInfo:
        sealed = seal(self._cipher, account_id, owner_id, credentials, at)
        await guarded(lambda: self._upsert(sealed))
        return sealed.info

    async def get(self, account_id: str) -> BrokerCredentials | None:
        sealed = await guarded(lambda: self._load(account_id))
        return None if sealed is None else unseal(self._cipher, sealed)

    async def describe(self, account_id: str) -> CredentialsInfo | None:
        sealed = await guarded(lambda: self._load(account_id))
        return None if sealed is None else sealed.info

    async def delete(self, account_id: str) -> bool:
        return await guarded(lambda: self._delete(account_id))

    async def _upsert(self, sealed: SealedCredentials) -> None:
        row = to_row(sealed)
        async with single_writer(self._engine), self._engine.begin() as conn:
            dialect_insert = (
                postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
            )
            insert = dialect_insert(table).values(row)
            changes = {k: v for k, v in row.items() if k != "account_id"}
            await conn.execute(
                insert.on_conflict_do_update(index_elements=[table.c.account_id], set_=changes)
            )

    async def _load(self, account_id: str) -> SealedCredentials | None:
        async with self._engine.connect() as conn:
            query = select(table).where(table.c.account_id == account_id)
            row = (await conn.execute(query)).first()
        return None if row is None else from_row(row)

    async def _delete(self, account_id: str) -> bool:
        async with single_writer(self._engine), self._engine.begin() as conn:
            result = await conn.execute(delete(table).where(table.c.account_id == account_id))
        return bool(result.rowcount)
