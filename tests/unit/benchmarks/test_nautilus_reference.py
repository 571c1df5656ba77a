"""NautilusTrader's reference figures: the script's output read, rounds folded, the verdict."""

from __future__ import annotations

import pytest

from benchmarks.nautilus_reference import Figures, medians, parse, verdict

OUTPUT = (
    "some warning on stdout\n"
    '{"version": "1.221.0", "python": "3.11.7", "samples": 20000, "p50_ns": 6089, '
    '"p99_ns": 9514, "forwarded": 22000, "denied": 0}\n'
)


def test_the_last_json_line_gives_the_figures() -> None:
    figures = parse(OUTPUT)

    assert figures == Figures(6089, 9514, 20000, "1.221.0")


def test_output_without_figures_is_an_error_that_shows_the_output() -> None:
    with pytest.raises(RuntimeError, match="printed no figures:\nTraceback"):
        parse("Traceback (most recent call last):\n")


def test_a_run_with_denied_orders_is_not_a_pass_path() -> None:
    denied = OUTPUT.replace('"denied": 0', '"denied": 3')

    with pytest.raises(RuntimeError, match="denied 3 orders"):
        parse(denied)


def test_rounds_fold_to_the_median_of_each_percentile() -> None:
    rounds = [
        Figures(3000, 9000, 100, "1.221.0"),
        Figures(1000, 4000, 100),
        Figures(2000, 5000, 100),
    ]

    folded = medians(rounds)

    assert folded == Figures(2000, 5000, 300, "1.221.0")


def test_the_gate_ahead_at_p50_meets_the_target_with_the_ratio() -> None:
    line = verdict(Figures(2264, 2944, 100_000), Figures(6109, 9815, 100_000))

    assert line == (
        "target gate alone ahead of NautilusTrader's RiskEngine pass path: met "
        "(p50 2,264 vs 6,109 ns, NautilusTrader / gate = 2.70x)"
    )


def test_the_gate_behind_or_level_misses_the_target() -> None:
    assert ": MISSED (p50 7,000 vs 6,000 ns" in verdict(Figures(7000, 1, 1), Figures(6000, 1, 1))
    assert ": MISSED (p50 6,000 vs 6,000 ns" in verdict(Figures(6000, 1, 1), Figures(6000, 1, 1))
