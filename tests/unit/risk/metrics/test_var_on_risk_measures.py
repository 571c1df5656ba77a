"""The risk rules' VaR report runs on domain/analytics/risk_measures (one VaR code path).

The report keeps its documented convention (linear-interpolated loss quantile); where that and
risk_measures' tail-count convention overlap (c * (n - 1) = n - k, no ties) they agree exactly.
"""

from __future__ import annotations

import math
from decimal import Decimal
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics import risk_measures as rm
from domain.risk.metrics import (
    cornish_fisher_cvar,
    cornish_fisher_var,
    historical_cvar,
    historical_var,
    tail_index,
    var_report,
)

NORMAL = NormalDist()


@given(
    blocks=st.integers(min_value=1, max_value=20),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    confidence=st.sampled_from([0.95, 0.99]),
)
def test_linear_and_tail_count_conventions_agree_where_they_overlap(
    blocks: int, seed: int, confidence: float
) -> None:
    # Arrange: n = 100 m + 1 puts the linear position c (n - 1) exactly on n - k.
    sample = np.random.default_rng(seed).normal(0.0, 0.02, size=100 * blocks + 1)

    # Act
    linear = (historical_var(sample, confidence), historical_cvar(sample, confidence))
    tail_count = (rm.historical_var(sample, confidence), rm.historical_cvar(sample, confidence))

    # Assert
    assert linear[0] == tail_count[0]
    assert linear[1] == pytest.approx(tail_count[1], rel=1e-12, abs=1e-15)


def test_the_conventions_differ_off_the_overlap_and_the_report_keeps_linear() -> None:
    # Arrange: losses -0.10 ... 0.10 (n = 21); at 99% the linear position is 19.8.
    ladder = np.array([(i - 10) / 100 for i in range(21)])

    # Act
    report = var_report(ladder, Decimal(1000))

    # Assert: linear 0.098 (documented for portfolio-risk); tail-count k = 1 -> 0.10
    assert report.at_99.historical_var == pytest.approx(0.098, abs=1e-12)
    assert rm.historical_var(ladder, 0.99) == pytest.approx(0.10, abs=1e-12)


def test_cornish_fisher_cvar_without_skew_or_kurtosis_is_the_normal_cvar() -> None:
    # Act / Assert
    for confidence in (0.9, 0.95, 0.99):
        assert rm.cornish_fisher_cvar(0.001, 0.02, 0.0, 0.0, confidence) == pytest.approx(
            rm.normal_cvar(0.001, 0.02, confidence), rel=1e-13
        )


@pytest.mark.parametrize(("skew", "kurt"), [(-0.8, 2.0), (0.5, 0.7), (-0.3, 5.0)])
def test_cornish_fisher_cvar_is_the_tail_mean_of_the_expansion(skew: float, kurt: float) -> None:
    # Arrange: the tail average of -(mu + z_cf(p) sigma) over p in (0, a) by the midpoint rule.
    mean, std, confidence = 0.0005, 0.015, 0.99
    tail = 1.0 - confidence
    steps = 200_000
    probabilities = (np.arange(steps) + 0.5) * tail / steps
    quantiles = np.array([rm.cornish_fisher_quantile(p, skew, kurt) for p in probabilities])
    expected = -(mean + float(np.mean(quantiles)) * std)

    # Act
    actual = rm.cornish_fisher_cvar(mean, std, skew, kurt, confidence)

    # Assert: the midpoint rule's error at the integrable log-singularity is below 1e-5
    assert actual == pytest.approx(expected, rel=1e-4)
    assert actual >= rm.cornish_fisher_var(mean, std, skew, kurt, confidence)


def test_the_report_adds_cornish_fisher_and_the_tail_index() -> None:
    # Arrange: a seeded Student-t(4) sample of daily returns.
    sample = 0.01 * np.random.default_rng(7).standard_t(4, size=2000)

    # Act
    report = var_report(sample, Decimal(1_000_000))

    # Assert
    mean, std, skew, kurt = rm.sample_moments(sample)
    assert report.at_99.cornish_fisher_var == pytest.approx(
        rm.cornish_fisher_var(mean, std, skew, kurt, 0.99), rel=1e-15
    )
    money = Decimal(repr(report.at_99.cornish_fisher_var)) * Decimal(1_000_000)
    assert report.at_99.cornish_fisher_var_amount == money.quantize(Decimal("0.01"))
    assert report.at_95.cornish_fisher_cvar is not None
    assert report.tail_index is not None
    losses = int(np.count_nonzero(sample < 0))
    assert report.tail_index.k == math.isqrt(losses)
    # Student-t(4): the tail exponent is 4; Hill at k = sqrt(m) is a rough estimate.
    assert 2.0 < report.tail_index.alpha < 7.0


def test_a_sample_without_dispersion_or_losses_leaves_the_additions_null() -> None:
    # Arrange
    flat = [0.01, 0.01, 0.01]

    # Act
    report = var_report(flat, Decimal(100))

    # Assert: nothing to correct, no tail to fit; the historic fields are unchanged.
    assert report.at_95.cornish_fisher_var is None
    assert report.at_95.cornish_fisher_cvar_amount is None
    assert report.tail_index is None
    assert cornish_fisher_var(flat, 0.95) is None
    assert cornish_fisher_cvar(flat, 0.95) is None
    assert report.at_95.historical_var == pytest.approx(-0.01)


def test_the_hill_k_needs_ten_losses() -> None:
    # Arrange
    nine = [-0.01 * (i + 1) for i in range(9)] + [0.02] * 5
    ten = [*nine, -0.2]

    # Act / Assert
    assert rm.hill_k(nine) is None
    assert tail_index(nine) is None
    assert rm.hill_k(ten) == 3
    tail = tail_index(ten)
    assert tail is not None
    assert tail.k == 3
    assert tail.losses == 10
    assert tail.alpha == pytest.approx(rm.hill_tail_index(ten, 3), rel=1e-15)


def test_parametric_figures_match_the_analytic_normal_quantile() -> None:
    # Arrange: mu = 0.01, sigma = 0.02 (sample std of -0.01, 0.01, 0.03)
    three = [-0.01, 0.01, 0.03]

    # Act
    report = var_report(three, Decimal(1))

    # Assert
    assert report.at_99.parametric_var == pytest.approx(NORMAL.inv_cdf(0.99) * 0.02 - 0.01)
