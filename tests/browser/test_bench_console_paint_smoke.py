"""The console's first-paint benchmark at a tiny size: every page measured, the heaviest named
beside the target."""

from __future__ import annotations

import re

import pytest

from adapters.http.console.pages import NAV
from benchmarks.bench_console_paint import FIRST_PAINT_TARGET_MS, main


def test_a_tiny_run_paints_every_page_and_names_the_heaviest(
    binaries: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Act: one visit a page, two orders behind them
    main(["--visits", "1", "--orders", "2"])

    # Assert: a first paint in milliseconds for every page of the menu (none timed out)
    printed = capsys.readouterr().out
    for item in NAV:
        row = next(line for line in printed.splitlines() if f"`{item.path}`" in line)
        assert re.search(r"\| \d+ \(\d+\) \|", row), row
    assert "(as risk officer)" in printed  # the desk's pages, opened by a role that sees them
    assert f"<= {FIRST_PAINT_TARGET_MS:g} ms)" in printed.split("Heaviest page:")[1]
