"""The notification backlog benchmark at a small size, and its report beside the targets."""

from __future__ import annotations

import pytest

from benchmarks.bench_notify_backlog import Delivered, Stopped, deliver, report


def test_a_small_backlog_is_pushed_whole() -> None:
    # Act
    delivered = deliver(300)

    # Assert: every delivery of the backlog became one WebSocket push, once.
    assert (delivered.backlog, delivered.pushed) == (300, 300)
    assert delivered.seconds > 0


def test_the_report_prints_the_rate_and_the_stop_beside_their_targets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report(Delivered(20_000, 20_000, 16.0), Stopped(20_000, 10.0, 0.8, 2_500, 17_500))

    printed = capsys.readouterr().out
    assert "20,000 of a 20,000 backlog in 16.00 s: 1,250/s  target >= 2,000/s -> NOT met" in printed
    assert "SIGTERM to exit 0.80 s with 17,500 of 20,000 still pending" in printed
    assert "target <= grace 10 s -> met" in printed
