"""Key rotation on SQL: checkpoints and retired KEKs (their own tables), TOTP secret sources.

The user sources read the sealed columns of `users` in id order and replace with a
compare-and-set UPDATE (`WHERE id = :id AND <column> = :old`): a user who changes the secret
while rotation runs wins, and rotation reads the record again (application/keys/rotation.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.identity import users
from adapters.postgres.tables.key_rotation import key_rotation_checkpoints, retired_keys
from ports.core.encryption import KeyRef, SealedRecord
from ports.keys.key_rotation import USER_SECRET_COLUMNS, RetiredKey, RotationCheckpoint

_cp = key_rotation_checkpoints


class SqlKeyRotationStore(EngineStore):
    """A KeyRotationStore on `key_rotation_checkpoints` and `retired_keys`."""

    async def checkpoint(self, source: str) -> RotationCheckpoint | None:
        rows = await self._read(select(_cp).where(_cp.c.source == source))
        if not rows:
            return None
        row = rows[0]
        return RotationCheckpoint(
            row.source, row.cursor, KeyRef(row.target_key_id, row.target_version)
        )

    async def save_checkpoint(self, checkpoint: RotationCheckpoint) -> None:
        values = {
            "cursor": checkpoint.cursor,
            "target_key_id": checkpoint.target.key_id,
            "target_version": checkpoint.target.version,
            "updated_at": datetime.now(UTC),
        }

        async def work(conn: AsyncConnection) -> None:
            found = await conn.execute(
                update(_cp).where(_cp.c.source == checkpoint.source).values(values)
            )
            if found.rowcount == 0:
                await conn.execute(insert(_cp).values(source=checkpoint.source, **values))

        await self._write(work)

    async def clear_checkpoint(self, source: str) -> None:
        await self._change(delete(_cp).where(_cp.c.source == source))

    async def retire(self, retired: RetiredKey) -> bool:
        row = {
            "key_id": retired.kek.key_id,
            "version": retired.kek.version,
            "retired_at": retired.at,
            "retired_by": retired.actor,
        }

        async def run() -> bool:
            try:
                async with single_writer(self._engine), self._engine.begin() as conn:
                    await conn.execute(insert(retired_keys).values(row))
            except IntegrityError:
                return False
            return True

        return await guarded(run)

    async def retired(self) -> list[RetiredKey]:
        query = select(retired_keys).order_by(retired_keys.c.key_id, retired_keys.c.version)
        return [
            RetiredKey(KeyRef(r.key_id, r.version), r.retired_at, r.retired_by)
            for r in await self._read(query)
        ]


class SqlUserSecretSource(EngineStore):
    """A SealedRecordSource over one sealed column of `users` (cursor = user id)."""

    def __init__(self, engine: AsyncEngine, name: str) -> None:
        super().__init__(engine)
        self.name = name
        attribute, self._record_type = USER_SECRET_COLUMNS[name]
        self._column = users.c[attribute]

    def __repr__(self) -> str:
        return f"SqlUserSecretSource({self.name})"

    async def count(self) -> int:
        query = select(func.count()).select_from(users).where(self._column.is_not(None))
        return int((await self._read(query))[0][0])

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        query = select(users.c.id, self._column).where(self._column.is_not(None))
        if after is not None:
            query = query.where(users.c.id > after)
        query = query.order_by(users.c.id).limit(limit)
        rows = await self._read(query)
        return [SealedRecord(row[0], self._record_type, row[0], row[1]) for row in rows]

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        return (await self.replace_many([(record, new_text)]))[0]

    async def replace_many(self, changes: Sequence[tuple[SealedRecord, str]]) -> list[bool]:
        """Every change compare-and-set, in one transaction: one batched UPDATE (executemany)
        guarded by the old text, then a read of the rows to see which now hold their new text
        (new texts are unique, so holding it means this transaction wrote it)."""
        if not changes:
            return []
        statement = (
            update(users)
            .where(users.c.id == bindparam("b_id"), self._column == bindparam("b_old"))
            .values({self._column.name: bindparam("b_new")})
        )
        rows = [{"b_id": r.record_id, "b_old": r.text, "b_new": t} for r, t in changes]
        ids = [record.record_id for record, _ in changes]

        async def work(conn: AsyncConnection) -> dict[str, str | None]:
            await conn.execute(statement, rows)
            query = select(users.c.id, self._column).where(users.c.id.in_(ids))
            return {row[0]: row[1] for row in await conn.execute(query)}

        stored = await self._write(work)
        return [stored.get(record.record_id) == text for record, text in changes]
