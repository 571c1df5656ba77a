"""The tolerance helper's bounds hold whatever order a sum takes, and still catch a wrong sign."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.kit.tolerance import EPS, cancelled_root, summed

terms = st.lists(
    st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False), min_size=1, max_size=200
)


@settings(max_examples=200)
@given(terms, st.randoms(use_true_random=False))
def test_a_sum_in_any_order_stays_within_the_bound_of_the_exact_sum(
    values: list[float], shuffle: random.Random
) -> None:
    # Arrange: the exact sum (fsum is correctly rounded) and the scale of the terms
    exact = math.fsum(values)
    bound = summed(math.fsum(abs(v) for v in values), terms=len(values))
    shuffled = list(values)
    shuffle.shuffle(shuffled)

    # Act: left to right, right to left, shuffled, numpy's pairwise sum and a BLAS dot product
    sums = [
        sum(values),
        sum(reversed(values)),
        sum(shuffled),
        float(np.sum(values)),
        float(np.ones(len(values)) @ np.array(values)),
    ]

    # Assert
    assert all(abs(s - exact) <= bound for s in sums), (sums, exact, bound)


def test_a_hedged_pairs_volatility_is_within_the_cancelled_root_and_a_wrong_sign_is_not() -> None:
    # Arrange: two return series that cancel up to their last bits, as log returns of closes do
    r = np.random.default_rng(3).normal(0, 0.01, 30)
    a = np.diff(np.log(100 * np.exp(np.concatenate([[0.0], np.cumsum(r)]))))
    b = np.diff(np.log(100 * np.exp(np.concatenate([[0.0], np.cumsum(-r)]))))
    covariance = np.cov(np.column_stack([a, b]), rowvar=False) * 252
    sigmas = np.sqrt(np.diag(covariance))
    hedge, wrong = np.array([0.5, 0.5]), np.array([0.5, -0.5])
    scale = float(np.abs(hedge) @ sigmas)

    # Act
    bound = cancelled_root(scale, terms=2 * len(r) + 4)
    hedged = math.sqrt(max(float(hedge @ covariance @ hedge), 0.0))
    mis_signed = math.sqrt(float(wrong @ covariance @ wrong))

    # Assert: about 1e-7 of the scale, far above eps of it and far below the scale itself
    assert hedged <= bound
    assert mis_signed > 1e6 * bound
    assert bound == pytest.approx(math.sqrt(64 * EPS) * scale)


def test_a_sum_needs_a_term_and_a_scale() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="at least one term"):
        summed(1.0, terms=0)
    with pytest.raises(ValueError, match="at least one term"):
        summed(-1.0, terms=3)
