"""BSM prices and Greeks against QuantLib, parity, bounds and finite differences."""

from __future__ import annotations

import math

import numpy as np
import pytest
import QuantLib as ql
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.options import bsm
from domain.analytics.options.bsm import Greeks, bsm_greeks, kernel_numpy
from tests.unit.analytics.options.quantlib_market import european, flat_market


def quantlib_greeks(
    spot: float, strike: float, days: int, vol: float, rate: float, div: float, call: bool
) -> dict[str, float]:
    process = flat_market(spot, vol, rate, div)
    option = european(strike, days, call)
    option.setPricingEngine(ql.AnalyticEuropeanEngine(process))
    return {
        "price": option.NPV(),
        "delta": option.delta(),
        "gamma": option.gamma(),
        "vega": option.vega(),
        "theta": option.theta(),
        "theta_per_day": option.thetaPerDay(),
        "rho": option.rho(),
    }


GRID = [
    (spot, strike, days, vol, rate, div, call)
    for spot in (80.0, 100.0, 125.0)
    for strike in (90.0, 100.0, 115.0)
    for days in (7, 90, 730)
    for vol in (0.08, 0.3, 0.9)
    for rate, div in ((0.05, 0.02), (-0.01, 0.03))
    for call in (True, False)
]


def close(ours: float, reference: float, rel: float, tiny: float = 1e-7) -> bool:
    """Relative agreement where the value is not tiny, absolute (tiny) where it is.

    Below ~1e-7 per share QuantLib's own tail arithmetic loses digits (deep out-of-the-money
    puts come out as -5e-15, deltas of 1e-200 with the wrong sign); checked against 50-digit
    mpmath by hand, ours stays within ~1e-12 relative there, so those are compared absolutely.
    QuantLib's units: vega per 1.0 vol, theta per year (thetaPerDay = theta / 365), rho per 1.0.
    """
    return abs(ours - reference) <= max(rel * abs(reference), tiny)


def test_grid_matches_quantlib_analytic_european_engine() -> None:
    # Arrange
    columns = list(zip(*GRID, strict=True))
    years = np.array(columns[2], dtype=float) / 365.0

    # Act
    spot, strike, _, vol, rate, div, call = columns
    greeks = bsm_greeks(spot, strike, years, vol, rate, div, call)

    # Assert
    failures = []
    for i, case in enumerate(GRID):
        reference = quantlib_greeks(*case)
        checks = {
            "price": (greeks.price[i], 1e-10),
            "delta": (greeks.delta[i], 1e-10),
            "vega": (greeks.vega[i], 1e-10),
            "theta": (greeks.theta[i], 1e-10),
            "theta_per_day": (greeks.theta_per_day[i], 1e-10),
            "rho": (greeks.rho[i], 1e-10),
            "gamma": (greeks.gamma[i], 1e-8),
        }
        for name, (ours, rel) in checks.items():
            if not close(float(ours), reference[name], rel):
                failures.append((case, name, float(ours), reference[name]))
    assert failures == []


def test_trader_units_scale_the_per_year_and_per_unit_greeks() -> None:
    # Arrange / Act
    g = bsm_greeks(100.0, 105.0, 0.5, 0.25, 0.03, 0.01, True)

    # Assert
    assert g.theta_per_day == pytest.approx(g.theta / 365.0, rel=1e-15)
    assert g.vega_per_point == pytest.approx(g.vega / 100.0, rel=1e-15)
    assert g.rho_per_percent == pytest.approx(g.rho / 100.0, rel=1e-15)
    assert g.charm_per_day == pytest.approx(g.charm / 365.0, rel=1e-15)


def test_second_order_greeks_match_central_differences() -> None:
    # Arrange
    s, k, t, v, r, q = 103.0, 100.0, 0.75, 0.27, 0.04, 0.015
    calls = np.array([True, False])
    h_s, h_v, h_t = 1e-3, 1e-4, 1e-5

    def at(**bump: float) -> Greeks:
        args = {"spot": s, "strike": k, "years": t, "vol": v, "rate": r, "dividend_yield": q}
        args.update({name: args[name] + delta for name, delta in bump.items()})
        return bsm_greeks(is_call=calls, **args)

    # Act
    g = at()
    vanna = (at(vol=h_v).delta - at(vol=-h_v).delta) / (2 * h_v)
    volga = (at(vol=h_v).vega - at(vol=-h_v).vega) / (2 * h_v)
    charm = -(at(years=h_t).delta - at(years=-h_t).delta) / (2 * h_t)
    gamma = (at(spot=h_s).delta - at(spot=-h_s).delta) / (2 * h_s)

    # Assert
    np.testing.assert_allclose(g.vanna, vanna, rtol=1e-6)
    np.testing.assert_allclose(g.volga, volga, rtol=1e-6)
    np.testing.assert_allclose(g.charm, charm, rtol=1e-5)
    np.testing.assert_allclose(g.gamma, gamma, rtol=1e-6)


