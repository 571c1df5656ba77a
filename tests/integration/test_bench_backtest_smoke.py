"""The backtest benchmark at a tiny size, and its report's verdicts."""

from __future__ import annotations

import pytest

from benchmarks.bench_backtest import DAILY_TARGET, Run, measure, parse, report


async def test_a_tiny_run_sends_orders_through_the_gate_for_both_data_sets() -> None:
    # Arrange
    args = parse(["--symbols", "4", "--years", "1", "--minute-days", "5"])

    # Act
    daily, minute = await measure(args)

    # Assert
    assert daily.bars == 4 * 252 and minute.bars == 5 * 390
    assert daily.orders > 0 and daily.trades > 0
    assert 0 < daily.order_path_s < daily.wall_s


def test_the_report_prints_bars_per_second_beside_the_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: 252,000 bars in 2 s, 1 s of it in the order path for 1,000 orders
    run = Run("daily", 252_000, 1_000, 400, 10, 2.0, DAILY_TARGET, 1.0)

    # Act
    report(run)

    # Assert
    printed = capsys.readouterr().out
    assert "126,000 bars/s" in printed
    assert "target >= 200,000 bars/s -> NOT met" in printed
    assert "1,000 us per order" in printed
    assert "252,000 bars/s" in printed  # the rest: 252,000 bars in 1 s
