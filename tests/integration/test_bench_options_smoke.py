"""bench_options at CI-smoke size: every engine runs, agrees with Bulwark, and prints its rate."""

from __future__ import annotations

import re

import pytest

from benchmarks.bench_options import main


def test_a_quick_run_prints_every_engine_with_its_rate_and_the_targets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    main(["--quick"])

    # Assert
    out = capsys.readouterr().out
    for engine in (
        "Bulwark bsm_greeks (numba)",
        "py_vollib_vectorized",
        "NumPy/SciPy (ndtr)",
        "QuantLib AnalyticEuropeanEngine loop",
        "Bulwark implied_volatility (numba)",
        "scipy brentq loop",
        "QuantLib impliedVolatility loop",
    ):
        assert re.search(rf"\| {re.escape(engine)} \| [\d,]+ \| [\d,]+ \|", out), engine
    assert "target >= 40M/s ->" in out
    assert "target >= 40x ->" in out
    assert "target >= 8M/s ->" in out
    # The NumPy/SciPy and QuantLib Greeks agree with Bulwark's to rounding.
    for engine in ("NumPy/SciPy (ndtr)", "QuantLib AnalyticEuropeanEngine loop"):
        line = next(x for x in out.splitlines() if x.startswith(f"| {engine} |"))
        price_diff = float(re.search(r"price ([0-9.e+-]+)", line).group(1))  # type: ignore[union-attr]
        assert price_diff < 1e-9
