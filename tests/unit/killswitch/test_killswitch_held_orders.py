"""The kill switch ends what is held in its scope: every order a HOLD rule parked for a person
is rejected TRADING_HALTED, counted in the verdict, audited and told; none can be approved after
the resume. Account, agent and global scopes; a strategy's orders fall in their account's."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.safety.killswitch_held import held_in_scope
from application.trading.halts import order_scopes
from application.trading.held_orders import HeldOrders
from application.trading.order_gate import OrderGate
from bootstrap.embedded import Embedded
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import KillSwitchCompleted, ScopeState, TriggerType
from domain.principals import Principal
from domain.risk.reasons import Action
from domain.risk.rules import RiskRule, RuleType
from domain.trading.holds import OrderNotHeld
from domain.trading.orders import (
    Order,
    OrderRejectedByReviewer,
    OrderStatus,
    Origin,
    OriginKind,
)
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ORIGIN,
    BUY,
    OFFICER,
    OTHER_ACCOUNT,
    OWNER,
    STRANGER,
    add_agent,
    add_rule,
    halt,
    market,
    resume,
    set_passcodes,
    stored_order,
)

HALTED = "TRADING_HALTED"
STRATEGY_ORIGIN = Origin(OriginKind.STRATEGY, "strat-1")


@pytest.fixture
async def held(e: Embedded) -> HeldOrders:
    """HOLD any order above 5,000 of notional (AAPL is at 100) on OWNER's and STRANGER's
    accounts; OWNER and the risk officer have passcodes."""
    await add_rule(e, RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 5_000}, action=Action.HOLD)
    async with e.uow() as u:
        await u.risk_rules.add(
            RiskRule(
                "rule-s",
                STRANGER.id,
                RuleType.MAX_ORDER_NOTIONAL,
                {"max_notional": 5_000},
                action=Action.HOLD,
            )
        )
        await u.commit()
    e.policies.invalidate()
    await set_passcodes(e, OWNER, OFFICER)
    return HeldOrders(e.uow, e.orders, e.clock, e.audit, e.bus)


async def _held(e: Embedded, principal: Principal = OWNER, **extra: Any) -> Order:
    order = (await e.orders.submit(market(BUY, 100, principal=principal, **extra))).order
    assert order.status is OrderStatus.HELD
    return order


def _rejections(e: Embedded) -> list[tuple[str, str, str]]:
    return [
        (ev.order_id, ev.reviewer_id, ev.reason)
        for ev in e.bus.of_type(OrderRejectedByReviewer)
        if isinstance(ev, OrderRejectedByReviewer)
    ]


async def test_halting_an_account_rejects_its_held_order_and_none_is_approvable_after_resume(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange
    order = await _held(e)

    # Act
    record = await e.killswitch.activate(halt(Scope.account(ACCOUNT)))
    await e.killswitch.resume(resume(Scope.account(ACCOUNT)))

    # Assert
    stored = await stored_order(e, order.id)
    assert (stored.status, stored.deny_reasons) == (OrderStatus.CANCELED, (HALTED,))
    assert record.held_rejected == 1
    assert _rejections(e) == [(order.id, OWNER.id, HALTED)]
    [completed] = e.bus.of_type(KillSwitchCompleted)
    assert isinstance(completed, KillSwitchCompleted) and completed.held_rejected == 1
    [entry] = await e.audit.entries(f"order:{order.id}")
    assert (entry.actor, entry.action, entry.outcome) == (OWNER.id, "order.reject", "canceled")
    assert entry.details["reason"] == HALTED
    assert entry.details["kill_switch"] == Scope.account(ACCOUNT).key
    assert await held.queue(OWNER) == []
    with pytest.raises(OrderNotHeld):
        await held.approve(OFFICER, order.id)
    assert await e.broker.open_orders(ACCOUNT) == []


async def test_an_account_halt_leaves_another_accounts_held_orders(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange
    mine = await _held(e)
    strategy = await _held(e, origin=STRATEGY_ORIGIN)
    theirs = await _held(
        e, STRANGER, account_id=OTHER_ACCOUNT, origin=Origin(OriginKind.USER, STRANGER.id)
    )

    # Act
    record = await e.killswitch.activate(halt(Scope.account(ACCOUNT)))

    # Assert: a strategy's order falls in its account's scope
    assert record.held_rejected == 2
    assert (await stored_order(e, mine.id)).status is OrderStatus.CANCELED
    assert (await stored_order(e, strategy.id)).status is OrderStatus.CANCELED
    assert (await stored_order(e, theirs.id)).status is OrderStatus.HELD


async def test_an_agent_halt_rejects_only_that_agents_held_orders(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange
    await add_agent(e, ACCOUNT)
    agents = await _held(e, AGENT, origin=AGENT_ORIGIN)
    owners = await _held(e)
    strategy = await _held(e, origin=STRATEGY_ORIGIN)

    # Act
    record = await e.killswitch.activate(halt(Scope.agent(AGENT.id)))

    # Assert
    assert record.held_rejected == 1
    stored = await stored_order(e, agents.id)
    assert (stored.status, stored.deny_reasons) == (OrderStatus.CANCELED, (HALTED,))
    assert (await stored_order(e, owners.id)).status is OrderStatus.HELD
    assert (await stored_order(e, strategy.id)).status is OrderStatus.HELD
    assert [o.id for o in await held.queue(OWNER)] == [owners.id, strategy.id]


async def test_a_global_halt_rejects_every_accounts_held_orders(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange
    await add_agent(e, ACCOUNT)
    orders = [
        await _held(e),
        await _held(e, AGENT, origin=AGENT_ORIGIN),
        await _held(e, origin=STRATEGY_ORIGIN),
        await _held(
            e, STRANGER, account_id=OTHER_ACCOUNT, origin=Origin(OriginKind.USER, STRANGER.id)
        ),
    ]

    # Act
    record = await e.killswitch.activate(halt(Scope.global_(), principal=OFFICER))

    # Assert
    assert record.held_rejected == 4
    for order in orders:
        stored = await stored_order(e, order.id)
        assert (stored.status, stored.deny_reasons) == (OrderStatus.CANCELED, (HALTED,))
    assert sorted(_rejections(e)) == sorted((o.id, OFFICER.id, HALTED) for o in orders)
    assert await held.queue(OFFICER) == []


async def test_an_automatic_trigger_rejects_held_orders_as_the_system(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange
    order = await _held(e)

    # Act
    record = await e.killswitch.trigger(
        Scope.account(ACCOUNT), TriggerType.DAILY_LOSS, "daily loss limit"
    )

    # Assert
    assert record.held_rejected == 1
    [(order_id, reviewer, reason)] = _rejections(e)
    assert (order_id, reviewer, reason) == (order.id, Principal.system().id, HALTED)


async def test_an_order_that_would_be_held_on_a_halted_account_is_denied_not_held(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange: BLOCK (the halt) wins over HOLD
    await e.killswitch.activate(halt(Scope.account(ACCOUNT)))

    # Act
    result = await e.orders.submit(market(BUY, 100))

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons[0] == HALTED
    assert await held.queue(OWNER) == []


async def test_an_order_held_as_another_instance_halts_its_account_is_rejected_at_once(
    e: Embedded, held: HeldOrders, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: the gate read ACTIVE, then another instance stored HALTED (its rejection of
    # held orders already done) before this batch committed its hold.
    evaluate = OrderGate.evaluate

    async def halted_meanwhile(gate: OrderGate, *args: Any, **kwargs: Any) -> Any:
        decision = await evaluate(gate, *args, **kwargs)
        async with e.uow() as u:
            state = ScopeState(Scope.account(ACCOUNT))
            state.change(TradingState.HALTED, OFFICER.id, "elsewhere", e.clock.now())
            await u.trading_states.add(state)
            await u.commit()
        return decision

    monkeypatch.setattr(OrderGate, "evaluate", halted_meanwhile)

    # Act
    result = await e.orders.submit(market(BUY, 100))

    # Assert
    stored = await stored_order(e, result.order.id)
    assert (stored.status, stored.deny_reasons) == (OrderStatus.CANCELED, (HALTED,))
    assert result.order.status is OrderStatus.CANCELED
    assert _rejections(e) == [(result.order.id, OFFICER.id, HALTED)]
    assert await held.queue(OWNER) == []


async def test_an_activation_with_nothing_held_counts_none(e: Embedded, held: HeldOrders) -> None:
    # Act
    record = await e.killswitch.activate(halt(Scope.account(ACCOUNT)))

    # Assert
    assert record.held_rejected == 0
    assert _rejections(e) == []


_ORIGINS = st.builds(
    Origin,
    st.sampled_from([OriginKind.USER, OriginKind.AGENT, OriginKind.STRATEGY]),
    st.sampled_from(["x-1", "x-2"]),
)
_SCOPES = st.sampled_from(
    [
        Scope.global_(),
        Scope.account("a-1"),
        Scope.account("a-2"),
        Scope.agent("x-1"),
        Scope.agent("x-2"),
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    orders=st.lists(
        st.tuples(st.sampled_from(["a-1", "a-2"]), _ORIGINS, st.booleans()), max_size=12
    ),
    scope=_SCOPES,
)
async def test_the_held_orders_a_halt_ends_are_those_the_halt_denies(
    orders: list[tuple[str, Origin, bool]], scope: Scope
) -> None:
    # Arrange: orders of two accounts and any origin, some held, some pending
    store = InMemoryStore()
    async with InMemoryUnitOfWork(store) as uow:
        for n, (account_id, origin, is_held) in enumerate(orders):
            order = Order(f"o-{n:02d}", f"c-{n}", account_id, "AAPL", BUY, Decimal(1), origin)
            if is_held:
                order.hold(("MAX_ORDER_NOTIONAL",))
            await uow.orders.add(order)
        await uow.commit()

    # Act
    async with InMemoryUnitOfWork(store) as uow:
        found = {o.id for o in await held_in_scope(uow, scope)}

    # Assert: exactly the held orders whose scopes (as the gate reads them) include the halt's
    expected = {
        f"o-{n:02d}"
        for n, (account_id, origin, is_held) in enumerate(orders)
        if is_held and scope.key in order_scopes(account_id, origin.kind, origin.id)
    }
    assert found == expected
