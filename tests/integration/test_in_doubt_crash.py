"""A served process killed between storing its decisions and sending them leaves orders in
doubt; the next process resolves every one of them, and its kill switch is then right."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import Any

import httpx

from bootstrap.crash_rehearsal import DIE_ON_SUBMIT
from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.bulwark_process import migrate, serving

BURST = 16
STILL_OPEN = {"pending_submit", "accepted", "partially_filled"}


def environment(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "BULWARK_ENV": "test",
        "BULWARK_LOG_FORMAT": "json",
        "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}",
        "BULWARK_SECRET_KEY": "x" * 43 + "=",
        "BULWARK_IN_DOUBT_GRACE_SECONDS": "1",
    }
    migrate(env)
    return env


async def login(client: httpx.AsyncClient) -> dict[str, str]:
    response = await client.post(
        "/api/v1/auth/login",
        json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def burst(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """BURST concurrent resting buys; the process dies while sending them."""
    body = {
        "account_id": DEMO_ACCOUNT,
        "symbol": "AAPL",
        "side": "buy",
        "quantity": "1",
        "order_type": "limit",
        "limit_price": "1",
    }
    await asyncio.gather(
        *(client.post("/api/v1/orders", json=body, headers=headers) for _ in range(BURST)),
        return_exceptions=True,
    )


async def orders(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    response = await client.get(
        "/api/v1/orders", params={"account_id": DEMO_ACCOUNT, "limit": 200}, headers=headers
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def died(client: httpx.AsyncClient) -> bool:
    """Whether the server stops answering within 60 s."""
    give_up = time.monotonic() + 60
    while time.monotonic() < give_up:
        try:
            await client.get("/health", timeout=1)
        except httpx.TransportError:
            return True
        await asyncio.sleep(0.2)
    return False


async def settled(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    """The account's orders once none is pending submission (or after 60 s, as they are)."""
    give_up = time.monotonic() + 60
    while True:
        found = await orders(client, headers)
        if all(o["status"] != "pending_submit" for o in found) or time.monotonic() > give_up:
            return found
        await asyncio.sleep(0.25)


async def closed(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    """The account's orders once none is open in the store (or after 30 s, as they are): a
    halt's booking of the brokers' answers may finish after its answer."""
    give_up = time.monotonic() + 30
    while True:
        found = await orders(client, headers)
        if not any(o["status"] in STILL_OPEN for o in found) or time.monotonic() > give_up:
            return found
        await asyncio.sleep(0.25)


async def test_orders_left_in_doubt_by_a_killed_process_are_resolved_and_the_halt_is_right(
    tmp_path: Path,
) -> None:
    # Arrange: the process dies on its 4th send, with the burst's decisions stored
    env = environment(tmp_path)
    with serving(
        {**env, DIE_ON_SUBMIT: "4"}, ready_within_s=90, log=tmp_path / "first.log"
    ) as server:
        async with httpx.AsyncClient(base_url=server, timeout=30) as client:
            await burst(client, await login(client))
            assert await died(client), "the rehearsal did not end the process"

    # Act: a new process on the same store
    with serving(env, ready_within_s=90, log=tmp_path / "second.log") as server:
        async with httpx.AsyncClient(base_url=server, timeout=30) as client:
            headers = await login(client)
            after_restart = await settled(client, headers)
            status = (await client.get("/api/status")).json()
            pulled = await client.post(
                "/api/v1/kill-switch/activate",
                json={
                    "passcode": DEMO_OWNER.passcode,
                    "scope": {"kind": "account", "id": DEMO_ACCOUNT},
                },
                headers=headers,
            )
            after_halt = await closed(client, headers)

    # Assert
    statuses = [o["status"] for o in after_restart]
    assert "never_sent" in statuses
    assert "pending_submit" not in statuses
    assert status["orders_in_doubt"]["count"] == 0
    assert pulled.status_code in (200, 201), pulled.text
    record = pulled.json()
    assert record["broker_confirmed"] is True
    assert record["unconfirmed_orders"] == []
    assert [o["id"] for o in after_halt if o["status"] in STILL_OPEN] == []
