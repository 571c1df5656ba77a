"""The device-check benchmark at a tiny size, and its figure beside the target."""

from __future__ import annotations

import pytest

from benchmarks.bench_device_check import TARGET_US, line, main


async def test_a_tiny_run_prints_every_variant_beside_the_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    await main(["--logins", "120"])

    printed = capsys.readouterr().out
    assert "| check on the login's path (memory) |" in printed
    assert f"<= {TARGET_US:g} us: " in printed
    assert "| after the answer: assess, IsolationForest (sqlite) |" in printed


def test_a_figure_over_the_target_says_so() -> None:
    assert line("x", [250.0] * 100, TARGET_US) == "| x | 250.0 | 250.0 | <= 200 us: OVER |"
    assert line("x", [50.0] * 100, TARGET_US).endswith("| <= 200 us: within |")
