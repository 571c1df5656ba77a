"""NautilusTrader's reference figures: the script's output read, rounds folded, the verdict."""

from __future__ import annotations

import pytest

from benchmarks.nautilus_reference import BacktestFigures, Figures, medians, parse, verdict

OUTPUT = (
    "some warning on stdout\n"
    '{"version": "1.221.0", "instrument": "AAPL.XNAS", "python": "3.11.7", "samples": 20000, '
    '"p50_ns": 6089, '
    '"p99_ns": 9514, "forwarded": 22000, "denied": 0}\n'
)


def test_the_last_json_line_gives_the_figures() -> None:
    figures = parse(OUTPUT)

    assert figures == Figures(6089, 9514, 20000, "1.221.0", "AAPL.XNAS")


def test_output_without_figures_is_an_error_that_shows_the_output() -> None:
    with pytest.raises(RuntimeError, match="printed no figures:\nTraceback"):
        parse("Traceback (most recent call last):\n")


def test_a_run_with_denied_orders_is_not_a_pass_path() -> None:
    denied = OUTPUT.replace('"denied": 0', '"denied": 3')

    with pytest.raises(RuntimeError, match="denied 3 orders"):
        parse(denied)


def test_rounds_fold_to_the_median_of_each_percentile() -> None:
    rounds = [
        Figures(3000, 9000, 100, "1.221.0", "AAPL.XNAS"),
        Figures(1000, 4000, 100),
        Figures(2000, 5000, 100),
    ]

    folded = medians(rounds)

    assert folded == Figures(2000, 5000, 300, "1.221.0", "AAPL.XNAS")


def test_the_gate_twice_as_fast_as_the_equity_pass_path_meets_the_target() -> None:
    line = verdict(Figures(1400, 2944, 100_000), Figures(2830, 9815, 100_000, "", "AAPL.XNAS"))

    assert line == (
        "target gate alone >= 2x ahead of NautilusTrader's RiskEngine pass path on AAPL.XNAS "
        "(gate p50 <= 1,415 ns): met (p50 1,400 vs 2,830 ns, NautilusTrader / gate = 2.02x)"
    )


def test_the_gate_ahead_by_less_than_twice_misses_the_target() -> None:
    assert ": MISSED (p50 2,270 vs 2,830 ns" in verdict(Figures(2270, 1, 1), Figures(2830, 1, 1))
    assert ": MISSED (p50 7,000 vs 6,000 ns" in verdict(Figures(7000, 1, 1), Figures(6000, 1, 1))


def test_the_backtest_figures_give_the_rate_and_the_cpu_per_order() -> None:
    figures = BacktestFigures(orders=4_000, wall_s=2.0, cpu_s=1.6)

    assert (figures.per_s, figures.cpu_us) == (2_000.0, 400.0)
