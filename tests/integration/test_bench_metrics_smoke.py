"""bench_metrics runs end to end on a few calls and prints each figure beside its target."""

from __future__ import annotations

import pytest

from benchmarks.bench_metrics import TARGETS, main


def test_a_quick_run_prints_every_measurement_with_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    main(["--calls", "2000", "--rounds", "1"])

    # Assert
    out = capsys.readouterr().out
    for name, target in TARGETS.items():
        row = next(line for line in out.splitlines() if line.startswith(f"| {name} |"))
        assert f"<= {target:g}" in row
        assert row.rstrip().endswith(("| ok |", "| OVER |"))
