"""Fences on SQL (ports/core/repositories.py: FenceRepository): a key's first advance
inserts its row, any later one is an UPDATE checked against the value read; a unit that lost
the race fails with ConcurrentUpdate (a duplicate key is one too, in the group commit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import SqlRepo
from adapters.postgres.tables.fences import fences
from adapters.unit_of_work import FenceTally
from domain.errors import ConcurrentUpdate

if TYPE_CHECKING:
    from adapters.postgres.uow import SqlUnitOfWork

_VALUE = select(fences.c.version).where(fences.c.key == bindparam("k"))


class FenceRepo(SqlRepo):
    """Fences on the `fences` table (the bookkeeping: adapters/unit_of_work.py)."""

    def __init__(self, uow: SqlUnitOfWork) -> None:
        super().__init__(uow)
        self._tally = FenceTally(self._stored, self._stage_write)

    async def read(self, key: str) -> int:
        return await self._tally.read(key)

    def advance(self, key: str, by: int = 1) -> None:
        self._tally.advance(key, by)

    async def _stored(self, key: str) -> int:
        stored = (await self._uow.execute(_VALUE, {"k": key})).scalar()
        return 0 if stored is None else int(stored)

    def _stage_write(self, key: str, seen: int, value: Callable[[], int]) -> None:
        async def write(conn: AsyncConnection) -> None:
            if seen == 0:  # a taken key fails the insert: another unit got there first
                await conn.execute(insert(fences).values(key=key, version=value()))
                return
            changed = await conn.execute(
                update(fences)
                .where(fences.c.key == key, fences.c.version == seen)
                .values(version=value())
            )
            if changed.rowcount != 1:
                raise ConcurrentUpdate(f"{key} was advanced concurrently")

        self._uow.stage(write)
