"""Outcome math: realised moves, calibration bins, PSI (domain/inference/outcomes.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.inference.outcomes import (
    InvalidOutcomeInput,
    RealisedMove,
    expected_calibration_error,
    population_stability,
    realised_move,
    realised_rating,
    reliability_bins,
    score_hit,
)

prices = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
samples = st.lists(
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False), min_size=1, max_size=200
)


def test_a_sell_gains_when_the_price_falls_and_its_drawdown_is_the_worst_rise() -> None:
    # Act
    move = realised_move(100.0, [104.0, 97.0, 95.0], direction=-1)

    # Assert
    assert move.forward_return == pytest.approx(0.05)
    assert move.drawdown == pytest.approx(0.04)


def test_the_realised_rating_follows_the_adverse_excursion() -> None:
    assert realised_rating(RealisedMove(0.1, 0.0)) == "SAFE"
    assert realised_rating(RealisedMove(-0.01, 0.02)) == "CAUTION"
    assert realised_rating(RealisedMove(-0.06, 0.06)) == "DANGER"


def test_a_score_is_right_when_the_price_moves_its_way_and_unjudged_without_a_call() -> None:
    assert score_hit(0.4, 0.01) is True
    assert score_hit(-0.4, 0.01) is False
    assert score_hit(0.0, 0.01) is None


def test_bad_prices_and_bins_are_refused() -> None:
    with pytest.raises(InvalidOutcomeInput):
        realised_move(0.0, [1.0], 1)
    with pytest.raises(InvalidOutcomeInput):
        realised_move(1.0, [], 1)
    with pytest.raises(InvalidOutcomeInput):
        reliability_bins([1.2], [True])
    with pytest.raises(InvalidOutcomeInput):
        population_stability([1.0], [1.0], bins=1)


def test_reliability_bins_put_each_prediction_in_its_bin() -> None:
    # Act
    bins = reliability_bins([0.05, 0.95, 0.91, 1.0], [False, True, False, True], bins=10)

    # Assert
    assert bins[0].count == 1 and bins[0].hit_rate == 0.0
    assert bins[9].count == 3 and bins[9].hit_rate == pytest.approx(2 / 3)
    assert bins[9].mean_confidence == pytest.approx((0.95 + 0.91 + 1.0) / 3)
    assert all(b.count == 0 and b.hit_rate is None for b in bins[1:9])
    assert expected_calibration_error(bins) == pytest.approx(
        (0.05 + 3 * abs(0.9533333 - 2 / 3)) / 4, abs=1e-6
    )


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), max_size=200))
def test_the_bins_hold_every_prediction_once(pairs: list[tuple[float, bool]]) -> None:
    bins = reliability_bins([c for c, _ in pairs], [h for _, h in pairs])
    assert sum(b.count for b in bins) == len(pairs)
    error = expected_calibration_error(bins)
    assert error is None if not pairs else 0.0 <= error <= 1.0


@given(samples)
def test_a_sample_against_itself_is_stable(values: list[float]) -> None:
    psi = population_stability(values, values)
    assert psi is not None and psi == pytest.approx(0.0, abs=1e-12)


@given(samples, samples)
def test_psi_is_never_negative(reference: list[float], current: list[float]) -> None:
    psi = population_stability(reference, current)
    assert psi is not None and psi >= -1e-12 and math.isfinite(psi)


def test_a_shifted_population_drifts_past_the_customary_threshold() -> None:
    # Arrange
    reference = [float(i % 100) for i in range(1000)]
    shifted = [v + 40.0 for v in reference]

    # Act
    psi = population_stability(reference, shifted)

    # Assert
    assert psi is not None and psi > 0.25
    assert population_stability([], shifted) is None
