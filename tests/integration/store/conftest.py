"""The store under test: the same repository contract suite runs on memory, SQLite, PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from adapters.postgres.engine import make_engine
from adapters.postgres.schema import metadata
from adapters.postgres.uow import unit_of_work_factory

STORES = ["memory", "sqlite", "postgres"]


@dataclass
class StoreUnderTest:
    """A unit-of-work factory and the kind of store behind it."""

    kind: str
    uow: Callable[[], Any]
    engine: Any = None


async def open_store(kind: str, url: str | None) -> StoreUnderTest:
    if kind == "memory":
        state = InMemoryStore()
        return StoreUnderTest(kind, lambda: InMemoryUnitOfWork(state))
    assert url is not None
    engine = make_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    return StoreUnderTest(kind, unit_of_work_factory(engine), engine)


@pytest.fixture(params=STORES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[StoreUnderTest]:
    kind = request.param
    url = None
    if kind == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    elif kind == "postgres":
        url = request.getfixturevalue("postgres_url")
    opened = await open_store(kind, url)
    try:
        yield opened
    finally:
        if opened.engine is not None:
            await opened.engine.dispose()
