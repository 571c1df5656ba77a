"""The order path's trading-state cache as the container wires it: on a SQL store only, off at
0 ms, evicted by this process's own trading-state events on the bus."""

from __future__ import annotations

import pytest

from application.trading.trading_state_cache import TradingStateCache
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.settings import load_settings
from domain.killswitch.state import Scope
from domain.killswitch.switch import EmergencyHalt, TradingStateChanged

KEY = Scope.account("acc-1").key


def container_for(**env: str) -> ApplicationContainer:
    return build_container(load_settings({"BULWARK_ENV": "test", **env}, env_file=None))


def test_a_sql_store_gets_the_cache_with_the_bound_set() -> None:
    # Arrange / Act
    container = container_for(BULWARK_TRADING_STATE_CACHE_MS="100")

    # Assert
    cache = container.trading.orders().states
    assert isinstance(cache, TradingStateCache)
    assert cache.max_age == pytest.approx(0.1)
    assert cache is container.trading.trading_states()


@pytest.mark.parametrize(
    "env",
    [
        {"BULWARK_DATABASE_URL": "memory://"},
        {"BULWARK_TRADING_STATE_CACHE_MS": "0"},
    ],
    ids=["memory-store", "zero-ms"],
)
def test_no_cache_on_the_memory_store_or_at_zero(env: dict[str, str]) -> None:
    # Arrange / Act
    container = container_for(**env)

    # Assert
    assert container.trading.orders().states is None


@pytest.mark.parametrize(
    "event",
    [
        EmergencyHalt(KEY, "manual", "ops", "test"),
        TradingStateChanged(KEY, "halted", "active", "ops", "test"),
    ],
    ids=["emergency-halt", "state-changed"],
)
async def test_this_processs_own_change_on_the_bus_evicts_the_scope(
    event: EmergencyHalt | TradingStateChanged,
) -> None:
    # Arrange
    container = container_for()
    cache = container.trading.orders().states
    assert cache is not None
    cache._entries[KEY] = (cache.ticket().at, None)

    # Act
    await container.core.bus().publish([event])

    # Assert
    assert KEY not in cache._entries
