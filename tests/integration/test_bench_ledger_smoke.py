"""bench_ledger at CI-smoke size: every part runs and prints its figure beside its target."""

from __future__ import annotations

import gc

import pytest

from benchmarks.bench_ledger import main

# The process's collector as CPython leaves it (the suite freezes it: tests/conftest.py).
pytestmark = pytest.mark.usefixtures("thawed_collector")


def test_a_quick_run_prints_every_figure_beside_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    frozen_before = gc.get_freeze_count()

    # Act
    main(["--quick"])

    # Assert
    out = capsys.readouterr().out
    assert "engine, one process" in out and "target <= 3 s ->" in out
    assert "(kernel; median of 3" in out  # the quick run is large enough for the kernel
    assert "engine, 2 processes" in out and "ledger identical to one process" in out
    assert "Decimal engine on 40 symbols" in out and "identical ledgers" in out
    assert "reference on 4 symbols" in out and "  totals: " in out
    assert "import CSV -> parser -> PostgreSQL" in out and "target >= 50,000 rows/s ->" in out
    assert "add_transactions" in out
    assert gc.get_freeze_count() == frozen_before  # the timed part froze the heap, then thawed
