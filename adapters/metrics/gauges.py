"""Gauges read when /metrics is scraped: provider breakers, WebSocket clients, outbox backlog,
the job leases this process holds.

Each reads its source at scrape time (a callable handed in by bootstrap), so nothing runs
between scrapes. The outbox backlog needs a query, which a synchronous collector cannot
await: the /metrics handler awaits `OutboxBacklogGauge.refresh` just before it collects.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator

import structlog
from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from application.market_data.providers import ProviderReport
from domain.market_data.breaker import BreakerState
from ports.core.leases import JobLeaseStatus

_log = structlog.get_logger("bulwark.metrics")
# Numeric encoding as well as the state label: 0 closed, 1 half-open, 2 open.
BREAKER_CODES = {BreakerState.CLOSED: 0, BreakerState.HALF_OPEN: 1, BreakerState.OPEN: 2}


class BreakerStatesCollector(Collector):
    """Each market-data provider's breaker: one series per state (1 = the state it is in)."""

    def __init__(self, report: Callable[[], ProviderReport | None]) -> None:
        self._report = report

    def collect(self) -> Iterator[Metric]:
        try:
            report = self._report()
        except Exception as exc:  # a scrape shows what it can rather than failing whole
            _log.warning("breaker_states_unread", error=type(exc).__name__)
            return
        if report is None:
            return
        states = GaugeMetricFamily(
            "bulwark_provider_breaker_state",
            "A market-data provider's circuit breaker: 1 for the state it is in, else 0",
            labels=["provider", "state"],
        )
        codes = GaugeMetricFamily(
            "bulwark_provider_breaker_code",
            "A market-data provider's circuit breaker: 0 closed, 1 half-open, 2 open",
            labels=["provider"],
        )
        active = GaugeMetricFamily(
            "bulwark_provider_active",
            "1 for the market-data provider that serves now, else 0",
            labels=["provider"],
        )
        for provider in report.providers:
            for state in BreakerState:
                states.add_metric([provider.name, state.value], float(provider.state is state))
            codes.add_metric([provider.name], BREAKER_CODES[provider.state])
            active.add_metric([provider.name], float(provider.active))
        yield from (states, codes, active)


class _CallbackMetric(Collector):
    """One unlabelled figure of `family`'s kind whose value a callable gives at scrape time."""

    family: type[GaugeMetricFamily | CounterMetricFamily]

    def __init__(self, name: str, documentation: str, value: Callable[[], float]) -> None:
        self._name = name
        self._documentation = documentation
        self._value = value

    def collect(self) -> Iterator[Metric]:
        yield self.family(self._name, self._documentation, value=self._value())


class CallbackGauge(_CallbackMetric):
    """One unlabelled gauge whose value a callable gives at scrape time."""

    family = GaugeMetricFamily


class CallbackCounter(_CallbackMetric):
    """One unlabelled counter (`name`_total) whose running total a callable gives at scrape."""

    family = CounterMetricFamily


class OutboxBacklogGauge(Collector):
    """Outbox rows committed but not yet published, as of the last refresh (0 without SQL)."""

    def __init__(
        self, count: Callable[[], Awaitable[int]] | None, timeout_seconds: float = 1.0
    ) -> None:
        self._count = count
        self._timeout = timeout_seconds
        self.pending = 0
        self.failed_refreshes = 0

    async def refresh(self) -> None:
        """Count again; a store that does not answer in time keeps the last figure."""
        if self._count is None:
            return
        try:
            self.pending = await asyncio.wait_for(self._count(), self._timeout)
        except Exception as exc:  # a scrape must not fail because the store is slow or down
            self.failed_refreshes += 1
            _log.warning("outbox_backlog_unread", error=type(exc).__name__)

    def collect(self) -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "bulwark_outbox_backlog",
            "Events committed to the transactional outbox and not yet published",
            value=self.pending,
        )
        yield GaugeMetricFamily(
            "bulwark_outbox_backlog_refresh_failures",
            "Scrapes whose outbox count did not answer in time (the figure is then stale)",
            value=self.failed_refreshes,
        )


class JobLeasesCollector(Collector):
    """Each leased background job this process knows: 1 while it holds the job's lease (runs
    it), 0 while another process does. Summed over the instances, a job at 0 has no holder."""

    def __init__(self, status: JobLeaseStatus) -> None:
        self._status = status

    def collect(self) -> Iterator[Metric]:
        report = self._status.report()
        held = GaugeMetricFamily(
            "bulwark_job_lease_held",
            "1 while this process holds the background job's lease and runs it, else 0",
            labels=["name"],  # not "job": Prometheus gives every series its scrape job's
        )
        for job in report.held:
            held.add_metric([job.name], 1.0)
        for name in report.waiting:
            held.add_metric([name], 0.0)
        yield held
