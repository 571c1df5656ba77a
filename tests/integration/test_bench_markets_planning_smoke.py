"""bench_markets_planning at CI-smoke size: every kernel runs and prints beside its target."""

from __future__ import annotations

import pytest

from benchmarks.bench_markets_planning import main


def test_a_quick_run_prints_every_figure_beside_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    main(["--quick", "--repeat", "1"])

    # Assert
    out = capsys.readouterr().out
    for label in ("impermanent loss", "pool drain", "gas z-scores", "gas cheapest",
                  "ESG score + screens + carbon", "deduction schedule"):  # fmt: skip
        assert label in out
    assert out.count("target <= 1 s ->") == 6
