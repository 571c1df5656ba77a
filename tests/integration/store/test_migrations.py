"""Alembic migrations: empty -> head -> empty -> head on SQLite and PostgreSQL, as the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import migrate
from adapters.postgres.schema import metadata


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names()) - {"alembic_version"}


def _drift(conn: Connection) -> list[object]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


async def test_migrations_go_up_to_the_models_and_back_down_to_empty(engine: AsyncEngine) -> None:
    # Act: up
    await migrate.upgrade(engine)
    async with engine.connect() as conn:
        after_up = await conn.run_sync(_tables)
        drift = await conn.run_sync(_drift)

    # Assert: every table of the models exists, and nothing differs from them
    assert after_up == set(metadata.tables)
    assert drift == []
    assert await migrate.current(engine) == migrate.head()

    # Act: down, then up again
    await migrate.downgrade(engine)
    async with engine.connect() as conn:
        after_down = await conn.run_sync(_tables)
    assert after_down == set()
    assert await migrate.current(engine) is None
    await migrate.upgrade(engine)
    assert await migrate.current(engine) == migrate.head()
