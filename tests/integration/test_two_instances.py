"""Two Bulwark instances on one PostgreSQL and one Redis: a halt pulled on one is enforced and
seen live on the other, events cross over, and the rate limit is one shared bucket."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from adapters.http.events import Audience
from domain.principals import Principal, Role
from tests.http import harness as h_
from tests.http.harness import Harness, open_harness


@dataclass
class Pair:
    a: Harness
    b: Harness


@pytest.fixture
async def pair(postgres_url: str, redis_url: str) -> AsyncIterator[Pair]:
    settings = h_.test_settings(database_url=postgres_url, redis_url=redis_url)
    a, client_a = await open_harness(settings)
    b, client_b = await open_harness(settings, reset=False)
    async with client_a, client_b:
        for h in (a, b):
            bridge = h.container.cluster_bridge()
            await asyncio.wait_for(bridge.connected.wait(), 10)
        yield Pair(a, b)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _frame(queue: asyncio.Queue[bytes], needle: bytes) -> bytes:
    async with asyncio.timeout(5):
        while True:
            frame = await queue.get()
            if needle in frame:
                return frame


async def test_a_halt_on_one_instance_is_enforced_and_seen_live_on_the_other(pair: Pair) -> None:
    # Arrange: one owner and account in the shared database; prices on both instances
    owner = await pair.a.user()
    account = await pair.a.account(owner, "acc-shared")
    for h in (pair.a, pair.b):
        await h.instrument("AAPL", "190")
    on_b = await pair.b.login(owner.username)
    watcher = pair.b.container.event_hub().subscribe(
        Audience(Principal("risk-watch", Role.RISK_OFFICER))
    )

    # Act: the kill switch is pulled through instance A
    pulled = await pair.a.client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": "kill-it-now", "scope": {"kind": "account", "id": account}},
        headers=_bearer(owner.access_token),
    )
    started = time.monotonic()
    frame = await _frame(watcher.queue, b'"event":"EmergencyHalt"')
    seen_after_ms = (time.monotonic() - started) * 1e3
    denied = await pair.b.client.post(
        "/api/v1/orders",
        json={"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": "1"},
        headers=_bearer(on_b["access_token"]),
    )

    # Assert
    assert pulled.status_code in (200, 201), pulled.text
    assert account.encode() in frame
    assert denied.status_code == 422, denied.text
    assert "TRADING_HALTED" in denied.json()["reasons"]
    print(f"halt seen on the other instance after {seen_after_ms:.1f} ms")


async def test_events_committed_on_one_instance_reach_the_other_through_the_outbox(
    pair: Pair,
) -> None:
    # Arrange
    owner = await pair.a.user()
    account = await pair.a.account(owner, "acc-2")
    await pair.b.instrument("AAPL", "190")
    on_b = await pair.b.login(owner.username)
    watcher = pair.a.container.event_hub().subscribe(
        Audience(Principal("risk-watch", Role.RISK_OFFICER))
    )

    # Act: an order denied on B (too big for any limit: more than the account can buy)
    response = await pair.b.client.post(
        "/api/v1/orders",
        json={"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": "100000"},
        headers=_bearer(on_b["access_token"]),
    )
    frame = await _frame(watcher.queue, b'"event":"OrderDenied"')

    # Assert
    assert response.status_code == 422, response.text
    assert account.encode() in frame


async def test_the_rate_limit_is_one_bucket_across_instances(pair: Pair) -> None:
    # Arrange
    limiter_a = pair.a.container.core.rate_limiter()
    limiter_b = pair.b.container.core.rate_limiter()

    # Act
    first = await limiter_a.hit("client-1", 2, 60)
    second = await limiter_b.hit("client-1", 2, 60)
    third = await limiter_a.hit("client-1", 2, 60)

    # Assert
    assert (first.allowed, second.allowed, third.allowed) == (True, True, False)
