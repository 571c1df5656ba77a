"""domain/analytics/scenarios: a shock repricing by hand, the correlation model, identities."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.scenarios.factors import (
    FACTORS,
    Factor,
    InvalidCorrelation,
    InvalidScenario,
    Scenario,
    SingularCorrelation,
    complete,
    correlation_model,
    mahalanobis,
)
from domain.analytics.scenarios.repricing import (
    EmptyPortfolio,
    Sensitivities,
    StressPosition,
    exposures,
    pnl_matrix,
    reprice,
    shock_matrix,
)

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

D = Decimal
IDENTITY = [[1.0 if i == j else 0.0 for j in range(5)] for i in range(5)]
VOLS = {Factor.EQUITY: 0.16, Factor.RATES: 90.0, Factor.OIL: 0.35, Factor.USD: 0.08,
        Factor.CREDIT: 50.0}  # fmt: skip


def scenario(name: str = "s", **moves: float) -> Scenario:
    shocks = {Factor(k): v for k, v in moves.items()}
    return Scenario(name, shocks, frozenset(shocks))


def test_a_stock_and_a_bond_repriced_by_hand() -> None:
    # Arrange: 1,000,000 of stock (beta 1.2) and 500,000 of a bond (duration 6, convexity 50,
    # spread duration 5); equity -20 %, rates +100 bp, credit +50 bp
    positions = [
        StressPosition("STOCK", D("1000000"), Sensitivities(beta_equity=1.2)),
        StressPosition("BOND", D("500000"),
                       Sensitivities(duration=6, convexity=50, spread_duration=5)),
    ]  # fmt: skip

    # Act
    (result,) = reprice(positions, [scenario("crash", equity=-0.2, rates=100, credit=50)])

    # Assert: stock 1,000,000 x 1.2 x -0.20 = -240,000.
    # bond 500,000 x (-6 x 0.01 + 0.5 x 50 x 0.0001 - 5 x 0.005) = 500,000 x -0.0825 = -41,250
    assert result.pnl == D("-281250.00")
    assert result.by_factor[Factor.EQUITY] == D("-240000.00")
    assert result.by_factor[Factor.RATES] == D("-28750.00")  # -30,000 + 1,250 of convexity
    assert result.by_factor[Factor.CREDIT] == D("-12500.00")
    assert result.by_factor[Factor.OIL] == result.by_factor[Factor.USD] == D("0.00")
    assert result.pnl_fraction == pytest.approx(-281250 / 1_500_000)
    assert result.worst_positions == (("STOCK", D("-240000.00")), ("BOND", D("-41250.00")))


def test_a_short_hedge_offsets_and_is_counted_apart() -> None:
    # Arrange: long 100 of beta 1, a short index future worth -60 (a hedge)
    positions = [
        StressPosition("LONG", D(100), Sensitivities(beta_equity=1.0)),
        StressPosition("SHORT", D(-60), Sensitivities(beta_equity=1.0), hedge=True),
    ]

    # Act
    (result,) = reprice(positions, [scenario(equity=-0.10)])

    # Assert: core -10, hedge +6, total -4
    assert (result.core_pnl, result.hedge_pnl, result.pnl) == (D("-10.00"), D("6.00"), D("-4.00"))
    assert result.worst_positions == (("LONG", D("-10.00")),)


def test_no_positions_and_out_of_range_inputs_are_refused() -> None:
    # Act / Assert
    with pytest.raises(EmptyPortfolio) as empty:
        reprice([], [scenario(equity=-0.1)])
    assert empty.value.code == "EMPTY_PORTFOLIO"
    wild = [StressPosition("X", D(1), Sensitivities(beta_equity=1e9))]
    with pytest.raises(InvalidScenario) as refused:
        reprice(wild, [scenario(equity=-0.1)])
    assert refused.value.field == "positions[0].beta_equity"
    with pytest.raises(InvalidScenario):
        reprice([StressPosition("X", D(1), Sensitivities())], [])


def test_the_correlation_model_fills_in_the_factors_a_scenario_leaves_out() -> None:
    # Arrange: equity and credit correlated -0.6 (vols 0.16 and 50 bp), the rest independent
    corr = [row[:] for row in IDENTITY]
    corr[0][4] = corr[4][0] = -0.6
    model = correlation_model(VOLS, corr)

    # Act: only equity -20 % is named
    filled = complete("equity only", {Factor.EQUITY: -0.20}, model)

    # Assert: E[credit | equity] = rho x s_c / s_e x x_e = -0.6 x 50 / 0.16 x -0.20 = +37.5 bp
    assert filled.shocks[Factor.CREDIT] == pytest.approx(37.5)
    assert filled.shocks[Factor.RATES] == pytest.approx(0.0)
    assert filled.given == frozenset({Factor.EQUITY})


def test_without_a_model_the_other_factors_stay_at_zero() -> None:
    # Act
    filled = complete("x", {Factor.OIL: 0.3}, None)

    # Assert
    assert filled.vector().tolist() == [0.0, 0.0, 0.3, 0.0, 0.0]


def test_mahalanobis_distance_by_hand() -> None:
    # Arrange: independent factors: the distance is sqrt(sum (x_i / s_i)^2)
    model = correlation_model(VOLS, IDENTITY)
    crash = scenario(equity=-0.32, rates=90)

    # Act
    distance = mahalanobis(crash, model)

    # Assert: (-0.32 / 0.16)^2 + (90 / 90)^2 = 4 + 1; sqrt(5)
    assert distance == pytest.approx(math.sqrt(5))


def test_broken_correlation_matrices_are_refused() -> None:
    # Arrange
    asymmetric = [row[:] for row in IDENTITY]
    asymmetric[0][1] = 0.5
    not_psd = [row[:] for row in IDENTITY]
    not_psd[0][1] = not_psd[1][0] = 0.9
    not_psd[0][2] = not_psd[2][0] = 0.9
    not_psd[1][2] = not_psd[2][1] = -0.9
    perfect = [row[:] for row in IDENTITY]
    perfect[0][4] = perfect[4][0] = -1.0

    # Act / Assert
    for matrix in (asymmetric, not_psd, [[1.0]], [[2.0] * 5] * 5):
        with pytest.raises(InvalidCorrelation):
            correlation_model(VOLS, matrix)
    singular = correlation_model(VOLS, perfect)
    with pytest.raises(SingularCorrelation):
        complete("both", {Factor.EQUITY: -0.1, Factor.CREDIT: 10.0}, singular)
    with pytest.raises(InvalidCorrelation) as negative_vol:
        correlation_model({**VOLS, Factor.USD: -1.0}, IDENTITY)
    assert negative_vol.value.field == "volatilities.usd"


sensitivity = st.floats(min_value=-5, max_value=5, allow_nan=False)
value = st.integers(min_value=-(10**9), max_value=10**9)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(value, sensitivity, sensitivity, sensitivity), min_size=1, max_size=20),
    st.lists(st.tuples(st.floats(-0.5, 0.5), st.floats(-300, 300)), min_size=1, max_size=10),
)
def test_factor_contributions_add_up_and_scaling_is_linear(
    book: list[tuple[int, float, float, float]], moves: list[tuple[float, float]]
) -> None:
    # Arrange
    positions = [
        StressPosition(f"p{i}", D(v), Sensitivities(beta_equity=b, duration=d, convexity=abs(c)))
        for i, (v, b, d, c) in enumerate(book)
    ]
    scenarios = [scenario(f"s{j}", equity=e, rates=r) for j, (e, r) in enumerate(moves)]
    _, linear, convex = exposures(positions)

    # Act
    result = pnl_matrix(linear, convex, shock_matrix(scenarios))
    doubled = pnl_matrix(2 * linear, 2 * convex, shock_matrix(scenarios))

    # Assert: the factor split adds up to the total; doubling the book doubles the P&L
    totals = result.pnl.sum(axis=0)
    scale = max(1.0, float(np.abs(result.pnl).sum()))
    assert np.allclose(result.by_factor.sum(axis=0), totals, atol=1e-9 * scale)
    assert np.allclose(doubled.pnl, 2 * result.pnl, atol=1e-9 * scale)
    assert result.by_factor.shape == (len(FACTORS), len(scenarios))
