"""VaR, CVaR, Cornish-Fisher, horizon scaling and the Hill estimator against hand-worked
samples, closed forms (statistics.NormalDist) and seeded samples with a known law."""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.risk_measures import (
    cornish_fisher_quantile,
    cornish_fisher_sample_var,
    cornish_fisher_var,
    hill_tail_index,
    historical_cvar,
    historical_var,
    normal_cvar,
    normal_var,
    parametric_cvar,
    parametric_var,
    sample_moments,
    scale_to_horizon,
    tail_count,
)

# Ten daily P&L outcomes; sorted worst first: -5, -3, -1, 0, 2, 4, 6, 8, 10, 12.
TEN = [4.0, -1.0, 12.0, -5.0, 0.0, 8.0, -3.0, 2.0, 10.0, 6.0]


@pytest.mark.parametrize(
    ("confidence", "var", "cvar"),
    [
        (0.80, 3.0, 4.0),  # k = ceil(10 * 0.2) = 2: 2nd worst -3; mean of -5, -3 -> 4
        (0.70, 1.0, 3.0),  # k = 3: 3rd worst -1; mean of -5, -3, -1 -> 3
        (0.90, 5.0, 5.0),  # k = 1: the worst outcome
        (0.95, 5.0, 5.0),  # k = ceil(0.5) = 1
        (0.99, 5.0, 5.0),
        (0.50, -2.0, 1.4),  # k = 5: 5th worst is a gain of 2 -> VaR -2; mean(-5,-3,-1,0,2) = -1.4
    ],
)
def test_historical_var_and_cvar_of_a_hand_worked_sample(
    confidence: float, var: float, cvar: float
) -> None:
    # Act / Assert
    assert historical_var(TEN, confidence) == pytest.approx(var)
    assert historical_cvar(TEN, confidence) == pytest.approx(cvar)


def test_the_tail_count_is_not_fooled_by_binary_rounding() -> None:
    # 100 * (1 - 0.95) is 5.000000000000004 in binary floating point: the tail is 5, not 6
    assert tail_count(100, 0.95) == 5
    assert tail_count(100, 0.99) == 1
    assert tail_count(1000, 0.99) == 10
    assert tail_count(101, 0.95) == 6  # 5.05 -> 6
    assert tail_count(3, 0.99) == 1


def test_historical_var_of_a_large_normal_sample_is_within_sampling_error() -> None:
    # Arrange: 200 000 seeded N(0.0005, 0.01^2) daily returns
    mu, sigma, n = 0.0005, 0.01, 200_000
    sample = np.random.default_rng(18).normal(mu, sigma, n)
    for confidence in (0.95, 0.99):
        analytic = -NormalDist(mu, sigma).inv_cdf(1 - confidence)
        p = 1 - confidence
        # standard error of the empirical p-quantile: sqrt(p (1 - p) / n) / f(q)
        density = NormalDist(mu, sigma).pdf(-analytic)
        standard_error = math.sqrt(p * (1 - p) / n) / density
        # Act
        var = historical_var(sample, confidence)
        # Assert
        assert abs(var - analytic) < 4 * standard_error
        assert historical_cvar(sample, confidence) == pytest.approx(
            normal_cvar(mu, sigma, confidence), rel=0.02
        )


def test_parametric_normal_var_is_the_analytic_quantile() -> None:
    # Arrange: mean 0.1 %, std 2 % a day; z_0.99 = 2.3263478740408408
    mu, sigma = 0.001, 0.02
    # Act
    var = normal_var(mu, sigma, 0.99)
    # Assert
    assert var == -NormalDist(mu, sigma).inv_cdf(0.01)
    assert var == pytest.approx(2.3263478740408408 * sigma - mu, rel=1e-14)
    assert normal_var(0.0, 1.0, 0.95) == pytest.approx(1.6448536269514729, rel=1e-14)


def test_parametric_normal_cvar_matches_the_closed_form() -> None:
    # ES_0.975 of N(0, 1) = phi(1.959964) / 0.025 = 2.3378027922014173
    assert normal_cvar(0.0, 1.0, 0.975) == pytest.approx(2.3378027922014173, rel=1e-12)
    assert normal_cvar(0.01, 2.0, 0.975) == pytest.approx(2 * 2.3378027922014173 - 0.01)


def test_parametric_var_from_a_sample_uses_the_mean_and_sample_std() -> None:
    # TEN: mean 3.3, sample std sqrt(sum((x - 3.3)^2) / 9)
    mean = 3.3
    std = math.sqrt(sum((x - mean) ** 2 for x in TEN) / 9)
    assert parametric_var(TEN, 0.95) == pytest.approx(1.6448536269514729 * std - mean)
    assert parametric_cvar(TEN, 0.95) == pytest.approx(normal_cvar(mean, std, 0.95))


def test_cornish_fisher_equals_parametric_without_skew_or_excess_kurtosis() -> None:
    for confidence in (0.9, 0.95, 0.99, 0.999):
        assert cornish_fisher_var(0.001, 0.02, 0.0, 0.0, confidence) == normal_var(
            0.001, 0.02, confidence
        )


def test_cornish_fisher_quantile_worked_by_hand() -> None:
    # z = -1.644854 (p = 0.05), S = -0.5, K = 1:
    # z + (z^2-1)S/6 + (z^3-3z)K/24 - (2z^3-5z)S^2/36
    # z^2 = 2.705543, z^3 = -4.450224:
    # = -1.6448536 - 0.1421286 + 0.0201807 + 0.0046957 = -1.7621058
    assert cornish_fisher_quantile(0.05, -0.5, 1.0) == pytest.approx(-1.7621058, abs=1e-7)
    # negative skew and fat tails make the 95 % VaR larger than the normal one
    assert cornish_fisher_var(0.0, 1.0, -0.5, 1.0, 0.95) == pytest.approx(1.7621058, abs=1e-7)


