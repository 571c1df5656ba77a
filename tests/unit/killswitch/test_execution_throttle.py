"""The execution throttle (MiFID II RTS 6 Art. 15) on the embedded Bulwark and a fake clock:
N ORDER_RATE breaches of one originator within the window disable it through the kill switch,
once per episode, until a person resumes it; fewer, or spread wider, do nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from adapters.memory.breach_window import InMemoryBreachWindow
from adapters.memory.strategies import InMemoryStrategyRepository
from application.safety.execution_throttle import ExecutionThrottle, StrategyStops
from application.strategies.throttle_stop import StrategyThrottleStop
from application.trading.order_commands import OrderResult
from bootstrap.embedded import Embedded
from domain.agents.heartbeat import Agent
from domain.errors import Forbidden
from domain.identity.users import User
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import TriggerType
from domain.killswitch.throttle import DUPLICATE, RATE, ThrottlePolicy
from domain.principals import Principal, Role
from domain.risk.reasons import RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.strategies.definition import SignalSource, SourceKind, Strategy, StrategyMode
from domain.trading.orders import OrderDenied, OrderStatus, Origin, OriginKind
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ID,
    AGENT_ORIGIN,
    BUY,
    OFFICER,
    OWNER,
    SECOND_OFFICER,
    USER_ORIGIN,
    fake_clock,
    limit,
    resume,
    set_passcodes,
)

OTHER_AGENT_ID = "agent-2"
OTHER_AGENT = Principal(OTHER_AGENT_ID, Role.AGENT)
OTHER_ORIGIN = Origin(OriginKind.AGENT, OTHER_AGENT_ID)
SCOPE = Scope.agent(AGENT_ID)
N = 3
WINDOW = 60


def throttle(e: Embedded, *, stops: StrategyStops | None = None) -> ExecutionThrottle:
    """The throttle over this Bulwark's kill switch, subscribed to its bus: 3 within 60 s."""
    made = ExecutionThrottle(
        ThrottlePolicy.of(N, WINDOW),
        InMemoryBreachWindow(),
        e.killswitch,
        e.uow,
        e.audit,
        e.notifier,
        e.clock,
        stops or StrategyStops(),
    )
    for event_type in made.SUBSCRIPTIONS:
        e.bus.subscribe(event_type, made.on_event)
    return made


@pytest.fixture
async def desk(e: Embedded) -> Embedded:
    """Two agents of OWNER's on ACCOUNT, each limited to one order a second; a risk officer."""
    async with e.uow() as u:
        for agent_id in (AGENT_ID, OTHER_AGENT_ID):
            await u.agents.add(Agent(agent_id, OWNER.id, account_ids=(ACCOUNT,)))
            await u.risk_rules.add(
                RiskRule(
                    f"rate-{agent_id}",
                    OWNER.id,
                    RuleType.ORDER_RATE,
                    {"per_second": 1},
                    scope=RuleScope.AGENT,
                    agent_id=agent_id,
                )
            )
        await u.users.add(User(OFFICER.id, "officer", "x", Role.RISK_OFFICER, e.clock.now()))
        await u.commit()
    e.policies.invalidate()
    await set_passcodes(e, OWNER, OFFICER, SECOND_OFFICER)
    return e


_sizes = iter(range(1, 1_000_000))


async def send(
    e: Embedded, principal: Principal = AGENT, origin: Origin = AGENT_ORIGIN
) -> OrderResult:
    """A resting buy limit of the principal's (each of another size: none is a duplicate)."""
    return await e.orders.submit(limit(BUY, next(_sizes), "95", principal=principal, origin=origin))


async def breach(
    e: Embedded, principal: Principal = AGENT, origin: Origin = AGENT_ORIGIN
) -> OrderResult:
    """Two orders in the same instant: the second is denied ORDER_RATE (a breach)."""
    await send(e, principal, origin)
    denied = await send(e, principal, origin)
    assert denied.order.deny_reasons == (RATE,), denied.order.deny_reasons
    return denied


