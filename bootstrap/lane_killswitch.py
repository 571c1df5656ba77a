"""The kill switch every caller holds: its activations run on the kill-switch lane once the
lane is started (bootstrap/killswitch_lane.py), on the caller's own loop while it is down.

Apart from the lane's module so that the safety container can build it without importing the
lane, which builds containers itself."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from application.safety.killswitch import ActivateKillSwitch, KillSwitchService

if TYPE_CHECKING:
    from application.safety.killswitch_commands import ResumeTrading
    from domain.killswitch.state import Scope
    from domain.killswitch.switch import EmergencyHalt, KillSwitchEvent, ScopeState, TriggerType

T = TypeVar("T")


class LaneDown(RuntimeError):
    """The lane is not running (it died and is starting again): run the call elsewhere."""


class Lane(Protocol):
    """Where the kill switch's calls run: LaneDown when it is not running."""

    async def run(self, call: Callable[[KillSwitchService], Awaitable[T]]) -> T: ...


class LaneKillSwitch(KillSwitchService):
    """The kill switch every caller holds: activations run on the lane once it is started,
    and on the caller's own loop while the lane is down (never a call left hanging).

    The same stages as KillSwitchService (bootstrap/killswitch_wiring.py builds them); it adds
    only where a call runs, and `lane`, set when the lane starts."""

    lane: Lane | None = None

    async def activate(self, cmd: ActivateKillSwitch) -> KillSwitchEvent:
        lane = self.lane
        if lane is not None:
            with contextlib.suppress(LaneDown):
                return await lane.run(lambda ks: ks.activate(cmd))
        return await super().activate(cmd)

    async def trigger(
        self, scope: Scope, trigger: TriggerType, reason: str, *, flatten: bool = False
    ) -> KillSwitchEvent:
        lane = self.lane
        if lane is not None:
            with contextlib.suppress(LaneDown):
                return await lane.run(
                    lambda ks: ks.trigger(scope, trigger, reason, flatten=flatten)
                )
        return await super().trigger(scope, trigger, reason, flatten=flatten)

    async def follow_remote_halt(self, halt: EmergencyHalt) -> KillSwitchEvent | None:
        lane = self.lane
        if lane is not None:
            with contextlib.suppress(LaneDown):
                return await lane.run(lambda ks: ks.follow_remote_halt(halt))
        return await super().follow_remote_halt(halt)

    async def resume(self, cmd: ResumeTrading) -> ScopeState:
        """On the lane too: every change of a scope's state is committed on one engine and
        published by one pump, so watchers see a halt and its resume in commit order."""
        lane = self.lane
        if lane is not None:
            with contextlib.suppress(LaneDown):
                return await lane.run(lambda ks: ks.resume(cmd))
        return await super().resume(cmd)
