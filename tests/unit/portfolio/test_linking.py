"""Carino and Menchero linking: a three-period example by hand, and the linking identity.

Worked example (three quarters, fractions): portfolio 10%, -2%, 3%; benchmark 5%, 1%, 3.5%.
Compounded: R_p = 1.10 x 0.98 x 1.03 - 1 = 11.034%, R_b = 1.05 x 1.01 x 1.035 - 1 = 9.76175%,
so the active return to explain is A = 1.27225% (the per-quarter actives add up to 1.5%).
The expected coefficients are written with the published formulas (Carino 1999; Menchero
2000; both also in Bacon, *Practical Portfolio Performance Measurement and Attribution*,
the multi-period attribution chapter),
evaluated with plain logs and powers, independently of the module's log1p / expm1 forms.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.portfolio.attribution import attribute_period, normalised
from domain.portfolio.linking import (
    LinkingMethod,
    carino,
    compound,
    link,
    linking_coefficients,
    menchero,
)

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

R_P = [0.10, -0.02, 0.03]
R_B = [0.05, 0.01, 0.035]
A = 0.0127225  # 0.11034 - 0.0976175


def test_compounded_returns_of_the_example() -> None:
    assert compound(R_P) == pytest.approx(0.11034, abs=1e-15)
    assert compound(R_B) == pytest.approx(0.0976175, abs=1e-15)


def test_carino_coefficients_by_hand() -> None:
    # Arrange: k_t = ln((1 + R_p,t)/(1 + R_b,t)) / (R_p,t - R_b,t); k = the same on the totals
    k_t = [math.log((1 + p) / (1 + b)) / (p - b) for p, b in zip(R_P, R_B, strict=True)]
    k = math.log(1.11034 / 1.0976175) / A

    # Act
    result = carino(R_P, R_B)

    # Assert
    np.testing.assert_allclose(result.coefficients, [kt / k for kt in k_t], rtol=1e-12)
    np.testing.assert_allclose(result.coefficients, [1.02713081, 1.10959817, 1.06921907], atol=5e-9)
    assert result.method is LinkingMethod.CARINO
    assert result.active_return == pytest.approx(A, abs=1e-15)
    assert math.fsum(result.coefficients * (np.array(R_P) - R_B)) == pytest.approx(A, abs=1e-15)


def test_menchero_coefficients_by_hand() -> None:
    # Arrange: M = (A/T) / ((1+R_p)^(1/T) - (1+R_b)^(1/T)); alpha_t = a_t (A - M sum a) / sum a^2
    m = (A / 3) / (1.11034 ** (1 / 3) - 1.0976175 ** (1 / 3))
    active = [p - b for p, b in zip(R_P, R_B, strict=True)]  # 5%, -3%, -0.5%
    scale = (A - m * sum(active)) / sum(a * a for a in active)

    # Act
    result = menchero(R_P, R_B)

    # Assert
    np.testing.assert_allclose(result.coefficients, [m + scale * a for a in active], rtol=1e-10)
    np.testing.assert_allclose(result.coefficients, [1.01998915, 1.09706839, 1.07298113], atol=5e-9)
    assert math.fsum(result.coefficients * np.array(active)) == pytest.approx(A, abs=1e-15)


def test_equal_returns_take_the_limits() -> None:
    # Arrange: a period with R_p,t = R_b,t, k -> 1/(1 + R); totals equal, M -> (1+R)^((T-1)/T)
    same = [0.02, 0.02]

    # Act
    c = carino(same, same)
    m = menchero(same, same)

    # Assert
    np.testing.assert_allclose(c.coefficients, [1.0404 / 1.02] * 2, rtol=1e-14)
    np.testing.assert_allclose(m.coefficients, [1.0404**0.5] * 2, rtol=1e-14)
    assert c.active_return == 0.0 == m.active_return


def test_linked_sector_effects_add_up_to_the_compounded_active_return() -> None:
    # Arrange: three sectors, three quarters of Brinson-Fachler effects
    w_p, w_b = [0.4, 0.3, 0.3], [0.4, 0.2, 0.4]
    quarters = [
        ([0.20, -0.05, 0.06], [0.10, -0.04, 0.08]),
        ([-0.03, 0.01, 0.00], [-0.02, 0.02, -0.01]),
        ([0.05, 0.04, -0.02], [0.04, 0.06, -0.01]),
    ]
    periods = [attribute_period(w_p, w_b, r_p, r_b) for r_p, r_b in quarters]
    effects = np.array([[p.allocation, p.selection, p.interaction] for p in periods])
    r_p = [p.portfolio_return for p in periods]
    r_b = [p.benchmark_return for p in periods]

    for method in LinkingMethod:
        # Act
        coefficients = linking_coefficients(method, r_p, r_b)
        linked = link(effects, coefficients)  # (3 effects x 3 sectors)

        # Assert
        assert linked.shape == (3, 3)
        assert math.fsum(linked.ravel().tolist()) == pytest.approx(
            compound(r_p) - compound(r_b), abs=1e-15
        )


def test_bad_series_are_refused() -> None:
    with pytest.raises(ValueError, match="above -1"):
        carino([0.1, -1.0], [0.0, 0.0])
    with pytest.raises(ValueError, match="one return per period"):
        menchero([0.1], [0.0, 0.0])
    with pytest.raises(ValueError, match="non-empty"):
        carino([], [])
    with pytest.raises(ValueError, match="one row per period"):
        link(np.zeros((2, 3)), carino(R_P, R_B))


returns = st.floats(min_value=-0.6, max_value=0.8, allow_nan=False)
weights = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[list[float], ...]]:
    sectors = draw(st.integers(min_value=1, max_value=8))
    periods = draw(st.integers(min_value=1, max_value=12))
    vector = st.lists(returns, min_size=sectors, max_size=sectors)
    mix = st.lists(weights, min_size=sectors, max_size=sectors).filter(lambda w: sum(w) > 1e-2)
    return [(draw(mix), draw(mix), draw(vector), draw(vector)) for _ in range(periods)]


@settings(max_examples=100, deadline=None)
@given(histories(), st.sampled_from(list(LinkingMethod)))
def test_linked_effects_sum_to_the_compounded_active_return(
    history: list[tuple[list[float], ...]], method: LinkingMethod
) -> None:
    # Arrange
    periods = [
        attribute_period(normalised(w_p), normalised(w_b), r_p, r_b)
        for w_p, w_b, r_p, r_b in history
    ]
    effects = np.array([[p.allocation, p.selection, p.interaction] for p in periods])
    r_p = [p.portfolio_return for p in periods]
    r_b = [p.benchmark_return for p in periods]

    # Act
    coefficients = linking_coefficients(method, r_p, r_b)
    linked = link(effects, coefficients)

    # Assert
    assert abs(math.fsum(linked.ravel().tolist()) - coefficients.active_return) <= 1e-12
    assert coefficients.active_return == compound(r_p) - compound(r_b)
