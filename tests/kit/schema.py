"""A database brought to the migrations' head before a test starts a process on it."""

from __future__ import annotations

from adapters.postgres import migrate
from adapters.postgres.engine import make_engine


async def migrated(database_url: str) -> None:
    """Applies every migration to the database at `database_url`; its engine is disposed."""
    engine = make_engine(database_url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()
