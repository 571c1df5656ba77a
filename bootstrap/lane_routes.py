"""Broker routes other contexts add on the kill switch's lane: the lane builds a core of its
own (bootstrap/killswitch_lane.py), whose router knows the settings' brokers only, so a
context whose accounts route elsewhere (the venue connections') installs its routes there
too, with adapters of the lane's own loop. Each installer returns what closes them when the
lane stops.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

# Installs a context's routes into the lane's core (called on the lane's loop); returns the
# closing of what it opened.
LaneRoute = Callable[[Any], Callable[[], Awaitable[None]]]


class LaneRoutes:
    """The installers contexts add (bootstrap/containers/<context>.py: `prepare`)."""

    def __init__(self) -> None:
        self._installers: list[LaneRoute] = []

    def add(self, installer: LaneRoute) -> None:
        self._installers.append(installer)

    def install(self, lane_core: Any) -> list[Callable[[], Awaitable[None]]]:
        """Every context's routes in `lane_core`; the closings, in order."""
        return [install(lane_core) for install in self._installers]
