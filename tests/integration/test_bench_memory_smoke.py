"""The memory benchmark's readings of /proc and its report beside the targets."""

from __future__ import annotations

import os

import pytest

from benchmarks.bench_memory import Figure, mapped_libraries, report, status_mb


def test_the_readings_of_a_live_process_are_its_resident_set_and_mapped_libraries() -> None:
    # Act: this interpreter, which has numpy (an installed package) loaded through pytest
    import numpy  # noqa: F401

    rss, hwm = status_mb(os.getpid())
    libraries = dict(mapped_libraries(os.getpid()))

    # Assert
    assert 0 < rss <= hwm
    assert libraries["numpy"] > 0


def test_the_report_prints_each_figure_beside_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    figures = [
        Figure("a", 280.4, 310.0, ready_mb=250.0, after_mb=290.0, libraries=[("numpy", 9.6)]),
        Figure("b", 612.0, 650.0, ready_mb=560.0, after_mb=615.0),
        Figure("c", 250.0, 250.0),
    ]

    # Act
    report(figures)

    # Assert
    printed = capsys.readouterr().out
    assert (
        "(a) serve, BULWARK_SERVED_CONTEXTS=trading,safety: 280 MB at start "
        "(at /ready 250 MB; peak 310 MB; after requests 290 MB)  target <= 300 MB -> met"
    ) in printed
    assert "mapped libraries, MB: numpy 10" in printed
    assert "(b) serve --demo, every context: 612 MB at start" in printed
    assert "target <= 500 MB -> NOT met" in printed
    assert "(c) import bootstrap.app alone: 250 MB at start (peak 250 MB)  (no target)" in printed
