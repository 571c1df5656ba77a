"""The kill switch's event benchmark at a tiny size: both rounds seen in order, its figures
printed beside the target."""

from __future__ import annotations

import pytest

from benchmarks.bench_killswitch_events import main

pytestmark = pytest.mark.integration


def test_two_rounds_on_sqlite_are_seen_in_order_and_reported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    (result,) = main(["--rounds", "2", "--store", "sqlite"])

    # Assert
    assert result.in_order
    assert len(result.commit_to_published) == 4  # two halts, two resumes
    assert "| sqlite | on | 2 |" in capsys.readouterr().out
