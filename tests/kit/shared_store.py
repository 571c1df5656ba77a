"""Stores built once and handed to each test empty, for the repository contract suites.

A contract test used to get a brand-new store: a PostgreSQL database created from `template0`
with every table of `metadata` created in it (~1.4 s on the 2-core machine, most of a store
test's time), or a SQLite file with the same tables (~0.16 s). The schema is the same for every
test; only the rows differ. So:

- PostgreSQL: one database per process (per pytest-xdist worker), its tables created once;
  before each test `empty_postgres` ends any connection a previous test left open to it, deletes
  every row (children before parents) and restarts every sequence, in one transaction (~10-30
  ms). What a test can leave behind in a database is rows and sequence values (the contract
  suites run no DDL; temporary tables, prepared statements, advisory locks and settings die
  with their connection), so the test starts where a new database would have started it.
- SQLite: the tables are created once per process in a template file, which is copied to the
  test's own file: the copy is the file `create_all` writes.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import make_engine
from tests.integration.servers import create_database, drop_database, run_async

SEQUENCES = text(
    "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) FROM pg_sequences"
)


class SharedPostgresDatabase:
    """A database on the admin URL's server holding `metadata`'s tables, emptied per test."""

    def __init__(self, admin_url: str, metadata: MetaData) -> None:
        self.admin_url = admin_url
        self.url = create_database(admin_url)
        self._metadata = metadata
        try:
            self._sequences = run_async(self._create_tables)
        except BaseException:
            drop_database(admin_url, self.url)
            raise
        self._empty_script = self._script()

    async def _create_tables(self) -> list[str]:
        engine = make_engine(self.url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(self._metadata.create_all)
                return list((await conn.execute(SEQUENCES)).scalars())
        finally:
            await engine.dispose()

    def _script(self) -> str:
        """Every table emptied, children first (foreign keys hold at every statement's end),
        then every sequence back at its start."""
        deletes = [
            f'DELETE FROM "{table.name}"' for table in reversed(self._metadata.sorted_tables)
        ]
        restarts = [f"ALTER SEQUENCE {sequence} RESTART" for sequence in self._sequences]
        return ";\n".join(deletes + restarts)

    async def empty(self, engine: AsyncEngine) -> None:
        """Ends every other connection to the database (what DROP DATABASE ... WITH (FORCE) did
        for a test's leftovers), then empties it through one of `engine`'s connections."""
        async with engine.connect() as conn:
            await conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            await conn.commit()
            raw: Any = (await conn.get_raw_connection()).driver_connection
            async with raw.transaction():
                # asyncpg's execute without arguments sends the script as one simple query
                await raw.execute(self._empty_script)

    def drop(self) -> None:
        drop_database(self.admin_url, self.url)


class SqliteTemplate:
    """`metadata`'s tables (or only `tables` of them) created once in a SQLite file, copied
    wherever a test wants a store. Synchronous: the template is made on a loop of its own, so
    a caller inside a running loop (a Hypothesis example in an async test) can copy too."""

    def __init__(self, metadata: MetaData, tables: Sequence[Table] | None = None) -> None:
        self._metadata = metadata
        self._tables = tables
        self._file: Path | None = None

    def copy_to(self, path: Path) -> None:
        if self._file is None:
            self._file = run_async(self._create)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self._file, path)

    async def _create(self) -> Path:
        folder = tempfile.mkdtemp(prefix="bulwark-sqlite-template-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        file = Path(folder) / "template.db"
        engine = make_engine(f"sqlite+aiosqlite:///{file}")
        try:
            async with engine.begin() as conn:
                await conn.run_sync(self._metadata.create_all, tables=self._tables)
        finally:
            await engine.dispose()
        leftovers = [p.name for p in Path(folder).iterdir() if p != file]
        if leftovers:  # a journal still beside the file: the file alone is not the database
            raise RuntimeError(f"the SQLite template left {leftovers} after its engine closed")
        return file
