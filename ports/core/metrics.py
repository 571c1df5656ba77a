"""What the use cases measure for operators: gate decisions, kill-switch runs, broker calls.

The application cannot import a metrics library (the import contracts forbid it), so it
reports through this port; bootstrap wires a Prometheus implementation (adapters/metrics/).
Every method must be cheap and must never raise: a measurement is never allowed to fail or
slow an order or a kill switch. Label values passed here are enumerated codes, never ids.
"""

from __future__ import annotations

from typing import Protocol

from domain.killswitch.switch import KillSwitchEvent
from domain.risk.verdicts import Decision


class Meter(Protocol):
    """Receives the application's measurements (a no-op unless bootstrap wires one)."""

    def gate_decision(self, decision: Decision, seconds: float) -> None:
        """One order decided by the pre-trade gate, and how long the decision took."""
        ...

    def kill_switch(self, event: KillSwitchEvent) -> None:
        """One kill-switch run, recorded: its phase timestamps and whether brokers confirmed."""
        ...

    def broker_call(self, adapter: str, operation: str, seconds: float, error: str | None) -> None:
        """One call to a broker adapter; `error` is a stable code when it failed, else None."""
        ...


class NoMeter:
    """Measures nothing: the default, for tests and tools that do not serve /metrics."""

    def gate_decision(self, decision: Decision, seconds: float) -> None:
        return None

    def kill_switch(self, event: KillSwitchEvent) -> None:
        return None

    def broker_call(self, adapter: str, operation: str, seconds: float, error: str | None) -> None:
        return None


NO_METER: Meter = NoMeter()