def tick(e: Embedded, seconds: float = 1.1) -> None:
    fake_clock(e).advance(timedelta(seconds=seconds))


async def state(e: Embedded, scope: Scope = SCOPE) -> TradingState:
    async with e.uow() as u:
        found = await u.trading_states.get(scope.key)
    return TradingState.ACTIVE if found is None else found.state


async def test_fewer_than_n_breaches_within_the_window_do_nothing(desk: Embedded) -> None:
    # Arrange
    e = desk
    t = throttle(e)

    # Act: N - 1 breaches, a second apart
    for _ in range(N - 1):
        await breach(e)
        tick(e)
    trips = await t.drain()

    # Assert
    assert trips == []
    assert await state(e) is TradingState.ACTIVE
    assert await e.killswitch.events(SCOPE) == []


async def test_the_nth_breach_within_the_window_halts_the_agents_scope(desk: Embedded) -> None:
    # Arrange
    e = desk
    t = throttle(e)
    resting = await send(e)  # an order of the agent's working at the broker

    # Act: N breaches within 3 s
    for _ in range(N):
        tick(e)
        await breach(e)
    trips = await t.drain()
    tick(e)
    after = await send(e)
    owners = await send(e, OWNER, USER_ORIGIN)

    # Assert: the agent's scope halted by the kill switch, its order cancelled; the account
    # (the owner's own orders) trades on
    (trip,) = trips
    assert (trip.target, trip.outcome) == (SCOPE.key, "halted")
    assert await state(e) is TradingState.HALTED
    (record,) = await e.killswitch.events(SCOPE)
    assert record.trigger_type is TriggerType.THROTTLE
    assert record.user_id == "system"
    assert "3 ORDER_RATE breaches within 60s by agent:agent-1" in record.reason
    assert "RTS 6" in record.reason
    async with e.uow() as u:
        cancelled = await u.orders.get(resting.order.id)
    assert cancelled is not None and cancelled.status is OrderStatus.CANCELED
    assert after.order.deny_reasons == ("TRADING_HALTED",)
    assert owners.order.status is OrderStatus.ACCEPTED
    assert await state(e, Scope.account(ACCOUNT)) is TradingState.ACTIVE
    entries = [a for a in await e.audit.entries(SCOPE.key) if a.action == "throttle.halt"]
    (audited,) = entries
    assert (audited.actor, audited.outcome) == ("system", "halted")
    assert audited.details["breaches"] == N
    assert audited.details["window_seconds"] == WINDOW
    assert audited.details["rules"] == RATE
    assert audited.details["kill_switch"] == record.id
    told = [n for n in e.notifier.sent if "throttled" in n.subject]
    assert {n.recipient for n in told} == {OWNER.id, OFFICER.id}
    assert all(n.event_type == "killswitch.activated" and "ORDER_RATE" in n.body for n in told)


async def test_breaches_spread_wider_than_the_window_do_not_halt(desk: Embedded) -> None:
    # Arrange
    e = desk
    t = throttle(e)

    # Act: N breaches 31 s apart; the first has left the window when the last comes
    for _ in range(N):
        await breach(e)
        tick(e, 31)
    trips = await t.drain()

    # Assert
    assert trips == []
    assert await state(e) is TradingState.ACTIVE


async def test_another_agents_breaches_count_apart_and_its_scope_is_untouched(
    desk: Embedded,
) -> None:
    # Arrange
    e = desk
    t = throttle(e)

    # Act: the agent breaches N times, the other agent N - 1 times
    for n in range(N):
        tick(e)
        await breach(e)
        if n < N - 1:
            await breach(e, OTHER_AGENT, OTHER_ORIGIN)
    await t.drain()
    tick(e)
    others = await send(e, OTHER_AGENT, OTHER_ORIGIN)

    # Assert
    assert await state(e) is TradingState.HALTED
    assert await state(e, Scope.agent(OTHER_AGENT_ID)) is TradingState.ACTIVE
    assert others.order.status is OrderStatus.ACCEPTED


