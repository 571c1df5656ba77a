"""Two Bulwark instances on one SQLite file: the order path's trading-state cache never lets a
halt pulled on one instance go unseen on the other past its bound (BULWARK_TRADING_STATE_CACHE_MS),
and with Redis the halt is seen at once, the broadcast evicting the cached state."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from application.trading.trading_state_cache import Channel, TradingStateCache
from tests.http import harness as h_
from tests.http.harness import Harness, User, open_harness

BOUND_MS = 250


@asynccontextmanager
async def two_instances(**overrides: str) -> AsyncIterator[tuple[Harness, Harness]]:
    settings = h_.test_settings(trading_state_cache_ms=str(BOUND_MS), **overrides)
    a, client_a = await open_harness(settings)
    b, client_b = await open_harness(settings, reset=False)
    async with client_a, client_b:
        if "redis_url" in overrides:
            for h in (a, b):
                await asyncio.wait_for(h.container.cluster_bridge().connected.wait(), 10)
        yield a, b


def _cache(h: Harness) -> TradingStateCache:
    cache = h.container.trading.trading_states()
    assert isinstance(cache, TradingStateCache)
    return cache


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _order(h: Harness, token: str, account: str, side: str) -> Any:
    return await h.client.post(
        "/api/v1/orders",
        json={"account_id": account, "symbol": "AAPL", "side": side, "quantity": "1"},
        headers=_bearer(token),
    )


async def _halt(h: Harness, owner: User, account: str) -> None:
    pulled = await h.client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": "kill-it-now", "scope": {"kind": "account", "id": account}},
        headers=_bearer(owner.access_token),
    )
    assert pulled.status_code in (200, 201), pulled.text


async def _warm(a: Harness, b: Harness) -> tuple[User, str, str]:
    """An account both instances trade; B's cache holds its ACTIVE state (one order placed)."""
    owner = await a.user()
    account = await a.account(owner, "acc-shared")
    b.container.core.paper_broker().seed_account(account, h_.D("1000000"))
    for h in (a, b):
        await h.instrument("AAPL", "190")
    token = (await b.login(owner.username))["access_token"]
    placed = await _order(b, token, account, "buy")
    assert placed.status_code == 201, placed.text
    return owner, account, token


async def test_with_redis_a_halt_on_one_instance_is_seen_on_the_other_at_once(
    sqlite_url: str, redis_url: str
) -> None:
    async with two_instances(database_url=sqlite_url, redis_url=redis_url) as (a, b):
        # Arrange: B trusts its cache (the broadcast is live) and holds the account's state
        owner, account, token = await _warm(a, b)
        cache = _cache(b)
        assert cache.channel is Channel.LIVE
        held = await _order(b, token, account, "sell")
        assert held.status_code == 201, held.text
        assert cache.hits >= 1

        # Act: halted through A; B's clock does not move, so only the broadcast can tell B
        await _halt(a, owner, account)
        answered = time.monotonic()
        for _ in range(1000):  # 5 s at most
            denied = await _order(b, token, account, "buy")
            if denied.status_code == 422:
                break
            await asyncio.sleep(0.005)
        seen_ms = (time.monotonic() - answered) * 1e3

        # Assert
        assert denied.status_code == 422, denied.text
        assert "TRADING_HALTED" in denied.json()["reasons"]
        print(f"B denied {seen_ms:.1f} ms after A answered the activation")


async def test_without_redis_a_halt_on_one_instance_binds_the_other_within_the_bound(
    sqlite_url: str,
) -> None:
    async with two_instances(database_url=sqlite_url) as (a, b):
        # Arrange: no broadcast: B's cache is trusted for the bound alone
        owner, account, token = await _warm(a, b)
        assert _cache(b).channel is Channel.NONE

        # Act: halted through A, then the bound passes on B's clock
        await _halt(a, owner, account)
        b.clock.advance(BOUND_MS / 1000)
        denied = await _order(b, token, account, "sell")

        # Assert
        assert denied.status_code == 422, denied.text
        assert "TRADING_HALTED" in denied.json()["reasons"]


async def test_while_the_broadcast_is_down_the_other_instance_reads_the_store(
    sqlite_url: str, redis_url: str
) -> None:
    async with two_instances(database_url=sqlite_url, redis_url=redis_url) as (a, b):
        # Arrange: B's cache warm, then B's broadcast connection lost (as when Redis goes)
        owner, account, token = await _warm(a, b)
        cache = _cache(b)
        cache.channel_lost()  # what the bridge does on_disconnect

        # Act: halted through A with B hearing nothing, B's clock still
        await _halt(a, owner, account)
        denied = await _order(b, token, account, "sell")

        # Assert
        assert denied.status_code == 422, denied.text
        assert "TRADING_HALTED" in denied.json()["reasons"]
