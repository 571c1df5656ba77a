"""Kill-switch drills, one per fault: the kill switch's confirmation against the broker's truth."""

from __future__ import annotations

from dataclasses import replace

import pytest

from application.safety.killswitch_drill import DrillReport, DrillSetupFailed
from bootstrap.cli_drill import DRILL_ACCOUNT, DrillWorld, drill_world, prepare, run_drill
from domain.killswitch.drill import BrokerFaults, DrillVerdict
from domain.killswitch.state import Scope, TradingState


@pytest.fixture
def world() -> DrillWorld:
    return drill_world(fake_clock=True)


async def drill(world: DrillWorld, fault: str, scope: Scope | None = None) -> DrillReport:
    return await run_drill(
        scope or Scope.account(DRILL_ACCOUNT), BrokerFaults.parse(fault), world=world
    )


async def test_the_baseline_confirms_and_passes(world: DrillWorld) -> None:
    # Act
    report = await drill(world, "none")

    # Assert
    assert report.placed == 3
    assert report.record.broker_confirmed is True
    assert report.still_open == 0
    assert report.judgement.verdict is DrillVerdict.PASS
    assert [s.label for s in report.timeline] == [
        "command sent", "halted", "halt broadcast", "cancels sent", "broker-confirmed",
    ]  # fmt: skip
    assert all(step.at_ms is not None and step.at_ms >= 0 for step in report.timeline)


async def test_keep_on_cancel_is_reported_unconfirmed_and_the_drill_passes(
    world: DrillWorld,
) -> None:
    # Act
    report = await drill(world, "keep_on_cancel")

    # Assert: acknowledged cancels did not fool the kill switch
    assert report.record.broker_confirmed is False
    assert report.record.brokers[0].cancel_acknowledged >= 3
    assert report.still_open == 3
    assert report.timeline[-1].at_ms is None
    assert report.judgement.verdict is DrillVerdict.PASS


async def test_disconnect_is_reported_unconfirmed_and_the_orders_stay_live(
    world: DrillWorld,
) -> None:
    # Act
    report = await drill(world, "disconnect")

    # Assert
    assert report.record.broker_confirmed is False
    assert "BROKER_UNAVAILABLE" in report.record.brokers[0].errors
    assert report.still_open == 3
    assert report.judgement.verdict is DrillVerdict.PASS


async def test_a_lost_cancel_answer_is_no_obstacle_when_the_broker_shows_the_orders_gone(
    world: DrillWorld,
) -> None:
    # Act
    report = await drill(world, "drop_acks")

    # Assert
    assert "BROKER_TIMEOUT" in report.record.brokers[0].errors
    assert report.record.broker_confirmed is True
    assert report.still_open == 0
    assert report.judgement.verdict is DrillVerdict.PASS


async def test_late_cancel_answers_still_end_confirmed(world: DrillWorld) -> None:
    # Act
    report = await drill(world, "delay_acks=200")

    # Assert
    assert report.record.broker_confirmed is True
    confirmed_at = report.timeline[-1].at_ms
    assert confirmed_at is not None and confirmed_at >= 200
    assert report.judgement.verdict is DrillVerdict.PASS


async def test_rejected_sends_do_not_stop_the_cancels(world: DrillWorld) -> None:
    # Act
    report = await drill(world, "reject_sends")

    # Assert
    assert report.record.broker_confirmed is True
    assert report.still_open == 0
    assert report.judgement.verdict is DrillVerdict.PASS


async def test_an_agent_scope_stops_the_agents_orders(world: DrillWorld) -> None:
    # Act
    report = await drill(world, "keep_on_cancel", Scope.agent("bot-1"))

    # Assert
    assert report.record.scope == Scope.agent("bot-1")
    assert report.record.broker_confirmed is False
    assert report.still_open == 3
    assert report.judgement.verdict is DrillVerdict.PASS


async def test_a_kill_switch_on_a_scope_without_the_orders_fails_the_drill(
    world: DrillWorld,
) -> None:
    # Arrange: the orders rest on the drill account; the switch is pulled on another account
    cmd = await prepare(world, Scope.account(DRILL_ACCOUNT), BrokerFaults(), 2)

    # Act
    report = await world.drill.run(replace(cmd, scope=Scope.account("elsewhere")))

    # Assert
    assert report.record.broker_confirmed is True  # nothing in its scope to cancel
    assert report.still_open == 2
    assert report.judgement.verdict is DrillVerdict.FAIL


async def test_the_drill_is_audited_and_the_faults_are_switched_back_off(
    world: DrillWorld,
) -> None:
    # Act
    report = await drill(world, "keep_on_cancel")

    # Assert
    entries = await world.embedded.audit.entries(Scope.account(DRILL_ACCOUNT).key)
    drills = [e for e in entries if e.action == "kill_switch.drill"]
    assert len(drills) == 1
    assert drills[0].outcome == "pass"
    assert drills[0].details["faults"] == "keep_on_cancel"
    assert drills[0].details["kill_switch_event"] == report.record.id
    assert drills[0].details["still_open"] == 3
    assert any(e.action == "kill_switch.activate" for e in entries)
    assert not world.switch.current().active
    async with world.embedded.uow() as uow:
        state = await uow.trading_states.get(Scope.account(DRILL_ACCOUNT).key)
    assert state is not None and state.state is TradingState.HALTED


async def test_orders_that_cannot_rest_stop_the_drill_before_the_switch(world: DrillWorld) -> None:
    # Arrange: the broker refuses the drill's orders
    cmd = await prepare(world, Scope.account(DRILL_ACCOUNT), BrokerFaults(), 1)
    world.switch.set(BrokerFaults.parse("reject_sends"))

    # Act
    with pytest.raises(DrillSetupFailed) as raised:
        await world.drill.run(cmd)

    # Assert
    assert raised.value.code == "DRILL_SETUP_FAILED"
    assert await world.embedded.audit.entries() == []
