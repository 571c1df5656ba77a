"""The Kafka benchmark at a tiny size against the session's broker, and its verdicts."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from adapters.kafka.envelope import EnvelopeCodec
from benchmarks.bench_kafka import (
    Latency,
    Orders,
    Rate,
    parse,
    report,
    report_latency,
    report_processes,
    run,
    run_processes,
)
from benchmarks.bench_store import Store
from domain.principals import Principal, Role
from domain.trading.orders import Side
from tests.integration.kafka.bulwark import Trader
from tests.kit.schema import migrated


def _trader(n: int) -> Trader:
    owner = Principal(f"owner-{n}", Role.OWNER)
    return Trader(owner, "token", f"acc-{n}", f"agent-{n}", f"bwk_key{n}")


def _latency(latencies: list[float], backlog: int, sent: int = 100) -> Latency:
    return Latency(1000.0, 0.1, Rate(sent, 0.1), backlog, latencies, Counter())


async def test_a_tiny_run_decides_every_command_and_prints_the_targets(
    kafka_bootstrap: str, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    await migrated(sqlite_url)
    store = Store("sqlite", sqlite_url, "SQLite test file")
    args = parse(["--commands", "40", "--rate", "20", "--seconds", "1", "--accounts", "2"])

    # Act
    raw, e2e, lat = await run(args, kafka_bootstrap, store)
    report(args, raw, e2e, lat, "the session's broker", store)

    # Assert
    assert [r.count for r in raw] == [40, 40]
    assert (e2e.rate.count, e2e.approved, e2e.denied, e2e.dead_letters) == (40, 40, 0, 0)
    assert e2e.filled == 40
    assert e2e.start_s > 0
    assert e2e.cpu_s is not None and e2e.cpu_s > 0
    assert lat is not None and lat.sent.count == 20
    assert all(ms >= 0 for ms in lat.latencies_ms)
    printed = capsys.readouterr().out
    assert "approved 40, filled 40" in printed
    assert "(no target for sqlite)" in printed
    assert "% of the broker's raw produce rate and" in printed
    assert re.search(r"CPU [\d,]+ us per command \(this process", printed)
    assert "consumer start (member start -> partitions owned):" in printed
    assert "target p99 <= 20 ms at 20/s ->" in printed


async def test_a_tiny_process_run_fills_every_order_through_a_consume_process(
    kafka_bootstrap: str, sqlite_url: str, redis_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    await migrated(sqlite_url)
    store = Store("sqlite", sqlite_url, "SQLite test file")
    args = parse(["--process-commands", "30", "--members", "1", "--rate", "0", "--accounts", "2"])

    # Act
    runs = await run_processes(args, kafka_bootstrap, store, redis_url)
    report_processes(runs)

    # Assert
    one = runs.by_members[1]
    assert (one.rate.count, one.approved, one.filled) == (30, 30, 30)
    assert one.cpu_s is not None and one.cpu_s >= 0  # /proc counts in clock ticks
    start = runs.start
    assert 0 < start.imports_s <= start.resources_s <= start.owned_s
    assert start.resources_s <= start.consumers_s
    restart = runs.restarts["SIGTERM"]
    assert restart.stop_s > 0 and restart.phases.owned_s > 0
    printed = capsys.readouterr().out
    assert "start, exec -> partitions owned:" in printed
    assert "restart after SIGTERM, the old one stopped in" in printed
    assert "1 process, one group" in printed
    assert "(the consume processes:" in printed


def test_orders_keep_each_account_on_one_side_keyed_and_signed_by_its_agent() -> None:
    # Arrange
    orders = Orders([_trader(0), _trader(1)])
    codec = EnvelopeCodec()

    # Act
    records = [orders.next("bulk") for _ in range(4)]

    # Assert
    decoded = [(codec.decode(value, key), headers) for value, key, headers in records]
    sides = [(env.account_id, env.payload.side) for env, _ in decoded]  # type: ignore[union-attr]
    assert sides == [("acc-0", Side.BUY), ("acc-1", Side.SELL)] * 2
    assert [h for _, h in decoded][:2] == [
        [("authorization", b"bwk_key0")],
        [("authorization", b"bwk_key1")],
    ]
    assert {env.correlation_id for env, _ in decoded} == {"bulk"}


def test_latency_with_a_small_backlog_and_all_decided_kept_up() -> None:
    # Arrange
    latency = _latency([float(ms) for ms in range(1, 101)], backlog=5)

    # Act / Assert
    assert latency.kept_up
    assert (latency.pct(0.5), latency.pct(0.99)) == (51.0, 100.0)


@pytest.mark.parametrize(("decided", "backlog"), [(100, 500), (90, 5)])
def test_latency_with_a_growing_backlog_or_missing_decisions_did_not_keep_up(
    decided: int, backlog: int
) -> None:
    # Arrange
    latency = _latency([1.0] * decided, backlog=backlog)

    # Act / Assert
    assert not latency.kept_up


def test_a_run_that_did_not_keep_up_prints_no_p99(capsys: pytest.CaptureFixture[str]) -> None:
    # Arrange
    latency = _latency([900.0] * 10, backlog=90)

    # Act
    report_latency(latency)

    # Assert
    printed = capsys.readouterr().out
    assert "did NOT keep up" in printed
    assert re.search(r"p99 \d", printed) is None
    assert "-> NOT met" in printed
