"""The app on a SQL store whose database goes away: 503 problems, never 500, nothing approved."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool
from structlog.testing import capture_logs

from domain.principals import Role
from tests.http.core_helpers import assert_problem, order_body, submit
from tests.http.harness import PASSWORD, Harness, User, open_harness
from tests.http.harness import test_settings as harness_settings

T = TypeVar("T")
ORDERS = "/api/v1/orders"
Step = Callable[[], Awaitable[None]]


@asynccontextmanager
async def running_app(database_url: str) -> AsyncIterator[Harness]:
    """The real app on `database_url`, with a quick pool timeout so an outage fails fast."""
    settings = harness_settings(database_url=database_url, db_pool_timeout_seconds="1")
    harness, client = await open_harness(settings)
    # The test client runs the app on an event loop of its own, and an asyncpg connection
    # only works on the loop that opened it: the pool must start empty there.
    await harness.container.core.engine().dispose()
    async with client:
        yield harness


def on_app_loop(harness: Harness, step: Callable[[], Awaitable[T]]) -> T:
    """Run a container call on the app's event loop (where its pooled connections live)."""
    return harness.client.blocking_portal.call(step)


async def owner_with_an_account(harness: Harness) -> tuple[User, str]:
    async def create_owner() -> str:
        await harness.instrument("AAPL", "190")
        view = await harness.container.core.auth().create_user("owner", PASSWORD, Role.OWNER)
        return view.id

    owner_id = on_app_loop(harness, create_owner)
    tokens = await harness.login("owner")
    owner = User(owner_id, "owner", Role.OWNER, tokens["access_token"], tokens["refresh_token"])
    account = on_app_loop(harness, lambda: harness.account(owner, "acc-1"))
    return owner, account


async def _order_ids(harness: Harness, owner: User) -> list[str]:
    listed = await harness.client.get(ORDERS, headers=owner.headers)
    assert listed.status_code == 200, listed.text
    return [order["id"] for order in listed.json()["items"]]


def store_component(response: httpx.Response) -> dict[str, Any]:
    components = {c["name"]: c for c in response.json()["components"]}
    store: dict[str, Any] = components["store"]
    return store


async def _ride_out_an_outage(harness: Harness, take_away: Step, bring_back: Step) -> None:
    """Arrange an owner and an account, take the database away, check every answer, restore."""
    owner, account = await owner_with_an_account(harness)
    before = await _order_ids(harness, owner)

    await take_away()
    try:
        with capture_logs() as logs:
            ready = await harness.client.get("/ready")
            submitted = await submit(harness, owner, order_body(account))
            live = await harness.client.get("/health")
    finally:
        await bring_back()

    assert ready.status_code == 503, ready.text
    assert ready.json()["ready"] is False
    assert store_component(ready)["ok"] is False
    assert_problem(submitted, 503, "STORE_UNAVAILABLE")
    assert live.status_code == 200, live.text
    assert [e for e in logs if e["event"] == "unhandled_error"] == []
    recovered = await harness.client.get("/ready")
    assert recovered.status_code == 200, recovered.text
    assert await _order_ids(harness, owner) == before


async def test_a_vanished_sqlite_file_gives_503s_and_approves_nothing(tmp_path: Path) -> None:
    folder, away = tmp_path / "data", tmp_path / "data-away"
    folder.mkdir()

    async def take_away() -> None:
        # With the pool emptied, every new connection has to open the (now missing) file.
        on_app_loop(harness, harness.container.core.engine().dispose)
        folder.rename(away)

    async def bring_back() -> None:
        away.rename(folder)

    async with running_app(f"sqlite+aiosqlite:///{folder / 'bulwark.db'}") as harness:
        await _ride_out_an_outage(harness, take_away, bring_back)


async def _admin(admin_url: str, *statements: str) -> None:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            for statement in statements:
                await conn.execute(text(statement))
    finally:
        await engine.dispose()


def _refuse_connections(name: str) -> tuple[list[str], list[str]]:
    """Take away: refuse new connections, then kill the pooled ones (as in a restart)."""
    # Refusing first means the pool cannot reconnect between the two steps.
    return [
        f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false',
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
    ], [f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true']


def _rename_away(name: str) -> tuple[list[str], list[str]]:
    """Take away: the database under the app's URL no longer exists (dropped or renamed)."""
    refuse, _ = _refuse_connections(name)
    away = f"{name}_away"
    return [
        *refuse,
        f'ALTER DATABASE "{name}" RENAME TO "{away}"',
        f'ALTER DATABASE "{away}" WITH ALLOW_CONNECTIONS true',
    ], [f'ALTER DATABASE "{away}" RENAME TO "{name}"']


@pytest.mark.parametrize(
    "outage",
    [
        pytest.param(_refuse_connections, id="refuses-connections"),
        pytest.param(_rename_away, id="renamed-away"),
    ],
)
async def test_a_postgres_database_gone_away_gives_503s_and_approves_nothing(
    postgres_url: str,
    postgres_admin_url: str,
    outage: Callable[[str], tuple[list[str], list[str]]],
) -> None:
    away, back = outage(str(make_url(postgres_url).database))

    async def take_away() -> None:
        await _admin(postgres_admin_url, *away)

    async def bring_back() -> None:
        await _admin(postgres_admin_url, *back)

    async with running_app(postgres_url) as harness:
        await _ride_out_an_outage(harness, take_away, bring_back)
