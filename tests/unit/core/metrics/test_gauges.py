"""Scrape-time gauges: breaker states per provider, an outbox count that may not answer, and
the job leases this process holds."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from adapters.metrics.gauges import (
    BreakerStatesCollector,
    JobLeasesCollector,
    OutboxBacklogGauge,
)
from application.market_data.providers import FeedSettings, ProviderHealth, ProviderReport
from domain.market_data.breaker import BreakerConfig, BreakerState
from domain.market_data.consensus import ConsensusPolicy
from ports.core.leases import HeldJob, JobLeaseReport


def values(*collectors: object) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    registry = CollectorRegistry()
    for collector in collectors:
        registry.register(collector)  # type: ignore[arg-type]
    text = generate_latest(registry).decode()
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def health(name: str, state: BreakerState, active: bool) -> ProviderHealth:
    return ProviderHealth(
        name=name, tier=0, state=state, forced_open=False, active=active, pinned=False,
        failure_rate=0.0, slow_rate=0.0, window_calls=0, p50_ms=None, p99_ms=None, calls=0,
        failures=0, last_error=None, last_error_at=None, rate_limit=None, cooling_until=None,
        transitions=(),
    )  # fmt: skip


def report(*providers: ProviderHealth) -> ProviderReport:
    settings = FeedSettings(1.0, BreakerConfig(), ConsensusPolicy())
    return ProviderReport(datetime(2026, 11, 23, tzinfo=UTC), None, None, providers, settings)


def test_each_provider_has_one_series_per_state_with_a_1_for_its_own() -> None:
    # Arrange
    feed = report(
        health("alpaca", BreakerState.OPEN, active=False),
        health("synthetic", BreakerState.CLOSED, active=True),
    )

    # Act
    found = values(BreakerStatesCollector(lambda: feed))

    # Assert
    def state(provider: str, name: str) -> float:
        labels = frozenset({("provider", provider), ("state", name)})
        return found[("bulwark_provider_breaker_state", labels)]

    assert [state("alpaca", s.value) for s in BreakerState] == [0, 1, 0]  # closed, open, half
    assert found[("bulwark_provider_breaker_code", frozenset({("provider", "alpaca")}))] == 2
    assert found[("bulwark_provider_active", frozenset({("provider", "synthetic")}))] == 1


def test_a_report_that_fails_leaves_the_breakers_out_of_the_scrape_not_the_scrape() -> None:
    # Arrange
    def broken() -> ProviderReport:
        raise RuntimeError("feed gone")

    # Act
    found = values(BreakerStatesCollector(broken), OutboxBacklogGauge(None))

    # Assert
    assert not [name for name, _ in found if name.startswith("bulwark_provider")]
    assert found[("bulwark_outbox_backlog", frozenset())] == 0


async def test_an_outbox_count_that_does_not_answer_in_time_keeps_the_last_figure() -> None:
    # Arrange
    answers = [7]

    async def count() -> int:
        if not answers:
            await asyncio.sleep(10)
        return answers.pop()

    gauge = OutboxBacklogGauge(count, timeout_seconds=0.01)
    await gauge.refresh()

    # Act
    await gauge.refresh()

    # Assert
    found = values(gauge)
    assert found[("bulwark_outbox_backlog", frozenset())] == 7
    assert found[("bulwark_outbox_backlog_refresh_failures", frozenset())] == 1


class Holdings:
    """This process: it runs `margin`, another process runs `kyc_purge`."""

    def report(self) -> JobLeaseReport:
        since = datetime(2026, 11, 26, tzinfo=UTC)
        return JobLeaseReport(15.0, (HeldJob("margin", since),), ("kyc_purge",))


def test_a_job_lease_is_1_where_held_and_0_where_another_process_holds_it() -> None:
    # Act
    scraped = values(JobLeasesCollector(Holdings()))

    # Assert
    assert scraped == {
        ("bulwark_job_lease_held", frozenset({("name", "margin")})): 1.0,
        ("bulwark_job_lease_held", frozenset({("name", "kyc_purge")})): 0.0,
    }
