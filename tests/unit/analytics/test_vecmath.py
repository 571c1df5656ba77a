"""The branch-free exp, log and normal CDF against the C library and SciPy."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import ndtr

from domain.analytics import _vecmath as vm


def relative_error(ours: float, reference: float) -> float:
    return abs(ours - reference) / abs(reference)


def test_exp_is_within_a_few_ulp_over_the_normal_range() -> None:
    # Arrange
    rng = np.random.default_rng(3)
    xs = np.concatenate([rng.uniform(-708.0, 709.0, 1500), rng.uniform(-1.0, 1.0, 500)])

    # Act
    errors = [relative_error(vm.exp(float(x)), math.exp(float(x))) for x in xs]

    # Assert
    assert max(errors) < 4.5e-16


def test_exp_edges_are_exact_or_saturate() -> None:
    assert vm.exp(0.0) == 1.0
    assert vm.exp(-0.0) == 1.0
    assert vm.exp(-800.0) == 0.0
    assert vm.exp(710.0) == math.inf
    assert relative_error(vm.exp(709.7), math.exp(709.7)) < 4.5e-16


def test_log_is_within_a_few_ulp() -> None:
    # Arrange
    rng = np.random.default_rng(4)
    xs = np.concatenate([np.exp(rng.uniform(-700.0, 700.0, 1500)), rng.uniform(0.5, 2.0, 500)])

    # Act
    errors = [abs(vm.log(float(x)) - math.log(float(x))) for x in xs]
    relative = [e / max(abs(math.log(float(x))), 1e-300) for e, x in zip(errors, xs, strict=True)]

    # Assert
    assert max(errors) < 1e-15 * 710
    assert max(relative) < 1e-15
    assert vm.log(1.0) == 0.0


@settings(max_examples=300, deadline=None)
@given(st.floats(-38.0, 38.0))
def test_norm_cdf_matches_scipy_ndtr(x: float) -> None:
    # Act
    ours = vm.norm_cdf(x, math.exp(-0.5 * x * x))

    # Assert: 1e-16 absolute everywhere; relative 1e-12 in the lower tail (exp(-x^2/2) carries
    # the rounding of x^2 into the result).
    reference = float(ndtr(x))
    assert abs(ours - reference) <= 2.3e-16
    assert abs(ours - reference) <= max(1e-12 * reference, 1e-300)


def test_norm_cdf_is_symmetric_and_exact_at_zero() -> None:
    assert vm.norm_cdf(0.0, 1.0) == 0.5
    for x in (0.3, 1.2, 1.5, 4.0, 11.5):
        gauss = math.exp(-0.5 * x * x)
        assert abs(vm.norm_cdf(x, gauss) + vm.norm_cdf(-x, gauss) - 1.0) <= 2.3e-16
