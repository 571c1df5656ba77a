"""On PostgreSQL a group's statements built once run on asyncpg directly, and only while
nothing listens to the engine's statements (adapters/postgres/asyncpg_prepared.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from adapters.postgres.asyncpg_prepared import AsyncpgStatements
from domain.errors import ConcurrentUpdate
from tests.integration.store.conftest import StoreUnderTest
from tests.integration.store.test_group_commit import (
    _account,
    _close,
    _opened,
    _stored_accounts,
)


@pytest.fixture
def postgres(store: StoreUnderTest) -> StoreUnderTest:
    if store.kind != "postgres":
        pytest.skip("asyncpg runs PostgreSQL's statements")
    return store


@pytest.fixture
def on_asyncpg(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL of each statement run on asyncpg directly."""
    ran: list[str] = []
    original = AsyncpgStatements._run

    async def counted(self: AsyncpgStatements, compiled: Any, parameters: Any) -> Any:
        ran.append(" ".join(compiled.sql.split()[:3]).upper())
        return await original(self, compiled, parameters)

    monkeypatch.setattr(AsyncpgStatements, "_run", counted)
    return ran


async def test_a_groups_rows_are_written_on_asyncpg_in_shared_statements(
    postgres: StoreUnderTest, on_asyncpg: list[str]
) -> None:
    # Arrange
    units = await _opened(postgres, 6, "direct")

    # Act
    await asyncio.gather(*(uow.commit() for uow in units))
    await _close(units)

    # Assert
    assert on_asyncpg.count("INSERT INTO ORDERS") == 1
    assert on_asyncpg.count("INSERT INTO OUTBOX") == 1
    assert {f"direct-{i}" for i in range(6)} <= set(await _stored_accounts(postgres))
    async with postgres.uow() as uow:
        stored = [o for o in await uow.orders.list(limit=50) if o.id.startswith("ord-direct")]
    assert len(stored) == 6


async def test_a_version_check_read_from_asyncpgs_status_still_fails_the_stale_unit(
    postgres: StoreUnderTest, on_asyncpg: list[str]
) -> None:
    # Arrange
    await postgres.save("accounts", _account("contested"))
    stale = await postgres.uow().__aenter__()
    (await stale.accounts.get("contested")).cash += 1
    async with postgres.uow() as uow:
        (await uow.accounts.get("contested")).cash += 2
        await uow.commit()

    # Act
    with pytest.raises(ConcurrentUpdate):
        await stale.commit()
    await _close([stale])

    # Assert
    assert any(sql.startswith("UPDATE ACCOUNTS") for sql in on_asyncpg)
    assert (await _stored_accounts(postgres))["contested"] == 1


async def test_while_something_listens_to_statements_every_one_goes_through_sqlalchemy(
    postgres: StoreUnderTest, on_asyncpg: list[str]
) -> None:
    # Arrange
    units = await _opened(postgres, 3, "seen")
    seen: list[str] = []

    def on_statement(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()[:3]).upper())

    # Act
    event.listen(Engine, "before_cursor_execute", on_statement)
    try:
        await asyncio.gather(*(uow.commit() for uow in units))
    finally:
        event.remove(Engine, "before_cursor_execute", on_statement)
    await _close(units)

    # Assert
    assert on_asyncpg == []
    assert seen.count("INSERT INTO ORDERS") == 1
