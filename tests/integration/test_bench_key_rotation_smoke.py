"""The key-rotation benchmark at a tiny size, and its report's figure beside the target."""

from __future__ import annotations

import pytest

from benchmarks.bench_key_rotation import Result, measure, parse, report


def test_a_tiny_run_rotates_every_record_in_the_sqlite_store() -> None:
    # Arrange
    args = parse(["--records", "120", "--batch", "50"])

    # Act
    result = measure(args)

    # Assert
    assert (result.records, result.batch, result.upgraded) == (120, 50, 120)
    assert result.rotate_s > 0 and result.rewrap_only_s > 0


def test_the_report_prints_the_figure_beside_the_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: 50,000 records in 20 s is 40 s per 100,000, over the 30 s target
    result = Result(50_000, 500, 20.0, 50_000, 2.0)

    # Act
    report(result)

    # Assert
    printed = capsys.readouterr().out
    assert "rotate() 50,000 sealed records v1 -> v2: 20.00 s, 50,000 upgraded" in printed
    assert "(40.00 s per 100,000; target <= 30 s per 100,000 -> NOT met)" in printed
    assert "beside the re-wrap alone in memory: 2.00 s (10% of the rotation" in printed
