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
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.tables.identity import users
from adapters.postgres.tables.key_rotation import key_rotation_checkpoints, retired_keys
from ports.core.encryption import KeyRef, SealedRecord
from ports.keys.key_rotation import USER_SECRET_COLUMNS, RetiredKey, RotationCheckpoint

_cp = key_rotation_checkpoints


class SqlKeyRotationStore:
    """A KeyRotationStore on `key_rotation_checkpoints` and `retired_keys`."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def checkpoint(self, source: str) -> RotationCheckpoint | None:
        async def run() -> RotationCheckpoint | None:
            async with self._engine.connect() as conn:
                row = (await conn.execute(select(_cp).where(_cp.c.source == source))).first()
            if row is None:
                return None
            return RotationCheckpoint(
                row.source, row.cursor, KeyRef(row.target_key_id, row.target_version)
            )

        return await guarded(run)

    async def save_checkpoint(self, checkpoint: RotationCheckpoint) -> None:
        values = {
            "cursor": checkpoint.cursor,
            "target_key_id": checkpoint.target.key_id,
            "target_version": checkpoint.target.version,
            "updated_at": datetime.now(UTC),
        }

        async def run() -> None:
            async with single_writer(self._engine), self._engine.begin() as conn:
                found = await conn.execute(
                    update(_cp).where(_cp.c.source == checkpoint.source).values(values)
                )
                if found.rowcount == 0:
                    await conn.execute(insert(_cp).values(source=checkpoint.source, **values))

        await guarded(run)

    async def clear_checkpoint(self, source: str) -> None:
        async def run() -> None:
            async with single_writer(self._engine), self._engine.begin() as conn:
                await conn.execute(delete(_cp).where(_cp.c.source == source))

        await guarded(run)

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
        async def run() -> list[RetiredKey]:
            query = select(retired_keys).order_by(retired_keys.c.key_id, retired_keys.c.version)
            async with self._engine.connect() as conn:
                rows = (await conn.execute(query)).all()
            return [
                RetiredKey(KeyRef(r.key_id, r.version), r.retired_at, r.retired_by) for r in rows
            ]

        return await guarded(run)


class SqlUserSecretSource:
    """A SealedRecordSource over one sealed column of `users` (cursor = user id)."""

    def __init__(self, engine: AsyncEngine, name: str) -> None:
        self.name = name
        self._engine = engine
        attribute, self._record_type = USER_SECRET_COLUMNS[name]
        self._column = users.c[attribute]

    def __repr__(self) -> str:
        return f"SqlUserSecretSource({self.name})"

    async def count(self) -> int:
        query = select(func.count()).select_from(users).where(self._column.is_not(None))

        async def run() -> int:
            async with self._engine.connect() as conn:
                return int((await conn.execute(query)).scalar_one())

        return await guarded(run)

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        query = select(users.c.id, self._column).where(self._column.is_not(None))
        if after is not None:
            query = query.where(users.c.id > after)
        query = query.order_by(users.c.id).limit(limit)

        async def run() -> list[SealedRecord]:
            async with self._engine.connect() as conn:
                rows = (await conn.execute(query)).all()
            return [SealedRecord(row[0], self._record_type, row[0], row[1]) for row in rows]

        return await guarded(run)

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

        async def run() -> list[bool]:
            async with single_writer(self._engine), self._engine.begin() as conn:
                await conn.execute(statement, rows)
                query = select(users.c.id, self._column).where(users.c.id.in_(ids))
                stored = {row[0]: row[1] for row in await conn.execute(query)}
            return [stored.get(record.record_id) == text for record, text in changes]

        return await guarded(run)
