"""The performance guard's verdict: figures against records, no timing involved."""

from __future__ import annotations

import pytest

from benchmarks.guard_compare import Record, better_of, compare

MACHINE = "Intel(R) Xeon(R) Processor, 2 CPUs"


def records(**ratios: float) -> dict[str, Record]:
    return {name: Record(ratio, MACHINE) for name, ratio in ratios.items()}


def test_figures_within_the_tolerance_pass_and_are_printed_beside_their_records() -> None:
    verdict = compare({"gate": 0.9, "orders": 1.05}, records(gate=1.0, orders=1.0), 0.15)

    assert verdict.ok
    assert verdict.failures == ()
    assert "0.9000    1.0000    -10.0%  ok" in verdict.table
    assert "1.0500    1.0000     +5.0%  ok" in verdict.table
    assert verdict.message.endswith("performance guard: passed")


def test_a_drop_past_the_tolerance_fails_naming_the_benchmark_and_the_drop() -> None:
    verdict = compare({"gate": 0.99, "orders": 0.4}, records(gate=1.0, orders=1.0), 0.15)

    assert not verdict.ok
    assert len(verdict.failures) == 1
    assert verdict.failures[0].startswith("  orders: 60.0% below its record")
    assert "ratio 0.4000 against 1.0000, tolerance 15%" in verdict.failures[0]
    assert MACHINE in verdict.failures[0]
    assert "performance guard: FAILED" in verdict.message


def test_the_tolerance_is_the_boundary() -> None:
    assert compare({"gate": 0.86}, records(gate=1.0), 0.15).ok
    assert not compare({"gate": 0.84}, records(gate=1.0), 0.15).ok
    assert compare({"gate": 0.84}, records(gate=1.0), 0.20).ok


def test_a_recorded_benchmark_left_unmeasured_fails() -> None:
    verdict = compare({"gate": 1.0}, records(gate=1.0, http=2.0), 0.15)

    assert not verdict.ok
    assert "NOT MEASURED" in verdict.table
    assert verdict.failures == ("  http: recorded (2.0000) but not measured",)


def test_a_new_benchmark_without_a_record_is_reported_without_failing() -> None:
    verdict = compare({"gate": 1.0, "new": 3.0}, records(gate=1.0), 0.15)

    assert verdict.ok
    assert "no record yet" in verdict.table


def test_a_figure_far_above_its_record_passes_and_asks_for_a_new_baseline() -> None:
    verdict = compare({"orders": 2.0}, records(orders=1.0), 0.15)

    assert verdict.ok
    assert "record a new baseline" in verdict.table


def test_figures_keep_the_measuring_order() -> None:
    table = compare({"b": 1.0, "a": 1.0}, records(a=1.0, b=1.0, c=1.0), 0.15).table

    assert table.index("  b ") < table.index("  a ") < table.index("  c ")


@pytest.mark.parametrize("tolerance", [0.0, 1.0, -0.1, 15.0])
def test_a_tolerance_outside_zero_to_one_is_refused(tolerance: float) -> None:
    with pytest.raises(ValueError, match="fraction"):
        compare({}, {}, tolerance)


def test_the_failing_benchmarks_are_named() -> None:
    verdict = compare({"gate": 0.5, "orders": 1.0}, records(gate=1.0, orders=1.0, http=1.0), 0.15)

    assert verdict.failed == ("gate", "http")


def test_a_confirmation_run_raises_only_the_failing_figures_and_only_upwards() -> None:
    first = {"gate": 0.5, "orders": 0.7, "http": 1.0}
    second = {"gate": 0.95, "orders": 0.6, "http": 2.0}

    assert better_of(first, second, ["gate", "orders"]) == {
        "gate": 0.95,
        "orders": 0.7,
        "http": 1.0,
    }


def test_a_regression_confirmed_by_the_second_run_still_fails() -> None:
    first = {"orders": 0.40}
    figures = better_of(first, {"orders": 0.42}, compare(first, records(orders=1.0), 0.15).failed)

    verdict = compare(figures, records(orders=1.0), 0.15)

    assert not verdict.ok
    assert verdict.failures[0].startswith("  orders: 58.0% below its record")
