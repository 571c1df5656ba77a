"""The Prometheus meter: decisions by outcome and first reason, kill-switch phases from the
trigger, broker calls and their error codes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from adapters.metrics.meter import PrometheusMeter
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Decision, Verdict

T0 = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def samples(meter: PrometheusMeter, name: str) -> dict[frozenset[tuple[str, str]], float]:
    text = generate_latest(meter.registry).decode()
    return {
        frozenset(s.labels.items()): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
        if s.name == name
    }


def denial(*codes: ReasonCode) -> Decision:
    verdicts = tuple(Verdict(code, Outcome.DENY, "test", None, "no") for code in codes)
    return Decision(False, Decimal(1), Decimal(1), verdicts)


def run(confirmed: bool) -> KillSwitchEvent:
    return KillSwitchEvent(
        id="ks-1",
        user_id="usr-1",
        trigger_type=TriggerType.MANUAL,
        scope=Scope.account("acc-1"),
        reason="test",
        flatten=False,
        orders_cancelled=2,
        broker_confirmed=confirmed,
        brokers=(),
        triggered_at=T0,
        halted_at=T0 + timedelta(milliseconds=5),
        broadcast_at=T0 + timedelta(milliseconds=7),
        cancel_sent_at=T0 + timedelta(milliseconds=40),
        confirmed_at=T0 + timedelta(milliseconds=90) if confirmed else None,
        elapsed_ms=90.0 if confirmed else 1500.0,
    )


def test_a_decision_counts_under_its_outcome_and_first_reason() -> None:
    # Arrange
    meter = PrometheusMeter()
    approved = Decision(True, Decimal(1), Decimal(1), ())

    # Act
    meter.gate_decision(approved, 0.0002)
    meter.gate_decision(denial(ReasonCode.MAX_POSITION, ReasonCode.TRADING_HALTED), 0.0001)

    # Assert
    counts = samples(meter, "bulwark_gate_decisions_total")
    assert counts == {
        frozenset({("outcome", "accepted"), ("reason", "none")}): 1,
        frozenset({("outcome", "rejected"), ("reason", ReasonCode.MAX_POSITION.value)}): 1,
    }
    timed = samples(meter, "bulwark_gate_decision_seconds_count")
    assert timed == {
        frozenset({("outcome", "accepted")}): 1,
        frozenset({("outcome", "rejected")}): 1,
    }


def test_kill_switch_phases_are_timed_from_the_trigger() -> None:
    # Arrange
    meter = PrometheusMeter()

    # Act
    meter.kill_switch(run(confirmed=True))

    # Assert
    sums = samples(meter, "bulwark_kill_switch_phase_seconds_sum")
    assert {dict(k)["phase"]: round(v, 3) for k, v in sums.items()} == {
        "halted": 0.005,
        "broadcast": 0.007,
        "cancels_sent": 0.04,
        "broker_confirmed": 0.09,
    }
    runs = samples(meter, "bulwark_kill_switch_activations_total")
    assert runs == {frozenset({("trigger", "manual"), ("confirmed", "true")}): 1}


def test_an_unconfirmed_run_is_counted_as_such_and_times_no_confirmation() -> None:
    # Arrange
    meter = PrometheusMeter()

    # Act
    meter.kill_switch(run(confirmed=False))

    # Assert
    phases = {dict(k)["phase"] for k in samples(meter, "bulwark_kill_switch_phase_seconds_count")}
    assert "broker_confirmed" not in phases
    runs = samples(meter, "bulwark_kill_switch_activations_total")
    assert runs == {frozenset({("trigger", "manual"), ("confirmed", "false")}): 1}


def test_broker_calls_are_timed_and_errors_counted_by_code() -> None:
    # Arrange
    meter = PrometheusMeter()

    # Act
    meter.broker_call("paper", "submit", 0.001, None)
    meter.broker_call("paper", "submit", 0.002, "BROKER_REJECTED")

    # Assert
    timed = samples(meter, "bulwark_broker_call_seconds_count")
    assert timed == {frozenset({("adapter", "paper"), ("operation", "submit")}): 2}
    errors = samples(meter, "bulwark_broker_call_errors_total")
    assert errors == {
        frozenset({("adapter", "paper"), ("operation", "submit"), ("code", "BROKER_REJECTED")}): 1
    }
