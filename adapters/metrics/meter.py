"""The Meter port on prometheus_client: gate decisions, kill-switch phases, broker calls; and
the notifications' DeliveryMeter port (ports/notifications/latency.py): each alert's delay.

The order path's series (the gate's decisions and latency, broker calls) are
adapters/metrics/series.py's: one lock and a bisect per sample, built into metric families
only when scraped. The meter keeps its own CollectorRegistry (never the process-wide default
one: tests build many apps in one process) and is itself a Collector that the app's /metrics
registry includes. Label values are enumerated codes (outcome, reason code, trigger, phase, adapter,
operation, error code): never an account, order or user id.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from adapters.metrics.series import (
    CounterSeries,
    HistogramSeries,
    LabelledCounter,
    LabelledHistogram,
)
from domain.killswitch.switch import KillSwitchEvent
from domain.risk.verdicts import Decision

# The gate decides in tens of microseconds; a snapshot read from a slow store takes longer.
GATE_BUCKETS = (
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0,
)  # fmt: skip
# The kill switch's deadline is 1.5 s by default: buckets resolve around it.
KILL_SWITCH_BUCKETS = (
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0,
)  # fmt: skip
BROKER_BUCKETS = (
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
)  # fmt: skip
# Event -> delivery: 10 ms to 10 s, edges at the targets (1 s in-app and WebSocket, the
# five-second bar of MiFID II RTS 6 Art. 16 for every channel: deploy/prometheus/alerts.yml).
ALERT_DELIVERY_BUCKETS = (
    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 7.5, 10.0,
)  # fmt: skip
NO_REASON = "none"
# Each phase timed from the trigger, as the kill switch's record and the console show them.
PHASES = ("halted", "broadcast", "cancels_sent", "broker_confirmed")


class PrometheusMeter(Collector):
    """Meter (ports/core/metrics.py) recording into its own registry; a Collector for /metrics."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self._gate_seconds = LabelledHistogram(
            "bulwark_gate_decision_seconds",
            "Seconds to decide one order: its risk snapshot and the pre-trade gate",
            ["outcome"],
            GATE_BUCKETS,
        )
        r.register(self._gate_seconds)
        self._decisions = LabelledCounter(
            "bulwark_gate_decisions",
            "Orders decided by the gate, by outcome and first reason code ('none' if none)",
            ["outcome", "reason"],
        )
        r.register(self._decisions)
        self._phases = Histogram(
            "bulwark_kill_switch_phase_seconds",
            "Seconds from a kill switch's trigger to the end of each phase of its run",
            ["phase"],
            buckets=KILL_SWITCH_BUCKETS,
            registry=r,
        )
        self._runs = Counter(
            "bulwark_kill_switch_activations",
            "Kill-switch runs, by trigger and whether every broker confirmed no open orders",
            ["trigger", "confirmed"],
            registry=r,
        )
        self._broker_seconds = LabelledHistogram(
            "bulwark_broker_call_seconds",
            "Seconds per call to a broker adapter, by adapter and operation",
            ["adapter", "operation"],
            BROKER_BUCKETS,
        )
        r.register(self._broker_seconds)
        self._broker_errors = LabelledCounter(
            "bulwark_broker_call_errors",
            "Failed calls to a broker adapter, by adapter, operation and error code",
            ["adapter", "operation", "code"],
        )
        r.register(self._broker_errors)
        self._alert_seconds = LabelledHistogram(
            "bulwark_alert_delivery_seconds",
            "Seconds from an event to its notification's delivery, by notification type "
            "and channel",
            ["kind", "channel"],
            ALERT_DELIVERY_BUCKETS,
        )
        r.register(self._alert_seconds)
        # Series looked up once per label set, by the key the caller already has.
        self._gate_children: dict[str, HistogramSeries] = {}
        self._decision_children: dict[tuple[str, str], CounterSeries] = {}
        self._broker_children: dict[tuple[str, str], HistogramSeries] = {}
        self._alert_children: dict[tuple[str, str], HistogramSeries] = {}

    def collect(self) -> Iterable[Metric]:
        return self.registry.collect()

    # -- Meter -----------------------------------------------------------------------
    def gate_decision(self, decision: Decision, seconds: float) -> None:
        if decision.approved:  # an approval has no denying verdict: skip looking for one
            outcome, reason = "accepted", NO_REASON
        else:
            reasons = decision.reasons
            outcome, reason = "rejected", reasons[0].value if reasons else NO_REASON
        histogram = self._gate_children.get(outcome)
        if histogram is None:
            histogram = self._gate_children[outcome] = self._gate_seconds.labels(outcome)
        histogram.observe(seconds)
        key = (outcome, reason)
        counter = self._decision_children.get(key)
        if counter is None:
            counter = self._decision_children[key] = self._decisions.labels(*key)
        counter.inc()

    def kill_switch(self, event: KillSwitchEvent) -> None:
        confirmed = event.broker_confirmed
        self._runs.labels(event.trigger_type.value, "true" if confirmed else "false").inc()
        start = event.triggered_at
        ends: tuple[datetime | None, ...] = (
            event.halted_at,
            event.broadcast_at,
            event.cancel_sent_at,
            None,  # broker_confirmed: the run's own measure, from the request's arrival
        )
        for phase, end in zip(PHASES, ends, strict=True):
            if phase == "broker_confirmed":
                if confirmed:
                    self._phases.labels(phase).observe(event.elapsed_ms / 1000)
            elif end is not None:
                self._phases.labels(phase).observe(max((end - start).total_seconds(), 0.0))

    def broker_call(self, adapter: str, operation: str, seconds: float, error: str | None) -> None:
        key = (adapter, operation)
        histogram = self._broker_children.get(key)
        if histogram is None:
            histogram = self._broker_children[key] = self._broker_seconds.labels(*key)
        histogram.observe(seconds)
        if error is not None:
            self._broker_errors.labels(adapter, operation, error).inc()

    # -- DeliveryMeter ---------------------------------------------------------------
    def alert_delivered(self, kind: str, channel: str, seconds: float) -> None:
        key = (kind, channel)
        histogram = self._alert_children.get(key)
        if histogram is None:
            histogram = self._alert_children[key] = self._alert_seconds.labels(*key)
        histogram.observe(seconds)
