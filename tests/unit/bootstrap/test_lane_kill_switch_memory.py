"""The lane's kill switch remembers what the API's kill switch read: one memory, shared."""

from __future__ import annotations

import asyncio

from bootstrap.containers.application import build_container
from bootstrap.killswitch_lane import LaneSources, lane_containers
from domain.principals import Principal, Role
from tests.http.harness import test_settings as settings_with


async def test_a_passcode_set_through_the_api_is_known_to_the_lane_kill_switch() -> None:
    # Arrange
    settings = settings_with()
    main = build_container(settings)
    sources = LaneSources(main.core(), main.safety(), main.trading.orders)
    lane = lane_containers(sources, settings, asyncio.get_running_loop()).safety
    principal = Principal("u-1", Role.TRADER)

    # Act
    await main.safety.killswitch().set_passcode(principal, "correct-horse")

    # Assert
    assert lane.killswitch() is not main.safety.killswitch()
    assert lane.killswitch().memory.passcode(principal.id) is not None
