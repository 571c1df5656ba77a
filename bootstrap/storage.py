"""Choosing and opening the durable store: in-memory, SQLite (embedded) or PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import migrate
from adapters.postgres.engine import PoolSettings, make_engine
from bootstrap.settings import Settings


def store_kind(settings: Settings) -> str:
    """ "memory" for memory://, else "sql" (SQLite or PostgreSQL)."""
    return "memory" if settings.database_url.startswith("memory://") else "sql"


def sql_engine(settings: Settings) -> AsyncEngine:
    return make_engine(
        settings.database_url,
        PoolSettings(
            size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            timeout_seconds=settings.db_pool_timeout_seconds,
            statement_timeout_ms=settings.db_statement_timeout_ms,
        ),
    )


def sql_probe(engine: AsyncEngine) -> Callable[[], Any]:
    """/ready's store check: the database answers and its schema is at this build's head."""

    async def probe() -> tuple[bool, dict[str, Any]]:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        at, head = await migrate.current(engine), migrate.head()
        return at == head, {"kind": engine.dialect.name, "schema": at, "expected": head}

    return probe


async def memory_probe() -> tuple[bool, dict[str, Any]]:
    return True, {"kind": "memory"}
