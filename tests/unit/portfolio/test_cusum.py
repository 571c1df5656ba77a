"""Tabular CUSUM (Montgomery, Introduction to Statistical Quality Control, section 9.1).

Hand-worked series with sigma given (so every sum is checked by hand), then a seeded noisy
series with a known two-sigma shift and sigma estimated from the moving range.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from domain.portfolio.cusum import (
    D2,
    CusumResult,
    Direction,
    SigmaSource,
    cusum,
    moving_range_sigma,
)

START = date(2024, 1, 1)


def days(n: int) -> list[date]:
    return [START + timedelta(days=i) for i in range(n)]


def run(values: list[float], **kwargs: float) -> CusumResult:
    return cusum(values, days(len(values)), **kwargs)


def test_a_step_up_alarms_after_four_periods_and_again_after_the_reset() -> None:
    # Arrange: sigma 1%, k 0.5 -> K = 0.5%, h 5 -> H = 5%; from index 20 the mean is 2%,
    # so C+ grows by 2% - 0.5% = 1.5% a period: 1.5, 3.0, 4.5, 6.0 > 5 at index 23
    values = [0.0] * 20 + [0.02] * 10

    # Act
    result = run(values, sigma=0.01)

    # Assert
    assert (result.sigma, result.sigma_source) == (0.01, SigmaSource.GIVEN)
    assert [(e.start_index, e.alarm_index) for e in result.events] == [(20, 23), (24, 27)]
    first = result.events[0]
    assert (first.start, first.alarm) == (date(2024, 1, 21), date(2024, 1, 24))
    assert first.direction is Direction.UP
    # new mean estimate mu0 + K + C+/N+ = 0 + 0.5% + 6%/4 = 2%: the shift itself
    assert first.magnitude == pytest.approx(0.02, abs=1e-15)
    assert first.magnitude_sigmas == pytest.approx(2.0, abs=1e-12)
    assert first.statistic == pytest.approx(6.0, abs=1e-12)


def test_a_step_down_is_a_down_event() -> None:
    # Arrange: mean -3% from index 10: C- grows 2.5% a period: 2.5, 5.0 (not > 5), 7.5 at 12
    values = [0.0] * 10 + [-0.03] * 3

    # Act
    result = run(values, sigma=0.01)

    # Assert
    assert len(result.events) == 1
    event = result.events[0]
    assert (event.start_index, event.alarm_index, event.direction) == (10, 12, Direction.DOWN)
    assert event.magnitude == pytest.approx(-(0.005 + 0.075 / 3), abs=1e-15)  # -3%


def test_noise_inside_the_slack_never_accumulates() -> None:
    # Arrange: +-0.4% around a 0 target, slack 0.5%: both sums stay at 0
    values = [0.004, -0.004] * 50

    # Act
    result = run(values, sigma=0.01)

    # Assert
    assert result.events == ()


def test_the_target_mean_moves_the_reference() -> None:
    # Arrange: a steady 1% active return is a shift from a 0 target, none from a 1% target
    values = [0.01] * 40

    # Act
    off_target = run(values, sigma=0.01)
    on_target = run(values, sigma=0.01, target=0.01)

    # Assert
    assert off_target.events and off_target.events[0].direction is Direction.UP
    assert on_target.events == ()


def test_moving_range_sigma_by_hand() -> None:
    # |diffs| = 1%, 1%, 1% -> MR = 1% -> sigma = 1% / 1.128
    assert moving_range_sigma([0.0, 0.01, 0.0, 0.01]) == pytest.approx(0.01 / D2, abs=1e-15)
    assert moving_range_sigma([0.01]) is None
    assert moving_range_sigma([0.01, 0.01, 0.01]) is None


def test_a_series_without_variation_reports_no_scale_and_no_events() -> None:
    result = run([0.01] * 5)
    assert (result.sigma, result.sigma_source, result.events) == (
        None,
        SigmaSource.MOVING_RANGE,
        (),
    )


def test_a_known_two_sigma_shift_in_noise_is_found_near_where_it_starts() -> None:
    # Arrange: 60 periods of N(0, 1%) then 60 of N(2%, 1%), seeded
    rng = np.random.default_rng(19)
    values = np.concatenate([rng.normal(0.0, 0.01, 60), rng.normal(0.02, 0.01, 60)])

    # Act (sigma estimated from the moving range)
    result = cusum(values, days(120))

    # Assert
    assert result.sigma == pytest.approx(0.01, rel=0.25)
    assert result.events, "the shift must be flagged"
    first = result.events[0]
    assert first.direction is Direction.UP
    assert 58 <= first.start_index <= 62
    assert 60 <= first.alarm_index <= 66
    assert first.magnitude == pytest.approx(0.02, rel=0.35)
    assert all(e.direction is Direction.UP and e.start_index >= 58 for e in result.events)


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="one date per value"):
        cusum([0.0, 0.1], days(1))
    with pytest.raises(ValueError, match="h > 0"):
        run([0.0, 0.1], h=0.0)
    with pytest.raises(ValueError, match="sigma"):
        run([0.0, 0.1], sigma=-1.0)
