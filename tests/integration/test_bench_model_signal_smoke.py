"""The model signal benchmark runs end to end on a small universe and reports its figures."""

from __future__ import annotations

from benchmarks.bench_model_signal import measure, report


async def test_the_benchmark_measures_a_small_universe_and_prints_the_target() -> None:
    # Act
    result = await measure(symbols=20, rounds=3, trees=10)

    # Assert
    assert result.signals == 20 and result.p50_ms > 0 and result.p95_ms >= result.p50_ms
    assert "target <= 100 ms" in report(result)
