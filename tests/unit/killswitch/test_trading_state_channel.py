"""The cluster's broadcast as the trading-state cache's channel: another instance's halt evicts
at once, and the cache is trusted only while the broadcast is live."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from adapters.memory.broadcast import InMemoryBroadcast, InMemoryBroadcastHub
from adapters.memory.clock import FakeClock
from application.trading.policies import PolicyCache
from application.trading.trading_state_cache import Channel, TradingStateCache
from bootstrap.cluster import EVENTS, ClusterBridge
from domain.events import DomainEvent
from domain.killswitch.state import Scope
from domain.killswitch.switch import EmergencyHalt, TradingStateChanged

KEY = Scope.account("acc-1").key
OTHER = Scope.account("acc-2").key


@dataclass
class Instances:
    hub: InMemoryBroadcastHub
    a: ClusterBridge
    b: ClusterBridge
    cache: TradingStateCache  # instance B's


async def _nothing(event: DomainEvent) -> None:
    return None


def _cached(cache: TradingStateCache, *keys: str) -> None:
    """Entries as a read would leave them (what is in them does not matter here)."""
    for key in keys:
        cache._entries[key] = (cache.ticket().at, None)


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


@pytest.fixture
async def instances() -> AsyncIterator[Instances]:
    hub = InMemoryBroadcastHub()
    cache = TradingStateCache(FakeClock(), 60.0)
    a = ClusterBridge(InMemoryBroadcast(hub), _nothing, PolicyCache(), "a")
    b = ClusterBridge(InMemoryBroadcast(hub), _nothing, PolicyCache(), "b", states=cache)
    tasks = [asyncio.create_task(bridge.run()) for bridge in (a, b)]
    for bridge in (a, b):
        await asyncio.wait_for(bridge.connected.wait(), 1)
    yield Instances(hub, a, b, cache)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def test_the_cache_is_not_trusted_before_the_broadcast_connects() -> None:
    # Arrange / Act
    cache = TradingStateCache(FakeClock(), 60.0)
    ClusterBridge(InMemoryBroadcast(InMemoryBroadcastHub()), _nothing, PolicyCache(), states=cache)

    # Assert
    assert cache.channel is Channel.DOWN
    assert not cache.trusted


async def test_a_connected_broadcast_makes_the_cache_trusted(instances: Instances) -> None:
    assert instances.cache.channel is Channel.LIVE
    assert instances.cache.trusted


@pytest.mark.parametrize(
    "event",
    [
        EmergencyHalt(KEY, "manual", "ops", "test"),
        TradingStateChanged(KEY, "active", "reducing", "ops", "test"),
    ],
    ids=["emergency-halt", "state-changed"],
)
async def test_another_instances_change_evicts_its_scope_here(
    instances: Instances, event: DomainEvent
) -> None:
    # Arrange
    _cached(instances.cache, KEY, OTHER)

    # Act
    await instances.a.forward(event)
    await _settle()

    # Assert
    assert KEY not in instances.cache._entries
    assert OTHER in instances.cache._entries


async def test_an_undecodable_message_clears_every_entry(instances: Instances) -> None:
    # Arrange
    _cached(instances.cache, KEY, OTHER)

    # Act
    instances.hub.publish(EVENTS, b"{not json")
    await _settle()

    # Assert
    assert instances.cache._entries == {}


async def test_a_lost_broadcast_turns_the_cache_off_until_it_is_back(
    instances: Instances,
) -> None:
    # Arrange
    _cached(instances.cache, KEY)

    # Act
    instances.hub.kill_listeners()
    states: list[Channel] = []
    for _ in range(20):  # the in-memory broadcast reconnects at once
        await asyncio.sleep(0)
        states.append(instances.cache.channel)

    # Assert: down in between (entries dropped), live again after
    assert Channel.DOWN in states
    assert instances.cache.channel is Channel.LIVE
    assert KEY not in instances.cache._entries


async def test_a_stopped_listener_leaves_the_cache_off(instances: Instances) -> None:
    # Arrange
    cache = TradingStateCache(FakeClock(), 60.0)
    bridge = ClusterBridge(
        InMemoryBroadcast(instances.hub), _nothing, PolicyCache(), "c", states=cache
    )
    task = asyncio.create_task(bridge.run())
    await asyncio.wait_for(bridge.connected.wait(), 1)

    # Act
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)

    # Assert
    assert cache.channel is Channel.DOWN
