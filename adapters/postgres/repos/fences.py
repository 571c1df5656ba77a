"""Fences on SQL (ports/core/repositories.py: FenceRepository): a key's first advance
inserts its row, any later one is an UPDATE checked against the value read; a unit that lost
the race fails with ConcurrentUpdate (a duplicate key is one too, in the group commit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import SqlRepo
from adapters.postgres.tables.fences import fences
from domain.errors import ConcurrentUpdate

if TYPE_CHECKING:
    from adapters.postgres.uow import SqlUnitOfWork

_VALUE = select(fences.c.version).where(fences.c.key == bindparam("k"))


class FenceRepo(SqlRepo):
    def __init__(self, uow: SqlUnitOfWork) -> None:
        super().__init__(uow)
        self._read: dict[str, int] = {}
        self._by: dict[str, int] = {}

    async def read(self, key: str) -> int:
        seen = self._read.get(key)
        if seen is None:
            stored = (await self._uow.execute(_VALUE, {"k": key})).scalar()
            seen = self._read[key] = 0 if stored is None else int(stored)
        return seen + self._by.get(key, 0)

    def advance(self, key: str, by: int = 1) -> None:
        if key not in self._read:
            raise ValueError(f"fence {key} advanced before it was read")
        if key not in self._by:
            self._by[key] = 0
            seen = self._read[key]

            async def write(conn: AsyncConnection) -> None:
                value = seen + self._by[key]
                if seen == 0:  # a taken key fails the insert: another unit got there first
                    await conn.execute(insert(fences).values(key=key, version=value))
                    return
                changed = await conn.execute(
                    update(fences)
                    .where(fences.c.key == key, fences.c.version == seen)
                    .values(version=value)
                )
                if changed.rowcount != 1:
                    raise ConcurrentUpdate(f"{key} was advanced concurrently")

            self._uow.stage(write)
        self._by[key] += by
