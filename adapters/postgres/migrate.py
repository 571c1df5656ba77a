"""Apply, revert and inspect the Alembic migrations on an async engine (both dialects)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded

SCRIPTS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    return config


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Migrate the database up to `revision` (head by default)."""
    await _run(engine, lambda config: command.upgrade(config, revision))


async def downgrade(engine: AsyncEngine, revision: str = "base") -> None:
    """Migrate the database down to `revision` (empty by default)."""
    await _run(engine, lambda config: command.downgrade(config, revision))


async def current(engine: AsyncEngine) -> str | None:
    """The revision the database is at; None for an empty one."""

    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async def call() -> str | None:
        async with engine.connect() as conn:
            return await conn.run_sync(read)

    return await guarded(call)


def head() -> str | None:
    """The newest revision shipped with this version of Bulwark."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


async def _run(engine: AsyncEngine, action: object) -> None:
    def apply(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        action(config)  # type: ignore[operator]

    async def call() -> None:
        async with engine.begin() as conn:
            await conn.run_sync(apply)

    await guarded(call)
