"""The reviewer benchmark at a tiny size, and its report's figure beside the target."""

from __future__ import annotations

import pytest

from benchmarks.bench_reviewer import Result, measure, parse, report


def test_a_tiny_run_answers_every_review_by_the_rules_after_the_budget() -> None:
    # Act
    result = measure(parse(["--reviews", "6", "--concurrency", "3", "--budget", "0.2"]))

    # Assert
    assert (result.reviews, result.fallbacks) == (6, 6)
    assert 0.15 <= result.p50_s <= result.p99_s <= result.max_s


def test_the_report_prints_the_p99_beside_its_target(capsys: pytest.CaptureFixture[str]) -> None:
    # Act
    report(Result(200, 50, 2.0, 1.99, 2.07, 2.1, 200))

    # Assert
    printed = capsys.readouterr().out
    assert "200 answered by the rules (timeout)" in printed
    assert "p99 2.070 s  target <= 2.050 s (budget + 50 ms) -> NOT met" in printed