async def test_breaches_while_halted_do_nothing_more(desk: Embedded) -> None:
    # Arrange: the agent throttled once
    e = desk
    t = throttle(e)
    for _ in range(N):
        tick(e)
        await breach(e)
    await t.drain()

    # Act: it keeps sending; a breach denied before the halt was seen arrives late, twice over
    for _ in range(2 * N):
        await send(e)
    late = [OrderDenied(f"late-{n}", ACCOUNT, (RATE,), "agent", AGENT_ID) for n in range(N)]
    await e.bus.publish(late)
    trips = await t.drain()

    # Assert: its orders are denied TRADING_HALTED (no breach); the late ones trip once more and
    # find the scope halted: no second activation
    assert [trip.outcome for trip in trips] == ["already halted"]
    assert len(await e.killswitch.events(SCOPE)) == 1
    assert await state(e) is TradingState.HALTED


async def test_after_a_persons_resume_a_second_episode_counts_afresh(desk: Embedded) -> None:
    # Arrange: throttled, then N - 1 late breaches counted while halted
    e = desk
    t = throttle(e)
    for _ in range(N):
        tick(e)
        await breach(e)
    await t.drain()
    late = [OrderDenied(f"late-{n}", ACCOUNT, (RATE,), "agent", AGENT_ID) for n in range(N - 1)]
    await e.bus.publish(late)
    await t.drain()

    # Act: a person resumes (four eyes); the agent trades, then breaches again
    await e.killswitch.resume(resume(SCOPE))
    await t.drain()
    tick(e)
    traded = (await send(e)).order.status
    tick(e)
    for _ in range(N - 1):
        await breach(e)
        tick(e)
    first = await t.drain()
    await breach(e)
    second = await t.drain()

    # Assert: the resume forgot the late ones: N - 1 new breaches do nothing, the Nth halts
    assert traded is OrderStatus.ACCEPTED
    assert first == []
    assert [trip.outcome for trip in second] == ["halted"]
    assert await state(e) is TradingState.HALTED
    assert len(await e.killswitch.events(SCOPE)) == 2


async def test_the_agent_cannot_resume_its_throttle_halt(desk: Embedded) -> None:
    # Arrange
    e = desk
    t = throttle(e)
    for _ in range(N):
        tick(e)
        await breach(e)
    await t.drain()

    # Act / Assert
    with pytest.raises(Forbidden):
        await e.killswitch.resume(resume(SCOPE, principal=AGENT))
    assert await state(e) is TradingState.HALTED


async def test_a_persons_breaches_halt_the_account(desk: Embedded) -> None:
    # Arrange: a rate rule on the owner's own orders
    e = desk
    async with e.uow() as u:
        await u.risk_rules.add(
            RiskRule("rate-owner", OWNER.id, RuleType.ORDER_RATE, {"per_second": 1})
        )
        await u.commit()
    e.policies.invalidate()
    t = throttle(e)

    # Act
    for _ in range(N):
        tick(e)
        await breach(e, OWNER, USER_ORIGIN)
    (trip,) = await t.drain()

    # Assert
    assert (trip.target, trip.outcome) == (Scope.account(ACCOUNT).key, "halted")
    assert await state(e, Scope.account(ACCOUNT)) is TradingState.HALTED


