"""/ready's store probe on SQLite and PostgreSQL: the schema row read per call, the head once."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import migrate
from bootstrap.storage import sql_probe


async def test_the_probe_passes_at_head(engine: AsyncEngine) -> None:
    # Arrange
    await migrate.upgrade(engine)
    probe = sql_probe(engine)

    # Act
    ok, details = await probe()

    # Assert
    assert ok is True
    assert details["schema"] == details["expected"] == migrate.head()


async def test_the_probe_fails_on_an_empty_database_and_says_so(engine: AsyncEngine) -> None:
    # Arrange
    await migrate.downgrade(engine)
    probe = sql_probe(engine)

    # Act
    ok, details = await probe()

    # Assert
    assert ok is False
    assert details["schema"] is None
    assert details["expected"] == migrate.head()


async def test_the_probe_sees_a_schema_moved_after_it_was_built(engine: AsyncEngine) -> None:
    # Arrange: the probe built at head, then the database taken one revision down under it
    await migrate.upgrade(engine)
    probe = sql_probe(engine)
    await migrate.downgrade(engine, "-1")

    # Act
    ok, details = await probe()
    below_head = await migrate.current(engine)

    # Assert
    assert ok is False
    assert details["schema"] == below_head != migrate.head()
