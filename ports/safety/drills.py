"""Drill port: the faults a drill broker shows, switched at run time."""

from __future__ import annotations

from typing import Protocol

from domain.killswitch.drill import BrokerFaults


class BrokerFaultSwitch(Protocol):
    """Holds the faults a drill broker shows; safe to read and set from any thread.

    Contract: `set` takes effect on the broker's next call; `current` returns what was set
    last (no fault until something is set).
    """

    def current(self) -> BrokerFaults: ...

    def set(self, faults: BrokerFaults) -> None: ...