async def test_a_strategys_breaches_turn_the_strategy_off(e: Embedded) -> None:
    # Arrange: a live strategy of OWNER's; the strategies context's stop added
    repository = InMemoryStrategyRepository()
    strategy = Strategy(
        "stg-1",
        OWNER.id,
        "momentum",
        (ACCOUNT,),
        (SignalSource(SourceKind.EXTERNAL, name="feed"),),
        mode=StrategyMode.LIVE,
    )
    await repository.add(strategy)
    stops = StrategyStops()
    stops.add(lambda: StrategyThrottleStop(repository))
    t = throttle(e, stops=stops)
    denied = [OrderDenied(f"o-{n}", ACCOUNT, (RATE,), "strategy", "stg-1") for n in range(N)]

    # Act: N breaches, then N more (the strategy is off already)
    await e.bus.publish(denied)
    first = await t.drain()
    await e.bus.publish([OrderDenied(f"p-{n}", ACCOUNT, (RATE,), "strategy", "stg-1")
                         for n in range(N)])  # fmt: skip
    second = await t.drain()

    # Assert: the strategy is off; the kill switch was not pulled (no strategy scope)
    assert [(trip.target, trip.outcome) for trip in first] == [("strategy:stg-1", "stopped")]
    assert [trip.outcome for trip in second] == ["already off"]
    stored = await repository.get("stg-1")
    assert stored is not None and stored.mode is StrategyMode.OFF
    assert await e.killswitch.events() == []
    assert await state(e, Scope.account(ACCOUNT)) is TradingState.ACTIVE


async def test_only_counted_denials_are_breaches(e: Embedded) -> None:
    # Arrange
    t = throttle(e)
    others = [
        OrderDenied("o-1", ACCOUNT, ("MAX_NOTIONAL",), "agent", AGENT_ID),
        OrderDenied("o-2", ACCOUNT, (DUPLICATE,), "agent", AGENT_ID),
        OrderDenied("o-3", ACCOUNT, ("TRADING_HALTED", RATE), "agent", AGENT_ID),
    ]

    # Act
    for event in others * N:
        await t.on_event(event)
    trips = await t.drain()

    # Assert
    assert trips == []
    assert await state(e) is TradingState.ACTIVE


def test_duplicate_orders_count_when_the_policy_says_so() -> None:
    # Arrange
    default = ThrottlePolicy.of(3, 60)
    with_duplicates = ThrottlePolicy.of(3, 60, duplicates=True)

    # Act / Assert
    assert not default.is_breach((DUPLICATE,))
    assert with_duplicates.is_breach((DUPLICATE,))
    assert with_duplicates.rules == "ORDER_RATE/DUPLICATE_ORDER"
    assert not with_duplicates.is_breach((DUPLICATE, "TRADING_HALTED"))


AT = datetime(2026, 1, 5, 15, 0)


async def test_the_window_counts_a_breach_once_and_forgets_the_key_when_it_trips() -> None:
    # Arrange
    window = InMemoryBreachWindow()
    span = timedelta(seconds=60)

    # Act
    first = await window.add("agent:a", "o-1", AT, span, 3)
    again = await window.add("agent:a", "o-1", AT, span, 3)
    second = await window.add("agent:a", "o-2", AT + timedelta(seconds=1), span, 3)
    third = await window.add("agent:a", "o-3", AT + timedelta(seconds=2), span, 3)
    fresh = await window.add("agent:a", "o-4", AT + timedelta(seconds=3), span, 3)

    # Assert
    assert (first, again, second, third, fresh) == (1, 0, 2, 3, 1)


async def test_the_window_holds_a_bounded_number_of_keys() -> None:
    # Arrange
    window = InMemoryBreachWindow(max_keys=100)

    # Act
    for n in range(1_000):
        await window.add(f"agent:{n}", "o", AT, timedelta(seconds=60), 3)

    # Assert
    assert len(window) == 100


def test_the_policy_refuses_what_cannot_throttle() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="at least one breach"):
        ThrottlePolicy(0)
    with pytest.raises(ValueError, match="window"):
        ThrottlePolicy(3, timedelta(0))
    with pytest.raises(ValueError, match="denials only"):
        ThrottlePolicy(3, reasons=frozenset({"MAX_NOTIONAL"}))
    assert (ThrottlePolicy().breaches, ThrottlePolicy().window) == (3, timedelta(seconds=60))
