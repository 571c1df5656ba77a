"""Agent heartbeats: liveness on the clock, and the monitor that halts a silent agent."""

from __future__ import annotations

from datetime import timedelta

import pytest

from application.safety.agents import InvalidAgent, RecordHeartbeat, RegisterAgent
from bootstrap.embedded import Embedded
from domain.agents.heartbeat import AgentDied, Liveness
from domain.errors import Conflict, Forbidden, NotFound
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import TriggerType
from domain.risk.reasons import ReasonCode
from domain.trading.orders import OrderStatus, Origin, OriginKind, Side
from ports.core.events import Severity
from tests.kit.watches import (
    ACCOUNT,
    AGENT,
    AGENT_ID,
    OTHER_ACCOUNT,
    OWNER,
    STRANGER,
    agents,
    fake_clock,
    monitor,
    place_limit,
    resume,
    state_of,
)

AGENT_ORIGIN = Origin(OriginKind.AGENT, AGENT_ID)
SCOPE = Scope.agent(AGENT_ID)


async def register(e: Embedded) -> None:
    await agents(e).register_agent(RegisterAgent(OWNER, AGENT_ID, "Momentum bot", (ACCOUNT,)))


async def beat(e: Embedded) -> None:
    await agents(e).record_heartbeat(RecordHeartbeat(AGENT, AGENT_ID))


async def test_heartbeats_within_the_threshold_keep_an_agent_alive(e: Embedded) -> None:
    # Arrange
    clock = fake_clock(e)
    await register(e)
    await beat(e)

    # Act: beats 4 s apart, the monitor checking after each gap
    deaths = []
    for _ in range(3):
        clock.advance(timedelta(seconds=4))
        deaths += await monitor(e).check()
        await beat(e)
    clock.advance(timedelta(seconds=2))
    status = await agents(e).status(OWNER, AGENT_ID)

    # Assert
    assert deaths == []
    assert status.liveness is Liveness.ALIVE
    assert status.seconds_since_heartbeat == 2.0
    assert status.threshold_seconds == 5.0
    assert await state_of(e, SCOPE) is TradingState.ACTIVE


async def test_a_registered_agent_never_heard_from_is_pending_and_not_declared_dead(
    e: Embedded,
) -> None:
    # Arrange
    await register(e)
    fake_clock(e).advance(timedelta(minutes=10))

    # Act
    deaths = await monitor(e).check()
    status = await agents(e).status(OWNER, AGENT_ID)

    # Assert
    assert deaths == []
    assert (status.liveness, status.seconds_since_heartbeat) == (Liveness.PENDING, None)


async def test_silence_past_the_threshold_halts_the_agent_and_cancels_only_its_orders(
    e: Embedded,
) -> None:
    # Arrange: one resting order from the agent, one from the owner himself
    clock = fake_clock(e)
    await register(e)
    await beat(e)
    heard_at = clock.now()
    agent_order = await place_limit(e, Side.BUY, "10", "95", principal=AGENT, origin=AGENT_ORIGIN)
    owner_order = await place_limit(e, Side.BUY, "5", "94")
    clock.advance(timedelta(seconds=5))
    assert await monitor(e).check() == []  # exactly 5 s of silence is still alive

    # Act
    clock.advance(timedelta(seconds=1))
    deaths = await monitor(e).check()

    # Assert: halted, the agent's order gone at the broker, the owner's still resting
    (death,) = deaths
    assert (death.agent_id, death.last_heartbeat) == (AGENT_ID, heard_at)
    assert death.kill_switch.trigger_type is TriggerType.DEAD_AGENT
    assert death.kill_switch.broker_confirmed
    assert death.kill_switch.orders_cancelled == 1
    assert await state_of(e, SCOPE) is TradingState.HALTED
    assert await state_of(e, Scope.account(ACCOUNT)) is TradingState.ACTIVE
    resting = await e.broker.open_orders(ACCOUNT)
    assert [o.client_order_id for o in resting] == [owner_order.order.client_order_id]
    async with e.uow() as uow:
        stored = await uow.orders.get(agent_order.order.id)
    assert stored is not None and stored.status is OrderStatus.CANCELED
    (died,) = e.bus.of_type(AgentDied)
    assert isinstance(died, AgentDied)
    assert (died.agent_id, died.owner_id, died.declared_at) == (AGENT_ID, OWNER.id, clock.now())
    (told,) = [n for n in e.notifier.sent if n.recipient == OWNER.id]
    assert told.subject == "Agent Momentum bot declared dead: trading halted"
    assert told.severity is Severity.CRITICAL
    status = await agents(e).status(OWNER, AGENT_ID)
    assert (status.liveness, status.declared_dead, status.died_at) == (
        Liveness.DEAD,
        True,
        clock.now(),
    )


