"""The reconciliation reports' store: one contract on memory, SQLite and PostgreSQL (migration
0059's table)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from adapters.memory.reconciliation import InMemoryReconciliationReports
from adapters.postgres.reconciliation import SqlReconciliationReports
from domain.reconciliation.drift import Drift, OrderDrift, PositionDrift
from domain.reconciliation.report import AccountReport
from ports.reconciliation.reports import ReconciliationReports
from tests.integration.store.conftest import T0, StoreUnderTest

DRIFT = Drift(
    (PositionDrift("AAPL", Decimal("10"), Decimal("10.5")),),
    (OrderDrift("c-1", "AAPL", "venue"), OrderDrift("c-2", "MSFT", "bulwark")),
)


def in_memory() -> ReconciliationReports:
    return InMemoryReconciliationReports()


def on_sql(engine: Any) -> ReconciliationReports:
    return SqlReconciliationReports(engine)


@pytest.fixture
def reports(store: StoreUnderTest) -> ReconciliationReports:
    return store.adapter(in_memory, on_sql)


def report(account_id: str, connection_id: str = "vc-1", **changes: Any) -> AccountReport:
    fields: dict[str, Any] = {"drift": Drift(), "checked_at": T0, **changes}
    return AccountReport(account_id, connection_id, "alice", **fields)


async def test_an_account_never_checked_has_no_report(reports: ReconciliationReports) -> None:
    assert await reports.get("a-1") is None
    assert list(await reports.of_connection("vc-1")) == []


async def test_a_confirmed_drift_round_trips_exactly_and_replaces_the_last_report(
    reports: ReconciliationReports,
) -> None:
    # Arrange
    first = report("a-1")
    confirmed = report(
        "a-1", drift=DRIFT, confirmed=True, halted=True, checked_at=T0 + timedelta(minutes=1)
    )

    # Act
    await reports.put(first)
    await reports.put(confirmed)
    found = await reports.get("a-1")

    # Assert: the decimals and the orders as written, one report per account
    assert found == confirmed
    assert found is not None and found.state == "drift"
    assert list(await reports.of_connection("vc-1")) == [confirmed]


async def test_an_unreachable_venue_keeps_its_error_and_no_drift(
    reports: ReconciliationReports,
) -> None:
    # Arrange
    down = report("a-1", drift=None, error="503 from the venue")

    # Act
    await reports.put(down)

    # Assert
    assert await reports.get("a-1") == down


async def test_a_connections_reports_are_listed_by_account_and_no_others(
    reports: ReconciliationReports,
) -> None:
    # Arrange
    for account_id, connection_id in (("a-3", "vc-1"), ("a-1", "vc-1"), ("a-2", "vc-2")):
        await reports.put(report(account_id, connection_id))

    # Act
    listed = await reports.of_connection("vc-1")

    # Assert
    assert [r.account_id for r in listed] == ["a-1", "a-3"]
