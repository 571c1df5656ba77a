"""The Monte Carlo calibration: the Student-t CDF and maximum likelihood and the KS test against
SciPy (the reference), and a calibration of known series (drift, volatility, correlation, fat
tails, dates, observations) with its short-history fallback."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest
from scipy import stats

from domain.analytics.montecarlo.calibration import (
    Calibration,
    NoCalibration,
    calibrate,
    calibrated_model,
    fit_student_t,
    ks_test,
    student_t_cdf,
    tail_fit,
)
from domain.analytics.montecarlo.regime_model import Regime

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type


def closes_of(returns: np.ndarray) -> np.ndarray:
    """Closes from 100 whose daily log returns are `returns` (days x assets)."""
    start = np.zeros((1, returns.shape[1]))
    return np.asarray(100.0 * np.exp(np.cumsum(np.vstack([start, returns]), axis=0)))


def days_of(count: int) -> list[date]:
    return [date(2024, 1, 1) + timedelta(days=k) for k in range(count)]


@pytest.mark.parametrize("dof", [2.05, 3.0, 5.0, 30.0, 150.0])
def test_the_t_cdf_is_scipys(dof: float) -> None:
    x = np.linspace(-12.0, 12.0, 97)

    got = student_t_cdf(x, dof)

    np.testing.assert_allclose(got, stats.t.cdf(x, dof), rtol=0, atol=1e-13)


def test_the_t_maximum_likelihood_is_scipys() -> None:
    # Arrange: 500 Student-t(4) daily returns, scale 1 %
    sample = 0.0005 + 0.01 * np.random.default_rng(1).standard_t(4, size=500)

    # Act
    fit = fit_student_t(sample)

    # Assert: the same maximum as scipy.stats.t.fit (Nelder-Mead on all three parameters)
    dof, loc, scale = stats.t.fit(sample)
    assert fit.dof == pytest.approx(dof, rel=1e-3)
    assert fit.loc == pytest.approx(loc, abs=1e-6)
    assert fit.scale == pytest.approx(scale, rel=1e-4)
    assert fit.log_likelihood == pytest.approx(stats.t.logpdf(sample, dof, loc, scale).sum())


def test_the_ks_statistic_and_its_asymptotic_p_value() -> None:
    # Arrange
    sample = np.sort(np.random.default_rng(2).normal(size=300))
    cdf = stats.norm.cdf(sample)

    # Act
    ks = ks_test(sample, cdf)

    # Assert: SciPy's statistic; the p-value the Kolmogorov tail at Stephens' lambda
    reference = stats.kstest(sample, "norm")
    lam = (math.sqrt(300) + 0.12 + 0.11 / math.sqrt(300)) * reference.statistic
    assert ks.statistic == pytest.approx(reference.statistic, rel=1e-12)
    assert ks.p_value == pytest.approx(stats.kstwobign.sf(lam), rel=1e-9)


def test_fat_tails_are_told_from_normal_ones() -> None:
    rng = np.random.default_rng(3)

    fat = tail_fit(0.01 * rng.standard_t(3, size=500))
    thin = tail_fit(0.01 * rng.normal(size=500))

    assert fat.fat_tails and fat.likelihood_ratio_p_value < 1e-6
    assert fat.ks_normal.p_value < 0.05 < fat.ks_student_t.p_value
    assert 2.0 < fat.student_t.dof < 5.0
    assert not thin.fat_tails and thin.ks_normal.p_value > 0.05


def test_a_calibration_fits_drift_volatility_correlation_and_tails() -> None:
    # Arrange: 300 days of two correlated t(4) assets
    rng = np.random.default_rng(4)
    shocks = rng.standard_t(4, size=(300, 2)) @ np.linalg.cholesky([[1, 0.6], [0.6, 1]]).T
    returns = np.array([0.0004, 0.0002]) + shocks * np.array([0.01, 0.02])
    days = days_of(301)

    # Act
    fit = calibrate(("AAA", "BBB"), days, closes_of(returns), (0.5, 0.5))

    # Assert: the named conventions, worked out from the returns themselves
    assert isinstance(fit, Calibration)
    assert (fit.observations, fit.first_day, fit.last_day) == (300, days[0], days[-1])
    for index, asset in enumerate(fit.assets):
        series = returns[:, index]
        vol = series.std(ddof=1) * math.sqrt(252)
        assert asset.volatility == pytest.approx(vol)
        assert asset.drift == pytest.approx(252 * series.mean() + vol**2 / 2)
        assert asset.tails.observations == 300
    np.testing.assert_allclose(fit.correlation, np.corrcoef(returns, rowvar=False))
    assert fit.shrinkage == 0.0
    assert fit.portfolio.fat_tails
    assert fit.student_t_dof == fit.portfolio.student_t.dof
    model = calibrated_model(fit)
    assert model.regimes == (Regime.CALIBRATED,)
    assert model.student_t_dof == fit.student_t_dof
    assert (model.jump_intensity, model.black_swan_probability) == (0.0, 0.0)
    np.testing.assert_allclose(model.parameters[0].drift, [a.drift for a in fit.assets])


def test_a_short_history_is_no_calibration_with_the_reason() -> None:
    returns = np.random.default_rng(5).normal(0, 0.01, size=(40, 1))

    fit = calibrate(("AAA",), days_of(41), closes_of(returns), (1.0,))

    assert fit == NoCalibration(
        "40 daily returns common to every asset; at least 60 needed to fit the model"
    )


def test_a_flat_series_is_no_calibration() -> None:
    flat = np.zeros((80, 1))

    fit = calibrate(("CASHLIKE",), days_of(81), closes_of(flat), (1.0,))

    assert isinstance(fit, NoCalibration) and "CASHLIKE" in fit.reason


def test_the_window_keeps_the_last_returns() -> None:
    returns = np.random.default_rng(6).normal(0, 0.01, size=(200, 1))
    days = days_of(201)

    fit = calibrate(("AAA",), days, closes_of(returns), (1.0,), window=100)

    assert isinstance(fit, Calibration)
    assert (fit.observations, fit.first_day, fit.last_day) == (100, days[100], days[-1])
    assert fit.assets[0].volatility == pytest.approx(returns[-100:, 0].std(ddof=1) * math.sqrt(252))