async def test_an_overdue_agent_reads_dead_before_the_monitor_runs(e: Embedded) -> None:
    # Arrange
    await register(e)
    await beat(e)
    fake_clock(e).advance(timedelta(seconds=7))

    # Act
    status = await agents(e).status(OWNER, AGENT_ID)

    # Assert: dead on the clock, not yet declared (so not yet halted)
    assert (status.liveness, status.declared_dead) == (Liveness.DEAD, False)
    assert status.seconds_since_heartbeat == 7.0


async def test_a_dead_agent_is_declared_once(e: Embedded) -> None:
    # Arrange
    await register(e)
    await beat(e)
    fake_clock(e).advance(timedelta(seconds=6))
    await monitor(e).check()

    # Act
    fake_clock(e).advance(timedelta(seconds=6))
    again = await monitor(e).check()

    # Assert
    assert again == []
    assert len(await e.killswitch.events(SCOPE)) == 1
    assert len(e.bus.of_type(AgentDied)) == 1


async def test_a_heartbeat_after_death_leaves_it_dead_and_its_orders_denied(
    e: Embedded,
) -> None:
    # Arrange
    await register(e)
    await beat(e)
    fake_clock(e).advance(timedelta(seconds=6))
    await monitor(e).check()

    # Act
    await beat(e)
    status = await agents(e).status(OWNER, AGENT_ID)
    denied = await place_limit(e, Side.BUY, "1", "95", principal=AGENT, origin=AGENT_ORIGIN)
    owners = await place_limit(e, Side.BUY, "1", "95")

    # Assert: the agent's scope stays halted; the owner's own orders still pass
    assert status.liveness is Liveness.DEAD
    assert status.seconds_since_heartbeat == 0.0
    assert await state_of(e, SCOPE) is TradingState.HALTED
    assert denied.order.status is OrderStatus.DENIED
    assert denied.decision is not None
    assert denied.decision.reasons == (ReasonCode.TRADING_HALTED,)
    assert owners.order.status is OrderStatus.ACCEPTED
    (entry, *_) = await e.audit.entries(SCOPE.key)
    assert (entry.action, entry.outcome) == ("agent.heartbeat", "ignored: agent declared dead")


async def test_resuming_the_agent_scope_revives_it(e: Embedded) -> None:
    # Arrange
    await register(e)
    await beat(e)
    fake_clock(e).advance(timedelta(seconds=6))
    await monitor(e).check()

    # Act
    await resume(e, SCOPE)
    revived = await agents(e).status(OWNER, AGENT_ID)
    await beat(e)
    alive = await agents(e).status(OWNER, AGENT_ID)
    placed = await place_limit(e, Side.BUY, "1", "95", principal=AGENT, origin=AGENT_ORIGIN)

    # Assert
    assert revived.liveness is Liveness.PENDING
    assert alive.liveness is Liveness.ALIVE
    assert await state_of(e, SCOPE) is TradingState.ACTIVE
    assert placed.order.status is OrderStatus.ACCEPTED


async def test_another_owners_agent_is_not_found(e: Embedded) -> None:
    # Arrange
    await register(e)
    service = agents(e)

    # Act / Assert
    with pytest.raises(NotFound):
        await service.status(STRANGER, AGENT_ID)
    with pytest.raises(NotFound):
        await service.record_heartbeat(RecordHeartbeat(STRANGER, AGENT_ID))
    with pytest.raises(NotFound):
        await service.record_heartbeat(RecordHeartbeat(OWNER, "agent-unknown"))
    assert await service.status_all(STRANGER) == []
    assert [s.agent_id for s in await service.status_all(OWNER)] == [AGENT_ID]


async def test_the_owner_may_beat_for_the_agent(e: Embedded) -> None:
    # Arrange
    await register(e)

    # Act
    status = await agents(e).record_heartbeat(RecordHeartbeat(OWNER, AGENT_ID, "rebalancing"))

    # Assert
    assert (status.liveness, status.reported_status) == (Liveness.ALIVE, "rebalancing")


async def test_registration_needs_own_accounts_a_new_id_and_a_positive_threshold(
    e: Embedded,
) -> None:
    # Arrange
    service = agents(e)
    await register(e)

    # Act / Assert
    with pytest.raises(NotFound):
        await service.register_agent(RegisterAgent(OWNER, "agent-2", account_ids=(OTHER_ACCOUNT,)))
    with pytest.raises(Conflict):
        await service.register_agent(RegisterAgent(OWNER, AGENT_ID, account_ids=(ACCOUNT,)))
    with pytest.raises(InvalidAgent):
        await service.register_agent(RegisterAgent(OWNER, "agent-3", threshold=timedelta(0)))
    with pytest.raises(Forbidden):
        await service.register_agent(RegisterAgent(AGENT, "agent-4", account_ids=(ACCOUNT,)))
