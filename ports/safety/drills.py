"""Drill ports: the faults a drill broker shows, switched at run time, and the tape of the
steps it meets during a halt."""

from __future__ import annotations

from typing import Protocol

from domain.killswitch.drill import BrokerFaults, VenueStep


class BrokerFaultSwitch(Protocol):
    """Holds the faults a drill broker shows; safe to read and set from any thread.

    Contract: `set` takes effect on the broker's next call; `current` returns what was set
    last (no fault until something is set).
    """

    def current(self) -> BrokerFaults: ...

    def set(self, faults: BrokerFaults) -> None: ...


class DrillTape(Protocol):
    """Notes the steps a drill broker meets during a halt, as they happen.

    Contract: `note` is cheap and never raises; it keeps the first time of each step only
    while the drill has it armed, and ignores the rest.
    """

    def note(self, step: VenueStep) -> None: ...
