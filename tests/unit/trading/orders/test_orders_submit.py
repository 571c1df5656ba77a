"""OrderService.submit: approved, resting and denied orders, events, idempotency, ownership."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.memory.bus import InProcessEventBus
from bootstrap.embedded import Embedded
from domain.errors import Conflict, NotFound
from domain.events import DomainEvent
from domain.risk.reasons import Action, ReasonCode
from domain.risk.rules import RuleType
from domain.trading.orders import (
    OrderAccepted,
    OrderDenied,
    OrderFilled,
    OrderStatus,
)
from ports.trading.broker import BrokerPosition
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ORIGIN,
    ASK,
    BUY,
    CASH,
    OFFICER,
    OTHER_ACCOUNT,
    SELL,
    STRANGER,
    SYMBOL,
    add_agent,
    add_rule,
    limit,
    market,
    stored_account,
)

D = Decimal


def order_events(bus: InProcessEventBus) -> list[DomainEvent]:
    kinds = (OrderDenied, OrderAccepted, OrderFilled)
    return [event for event in bus.published if isinstance(event, kinds)]


async def test_an_approved_market_order_fills_at_the_ask_and_books_position_and_cash(
    e: Embedded,
) -> None:
    # Act
    result = await e.orders.submit(market(BUY, 10))

    # Assert
    order = result.order
    assert result.decision is not None
    assert result.decision.approved
    assert not result.replayed
    assert order.status is OrderStatus.FILLED
    assert order.filled_quantity == D(10)
    assert order.average_fill_price == ASK
    account = await stored_account(e)
    assert account.position_quantity(SYMBOL) == D(10)
    assert account.positions[SYMBOL].average_price == D("100.10")
    assert account.cash == D("998999.00")  # 1,000,000 - 10 x 100.10
    assert account.open_orders == {}
    assert await e.broker.positions(ACCOUNT) == [
        BrokerPosition(ACCOUNT, SYMBOL, D(10), D("100.10"))
    ]


async def test_an_approved_limit_order_below_the_ask_rests_and_counts_as_open(
    e: Embedded,
) -> None:
    # Act
    result = await e.orders.submit(limit(BUY, 10, "95"))

    # Assert
    order = result.order
    assert order.status is OrderStatus.ACCEPTED
    assert order.broker_order_id is not None
    account = await stored_account(e)
    assert list(account.open_orders) == [order.id]
    assert account.cash == CASH
    broker_open = await e.broker.open_orders(ACCOUNT)
    assert [o.client_order_id for o in broker_open] == [order.client_order_id]


async def test_a_denied_order_is_stored_denied_with_reasons_and_never_reaches_the_broker(
    e: Embedded,
) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 100})

    # Act
    result = await e.orders.submit(market(BUY, 150))

    # Assert
    assert result.decision is not None
    assert result.decision.reasons == (ReasonCode.MAX_ORDER_QUANTITY,)
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons == ("MAX_ORDER_QUANTITY",)
    async with e.uow() as u:
        stored = await u.orders.get(result.order.id)
        account = await u.accounts.get(ACCOUNT)
    assert stored is result.order
    assert account is not None
    assert account.open_orders == {}
    assert await e.broker.open_orders(ACCOUNT) == []
    assert await e.broker.positions(ACCOUNT) == []


async def test_denied_accepted_and_filled_events_are_published_in_order(e: Embedded) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 100})

    # Act
    denied = await e.orders.submit(market(BUY, 150))
    filled = await e.orders.submit(market(BUY, 10))

    # Assert
    published = order_events(e.bus)
    assert [type(event) for event in published] == [OrderDenied, OrderAccepted, OrderFilled]
    first, second, third = published
    assert first == OrderDenied(denied.order.id, ACCOUNT, ("MAX_ORDER_QUANTITY",))
    assert isinstance(second, OrderAccepted)
    assert second.order_id == filled.order.id
    assert isinstance(third, OrderFilled)
    assert (third.quantity, third.price, third.status) == (D(10), ASK, "filled")


# -- idempotency ---------------------------------------------------------------------


async def test_the_same_idempotency_key_and_order_replays_the_stored_order_without_resending(
    e: Embedded,
) -> None:
    # Arrange
    first = await e.orders.submit(limit(BUY, 10, "95", idempotency_key="key-1"))

    # Act
    again = await e.orders.submit(limit(BUY, 10, "95", idempotency_key="key-1"))

    # Assert
    assert again.replayed
    assert again.decision is None
    assert again.order is first.order
    assert len(await e.broker.open_orders(ACCOUNT)) == 1
    async with e.uow() as u:
        assert len(await u.orders.list(ACCOUNT)) == 1


async def test_the_same_idempotency_key_with_another_price_is_a_conflict(e: Embedded) -> None:
    # Arrange
    await e.orders.submit(limit(BUY, 10, "95", idempotency_key="key-1"))

    # Act / Assert
    with pytest.raises(Conflict):
        await e.orders.submit(limit(BUY, 10, "96", idempotency_key="key-1"))
    assert len(await e.broker.open_orders(ACCOUNT)) == 1


async def test_the_same_idempotency_key_with_another_side_is_a_conflict(e: Embedded) -> None:
    # Arrange
    await e.orders.submit(market(BUY, 10, idempotency_key="key-1"))

    # Act / Assert
    with pytest.raises(Conflict):
        await e.orders.submit(market(SELL, 10, idempotency_key="key-1"))


async def test_the_same_idempotency_key_with_another_quantity_is_a_conflict(
    e: Embedded,
) -> None:
    # Arrange
    await e.orders.submit(market(BUY, 10, idempotency_key="key-1"))

    # Act / Assert
    with pytest.raises(Conflict):
        await e.orders.submit(market(BUY, 500, idempotency_key="key-1"))


async def test_a_reused_client_order_id_is_a_conflict_and_nothing_more_is_sent(
    e: Embedded,
) -> None:
    # Arrange
    await e.orders.submit(limit(BUY, 10, "95", client_order_id="cl-mine"))

    # Act / Assert
    with pytest.raises(Conflict):
        await e.orders.submit(limit(BUY, 5, "94", client_order_id="cl-mine"))
    assert len(await e.broker.open_orders(ACCOUNT)) == 1


# -- ownership -----------------------------------------------------------------------


async def test_another_owners_account_is_not_found_and_nothing_is_stored(e: Embedded) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        await e.orders.submit(market(BUY, 10, principal=STRANGER))
    assert e.store.orders == {}
    assert await e.broker.positions(ACCOUNT) == []


async def test_an_unknown_account_is_not_found(e: Embedded) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        await e.orders.submit(market(BUY, 10, account_id="acc-missing"))
    assert e.store.orders == {}


async def test_a_risk_officer_may_act_on_any_account(e: Embedded) -> None:
    # Act
    result = await e.orders.submit(market(BUY, 10, principal=OFFICER, account_id=OTHER_ACCOUNT))

    # Assert
    assert result.order.status is OrderStatus.FILLED
    assert result.order.account_id == OTHER_ACCOUNT


async def test_an_agent_acts_only_on_the_accounts_of_its_agent_record(e: Embedded) -> None:
    # Arrange
    await add_agent(e, ACCOUNT)

    # Act
    allowed = await e.orders.submit(market(BUY, 10, principal=AGENT, origin=AGENT_ORIGIN))

    # Assert
    assert allowed.order.status is OrderStatus.FILLED
    with pytest.raises(NotFound):
        await e.orders.submit(
            market(BUY, 10, principal=AGENT, origin=AGENT_ORIGIN, account_id=OTHER_ACCOUNT)
        )
    assert len(e.store.orders) == 1


async def test_an_agent_without_an_agent_record_acts_on_no_account(e: Embedded) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        await e.orders.submit(market(BUY, 10, principal=AGENT, origin=AGENT_ORIGIN))
    assert e.store.orders == {}


# -- REDUCE --------------------------------------------------------------------------


async def test_a_reduce_rule_scales_the_order_down_and_it_is_sent_scaled(e: Embedded) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 100}, action=Action.REDUCE)

    # Act
    result = await e.orders.submit(market(BUY, 150))

    # Assert
    assert result.decision is not None
    assert result.decision.reduced
    assert (result.decision.requested_quantity, result.decision.quantity) == (D(150), D(100))
    assert result.order.quantity == D(100)
    assert result.order.status is OrderStatus.FILLED
    assert await e.broker.positions(ACCOUNT) == [
        BrokerPosition(ACCOUNT, SYMBOL, D(100), D("100.10"))
    ]


async def test_a_reduced_limit_order_rests_at_the_broker_with_the_reduced_quantity(
    e: Embedded,
) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 100}, action=Action.REDUCE)

    # Act
    await e.orders.submit(limit(BUY, 150, "95"))

    # Assert
    [resting] = await e.broker.open_orders(ACCOUNT)
    assert resting.quantity == D(100)
