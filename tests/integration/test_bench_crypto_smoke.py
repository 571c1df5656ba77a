"""The encryption benchmark at a tiny size, and its report's figures beside their targets."""

from __future__ import annotations

import pytest

from benchmarks.bench_crypto import Result, measure, parse, report


def test_a_tiny_run_times_every_path_and_rewraps_every_record() -> None:
    # Arrange
    args = parse(["--ops", "50", "--rewrap", "40", "--size", "64"])

    # Act
    result = measure(args)

    # Assert
    assert (result.size, result.rewrapped) == (64, 40)
    assert min(result.seal_per_s, result.open_per_s) > 0
    assert min(result.raw_encrypt_per_s, result.raw_decrypt_per_s, result.raw_fresh_key_per_s) > 0
    assert result.rewrap_s > 0


def test_the_report_prints_each_figure_beside_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: 50,000 rewraps in 20 s is 40 s per 100,000, over the 30 s target
    result = Result(1024, 50_000.0, 40_000.0, 1_000_000.0, 800_000.0, 50_000, 20.0)

    # Act
    report(result)

    # Assert
    printed = capsys.readouterr().out
    assert "envelope seal: 50,000/s (20.0 us)  beside raw AESGCM encrypt: 1,000,000/s" in printed
    assert "envelope 20.0x the raw call" in printed
    assert "rewrap 50,000 data keys v1 -> v2: 20.00 s (40.00 s per 100,000" in printed
    assert "target <= 30 s per 100,000 -> NOT met" in printed