def test_put_call_parity_over_a_broadcast_grid() -> None:
    # Arrange
    spot = np.linspace(50.0, 150.0, 11)[:, None]
    strike = np.array([70.0, 100.0, 130.0])[None, :]
    t, r, q = 1.3, 0.045, 0.02

    # Act
    call = bsm_greeks(spot, strike, t, 0.35, r, q, True)
    put = bsm_greeks(spot, strike, t, 0.35, r, q, False)

    # Assert
    forward_value = spot * math.exp(-q * t) - strike * math.exp(-r * t)
    assert call.price.shape == (11, 3)
    np.testing.assert_allclose(call.price - put.price, forward_value, atol=1e-11)
    np.testing.assert_allclose(call.delta - put.delta, math.exp(-q * t), atol=1e-14)
    np.testing.assert_allclose(call.gamma, put.gamma, rtol=1e-14)
    np.testing.assert_allclose(call.vega, put.vega, rtol=1e-14)


def test_expired_or_zero_vol_options_are_worth_the_discounted_forward_intrinsic() -> None:
    # Arrange: ITM call at zero vol, at-the-forward call, expired put, negative-T OTM call.
    t = np.array([0.5, 0.5, 0.0, -0.1])
    vol = np.array([0.0, 0.0, 0.3, 0.3])
    strike = np.array([90.0, 100.0 * math.exp(0.5 * 0.03), 110.0, 110.0])
    calls = np.array([True, True, False, True])

    # Act
    g = bsm_greeks(100.0, strike, t, vol, 0.03, 0.0, calls)

    # Assert
    assert g.price[0] == pytest.approx(100.0 - 90.0 * math.exp(-0.015), rel=1e-15)
    assert g.price[1] == pytest.approx(0.0, abs=1e-12)
    assert g.price[2] == pytest.approx(10.0, rel=1e-15)
    assert g.price[3] == 0.0
    assert g.delta.tolist()[0] == 1.0 and g.delta[2] == -1.0 and g.delta[3] == 0.0
    assert g.delta[1] in (0.0, 0.5, 1.0)  # the forward equals the strike up to rounding
    for name in ("gamma", "theta", "vega", "rho", "vanna", "volga", "charm"):
        assert np.all(getattr(g, name) == 0.0), name


def test_invalid_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        bsm_greeks(0.0, 100.0, 1.0, 0.2)
    with pytest.raises(ValueError, match="negative"):
        bsm_greeks(100.0, 100.0, 1.0, -0.2)


def test_numba_and_numpy_kernels_agree() -> None:
    # Arrange: a random grid with some expired and zero-vol elements.
    rng = np.random.default_rng(18)
    n = 2000
    s = rng.uniform(20.0, 200.0, n)
    k = rng.uniform(20.0, 200.0, n)
    t = np.where(rng.random(n) < 0.05, 0.0, rng.uniform(0.001, 5.0, n))
    v = np.where(rng.random(n) < 0.05, 0.0, rng.uniform(0.01, 1.5, n))
    r = rng.uniform(-0.02, 0.1, n)
    q = rng.uniform(0.0, 0.06, n)
    call = rng.random(n) < 0.5

    # Act
    public = bsm_greeks(s, k, t, v, r, q, call)
    direct = kernel_numpy(s, k, t, v, r, q, call)

    # Assert
    names = ("price", "delta", "gamma", "theta", "vega", "rho", "vanna", "volga", "charm")
    for j, name in enumerate(names):
        ours = getattr(public, name)
        np.testing.assert_allclose(ours, direct[j], rtol=1e-12, atol=1e-12, err_msg=name)
    assert bsm.NUMBA_ENABLED in (True, False)


positive = st.floats(10.0, 500.0)
years = st.floats(0.01, 5.0)
vols = st.floats(0.02, 2.0)
rates = st.floats(-0.02, 0.1)


@settings(max_examples=100, deadline=None)
@given(positive, positive, years, vols, rates, st.floats(0.0, 0.08), st.booleans())
def test_price_increases_in_vol_and_stays_within_no_arbitrage_bounds(
    s: float, k: float, t: float, v: float, r: float, q: float, call: bool
) -> None:
    # Act
    low, high = bsm_greeks(s, k, t, np.array([v, v * 1.1]), r, q, call).price

    # Assert
    dq, dr = math.exp(-q * t), math.exp(-r * t)
    lower = max(s * dq - k * dr, 0.0) if call else max(k * dr - s * dq, 0.0)
    upper = s * dq if call else k * dr
    tol = 1e-9 * max(s, k)
    assert high >= low - tol
    assert lower - tol <= low <= upper + tol


@settings(max_examples=100, deadline=None)
@given(positive, positive, years, vols, rates, st.floats(0.0, 0.08))
def test_call_price_decreases_in_strike(
    s: float, k: float, t: float, v: float, r: float, q: float
) -> None:
    # Act
    near, far = bsm_greeks(s, np.array([k, k * 1.05]), t, v, r, q, True).price

    # Assert
    assert far <= near + 1e-9 * max(s, k)
