"""VaR and CVaR from a returns series: historical (empirical quantile) and Gaussian."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from domain.errors import DomainError
from domain.risk.metrics import (
    InsufficientReturns,
    InvalidRiskInput,
    historical_cvar,
    historical_var,
    parametric_cvar,
    parametric_var,
    returns_from_prices,
    var_report,
)

Z_95 = 1.6448536  # standard normal 95% quantile
Z_99 = 2.3263479  # standard normal 99% quantile
ES_95 = 2.0627128  # φ(Z_95) / 0.05
ES_99 = 2.6652142  # φ(Z_99) / 0.01

# −0.10, −0.09, …, 0.10: 21 returns one percent apart.
LADDER = np.array([(i - 10) / 100 for i in range(21)], dtype=np.float64)
# mean 0.01; deviations −0.02, 0, 0.02 → sample variance (0.0004 + 0.0004) / 2 → σ = 0.02.
THREE = np.array([-0.01, 0.01, 0.03], dtype=np.float64)

returns_arrays = arrays(
    np.float64,
    st.integers(min_value=20, max_value=200),
    elements=st.floats(min_value=-0.5, max_value=0.5, allow_nan=False),
)
confidences = st.floats(min_value=0.5, max_value=0.999)


def test_historical_var_and_cvar_on_a_ladder() -> None:
    # Arrange: sorted losses −0.10 … 0.10, n = 21.

    # Act
    var_95, cvar_95 = historical_var(LADDER, 0.95), historical_cvar(LADDER, 0.95)
    var_99, cvar_99 = historical_var(LADDER, 0.99), historical_cvar(LADDER, 0.99)

    # Assert
    # 95%: position 0.95 × 20 = 19 → the 20th smallest loss, 0.09; tail {0.09, 0.10} → 0.095
    assert var_95 == pytest.approx(0.09, abs=1e-12)
    assert cvar_95 == pytest.approx(0.095, abs=1e-12)
    # 99%: position 0.99 × 20 = 19.8 → 0.09 + 0.8 × (0.10 − 0.09) = 0.098; tail {0.10}
    assert var_99 == pytest.approx(0.098, abs=1e-12)
    assert cvar_99 == pytest.approx(0.10, abs=1e-12)


def test_historical_var_interpolates_linearly_between_observations() -> None:
    # Arrange: sorted losses −0.03, −0.01, 0.01.

    # Act
    var_95 = historical_var(THREE, 0.95)

    # Assert: position 0.95 × 2 = 1.9 → −0.01 + 0.9 × (0.01 − (−0.01)) = 0.008
    assert var_95 == pytest.approx(0.008, abs=1e-12)


def test_parametric_var_uses_the_gaussian_quantile() -> None:
    # Arrange: μ = 0.01, σ = 0.02.

    # Act
    var_95, var_99 = parametric_var(THREE, 0.95), parametric_var(THREE, 0.99)

    # Assert: z·σ − μ
    assert var_95 == pytest.approx(Z_95 * 0.02 - 0.01, abs=1e-8)  # 0.022897072
    assert var_99 == pytest.approx(Z_99 * 0.02 - 0.01, abs=1e-8)  # 0.036526958


def test_parametric_cvar_is_the_gaussian_expected_shortfall() -> None:
    # Arrange: μ = 0.01, σ = 0.02.

    # Act
    cvar_95, cvar_99 = parametric_cvar(THREE, 0.95), parametric_cvar(THREE, 0.99)

    # Assert: σ·φ(z) / (1 − c) − μ
    assert cvar_95 == pytest.approx(ES_95 * 0.02 - 0.01, abs=1e-8)  # 0.031254256
    assert cvar_99 == pytest.approx(ES_99 * 0.02 - 0.01, abs=1e-8)  # 0.043304284


def test_zero_mean_parametric_var_is_z_sigma() -> None:
    # Arrange: −0.02, 0, 0.02 → μ = 0, σ = sqrt((0.0004 + 0.0004) / 2) = 0.02.
    returns = np.array([-0.02, 0.0, 0.02])

    # Act
    var_95 = parametric_var(returns, 0.95)

    # Assert: 1.6448536 × 0.02 = 0.032897072
    assert var_95 == pytest.approx(0.032897072, abs=1e-8)


def test_non_finite_observations_are_dropped() -> None:
    # Arrange
    with_gaps = np.array([-0.01, np.nan, 0.01, np.inf, 0.03])

    # Act / Assert: the same as the three finite returns.
    assert parametric_var(with_gaps, 0.95) == parametric_var(THREE, 0.95)
    assert historical_var(with_gaps, 0.95) == historical_var(THREE, 0.95)


def test_var_report_gives_fractions_and_money_to_the_cent() -> None:
    # Arrange
    value = Decimal(1_000_000)

    # Act
    report = var_report(THREE, value)

    # Assert
    assert report.observations == 3
    assert report.portfolio_value == value
    assert report.at_95.confidence == 0.95
    assert report.at_99.confidence == 0.99
    # historical 95%: 0.008 × 1,000,000 = 8,000.00; CVaR tail {0.01} → 10,000.00
    assert report.at_95.historical_var_amount == Decimal("8000.00")
    assert report.at_95.historical_cvar_amount == Decimal("10000.00")
    # historical 99%: 1.98 → −0.01 + 0.98 × 0.02 = 0.0096 → 9,600.00
    assert report.at_99.historical_var_amount == Decimal("9600.00")
    # parametric 95%: (1.64485363 × 0.02 − 0.01) × 1e6 = 22,897.0725 → 22,897.07
    assert report.at_95.parametric_var_amount == Decimal("22897.07")
    # parametric ES 95%: (2.06271281 × 0.02 − 0.01) × 1e6 = 31,254.256 → 31,254.26
    assert report.at_95.parametric_cvar_amount == Decimal("31254.26")
    # parametric 99%: (2.32634787 × 0.02 − 0.01) × 1e6 = 36,526.957 → 36,526.96
    assert report.at_99.parametric_var_amount == Decimal("36526.96")
    # parametric ES 99%: (2.66521422 × 0.02 − 0.01) × 1e6 = 43,304.284 → 43,304.28
    assert report.at_99.parametric_cvar_amount == Decimal("43304.28")
    assert report.at_95.parametric_var == pytest.approx(0.022897072, abs=1e-8)


def test_returns_from_prices_are_simple_returns() -> None:
    # Arrange
    prices = np.array([100.0, 110.0, 99.0, 99.0])

    # Act
    returns = returns_from_prices(prices)

    # Assert: 110 / 100 − 1 = 0.10; 99 / 110 − 1 = −0.10; 99 / 99 − 1 = 0
    np.testing.assert_allclose(returns, [0.10, -0.10, 0.0], atol=1e-15)
    assert returns.dtype == np.float64


@pytest.mark.parametrize("returns", [np.array([]), np.array([0.01]), np.array([0.01, np.nan])])
def test_fewer_than_two_finite_returns_raise(returns: np.ndarray) -> None:
    # Arrange / Act / Assert
    for estimate in (historical_var, historical_cvar, parametric_var, parametric_cvar):
        with pytest.raises(InsufficientReturns) as caught:
            estimate(returns, 0.95)
        assert isinstance(caught.value, DomainError)
        assert caught.value.code == "INSUFFICIENT_RETURNS"


@pytest.mark.parametrize("confidence", [0.0, 1.0, -0.5, 1.5, float("nan")])
def test_confidence_outside_the_open_unit_interval_raises(confidence: float) -> None:
    # Arrange / Act / Assert
    for estimate in (historical_var, historical_cvar, parametric_var, parametric_cvar):
        with pytest.raises(InvalidRiskInput) as caught:
            estimate(THREE, confidence)
        assert caught.value.code == "INVALID_RISK_INPUT"


def test_invalid_prices_and_portfolio_value_raise() -> None:
    # Arrange / Act / Assert
    with pytest.raises(InsufficientReturns):
        returns_from_prices(np.array([100.0]))
    with pytest.raises(InvalidRiskInput):
        returns_from_prices(np.array([100.0, 0.0, 50.0]))
    with pytest.raises(InvalidRiskInput):
        returns_from_prices(np.ones((2, 2)))
    with pytest.raises(InvalidRiskInput):
        var_report(THREE, Decimal(-1))
    with pytest.raises(InvalidRiskInput):
        var_report(THREE, Decimal("NaN"))


@given(returns=returns_arrays, confidence=confidences)
def test_historical_cvar_is_at_least_historical_var(returns: np.ndarray, confidence: float) -> None:
    # Act
    var = historical_var(returns, confidence)
    cvar = historical_cvar(returns, confidence)

    # Assert: the tail mean is never below the quantile, and neither exceeds the worst loss.
    assert cvar >= var
    assert cvar <= -float(returns.min())


@given(returns=returns_arrays, confidence=confidences)
def test_parametric_cvar_is_at_least_parametric_var(returns: np.ndarray, confidence: float) -> None:
    # Act / Assert: φ(z) / (1 − Φ(z)) > z for every z (the inverse Mills ratio bound).
    assert parametric_cvar(returns, confidence) >= parametric_var(returns, confidence)


@given(returns=returns_arrays)
def test_var_grows_with_confidence(returns: np.ndarray) -> None:
    # Act / Assert
    assert historical_var(returns, 0.99) >= historical_var(returns, 0.95)
    assert parametric_var(returns, 0.99) >= parametric_var(returns, 0.95)


# -- bounded inputs ----------------------------------------------------------------------------


def test_returns_beyond_the_bound_are_invalid_risk_input_naming_the_field() -> None:
    # Act: the returns that once raised decimal.InvalidOperation (a 500)
    with pytest.raises(InvalidRiskInput) as caught:
        var_report([1e308, -1e308, 1e308], Decimal(100_000))

    # Assert
    assert caught.value.field == "returns"


def test_returns_within_the_bound_give_finite_money() -> None:
    # Act
    report = var_report([100.0, -100.0, 100.0, -99.0], Decimal("1e15"))

    # Assert
    assert report.at_99.historical_var_amount.is_finite()
    assert report.at_99.parametric_cvar_amount.is_finite()
