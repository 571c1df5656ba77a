"""The memory benchmark: its readings of /proc, its report beside the targets, and its quick mode
run end to end (`make test` runs it): what `make run` serves, with the models, before and after
orders. Sizes are printed, never asserted: the machine's other work moves them."""

from __future__ import annotations

import os
import re

import pytest

from benchmarks.bench_memory import Figure, main, mapped_libraries, report, status_mb
from tests.inference.models_cache import built_models


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
        Figure(
            "a", 280.4, 310.0, ready_mb=250.0, said_mb=248.0, orders_mb=296.0,
            orders={201: 999, 422: 1}, libraries=[("numpy", 9.6)],
        ),
        Figure("b", 480.0, 650.0, ready_mb=460.0, orders_mb=512.0, orders={201: 1000}),
        Figure("c", 250.0, 250.0),
    ]  # fmt: skip

    # Act
    report(figures)

    # Assert
    printed = capsys.readouterr().out
    assert (
        "(a) serve --demo, BULWARK_SERVED_CONTEXTS=trading,safety: 280 MB at start (at /ready "
        "250 MB; its ready line said 248 MB; peak 310 MB; after 1,000 orders 296 MB (201 x999, "
        "422 x1))  target <= 300 MB -> met"
    ) in printed
    assert "mapped libraries, MB: numpy 10" in printed
    assert "(b) serve --demo, every context: 480 MB at start" in printed
    assert "after 1,000 orders 512 MB (201 x1000))  target <= 500 MB -> NOT met" in printed
    assert "(c) import bootstrap.app alone: 250 MB at start (peak 250 MB)  (no target)" in printed


def test_the_quick_mode_measures_both_serves_with_the_models_before_and_after_orders(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Arrange: the models `make run` builds (the tests' shared build of them)
    models = built_models()

    # Act
    main(["--quick", "--only", "a,b", "--models", str(models), "--orders", "40"])

    # Assert: each serve answered every order and said its resident size at ready
    printed = capsys.readouterr().out
    assert f"models {models}; 40 orders after start" in printed
    for case in ("a", "b"):
        line = next(x for x in printed.splitlines() if x.strip().startswith(f"({case})"))
        assert re.search(r"\d+ MB at start \(at /ready \d+ MB; its ready line said \d+ MB;", line)
        assert re.search(r"after 40 orders \d+ MB \(201 x40\)\)  target <= \d+ MB -> ", line)
