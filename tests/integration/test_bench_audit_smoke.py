"""The audit append benchmark at a tiny size: every variant runs and prints beside the target."""

from __future__ import annotations

import pytest

from benchmarks.bench_audit import run


async def test_a_tiny_run_prints_every_variant_and_the_ratio(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    await run(32)

    # Assert
    printed = capsys.readouterr().out
    for callers in (" 1 caller(s)", "16 caller(s)"):
        for name in ("plain ", "plain-pb", "chained "):
            assert f"{callers} {name}" in printed
        assert f"{callers} chained/plain = " in printed
        assert "(target <= 2.0x)" in printed
        assert f"{callers} the chain itself: " in printed
