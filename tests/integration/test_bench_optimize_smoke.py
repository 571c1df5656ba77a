"""bench_optimize at CI-smoke size: every method and baseline prints its figure."""

from __future__ import annotations

import pytest

from benchmarks.bench_optimize import main


def test_a_quick_run_prints_every_method_beside_its_target_and_its_baseline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    main(["--quick"])

    # Assert
    out = capsys.readouterr().out
    for method in ("min_variance", "max_sharpe", "risk_parity", "hrp"):
        assert f"{method}, 40 assets x 250 returns:" in out
    assert out.count("(target <= 2 s -> ") == 4
    assert "closed form" in out and "SLSQP on 20 assets" in out and "Newton" in out
    hrp = next(line for line in out.splitlines() if "HRP, as published" in line)
    assert float(hrp.rsplit(" ", 1)[-1]) < 1e-12  # the same procedure, unbounded
    assert "load average:" in out
    assert "points), compiled once:" in out and "points), compiled per solve:" in out
    assert "scenario repricing: 100 positions x 100 shocks" in out  # the second figure
    assert "the 0.5 s target" in out
