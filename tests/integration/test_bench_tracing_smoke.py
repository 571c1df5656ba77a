"""The tracing benchmark at a tiny size: every figure measured, printed beside its target."""

from __future__ import annotations

import pytest

from benchmarks.bench_tracing import ON_RATIO_0, main


def test_a_tiny_run_prints_each_figure(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    main(["--requests", "60", "--rounds", "1", "--calls", "2000"])

    # Assert
    printed = capsys.readouterr().out
    assert "| no-op span (tracing off) |" in printed
    assert "target <= 500 ns" in printed
    for variant in ("tracing off", "tracing on", ON_RATIO_0):
        assert f"| {variant} |" in printed
    # 6 spans a sampled request: server, batch, gate, two commits, broker
    assert "660 spans exported" in printed  # (60 + 50 warm-up requests) x 6
