"""The sources of alerts tell the center when their event happened: the alert latency's start
(application/notifications/latency.py)."""

from __future__ import annotations

from datetime import timedelta

from application.safety.agents import RecordHeartbeat, RegisterAgent
from bootstrap.embedded import Embedded
from domain.killswitch.state import Scope
from domain.killswitch.switch import TriggerType
from domain.trading.orders import OrderDenied, Side
from tests.kit.watches import (
    ACCOUNT,
    AGENT,
    AGENT_ID,
    OWNER,
    agents,
    fake_clock,
    monitor,
    place_limit,
    watch_desk,  # noqa: F401  (the fixture `e`)
)
from tests.unit.reconciliation.test_reconciliation import T0 as CHECKED_AT
from tests.unit.reconciliation.test_reconciliation import world as reconciling


async def test_a_lost_heartbeat_is_told_as_of_its_threshold_not_the_check_that_saw_it(
    e: Embedded,
) -> None:
    # Arrange: heard once, then silent; the monitor looks 1.5 s past the 5 s threshold
    clock = fake_clock(e)
    await agents(e).register_agent(RegisterAgent(OWNER, AGENT_ID, "Bot", (ACCOUNT,)))
    await agents(e).record_heartbeat(RecordHeartbeat(AGENT, AGENT_ID))
    heard_at = clock.now()
    clock.advance(timedelta(seconds=6.5))

    # Act
    (death,) = await monitor(e).check()

    # Assert
    (dead,) = [n for n in e.notifier.sent if n.event_type == "agent.dead"]
    assert dead.occurred_at == heard_at + timedelta(seconds=5)
    halts = [n for n in e.notifier.sent if n.event_type == "killswitch.activated"]
    assert halts and {n.occurred_at for n in halts} == {death.kill_switch.halted_at}


async def test_a_kill_switch_is_told_as_of_its_halt(e: Embedded) -> None:
    # Act
    record = await e.killswitch.trigger(Scope.account(ACCOUNT), TriggerType.MANUAL, "drill")

    # Assert
    told = [n for n in e.notifier.sent if n.event_type == "killswitch.activated"]
    assert told and {n.occurred_at for n in told} == {record.halted_at}


async def test_a_denied_order_carries_when_the_gate_denied_it(e: Embedded) -> None:
    # Arrange
    clock = fake_clock(e)
    clock.advance(timedelta(seconds=1))

    # Act: a symbol the desk does not list is denied
    result = await place_limit(e, Side.BUY, "1", "10", symbol="NOPE")

    # Assert
    assert result.order.status.value == "denied"
    (denied,) = e.bus.of_type(OrderDenied)
    assert isinstance(denied, OrderDenied)
    assert denied.at == clock.now()


async def test_a_drift_is_told_as_of_the_check_that_confirmed_it() -> None:
    # Arrange: in sync, then the venue fills the order behind Bulwark's back
    service, venue, notifier, _, _ = await reconciling()
    await service.run()
    venue.working.clear()

    # Act: suspected, then confirmed by the second check
    await service.run()
    await service.run()

    # Assert
    (drift,) = notifier.sent
    assert (drift.event_type, drift.occurred_at) == ("reconciliation.drift", CHECKED_AT)
