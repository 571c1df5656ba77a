"""The numba cache warm-up: nothing to do with numba off, a family runs, a failure is one line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools.warm_kernels import warm, warm_indicators_and_signals

ROOT = Path(__file__).resolve().parents[3]


def test_with_numba_off_it_says_there_is_nothing_to_warm_and_exits_0() -> None:
    # Arrange
    env = {**os.environ, "BULWARK_NUMBA": "0"}

    # Act
    done = subprocess.run(
        [sys.executable, "-m", "tools.warm_kernels"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )

    # Assert
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "warm kernels: numba is off (BULWARK_NUMBA=0): nothing to warm"
    ]


def test_the_indicator_and_signal_family_runs_without_error() -> None:
    # Act / Assert: the cheapest family (its kernels compile in seconds even on a cold cache)
    warm_indicators_and_signals()


def test_a_failing_family_is_one_line_and_the_next_family_still_runs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    ran: list[str] = []

    def broken() -> None:
        raise ValueError("no such kernel")

    families = (("broken", broken), ("fine", lambda: ran.append("fine")))

    # Act
    failed = warm(families)

    # Assert
    lines = capsys.readouterr().out.splitlines()
    assert failed == 1
    assert ran == ["fine"]
    assert lines[0] == "broken: failed: ValueError: no such kernel"
    assert re.fullmatch(r"fine: \d+\.\d s", lines[1])
    assert len(lines) == 2
