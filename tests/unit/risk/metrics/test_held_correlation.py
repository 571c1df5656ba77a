"""The held positions' correlation and diversification ratio against independent formulas."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.risk.held_correlation import (
    MIN_RETURNS,
    HeldCorrelation,
    NoHeldCorrelation,
    held_correlation,
)
from tests.kit.tolerance import cancelled_root

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

D = Decimal
START = date(2026, 1, 5)


def closes_from(returns: np.ndarray, first: float = 100.0) -> list[tuple[date, float]]:
    """Closes whose daily log returns are `returns`, one a day from START."""
    levels = first * np.exp(np.concatenate([[0.0], np.cumsum(returns)]))
    return [(START + timedelta(days=k), float(c)) for k, c in enumerate(levels)]


def estimate(
    values: dict[str, Decimal], closes: dict[str, list[tuple[date, float]]]
) -> HeldCorrelation:
    result = held_correlation(values, closes)
    assert isinstance(result, HeldCorrelation), result
    return result


def test_three_positions_match_numpys_correlation_and_the_ratio_by_hand() -> None:
    # Arrange: 60 daily log returns of three symbols; long 6,000 A, long 3,000 B, short 1,000 C.
    rng = np.random.default_rng(7)
    common = rng.normal(0, 0.01, 60)
    returns = {
        "A": common + rng.normal(0, 0.01, 60),
        "B": 0.5 * common + rng.normal(0, 0.02, 60),
        "C": rng.normal(0, 0.015, 60),
    }
    values = {"A": D(6000), "B": D(3000), "C": D(-1000)}

    # Act
    result = estimate(values, {s: closes_from(r) for s, r in returns.items()})

    # Assert
    matrix = np.column_stack([returns[s] for s in "ABC"])
    sigmas = matrix.std(axis=0, ddof=1) * math.sqrt(252)
    weights = np.array([0.6, 0.3, -0.1])
    portfolio = math.sqrt(weights @ (np.cov(matrix, rowvar=False) * 252) @ weights)
    assert result.symbols == ("A", "B", "C") and result.observations == 60
    np.testing.assert_allclose(result.correlation, np.corrcoef(matrix, rowvar=False), atol=1e-12)
    np.testing.assert_allclose(result.volatilities, sigmas, rtol=1e-12)
    np.testing.assert_allclose(result.weights, weights, rtol=1e-15)
    assert result.portfolio_volatility == pytest.approx(portfolio, rel=1e-12)
    assert result.diversification_ratio == pytest.approx(np.abs(weights) @ sigmas / portfolio)
    assert (result.first_day, result.last_day) == (START, START + timedelta(days=60))


def test_one_position_has_a_ratio_of_one_and_opposite_twins_hedge_to_none() -> None:
    # Arrange: B's returns are A's negated; long both equally is no risk at all.
    r = np.random.default_rng(3).normal(0, 0.01, 30)
    closes = {"A": closes_from(r), "B": closes_from(-r)}

    # Act
    alone = estimate({"A": D(500)}, closes)
    hedged = estimate({"A": D(500), "B": D(500)}, closes)

    # Assert: the hedged variance w' S w cancels to zero, but its 2 * 30 centred returns and the
    # 2 x 2 quadratic form leave rounding of up to (2n + m^2) eps (sum |w_i| sigma_i)^2, and its
    # square root sqrt((2n + m^2) eps) of that scale (about 1.9e-8 here): the last bits depend
    # on the BLAS kernel (1.3e-9 under OpenBLAS's Haswell kernels, 0.0 under Sandybridge's).
    scale = sum(abs(w) * s for w, s in zip(hedged.weights, hedged.volatilities, strict=True))
    bound = cancelled_root(scale, terms=2 * hedged.observations + 2 * 2)
    assert alone.diversification_ratio == pytest.approx(1.0)
    assert alone.correlation == ((1.0,),)
    assert hedged.correlation[0][1] == pytest.approx(-1.0)
    assert hedged.portfolio_volatility == pytest.approx(0.0, abs=bound)
    assert hedged.diversification_ratio is None or hedged.diversification_ratio >= scale / bound


def test_only_days_every_symbol_has_count_and_the_window_keeps_the_last() -> None:
    # Arrange: B misses every fifth day of A's 101 closes.
    r = np.random.default_rng(5).normal(0, 0.01, 100)
    a = closes_from(r)
    b = [point for k, point in enumerate(closes_from(r[::-1])) if k % 5 != 4]

    # Act
    full = estimate({"A": D(1), "B": D(1)}, {"A": a, "B": b})
    short = held_correlation({"A": D(1), "B": D(1)}, {"A": a, "B": b}, window=25)

    # Assert: 81 common days, 80 returns; the window keeps the last 25.
    assert full.observations == 80
    assert isinstance(short, HeldCorrelation) and short.observations == 25
    assert short.last_day == full.last_day


def test_no_bars_too_few_days_and_no_positions_say_why() -> None:
    # Arrange
    few = closes_from(np.full(MIN_RETURNS - 1, 0.01))

    # Act
    missing = held_correlation({"A": D(1), "ZZ": D(2)}, {"A": few})
    too_few = held_correlation({"A": D(1)}, {"A": few})
    flat = held_correlation({"A": D(0)}, {"A": few})

    # Assert
    assert missing == NoHeldCorrelation("no stored daily bars for ZZ")
    assert isinstance(too_few, NoHeldCorrelation) and "19 daily returns" in too_few.reason
    assert flat == NoHeldCorrelation("no open positions")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(-5e4, 5e4).filter(lambda v: abs(v) > 1), min_size=2, max_size=5),
    st.integers(0, 2**31),
)
def test_long_only_ratio_is_at_least_one_and_the_matrix_is_a_correlation(
    values: list[float], seed: int
) -> None:
    # Arrange
    rng = np.random.default_rng(seed)
    symbols = [f"S{k}" for k in range(len(values))]
    closes = {s: closes_from(rng.normal(0, 0.02, 40)) for s in symbols}
    held = {s: D(repr(abs(v))) for s, v in zip(symbols, values, strict=True)}

    # Act
    result = estimate(held, closes)

    # Assert
    matrix = np.array(result.correlation)
    np.testing.assert_allclose(matrix, matrix.T)
    assert np.all(np.diag(matrix) == 1.0) and np.all(np.abs(matrix) <= 1.0)
    assert np.linalg.eigvalsh(matrix).min() > -1e-9
    assert result.diversification_ratio is not None and result.diversification_ratio >= 1 - 1e-12
