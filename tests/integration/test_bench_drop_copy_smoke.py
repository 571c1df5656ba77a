"""bench_drop_copy at smoke size: both targets measured, every message arrived, each figure
printed beside its target; and the report's lines."""

from __future__ import annotations

import pytest

from benchmarks.bench_drop_copy import Cost, Delay, main, parse, report
from benchmarks.bench_store import Store


def test_a_tiny_run_measures_both_targets_and_the_order_path(
    kafka_bootstrap: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Act
    main(["--orders", "12", "--rate", "40", "--burst", "80", "--bootstrap", kafka_bootstrap])

    # Assert
    out = capsys.readouterr().out
    assert out.count("target p99 <= 1000 ms ->") == 2
    assert out.count("(every message arrived)") == 2
    assert "drop copy off" in out and "drop copy recording only" in out
    assert "drop copy on (webhook)" in out


def test_the_report_prints_percentiles_beside_the_target_and_the_cost(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    args = parse(["--orders", "500", "--rate", "50", "--burst", "2000"])
    delays = [
        Delay("webhook", 500, 0.012, 0.150, 0.2, 1500, 1500, 0, (0.004, 0.006, 0.001)),
        Delay("kafka", 500, 0.030, 1.2, 1.5, 1490, 1500, 2, (0.004, 0.02, 0.006)),
    ]
    costs = [Cost("off", 2000, 2.0, 1.0), Cost("on (webhook)", 2000, 2.5, 1.5)]

    # Act
    report(Store("sqlite", "sqlite://", "SQLite temp file"), args, delays, costs, "")

    # Assert
    out = capsys.readouterr().out
    assert "webhook  500 fills: p50 12.0 ms, p99 150.0 ms, worst 200.0 ms" in out
    assert "target p99 <= 1000 ms -> met" in out and "-> NOT met" in out
    assert "1,490 of 1,500 messages (MESSAGES MISSING), 2 repeats" in out
    assert "medians: fill -> recorded 4.0 ms, -> sent 6.0 ms, -> arrived 1.0 ms" in out
    assert "1,000 orders/s" in out and "800 orders/s" in out and "(-20% orders/s)" in out
