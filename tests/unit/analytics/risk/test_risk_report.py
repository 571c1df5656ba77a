"""risk_report: VaR / CVaR per method and confidence on risk_measures, sqrt-time horizon."""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics import risk_measures as rm
from domain.analytics.risk_report import risk_report

NORMAL = NormalDist()


def test_every_row_is_the_risk_measures_figure() -> None:
    # Arrange
    sample = np.random.default_rng(3).standard_t(5, size=1000) * 0.01
    mean, std, skew, kurt = rm.sample_moments(sample)

    # Act
    report = risk_report(sample, (0.95, 0.99))

    # Assert
    rows = {(r.method, r.confidence): r for r in report.rows}
    assert len(rows) == 6
    for c in (0.95, 0.99):
        assert rows["historical", c].var == rm.historical_var(sample, c)
        assert rows["historical", c].cvar == rm.historical_cvar(sample, c)
        assert rows["parametric_normal", c].var == pytest.approx(
            rm.normal_var(mean, std, c), rel=1e-12
        )
        assert rows["parametric_normal", c].cvar == pytest.approx(
            rm.normal_cvar(mean, std, c), rel=1e-12
        )
        assert rows["cornish_fisher", c].var == pytest.approx(
            rm.cornish_fisher_var(mean, std, skew, kurt, c), rel=1e-12
        )
        assert rows["cornish_fisher", c].cvar == pytest.approx(
            rm.cornish_fisher_cvar(mean, std, skew, kurt, c), rel=1e-12
        )
    assert report.observations == 1000
    assert report.worst == float(sample.min())
    assert report.tail is not None
    assert report.tail.k == math.isqrt(int(np.count_nonzero(sample < 0)))


def test_a_normal_sample_is_near_the_analytic_quantile() -> None:
    # Arrange
    n, sigma = 200_000, 0.01
    sample = np.random.default_rng(5).normal(0.0, sigma, size=n)

    # Act
    report = risk_report(sample, (0.99,))

    # Assert: within 4 standard errors of the sample quantile
    z = NORMAL.inv_cdf(0.99)
    se = math.sqrt(0.99 * 0.01 / n) / (NORMAL.pdf(z) / sigma)
    for row in report.rows:
        assert row.var == pytest.approx(z * sigma, abs=4 * se)


@settings(max_examples=40, deadline=None)
@given(
    horizon=st.integers(min_value=1, max_value=252),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_horizon_figures_are_one_period_figures_times_sqrt_h(horizon: int, seed: int) -> None:
    # Arrange
    sample = np.random.default_rng(seed).normal(0.0005, 0.02, size=50)

    # Act
    report = risk_report(sample, horizon=horizon)

    # Assert
    for row in report.rows:
        assert row.var == pytest.approx(row.one_period_var * math.sqrt(horizon), rel=1e-12)
        assert row.cvar == pytest.approx(row.one_period_cvar * math.sqrt(horizon), rel=1e-12)


def test_a_flat_sample_gives_minus_the_mean_everywhere() -> None:
    # Act
    report = risk_report([0.01] * 20)

    # Assert
    assert report.moments.std == 0.0  # rounding noise of the mean is no dispersion
    for row in report.rows:
        assert row.var == pytest.approx(-0.01)
        assert row.cvar == pytest.approx(-0.01)
    assert report.tail is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sample": [0.01]}, "two outcomes"),
        ({"sample": [0.01, float("nan")]}, "finite"),
        ({"sample": [0.01, 0.02], "horizon": 0}, "horizon"),
        ({"sample": [0.01, 0.02], "methods": ("mystery",)}, "unknown methods"),
    ],
)
def test_bad_input_is_a_value_error(kwargs: dict[str, object], message: str) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match=message):
        risk_report(**kwargs)  # type: ignore[arg-type]
