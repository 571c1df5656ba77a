"""bench_surveillance at CI-smoke size: every part runs and prints its figure beside its target."""

from __future__ import annotations

import pytest

from benchmarks.bench_surveillance import main


def test_a_quick_run_prints_every_figure_beside_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    main(["--days", "1", "--repeats", "1", "--keys", "200", "--no-quality"])

    # Assert
    out = capsys.readouterr().out
    assert "events/s CPU (target >= 200,000:" in out and "load average" in out
    assert "with the domain-event conversion (apply)" in out
    assert "KiB per active key" in out and "steady state" in out
