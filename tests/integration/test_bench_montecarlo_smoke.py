"""bench_montecarlo at CI-smoke size: both engines, numba beside NumPy, each with its figures."""

from __future__ import annotations

import re

import pytest

from benchmarks.bench_montecarlo import main


def test_a_quick_run_prints_both_engines_beside_their_numpy_twins(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    main(["--quick"])

    # Assert
    out = capsys.readouterr().out
    for engine in (
        "retirement, numba (draws in the kernel, threads)",
        "retirement, plain NumPy (use_numba=False)",
        "regime, numba",
        "regime, plain NumPy",
    ):
        assert re.search(rf"\| {re.escape(engine)}[^|]* \| [\d,]+ \| [\d.]+ \| [\d.]+ \|", out), (
            engine
        )
    assert "(same draws)" in out
    assert "ru_maxrss" in out
