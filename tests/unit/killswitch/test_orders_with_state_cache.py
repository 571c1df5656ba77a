"""The order path over the trading-state cache: a halt made here binds at once, one made by
another process is seen within the bound (at once when heard), a resume takes up to it."""

from __future__ import annotations

import pytest

from application.trading.trading_state_cache import TradingStateCache
from bootstrap.embedded import Embedded
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import EmergencyHalt, ScopeState, TradingStateChanged
from domain.trading.orders import OrderStatus
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    OFFICER,
    OWNER,
    SELL,
    fake_clock,
    halt,
    market,
    resume,
    set_passcodes,
)

MAX_AGE = 0.25
KEY = Scope.account(ACCOUNT).key


@pytest.fixture
def cache(e: Embedded) -> TradingStateCache:
    cache = TradingStateCache(fake_clock(e), MAX_AGE)
    e.orders.states = cache
    return cache


def halted_elsewhere(e: Embedded) -> None:
    """Another process sharing the store halts the account (this one hears nothing)."""
    e.store.trading_states[KEY] = ScopeState(
        Scope.parse(KEY), TradingState.HALTED, "elsewhere", "ops", fake_clock(e).now()
    )


async def test_a_halt_made_here_binds_the_next_order_at_once(
    e: Embedded, cache: TradingStateCache
) -> None:
    # Arrange: ACTIVE cached by a first order
    await set_passcodes(e, OWNER)
    await e.orders.submit(market(BUY, 1))

    # Act
    await e.killswitch.activate(halt(Scope.account(ACCOUNT)))
    result = await e.orders.submit(market(SELL, 1))

    # Assert
    assert result.order.deny_reasons == ("TRADING_HALTED",)


async def test_a_halt_made_elsewhere_is_seen_once_the_bound_has_passed(
    e: Embedded, cache: TradingStateCache
) -> None:
    # Arrange
    await e.orders.submit(market(BUY, 1))
    halted_elsewhere(e)

    # Act
    fake_clock(e).advance(MAX_AGE)
    result = await e.orders.submit(market(SELL, 1))

    # Assert
    assert result.order.deny_reasons == ("TRADING_HALTED",)


async def test_a_halt_made_elsewhere_and_heard_is_seen_at_once(
    e: Embedded, cache: TradingStateCache
) -> None:
    # Arrange
    await e.orders.submit(market(BUY, 1))
    halted_elsewhere(e)

    # Act: the broadcast brings the other process's halt; no time passes
    await cache.heard(EmergencyHalt(KEY, "manual", "ops", "elsewhere"))
    result = await e.orders.submit(market(SELL, 1))

    # Assert
    assert result.order.deny_reasons == ("TRADING_HALTED",)


async def test_orders_within_the_bound_read_the_store_once(
    e: Embedded, cache: TradingStateCache
) -> None:
    # Arrange / Act
    for side in (BUY, SELL, BUY, SELL):
        result = await e.orders.submit(market(side, 1))
        assert result.order.status is OrderStatus.FILLED

    # Assert
    assert (cache.misses, cache.hits) == (1, 3)


async def test_a_resume_here_lets_orders_through_once_heard(
    e: Embedded, cache: TradingStateCache
) -> None:
    # Arrange: halted here, HALTED cached by a denied order
    await set_passcodes(e, OWNER, OFFICER)
    for kind in (TradingStateChanged, EmergencyHalt):
        e.bus.subscribe(kind, cache.heard)
    await e.killswitch.activate(halt(Scope.account(ACCOUNT)))
    denied = await e.orders.submit(market(BUY, 1))

    # Act: this process's resume publishes its change, which evicts the scope
    await e.killswitch.resume(resume(Scope.account(ACCOUNT)))
    result = await e.orders.submit(market(BUY, 1))

    # Assert
    assert denied.order.deny_reasons == ("TRADING_HALTED",)
    assert result.order.status is OrderStatus.FILLED
