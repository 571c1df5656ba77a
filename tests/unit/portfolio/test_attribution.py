"""Brinson attribution: a textbook table by hand, and the effects-sum-to-active property.

Worked example: the three-market portfolio of Carl Bacon, *Practical Portfolio Performance
Measurement and Attribution* (2nd ed., Wiley 2008), chapter 5 (Brinson-Hood-Beebower and
Brinson-Fachler): UK / Japanese / US equities, portfolio weights 40/30/30%, benchmark weights
40/20/40%, portfolio returns 20/-5/6%, benchmark returns 10/-4/8%; R_p = 8.3%, R_b = 6.4%,
active 1.9%. Every figure below is also re-derived by hand in its comment.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.portfolio.attribution import (
    AttributionModel,
    attribute,
    attribute_period,
    normalised,
)

W_P = [0.40, 0.30, 0.30]  # UK, Japan, US
W_B = [0.40, 0.20, 0.40]
R_P = [0.20, -0.05, 0.06]
R_B = [0.10, -0.04, 0.08]


def test_bacon_three_market_example_brinson_fachler() -> None:
    # Act
    result = attribute_period(W_P, W_B, R_P, R_B)

    # Assert
    # R_p = .4*20 + .3*-5 + .3*6 = 8.3%; R_b = .4*10 + .2*-4 + .4*8 = 6.4%
    assert result.portfolio_return == pytest.approx(0.083, abs=1e-15)
    assert result.benchmark_return == pytest.approx(0.064, abs=1e-15)
    # allocation (w_p - w_b)(R_b,i - R_b): UK 0; Japan .1(-4 - 6.4) = -1.04%;
    # US -.1(8 - 6.4) = -0.16%
    np.testing.assert_allclose(result.allocation, [0.0, -0.0104, -0.0016], atol=1e-15)
    # selection w_b (R_p,i - R_b,i): UK .4(10) = 4%; Japan .2(-1) = -0.2%; US .4(-2) = -0.8%
    np.testing.assert_allclose(result.selection, [0.04, -0.002, -0.008], atol=1e-15)
    # interaction (w_p - w_b)(R_p,i - R_b,i): UK 0; Japan .1(-1) = -0.1%; US -.1(-2) = +0.2%
    np.testing.assert_allclose(result.interaction, [0.0, -0.001, 0.002], atol=1e-15)
    assert result.totals.allocation == pytest.approx(-0.012, abs=1e-15)
    assert result.totals.selection == pytest.approx(0.030, abs=1e-15)
    assert result.totals.interaction == pytest.approx(0.001, abs=1e-15)
    assert result.totals.total == pytest.approx(0.019, abs=1e-15)  # 8.3% - 6.4%
    assert result.model is AttributionModel.BRINSON_FACHLER


def test_bacon_three_market_example_brinson_hood_beebower() -> None:
    # Act
    result = attribute_period(W_P, W_B, R_P, R_B, AttributionModel.BRINSON_HOOD_BEEBOWER)

    # Assert
    # allocation (w_p - w_b) R_b,i: UK 0; Japan .1(-4) = -0.4%; US -.1(8) = -0.8%
    np.testing.assert_allclose(result.allocation, [0.0, -0.004, -0.008], atol=1e-15)
    # the total allocation is the same as Brinson-Fachler's, only its split by sector moves
    assert result.totals.allocation == pytest.approx(-0.012, abs=1e-15)
    np.testing.assert_allclose(result.selection, [0.04, -0.002, -0.008], atol=1e-15)
    assert result.totals.total == pytest.approx(0.019, abs=1e-15)
    # per sector BHB's three effects are the contribution difference w_p R_p - w_b R_b
    np.testing.assert_allclose(
        result.sector_totals, np.multiply(W_P, R_P) - np.multiply(W_B, R_B), atol=1e-15
    )


def test_several_periods_give_one_attribution_per_row() -> None:
    # Act
    rows = attribute([W_P, W_B], [W_B, W_P], [R_P, R_B], [R_B, R_P])

    # Assert
    assert len(rows) == 2
    assert rows[0].totals.total == pytest.approx(0.019, abs=1e-15)
    # the second row swaps the roles: the 'portfolio' is the benchmark, 6.4% - 8.3%
    assert rows[1].active_return == pytest.approx(-0.019, abs=1e-15)
    assert rows[1].totals.total == pytest.approx(-0.019, abs=1e-15)


def test_mismatched_shapes_are_refused() -> None:
    with pytest.raises(ValueError, match="one length"):
        attribute_period(W_P, W_B[:2], R_P, R_B)
    with pytest.raises(ValueError, match="2-d"):
        attribute(W_P, W_B, R_P, R_B)


weights = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
returns = st.floats(min_value=-1.0, max_value=5.0, allow_nan=False)


@st.composite
def periods(draw: st.DrawFn) -> tuple[list[float], list[float], list[float], list[float]]:
    n = draw(st.integers(min_value=1, max_value=30))
    w_p = draw(st.lists(weights, min_size=n, max_size=n).filter(lambda w: sum(w) > 1e-3))
    w_b = draw(st.lists(weights, min_size=n, max_size=n).filter(lambda w: sum(w) > 1e-3))
    r_p = draw(st.lists(returns, min_size=n, max_size=n))
    r_b = draw(st.lists(returns, min_size=n, max_size=n))
    return w_p, w_b, r_p, r_b


@settings(max_examples=150, deadline=None)
@given(periods(), st.sampled_from(list(AttributionModel)))
def test_effects_sum_to_the_active_return(
    period: tuple[list[float], list[float], list[float], list[float]], model: AttributionModel
) -> None:
    # Arrange
    w_p, w_b, r_p, r_b = period
    w_p_n, w_b_n = normalised(w_p), normalised(w_b)

    # Act
    result = attribute_period(w_p_n, w_b_n, r_p, r_b, model)

    # Assert
    active = math.fsum(w_p_n * np.asarray(r_p)) - math.fsum(w_b_n * np.asarray(r_b))
    assert abs(result.totals.total - active) <= 1e-12
    assert abs(result.totals.total - result.active_return) <= 1e-12
    assert abs(math.fsum(result.sector_totals.tolist()) - active) <= 1e-12


@settings(max_examples=100, deadline=None)
@given(periods())
def test_fachler_and_hood_beebower_agree_on_the_total_allocation(
    period: tuple[list[float], list[float], list[float], list[float]],
) -> None:
    # Arrange
    w_p, w_b, r_p, r_b = period
    w_p_n, w_b_n = normalised(w_p), normalised(w_b)

    # Act
    fachler = attribute_period(w_p_n, w_b_n, r_p, r_b, AttributionModel.BRINSON_FACHLER)
    bhb = attribute_period(w_p_n, w_b_n, r_p, r_b, AttributionModel.BRINSON_HOOD_BEEBOWER)

    # Assert
    assert abs(fachler.totals.allocation - bhb.totals.allocation) <= 1e-12
    assert fachler.totals.selection == bhb.totals.selection
