"""The kill switch's book benchmark at a tiny size: three simulated venues confirmed, the
flatten shown flat, and the figures printed beside the target."""

from __future__ import annotations

import pytest

from benchmarks.bench_killswitch_book import main

pytestmark = pytest.mark.integration


def test_a_book_over_three_venues_is_confirmed_flattened_and_reported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    figures = main(["--runs", "1", "--orders", "3", "--flatten-runs", "1"])

    # Assert
    assert (len(figures.halts), len(figures.flattens), figures.cancelled) == (1, 1, 9)
    out = capsys.readouterr().out
    assert "| activation -> every venue confirmed | 1 |" in out
    assert "| with flatten: every venue flat | 1 |" in out
