"""The notification benchmark at a tiny size, and its report's figures beside the target."""

from __future__ import annotations

import pytest

from benchmarks.bench_notify import Result, measure, parse, report


def test_a_tiny_run_sends_every_delivery_on_both_stores() -> None:
    # Act
    results = measure(parse(["--events", "20", "--users", "3"]))

    # Assert: in-app is stored, WebSocket and email are sent: two deliveries per event.
    assert [(r.store, r.events, r.deliveries) for r in results] == [
        ("memory", 20, 40),
        ("sqlite", 20, 40),
    ]
    assert all(r.notify_s > 0 and r.dispatch_s > 0 for r in results)


def test_the_report_prints_the_sqlite_figure_beside_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report([Result("memory", 1000, 2000, 0.1, 0.1), Result("sqlite", 1000, 2000, 4.0, 2.0)])

    printed = capsys.readouterr().out
    assert "memory 1,000 events: notify 10,000/s, dispatch 20,000 deliveries/s" in printed
    assert "in and out 6.00 s (6.00 s per 1,000)  target <= 5 s per 1,000 -> NOT met" in printed
