"""Redis lost while the app runs, and back: the API keeps answering (its rate limit falls back
to the process), orders under a shared throttle are denied (fail closed), the kill switch still
halts, and everything is as before once Redis answers again, without a restart."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from domain.risk.rules import RiskRule, RuleType
from tests.http import harness as h_
from tests.http.harness import PASSCODE, Harness, User, open_harness
from tests.integration.test_redis_faults import Relay
from tests.kit.broadcast import WAIT_S

T = TypeVar("T")

RECOVERED_WITHIN_S = 30.0


class _RelayThread:
    """The relay on a loop of its own: the app's test client blocks the test's loop while
    it serves a request, and the app's Redis calls must pass meanwhile."""

    def __init__(self, host: str, port: int) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._relay = Relay(host, port)
        self.port = self._on_loop(self._relay.start())

    def _on_loop(self, step: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(step, self._loop).result(WAIT_S)

    def cut(self) -> None:
        self._loop.call_soon_threadsafe(self._relay.cut)

    def accept(self) -> None:
        self._loop.call_soon_threadsafe(self._relay.accept)

    def close(self) -> None:
        self._on_loop(self._relay.close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(WAIT_S)
        self._loop.close()


@pytest.fixture
def relay(redis_url: str) -> Iterator[_RelayThread]:
    parts = urlsplit(redis_url)
    relay = _RelayThread(parts.hostname or "127.0.0.1", parts.port or 6379)
    try:
        yield relay
    finally:
        relay.close()


@pytest.fixture
async def app(sqlite_url: str, redis_url: str, relay: _RelayThread) -> AsyncIterator[Harness]:
    through_relay = urlunsplit(urlsplit(redis_url)._replace(netloc=f"127.0.0.1:{relay.port}"))
    settings = h_.test_settings(database_url=sqlite_url, redis_url=through_relay)
    harness, client = await open_harness(settings)
    async with client:
        yield harness


async def _trader(h: Harness) -> tuple[User, str]:
    owner = await h.user()
    account = await h.account(owner, "acc-redis")
    await h.instrument("AAPL", "190")
    async with h.container.core.uow_factory()() as uow:
        rule = RiskRule("rate-1", owner.id, RuleType.ORDER_RATE, {"per_second": 1000})
        await uow.risk_rules.add(rule)
        await uow.commit()
    return owner, account


async def _order(h: Harness, owner: User, account: str, key: str) -> httpx.Response:
    body = {"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": "1"}
    headers = {**owner.headers, "Idempotency-Key": key}
    return await h.client.post("/api/v1/orders", json=body, headers=headers)


async def _approved_again(h: Harness, owner: User, account: str) -> httpx.Response:
    """Orders until one is approved, at most RECOVERED_WITHIN_S (the clients reconnect and
    the API limit's probe finds Redis again on their own)."""

    async def poll() -> httpx.Response:
        n = 0
        while True:
            n += 1
            placed = await _order(h, owner, account, f"after-{n}")
            if placed.status_code == 201:
                return placed
            await asyncio.sleep(0.2)

    return await asyncio.wait_for(poll(), RECOVERED_WITHIN_S)


async def test_redis_lost_and_back_fails_closed_on_orders_and_recovers_by_itself(
    app: Harness, relay: _RelayThread
) -> None:
    # Arrange: an order approved while Redis answers
    owner, account = await _trader(app)
    other = await app.account(owner, "acc-other")
    before = await _order(app, owner, account, "before")

    ready_before = await app.client.get("/ready")

    # Act: Redis goes away under the running app, then comes back
    relay.cut()
    cut_at = time.monotonic()
    ready_during = await app.client.get("/ready")
    seen_down_in = time.monotonic() - cut_at
    listed = await app.client.get("/api/v1/accounts", headers=owner.headers)
    denied = await _order(app, owner, account, "during")
    halted = await app.client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": PASSCODE, "scope": {"kind": "account", "id": other}},
        headers=owner.headers,
    )
    relay.accept()
    after = await _approved_again(app, owner, account)
    replayed = await _order(app, owner, account, "before")
    ready_after = await app.client.get("/ready")

    # Assert
    assert before.status_code == 201, before.text
    # /ready names Redis: up, then down within 5 s (ready still: the instance serves on,
    # degraded, and says what degrades), then up again
    assert ready_before.json()["degraded"] == []
    assert "redis" in {c["name"] for c in ready_before.json()["components"]}
    assert ready_during.status_code == 200, ready_during.text
    assert ready_during.json()["degraded"] == ["redis"]
    assert seen_down_in < 5.0
    assert ready_after.json()["degraded"] == []
    assert listed.status_code == 200, listed.text  # the API limit fell back to the process
    assert denied.status_code == 422, denied.text  # the shared throttle fails closed
    assert denied.json()["reasons"] == ["RISK_CHECK_ERROR"]
    assert halted.status_code == 201, halted.text  # the kill switch does not need Redis
    assert halted.json()["broker_confirmed"] is True
    assert after.status_code == 201, after.text
    assert replayed.status_code == 200, replayed.text  # the key still replays, no second order
    assert replayed.json()["order"]["id"] == before.json()["order"]["id"]
