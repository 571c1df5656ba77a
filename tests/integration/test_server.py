"""`bulwark migrate` + `bulwark serve` as real processes: the walkthrough over a real socket,
on the embedded SQLite file and on PostgreSQL, and a kill switch that survives a restart.

The two walkthroughs share one server per store (`demo_server`, module-scoped): each works in
the demo world as a user would, the README's walkthrough with the demo owner's account (it
halts and resumes it), the onboarding with an account of its own, and neither depends on the
other having run. The restart test has servers of its own: it stops them. They serve the
contexts it calls (RESTART_CONTEXTS, as an operator can with BULWARK_SERVED_CONTEXTS), which
takes a process some seconds less to start than the whole API."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.bulwark_process import ROOT, bulwark, migrate, server_environment, serving
from tests.integration.servers import create_database, drop_database
from tests.walkthrough import walkthrough
from tests.walkthrough_onboarding import onboarding

# Kept importable from here (tests/integration/test_strategy_serve.py uses them).
__all__ = ["ROOT", "_bulwark", "running"]
_bulwark = bulwark

# What the restart test calls: the login (identity), the kill switch (safety), an order
# (trading), and the readiness probe (health, core).
RESTART_CONTEXTS = "health,core,identity,trading,safety"


@pytest.fixture(params=["sqlite", "postgres"])
def environment(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    """A migrated store for the server processes, as `make run` prepares one."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'var' / 'bulwark.db'}"
    else:
        url = str(request.getfixturevalue("postgres_url"))
    env = server_environment(url)
    migrate(env)
    return env


def running(env: dict[str, str]) -> AbstractContextManager[str]:
    """`bulwark serve --demo` on `env`'s store (30 s to become ready)."""
    return serving(env)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def demo_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One `bulwark serve --demo` per store, migrated as `make run` migrates, for the
    walkthroughs of this module; its base URL."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('server') / 'bulwark.db'}"
        admin = None
    else:
        admin = str(request.getfixturevalue("postgres_admin_url"))
        url = create_database(admin)
    try:
        env = server_environment(url)
        migrate(env)
        with running(env) as server:
            yield server
    finally:
        if admin is not None:
            drop_database(admin, url)


async def test_walkthrough_against_a_real_server_process(demo_server: str) -> None:
    # Arrange
    async with httpx.AsyncClient(base_url=demo_server, timeout=10) as client:
        # Act
        steps = await walkthrough(client)

    # Assert
    assert steps[0] == "login"
    assert {"notified order.filled", "device listed", "order denied TRADING_HALTED"} <= set(steps)
    assert steps[-1] == "order filled"


async def test_onboarding_walkthrough_against_a_real_server_process(demo_server: str) -> None:
    # Arrange
    async with httpx.AsyncClient(base_url=demo_server, timeout=30) as client:
        # Act: own account, instruments, backtest (in the server's worker), paper strategy
        steps = await onboarding(client, poll_seconds=0.2)

    # Assert
    assert steps[-2:] == ["signal became a gated order", "order filled"]


async def _login(client: httpx.AsyncClient) -> dict[str, str]:
    response = await client.post(
        "/api/v1/auth/login",
        json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def test_a_halt_survives_a_restart_of_the_server(environment: dict[str, str]) -> None:
    # Arrange: pull the kill switch, then stop the process
    environment = {**environment, "BULWARK_SERVED_CONTEXTS": RESTART_CONTEXTS}
    with running(environment) as server:
        async with httpx.AsyncClient(base_url=server, timeout=10) as client:
            headers = await _login(client)
            pulled = await client.post(
                "/api/v1/kill-switch/activate",
                json={
                    "passcode": DEMO_OWNER.passcode,
                    "scope": {"kind": "account", "id": DEMO_ACCOUNT},
                },
                headers=headers,
            )
            assert pulled.status_code in (200, 201), pulled.text

    # Act: a new process on the same store
    with running(environment) as server:
        async with httpx.AsyncClient(base_url=server, timeout=10) as client:
            headers = await _login(client)
            status = await client.get("/api/v1/kill-switch/status", headers=headers)
            order = await client.post(
                "/api/v1/orders",
                json={"account_id": DEMO_ACCOUNT, "symbol": "AAPL", "side": "buy", "quantity": "1"},
                headers=headers,
            )

    # Assert
    states = {(s["scope"]["kind"], s["scope"]["id"]): s["state"] for s in status.json()["scopes"]}
    assert states[("account", DEMO_ACCOUNT)] == "halted"
    assert order.status_code == 422, order.text
    assert "TRADING_HALTED" in order.json()["reasons"]
