"""KillSwitchService.activate / trigger: halt, broadcast first, cancel, confirm with the broker."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bootstrap.embedded import Embedded
from domain.errors import Forbidden
from domain.events import DomainEvent
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import (
    BrokerOutcome,
    EmergencyHalt,
    TradingStateChanged,
    TriggerType,
)
from domain.trading.orders import Order, OrderStatus
from ports.core.events import Severity
from ports.trading.broker import BrokerOrder, BrokerOrderStatus
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ORIGIN,
    BUY,
    OTHER_ACCOUNT,
    OWNER,
    SELL,
    STRANGER,
    SYMBOL,
    add_agent,
    halt,
    limit,
    market,
    resume,
    set_passcodes,
)

D = Decimal
SCOPE = Scope.account(ACCOUNT)
ZERO = Decimal(0)


async def test_activation_persists_halted_cancels_and_confirms_with_the_broker(
    ks: Embedded,
) -> None:
    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert record.broker_confirmed
    assert record.orders_cancelled == 2
    assert record.trigger_type is TriggerType.MANUAL
    assert record.user_id == OWNER.id
    assert record.scope == SCOPE
    assert record.unconfirmed_brokers == ()
    assert record.brokers == (
        BrokerOutcome(
            broker="paper",
            accounts=(ACCOUNT,),
            cancel_requested=2,
            cancel_acknowledged=2,
            remaining_open=0,
            confirmed=True,
            attempts=1,
        ),
    )
    assert await ks.broker.open_orders(ACCOUNT) == []
    [state] = await ks.killswitch.status()
    assert (state.scope, state.state, state.changed_by) == (SCOPE, TradingState.HALTED, OWNER.id)
    assert await ks.killswitch.events() == [record]
    assert await ks.killswitch.events(Scope.account(OTHER_ACCOUNT)) == []


async def test_local_orders_are_canceled_and_released_after_activation(ks: Embedded) -> None:
    # Act
    await ks.killswitch.activate(halt(SCOPE))

    # Assert
    async with ks.uow() as u:
        orders = await u.orders.list(ACCOUNT)
        account = await u.accounts.get(ACCOUNT)
    assert [o.status for o in orders] == [OrderStatus.CANCELED, OrderStatus.CANCELED]
    assert account is not None
    assert account.open_orders == {}


async def test_the_emergency_halt_is_published_before_any_cancel_reaches_the_broker(
    ks: Embedded,
) -> None:
    # Arrange: on the halt broadcast, look at what the broker still lists
    seen_open: list[int] = []

    async def on_halt(event: DomainEvent) -> None:
        seen_open.append(len(await ks.broker.open_orders(ACCOUNT)))

    ks.bus.subscribe(EmergencyHalt, on_halt)

    # Act
    await ks.killswitch.activate(halt(SCOPE, flatten=False))

    # Assert
    assert seen_open == [2]
    assert ks.bus.of_type(EmergencyHalt) == [
        EmergencyHalt(SCOPE.key, "manual", OWNER.id, "manual activation")
    ]
    halt_at = ks.bus.published.index(ks.bus.of_type(EmergencyHalt)[0])
    [changed] = ks.bus.of_type(TradingStateChanged)
    assert ks.bus.published.index(changed) == halt_at + 1
    assert changed == TradingStateChanged(
        SCOPE.key, "active", "halted", OWNER.id, "manual activation"
    )


async def test_activation_is_audited_as_confirmed_and_notified(ks: Embedded) -> None:
    # Act
    await ks.killswitch.activate(halt(SCOPE))

    # Assert
    [entry] = await ks.audit.entries(target=SCOPE.key)
    assert (entry.actor, entry.action, entry.outcome) == (
        OWNER.id,
        "kill_switch.activate",
        "confirmed",
    )
    assert entry.details["orders_cancelled"] == 2
    assert entry.details["unconfirmed_brokers"] == []
    [note] = ks.notifier.sent
    assert note.recipient == OWNER.id
    assert note.severity is Severity.WARNING
    assert "2 orders cancelled, confirmed by every broker" in note.body


async def test_orders_after_a_halt_are_denied_trading_halted(ks: Embedded) -> None:
    # Arrange
    await ks.killswitch.activate(halt(SCOPE))

    # Act
    result = await ks.orders.submit(market(BUY, 1))

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons == ("TRADING_HALTED",)


async def test_a_halt_of_one_account_leaves_another_account_trading(ks: Embedded) -> None:
    # Arrange
    await ks.killswitch.activate(halt(SCOPE))

    # Act
    result = await ks.orders.submit(market(BUY, 1, principal=STRANGER, account_id=OTHER_ACCOUNT))

    # Assert
    assert result.order.status is OrderStatus.FILLED


async def test_cancels_are_not_gated_by_a_halt(ks: Embedded) -> None:
    # Arrange: the broker lied during the halt, so one order is still open in a halted scope
    ks.broker.ack_but_keep(ACCOUNT)
    record = await ks.killswitch.activate(halt(SCOPE))
    ks.broker.clear_faults()
    async with ks.uow() as u:
        still_open = await u.orders.list(ACCOUNT, open_only=True)

    # Act
    canceled = [await ks.orders.cancel(OWNER, order.id) for order in still_open]

    # Assert
    assert not record.broker_confirmed
    assert [o.status for o in canceled] == [OrderStatus.CANCELED, OrderStatus.CANCELED]
    assert await ks.broker.open_orders(ACCOUNT) == []


async def test_flatten_closes_positions_and_is_still_confirmed(ks: Embedded) -> None:
    # Arrange: 10 bought at the ask 100.10 (cash 1,000,000 - 1,001 = 998,999)
    await ks.orders.submit(market(BUY, 10))

    # Act
    record = await ks.killswitch.activate(halt(SCOPE, flatten=True))

    # Assert: sold back at the bid 99.90 (cash 998,999 + 999 = 999,998)
    assert record.broker_confirmed
    assert record.flatten
    [outcome] = record.brokers
    assert outcome.closing_orders == 1
    assert outcome.remaining_open == 0
    assert await ks.broker.positions(ACCOUNT) == []
    assert await ks.broker.open_orders(ACCOUNT) == []
    async with ks.uow() as u:
        account = await u.accounts.get(ACCOUNT)
    assert account is not None
    assert account.position_quantity(SYMBOL) == D(0)
    assert account.cash == D("999998.00")


async def test_an_agent_scope_cancels_only_that_agents_orders(e: Embedded) -> None:
    # Arrange
    await set_passcodes(e, OWNER)
    await add_agent(e, ACCOUNT)
    mine = (await e.orders.submit(limit(BUY, 10, "95"))).order
    agents = await e.orders.submit(limit(BUY, 5, "94", principal=AGENT, origin=AGENT_ORIGIN))
    scope = Scope.agent(AGENT.id)

    # Act
    record = await e.killswitch.activate(halt(scope))

    # Assert
    assert record.broker_confirmed
    assert record.orders_cancelled == 1
    assert agents.order.status is OrderStatus.CANCELED
    assert mine.status is OrderStatus.ACCEPTED
    assert [o.client_order_id for o in await e.broker.open_orders(ACCOUNT)] == [
        mine.client_order_id
    ]


async def test_an_agent_scope_survives_a_failing_cancel_and_retries_it(e: Embedded) -> None:
    # Arrange: the broker refuses the first single-order cancel
    await set_passcodes(e, OWNER)
    await add_agent(e, ACCOUNT)
    agents = await e.orders.submit(limit(BUY, 5, "94", principal=AGENT, origin=AGENT_ORIGIN))
    e.broker.fail_next(1, methods=["cancel"])

    # Act
    record = await e.killswitch.activate(halt(Scope.agent(AGENT.id)))

    # Assert: the failure is one cancel's, reconciliation sends it again and confirms
    assert record.broker_confirmed
    assert agents.order.status is OrderStatus.CANCELED
    assert await e.broker.open_orders(ACCOUNT) == []


async def test_an_agent_halt_denies_the_agents_orders_but_not_the_owners(e: Embedded) -> None:
    # Arrange
    await set_passcodes(e, OWNER)
    await add_agent(e, ACCOUNT)
    await e.killswitch.activate(halt(Scope.agent(AGENT.id)))

    # Act
    by_agent = await e.orders.submit(market(BUY, 1, principal=AGENT, origin=AGENT_ORIGIN))
    by_owner = await e.orders.submit(market(BUY, 1))

    # Assert
    assert by_agent.order.deny_reasons == ("TRADING_HALTED",)
    assert by_owner.order.status is OrderStatus.FILLED


async def test_an_automatic_trigger_needs_no_passcode_and_records_its_type(
    ks: Embedded,
) -> None:
    # Act
    record = await ks.killswitch.trigger(SCOPE, TriggerType.DAILY_LOSS, "day loss over 2%")

    # Assert
    assert record.trigger_type is TriggerType.DAILY_LOSS
    assert record.user_id == "system"
    assert record.reason == "day loss over 2%"
    assert record.broker_confirmed
    assert record.orders_cancelled == 2
    assert ks.bus.of_type(EmergencyHalt) == [
        EmergencyHalt(SCOPE.key, "daily_loss", "system", "day loss over 2%")
    ]
    [state] = await ks.killswitch.status()
    assert state.state is TradingState.HALTED
    [entry] = await ks.audit.entries(target=SCOPE.key)
    assert entry.details["trigger"] == "daily_loss"


async def test_a_second_activation_of_a_halted_scope_still_confirms(ks: Embedded) -> None:
    # Arrange
    first = await ks.killswitch.activate(halt(SCOPE))

    # Act
    second = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert second.broker_confirmed
    assert second.orders_cancelled == 0
    assert await ks.killswitch.events() == [second, first]
    assert len(ks.bus.of_type(TradingStateChanged)) == 1


async def test_an_agent_halts_itself_without_a_passcode_and_may_never_resume(
    e: Embedded,
) -> None:
    # Arrange: an agent on ACCOUNT (agents have no passcode: their key is their credential)
    await set_passcodes(e, OWNER)
    await add_agent(e, ACCOUNT)
    scope = Scope.agent(AGENT.id)

    # Act
    record = await e.killswitch.halt_as_agent(AGENT, scope, "my signal broke")
    with pytest.raises(Forbidden):
        await e.killswitch.resume(resume(scope, principal=AGENT))
    with pytest.raises(Forbidden):
        await e.killswitch.halt_as_agent(AGENT, Scope.global_(), "stop everything")
    with pytest.raises(Forbidden):
        await e.killswitch.halt_as_agent(OWNER, Scope.account(ACCOUNT), "not an agent")

    # Assert: recorded as the agent's own halt, and still halted
    assert (record.trigger_type, record.user_id) == (TriggerType.AGENT, AGENT.id)
    states = {s.scope: s.state for s in await e.killswitch.status()}
    assert states[scope] is TradingState.HALTED


async def test_flatten_is_never_confirmed_while_the_venue_still_shows_a_position(
    ks: Embedded, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: 10 held, and a venue that acknowledges the close but never works it
    await ks.orders.submit(market(BUY, 10))

    async def acknowledged_only(order: Order) -> BrokerOrder:
        return BrokerOrder(
            "lost-1", order.client_order_id, order.account_id, order.symbol, order.side,
            order.order_type, order.quantity, ZERO, BrokerOrderStatus.ACCEPTED,
        )  # fmt: skip

    monkeypatch.setattr(ks.broker, "submit", acknowledged_only)

    # Act
    record = await ks.killswitch.activate(halt(SCOPE, flatten=True))

    # Assert: the cancels were confirmed, the flatten was not; the holding is named
    assert not record.broker_confirmed
    [outcome] = record.brokers
    assert outcome.remaining_open == 0
    assert outcome.flat is False and not outcome.confirmed
    assert outcome.positions_remaining == (f"{ACCOUNT}:{SYMBOL}",)
    assert record.unconfirmed_brokers == ("paper",)


async def test_flatten_sells_inside_the_collar_and_fills(ks: Embedded) -> None:
    # Arrange: 10 held, AAPL at 99.90 / 100.10 (reference 100.00, collar 5 %)
    await ks.orders.submit(market(BUY, 10))

    # Act
    record = await ks.killswitch.activate(halt(SCOPE, flatten=True))

    # Assert: one reduce-only sell limited at 95.00 filled at the bid; flat and confirmed
    [outcome] = record.brokers
    assert outcome.closing_orders == 1 and outcome.flat is True
    assert record.broker_confirmed
    assert await ks.broker.positions(ACCOUNT) == []


async def test_a_close_the_collar_keeps_from_the_market_is_followed_and_not_called_flat(
    ks: Embedded,
) -> None:
    # Arrange: 10 held; then the market gaps: bid 80, ask 120 (reference 100): a sale inside
    # the 5 % collar (no lower than 95.00) cannot fill
    await ks.orders.submit(market(BUY, 10))
    ks.market.set_quote(SYMBOL, Decimal("80"), Decimal("120"))

    # Act
    record = await ks.killswitch.activate(halt(SCOPE, flatten=True))

    # Assert: the close rests at the collar's edge, still working (never cancelled by the
    # halt that sent it); the account is held, named, and not called flat
    [outcome] = record.brokers
    working = [o for o in await ks.broker.open_orders(ACCOUNT) if o.side is SELL]
    assert [(o.limit_price, o.quantity) for o in working] == [(Decimal("95.00"), Decimal(10))]
    assert outcome.closing_open == 1 and outcome.flat is False
    assert outcome.positions_remaining == (f"{ACCOUNT}:{SYMBOL}",)
    assert not record.broker_confirmed


async def test_without_flatten_the_outcome_says_nothing_of_flat(ks: Embedded) -> None:
    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    [outcome] = record.brokers
    assert outcome.flat is None and outcome.positions_remaining == ()
