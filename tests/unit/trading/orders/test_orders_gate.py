"""OrderService.submit under concurrency and failure: limits hold, the gate fails closed."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBrokerConfig
from bootstrap.embedded import Embedded, build_embedded
from domain.killswitch.state import Scope
from domain.risk.gate import Policy
from domain.risk.reasons import ReasonCode
from domain.risk.rules import RuleType
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import OrderRejected, OrderStatus
from ports.core.unit_of_work import UnitOfWork
from ports.trading.broker import BrokerErrorCode
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    OWNER,
    add_rule,
    halt,
    limit,
    market,
    seed,
    set_passcodes,
    stored_account,
)

D = Decimal


@pytest.fixture
async def slow(monkeypatch: pytest.MonkeyPatch) -> Embedded:
    """Submissions that can interleave: the broker takes 10 ms (fake clock) per call, and the
    policy lookup suspends after the risk view is built, as a database round trip would.

    Without the per-account lock a second order would be decided inside that gap, before
    the first is counted as open, and both would be approved.
    """
    e = await seed(build_embedded(broker_config=PaperBrokerConfig(latency_s=0.01)))
    lookup = e.policies.policy_for

    async def suspending(uow: UnitOfWork, account: Account, revision: int | None = None) -> Policy:
        await asyncio.sleep(0)
        return await lookup(uow, account, revision)

    monkeypatch.setattr(e.policies, "policy_for", suspending)
    return e


# -- one account's orders are decided one at a time --------------------------------------


async def test_two_concurrent_orders_cannot_both_use_one_position_limit(slow: Embedded) -> None:
    # Arrange
    await add_rule(slow, RuleType.MAX_POSITION_SIZE, {"max_quantity": 100})

    # Act: 60 + 60 = 120 > 100 if both were approved
    results = await asyncio.gather(
        slow.orders.submit(limit(BUY, 60, "95")), slow.orders.submit(limit(BUY, 60, "95"))
    )

    # Assert
    statuses = sorted(r.order.status.value for r in results)
    assert statuses == ["accepted", "denied"]
    [denied] = [r for r in results if r.order.status is OrderStatus.DENIED]
    assert denied.decision is not None
    assert denied.decision.reasons == (ReasonCode.MAX_POSITION,)
    assert len(await slow.broker.open_orders(ACCOUNT)) == 1


async def test_two_concurrent_orders_cannot_both_use_one_gross_exposure_cap(
    slow: Embedded,
) -> None:
    # Arrange: each order is 60 x 95 = 5,700; together 11,400 > 10,000
    await add_rule(slow, RuleType.GROSS_EXPOSURE, {"max_gross": 10000})

    # Act
    results = await asyncio.gather(
        slow.orders.submit(limit(BUY, 60, "95")), slow.orders.submit(limit(BUY, 60, "95"))
    )

    # Assert
    [accepted] = [r for r in results if r.order.status is OrderStatus.ACCEPTED]
    [denied] = [r for r in results if r.order.status is OrderStatus.DENIED]
    assert denied.decision is not None
    assert denied.decision.reasons == (ReasonCode.GROSS_EXPOSURE,)
    assert [o.client_order_id for o in await slow.broker.open_orders(ACCOUNT)] == [
        accepted.order.client_order_id
    ]


async def test_a_resting_order_still_counts_against_the_limit_of_a_later_order(
    e: Embedded,
) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_POSITION_SIZE, {"max_quantity": 100})
    await e.orders.submit(limit(BUY, 60, "95"))

    # Act: 60 open + 40 = 100 fits; 60 open + 41 does not
    fits = await e.orders.submit(limit(BUY, 40, "95"))
    over = await e.orders.submit(limit(BUY, 1, "95"))

    # Assert
    assert fits.order.status is OrderStatus.ACCEPTED
    assert over.order.status is OrderStatus.DENIED
    assert over.order.deny_reasons == ("MAX_POSITION",)


# -- fail closed -------------------------------------------------------------------------


class _UnreachableStates(dict[str, object]):
    """A trading-state table whose every read fails, as an unreachable state store would."""

    def get(self, key: object, default: object = None) -> object:
        raise ConnectionError("state store unreachable")


async def test_an_unreachable_trading_state_store_denies_with_unknown_trading_state(
    e: Embedded, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setattr(e.store, "trading_states", _UnreachableStates())

    # Act
    result = await e.orders.submit(market(BUY, 10))

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons == ("UNKNOWN_TRADING_STATE",)
    assert await e.broker.positions(ACCOUNT) == []


async def test_a_symbol_without_a_reference_price_is_denied(e: Embedded) -> None:
    # Arrange: MSFT is a known instrument, but the market data has no quote for it
    async with e.uow() as u:
        await u.instruments.add(Instrument("MSFT"))
        await u.commit()

    # Act
    result = await e.orders.submit(replace(market(BUY, 10), symbol="MSFT"))

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons == ("NO_REFERENCE_PRICE",)


async def test_a_held_position_without_a_mark_denies_an_order_in_another_symbol(
    e: Embedded,
) -> None:
    # Arrange: hold AAPL, then lose its quote; MSFT is quoted
    await e.add_instrument(Instrument("MSFT"), D("50"))
    await e.orders.submit(market(BUY, 10))
    e.market.remove("AAPL")

    # Act
    result = await e.orders.submit(replace(market(BUY, 10), symbol="MSFT"))

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons == ("NO_REFERENCE_PRICE",)


async def test_a_halted_account_is_denied_for_the_halt_first_without_a_reference_price(
    e: Embedded,
) -> None:
    # Arrange: the owner pulls the kill switch on the account; MSFT has no quote
    await set_passcodes(e, OWNER)
    await e.killswitch.activate(halt(Scope.account(ACCOUNT)))
    async with e.uow() as u:
        await u.instruments.add(Instrument("MSFT"))
        await u.commit()

    # Act
    result = await e.orders.submit(replace(market(BUY, 10), symbol="MSFT"))

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons == ("TRADING_HALTED", "NO_REFERENCE_PRICE")


async def test_a_halted_account_holding_an_unpriced_position_is_denied_for_the_halt_first(
    e: Embedded,
) -> None:
    # Arrange: hold AAPL, lose its quote, then halt the account; MSFT is quoted
    await e.add_instrument(Instrument("MSFT"), D("50"))
    await e.orders.submit(market(BUY, 10))
    await set_passcodes(e, OWNER)
    await e.killswitch.activate(halt(Scope.account(ACCOUNT)))
    e.market.remove("AAPL")

    # Act
    result = await e.orders.submit(replace(market(BUY, 10), symbol="MSFT"))

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons == ("TRADING_HALTED", "NO_REFERENCE_PRICE")


async def test_a_broker_failing_on_submit_rejects_the_order_and_releases_it(e: Embedded) -> None:
    # Arrange
    e.broker.fail_next(1, methods={"submit"})

    # Act
    result = await e.orders.submit(limit(BUY, 10, "95"))

    # Assert
    assert result.order.status is OrderStatus.REJECTED
    assert e.bus.of_type(OrderRejected) == [
        OrderRejected(result.order.id, ACCOUNT, BrokerErrorCode.UNAVAILABLE.value)
    ]
    account = await stored_account(e)
    assert account.open_orders == {}
    assert await e.broker.open_orders(ACCOUNT) == []
