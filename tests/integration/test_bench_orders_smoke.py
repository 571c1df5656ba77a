"""The order-path benchmark at a tiny size on the memory store and SQLite, and its verdicts."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.bench_orders import Result, measure, parse, report
from benchmarks.bench_store import Store
from tests.integration.kafka.bulwark import migrated


@pytest.fixture(params=["memory", "sqlite"])
async def store(request: pytest.FixtureRequest, sqlite_url: str) -> Store:
    if request.param == "memory":
        return Store("memory", "memory://", "in-memory")
    await migrated(sqlite_url)
    return Store("sqlite", sqlite_url, "SQLite test file")


async def test_a_tiny_run_approves_every_order_and_leaves_the_accounts_flat(store: Store) -> None:
    # Arrange
    args = parse(["--orders", "64", "--accounts", "4", "--in-flight", "8"])

    # Act
    result = await measure(store, args)

    # Assert
    assert result.orders == 64  # 8 rounds of 8, an even number: each buy met by a sell
    assert (result.approved, result.reasons, result.not_flat) == (64, Counter(), 0)
    assert result.wall_s > 0 and result.cpu_s > 0


def test_the_report_prints_each_figure_beside_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: 1,000 orders in 0.5 s, 0.2 s of CPU: 2,000/s and 200 us per order
    store = Store("memory", "memory://", "in-memory")
    result = Result(store, 1_000, 0.5, 0.2, 990, Counter({"SELF_MATCH": 10}), 0)

    # Act
    report(result)

    # Assert
    printed = capsys.readouterr().out
    assert "2,000 orders/s" in printed
    assert "200 us CPU per order" in printed
    assert "target >= 10,000 orders/s -> NOT met" in printed
    assert "<= 100 us CPU per order -> NOT met" in printed
    assert "denied 10 (SELF_MATCH 10)" in printed
