"""Stores on an engine, one short transaction per call, and the store of one row per key
(a user's profile, an account's settings)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.group_commit import on_sqlite_writer, write_through
from adapters.postgres.repos.base import upsert

T = TypeVar("T")
W = TypeVar("W")


class EngineStore:
    """A store on an engine, each call its own short transaction; connection failures
    become StoreUnavailable (`guarded`), and writers queue for SQLite's one writer."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._through_writer = on_sqlite_writer(engine)

    async def _read(self, statement: Any) -> list[Any]:
        """The rows `statement` selects."""

        async def run() -> list[Any]:
            async with self._engine.connect() as conn:
                return list((await conn.execute(statement)).all())

        return await guarded(run)

    async def _read_one(self, statement: Any, of: Callable[[Any], T]) -> T | None:
        """`of` the first row `statement` selects; None when it selects none."""
        rows = await self._read(statement)
        return of(rows[0]) if rows else None

    async def _write(self, work: Callable[[AsyncConnection], Awaitable[W]]) -> W:
        """`work` in a write transaction of its own; what it returns. On a SQLite file, run
        whole on the group committer's writer thread (adapters/postgres/group_commit.py:
        `write_through`), so `work` awaits only its connection's `execute` and `scalar`."""
        if self._through_writer:
            return await guarded(lambda: write_through(self._engine, work))

        async def run() -> W:
            async with single_writer(self._engine), self._engine.begin() as conn:
                return await work(conn)

        return await guarded(run)

    async def _insert_new(self, table: Table, row: dict[str, Any], taken: str) -> None:
        """INSERT `row` unless a row of its id exists (then ValueError `taken`)."""

        async def work(conn: AsyncConnection) -> None:
            found = await conn.execute(select(table.c.id).where(table.c.id == row["id"]))
            if found.first() is not None:
                raise ValueError(taken)
            await conn.execute(table.insert().values(row))

        await self._write(work)

    async def _change(self, statement: Any) -> int:
        """Run a write statement in a transaction of its own; the rows it changed."""

        async def work(conn: AsyncConnection) -> int:
            return int((await conn.execute(statement)).rowcount or 0)

        return await self._write(work)


class RowPerKey(EngineStore, Generic[T]):
    """A store of one row per key on `table`, one short transaction per call: `get` reads
    the row of a key, `put` upserts it. Subclasses give `table`, `key`, `to_row`, `from_row`."""

    table: Table
    key: str

    def to_row(self, item: T) -> dict[str, Any]:
        raise NotImplementedError

    def from_row(self, row: Any) -> T:
        raise NotImplementedError

    async def get(self, key: str) -> T | None:
        return await self._read_one(
            select(self.table).where(self.table.c[self.key] == key), self.from_row
        )

    async def put(self, item: T) -> None:
        row = self.to_row(item)
        await self._write(lambda conn: upsert(conn, self.table, row, (self.key,)))