def test_sample_moments_of_a_hand_worked_sample() -> None:
    # Arrange: 0, 0, 0, 4: mean 1, m2 = 3, m3 = (27 - 3) / 4 = 6, m4 = (81 + 3) / 4 = 21
    mean, std, skew, kurt = sample_moments([0.0, 0.0, 0.0, 4.0])
    # Assert
    assert mean == 1.0
    assert std == pytest.approx(2.0)  # sqrt(12 / 3)
    assert skew == pytest.approx(6 / 3**1.5)
    assert kurt == pytest.approx(21 / 9 - 3)
    assert cornish_fisher_sample_var([0.0, 0.0, 0.0, 4.0], 0.95) == pytest.approx(
        cornish_fisher_var(1.0, 2.0, 6 / 3**1.5, 21 / 9 - 3, 0.95)
    )


def test_square_root_of_time_scaling() -> None:
    assert scale_to_horizon(2.0, 10) == pytest.approx(2.0 * math.sqrt(10))
    assert scale_to_horizon(1.5, 1) == 1.5
    # 10-day normal zero-mean VaR is the 1-day VaR scaled: exact for i.i.d. normal
    assert scale_to_horizon(normal_var(0.0, 0.01, 0.99), 10) == pytest.approx(
        normal_var(0.0, 0.01 * math.sqrt(10), 0.99)
    )


def test_hill_index_of_a_seeded_pareto_sample_is_near_its_alpha() -> None:
    # Arrange: losses from a Pareto law with x_m = 1 and alpha = 3 (P(L > x) = x^-3)
    alpha = 3.0
    losses = np.random.default_rng(7).pareto(alpha, 100_000) + 1.0
    # Act: k = 2000; the Hill estimator's standard error is about alpha / sqrt(k) = 0.067
    estimate = hill_tail_index(-losses, 2000)
    # Assert
    assert estimate == pytest.approx(alpha, abs=0.25)


def test_hill_index_worked_by_hand() -> None:
    # losses 8, 4, 2, 1 (and a gain that is ignored); k = 2, threshold 2:
    # xi = (ln 4 + ln 2) / 2 = 1.5 ln 2, alpha = 1 / xi
    estimate = hill_tail_index([-8.0, -4.0, -2.0, -1.0, 3.0], 2)
    assert estimate == pytest.approx(1 / (1.5 * math.log(2)))


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(
    sample=st.lists(finite, min_size=1, max_size=200),
    confidence=st.floats(min_value=0.001, max_value=0.999),
)
def test_cvar_is_never_below_var(sample: list[float], confidence: float) -> None:
    var = historical_var(sample, confidence)
    cvar = historical_cvar(sample, confidence)
    assert cvar >= var - 1e-9 * max(1.0, abs(var))


@given(
    mean=finite,
    std=st.floats(min_value=0.0, max_value=1e6),
    confidence=st.floats(min_value=0.5, max_value=0.999),
)
def test_normal_cvar_is_never_below_normal_var(mean: float, std: float, confidence: float) -> None:
    var = normal_var(mean, std, confidence)
    assert normal_cvar(mean, std, confidence) >= var - 1e-9 * max(1.0, abs(var))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: historical_var([], 0.95), "empty"),
        (lambda: historical_cvar([1.0, math.nan], 0.95), "NaN"),
        (lambda: historical_var([1.0, math.inf], 0.95), "NaN or infinite"),
        (lambda: historical_var([[1.0], [2.0]], 0.95), "one-dimensional"),
        (lambda: historical_var([1.0], 1.0), "strictly between 0 and 1"),
        (lambda: historical_var([1.0], 0.0), "strictly between 0 and 1"),
        (lambda: normal_var(0.0, 1.0, 1.5), "strictly between 0 and 1"),
        (lambda: normal_var(0.0, -1.0, 0.95), "must not be negative"),
        (lambda: normal_cvar(math.nan, 1.0, 0.95), "finite"),
        (lambda: parametric_var([1.0], 0.95), "at least two"),
        (lambda: cornish_fisher_var(0.0, 1.0, math.nan, 0.0, 0.95), "finite"),
        (lambda: sample_moments([2.0, 2.0]), "no dispersion"),
        (lambda: scale_to_horizon(1.0, 0.5), "at least one period"),
        (lambda: hill_tail_index([-3.0, -2.0, -1.0], 0), "k must lie"),
        (lambda: hill_tail_index([-3.0, -2.0, -1.0], 3), "k must lie"),
        (lambda: hill_tail_index([-2.0, -2.0, -1.0], 1), "no tail"),
        (lambda: hill_tail_index([], 1), "empty"),
    ],
)
def test_invalid_inputs_raise_a_clear_value_error(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]


def test_parametric_normal_var_agrees_with_quantlib_inverse_normal() -> None:
    # Arrange: QuantLib's inverse cumulative normal (Acklam, relative error ~1.15e-9) as the
    # reference; NormalDist (Wichura AS241) is accurate to about 1e-16
    ql = pytest.importorskip("QuantLib")
    for confidence in (0.95, 0.99, 0.999):
        reference = -ql.InverseCumulativeNormal(0.001, 0.02)(1 - confidence)
        # Act / Assert
        assert normal_var(0.001, 0.02, confidence) == pytest.approx(reference, rel=5e-9)
