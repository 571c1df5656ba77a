"""The price alert benchmark at a tiny size, and its report's figure beside the target."""

from __future__ import annotations

import pytest

from benchmarks.bench_price_alerts import Result, measure, parse, report


def test_a_tiny_run_fires_every_alert_once_in_the_crossing_round() -> None:
    # Act
    result = measure(parse(["--alerts", "40", "--symbols", "8", "--rounds", "3"]))

    # Assert
    assert (result.alerts, result.symbols, result.fired) == (40, 8, 40)
    assert result.quiet_pass_ms > 0 and result.fire_pass_ms > 0


def test_the_report_prints_the_pass_beside_its_target(capsys: pytest.CaptureFixture[str]) -> None:
    report(Result(10_000, 1_000, 62.5, 900.0, 10_000))

    printed = capsys.readouterr().out
    assert "pass without fires 62.5 ms (median)  target <= 50 ms -> NOT met" in printed
    assert "crossing round: 10,000 fires in 900.0 ms" in printed
