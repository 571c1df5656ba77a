"""Choosing and opening the durable store: in-memory, SQLite (embedded) or PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bootstrap.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.ext.asyncio import AsyncEngine


def store_kind(settings: Settings) -> str:
    """ "memory" for memory://, else "sql" (SQLite or PostgreSQL)."""
    return "memory" if settings.store.database_url.startswith("memory://") else "sql"


def sql_engine(settings: Settings) -> AsyncEngine:
    """The SQL store's engine (SQLAlchemy and the SQL adapters loaded by a SQL store only)."""
    from adapters.postgres.engine import PoolSettings, make_engine

    return make_engine(
        settings.store.database_url,
        PoolSettings(
            size=settings.store.pool_size,
            max_overflow=settings.store.max_overflow,
            timeout_seconds=settings.store.pool_timeout_seconds,
            statement_timeout_ms=settings.store.statement_timeout_ms,
        ),
    )


def sql_probe(engine: AsyncEngine) -> Callable[[], Any]:
    """/ready's store check: the database answers and its schema is at this build's head.

    Cheap enough for frequent probes: the head is read from the migration scripts once (it
    cannot change while the process runs); each call is one SELECT on alembic_version.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from adapters.postgres import migrate  # alembic: loaded by what checks the schema

    head = migrate.head()

    async def probe() -> tuple[bool, dict[str, Any]]:
        try:
            async with engine.connect() as conn:
                result = await conn.execute(text("SELECT version_num FROM alembic_version"))
                versions: list[str] = sorted(result.scalars().all())
        except DBAPIError as exc:
            if not _no_version_table(exc):
                raise
            versions = []  # an empty (never migrated) database
        at = ",".join(versions) or None
        return at == head, {"kind": engine.dialect.name, "schema": at, "expected": head}

    return probe


def _no_version_table(exc: DBAPIError) -> bool:
    """The database answered, but has no alembic_version table (SQLite's text, PG's 42P01)."""
    if getattr(exc.orig, "sqlstate", None) == "42P01":
        return True
    return "no such table" in str(exc.orig).lower()


async def memory_probe() -> tuple[bool, dict[str, Any]]:
    return True, {"kind": "memory"}


SQLITE_PREFIX = "sqlite+aiosqlite:///"


def sqlite_file(url: str) -> Path | None:
    """The file of an embedded SQLite URL; None for another store or an in-memory SQLite."""
    if not url.startswith(SQLITE_PREFIX) or ":memory:" in url:
        return None
    return Path(url[len(SQLITE_PREFIX) :].split("?", 1)[0]).expanduser()


async def store_problem(settings: Settings, *, migrating: bool = False) -> str | None:
    """Why the store cannot serve this build, in one line that says what to do; None if it can.

    Checked before a server starts and before every command that opens the store, so an
    operator reads this instead of a traceback. It never creates an SQLite file: connecting
    would, so a missing one is refused before any connection. `migrating` (`bulwark migrate`,
    which creates the file and brings the schema to the head): only an unreachable database
    is a problem.
    """
    if store_kind(settings) != "sql":
        return None
    where = str(settings.redacted()["database_url"])
    path = sqlite_file(settings.store.database_url)
    if path is not None:
        if migrating:
            return None  # migrate creates the folder and the file
        if not path.parent.is_dir():
            return (
                f"the SQLite folder {path.parent} does not exist: create it, or run "
                "`bulwark migrate` (which creates it and the schema), or check BULWARK_DATABASE_URL"
            )
        if not path.exists():
            return (
                f"the SQLite file {path} does not exist yet: run `bulwark migrate` first "
                "(it creates the file and its schema), or check BULWARK_DATABASE_URL"
            )
    from adapters.postgres import migrate

    engine = sql_engine(settings)
    # Alembic's "Context impl ..." lines: noise before the one line (or the command's output).
    migration_log = logging.getLogger("alembic.runtime.migration")
    level = migration_log.level
    migration_log.setLevel(logging.WARNING)
    try:
        at = await asyncio.wait_for(
            migrate.current(engine), timeout=settings.store.pool_timeout_seconds + 1
        )
    except Exception as exc:  # any failure to reach or read it is the operator's one line
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        cause = exc.__cause__
        if cause is not None and str(cause):
            reason = f"{reason} ({str(cause).splitlines()[0][:200]})"
        return (
            f"cannot reach the database at {where}: {reason}; check BULWARK_DATABASE_URL "
            "and that the database is up"
        )
    finally:
        migration_log.setLevel(level)
        await engine.dispose()
    head = migrate.head()
    if at != head and not migrating:
        return (
            f"the database schema is at {at or 'nothing (empty database)'}, this build needs "
            f"{head}: run `bulwark migrate` first"
        )
    return None


async def database_lifetime(
    kind: str, engine: Callable[[], AsyncEngine], publisher: Callable[[], object]
) -> AsyncIterator[None]:
    """At shutdown: lets an outbox drain in flight finish, then closes the pool's connections
    (nothing to do for the in-memory store)."""
    try:
        yield
    finally:
        if kind == "sql":
            await outbox_drained(publisher())
            await engine().dispose()


async def outbox_drained(publisher: object) -> None:
    """The events a publisher still has in flight published (a publisher without a drain, or
    whose drain fails, has nothing more to give at a stop)."""
    idle = getattr(publisher, "idle", None)
    if idle is not None:
        with contextlib.suppress(Exception):
            await idle()
