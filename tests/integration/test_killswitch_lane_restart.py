"""The kill switch's lane is never silently dead: a crash of its loop restarts it on the same
port, and past its restarts the process ends, loudly; meanwhile activations still run."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator

import httpx
import pytest
from dependency_injector import providers
from structlog.testing import capture_logs

from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.killswitch_lane import EXIT_LANE_DEAD, KillSwitchLane, LaneSources
from bootstrap.lane_killswitch import LaneKillSwitch
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import Settings, load_settings
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import TriggerType
from tests.http.harness import no_background
from tests.integration.servers import free_port

WITHIN_S = 10.0


@pytest.fixture
def settings() -> Settings:
    env = {
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": "memory://",
        "BULWARK_PORT": str(free_port()),
        "BULWARK_KILL_SWITCH_PORT": "0",
        "BULWARK_LOG_LEVEL": "warning",
    }
    return load_settings(env, env_file=None)


@pytest.fixture
async def container(settings: Settings) -> AsyncIterator[ApplicationContainer]:
    built = build_container(settings)
    built.background.override(providers.Resource(no_background))
    await built.init_resources()  # type: ignore[misc]
    try:
        yield built
    finally:
        await shutdown_in_order(built)


class _Exits:
    """Stands in for ending the process: records the exit code the lane asked for."""

    def __init__(self) -> None:
        self.codes: list[int] = []
        self.asked = threading.Event()

    def __call__(self, code: int) -> None:
        self.codes.append(code)
        self.asked.set()


async def _started(
    container: ApplicationContainer, settings: Settings, max_restarts: int, exits: _Exits
) -> KillSwitchLane:
    lane = KillSwitchLane(
        LaneSources(container.core(), container.safety(), container.trading.orders),
        settings,
        max_restarts=max_restarts,
        exit_process=exits,
    )
    await asyncio.to_thread(lane.start, asyncio.get_running_loop())
    killswitch = container.safety.killswitch()
    assert isinstance(killswitch, LaneKillSwitch)
    killswitch.lane = lane
    return lane


def _crash(lane: KillSwitchLane) -> None:
    """A failure inside the lane's loop: it stops under the listener's feet."""
    loop = lane.loop
    assert loop is not None
    loop.call_soon_threadsafe(loop.stop)


async def _state(container: ApplicationContainer) -> TradingState:
    async with container.core.uow_factory()() as uow:
        state = await uow.trading_states.get(Scope.global_().key)
    return TradingState.ACTIVE if state is None else state.state


async def test_a_crashed_lane_is_restarted_on_its_port_and_serves_again(
    container: ApplicationContainer, settings: Settings
) -> None:
    # Arrange
    exits = _Exits()
    lane = await _started(container, settings, 1, exits)
    port = lane.port

    # Act
    with capture_logs() as logs:
        _crash(lane)
        restarted = await asyncio.to_thread(lane.wait_serving, 2, WITHIN_S)
    try:
        async with httpx.AsyncClient(timeout=WITHIN_S) as client:
            health = await client.get(f"http://127.0.0.1:{port}/health")
        record = await container.safety.killswitch().trigger(
            Scope.global_(), TriggerType.MANUAL, "after the restart"
        )
    finally:
        await asyncio.to_thread(lane.stop)

    # Assert
    assert restarted
    assert (lane.port, lane.restarts, exits.codes) == (port, 1, [])
    assert health.status_code == 200, health.text
    assert record.scope == Scope.global_()
    assert await _state(container) is TradingState.HALTED
    died = [e for e in logs if e["event"] == "kill_switch_lane_died"]
    assert [(e["log_level"], e["restarts"]) for e in died] == [("error", 1)]
    assert [e["event"] for e in logs if e["event"] == "kill_switch_lane_restarted"] == [
        "kill_switch_lane_restarted"
    ]


async def test_past_its_restarts_the_lane_ends_the_process_loudly_and_the_switch_still_works(
    container: ApplicationContainer, settings: Settings
) -> None:
    # Arrange: no restart allowed
    exits = _Exits()
    lane = await _started(container, settings, 0, exits)

    # Act
    with capture_logs() as logs:
        _crash(lane)
        asked = await asyncio.to_thread(exits.asked.wait, WITHIN_S)
    record = await container.safety.killswitch().trigger(
        Scope.global_(), TriggerType.MANUAL, "with the lane down"
    )
    await asyncio.to_thread(lane.stop)

    # Assert
    assert asked
    assert exits.codes == [EXIT_LANE_DEAD]
    assert lane.loop is None
    (gave_up,) = [e for e in logs if e["event"] == "kill_switch_lane_gave_up"]
    assert (gave_up["log_level"], gave_up["exit_code"]) == ("critical", EXIT_LANE_DEAD)
    assert record.scope == Scope.global_()
    assert await _state(container) is TradingState.HALTED
