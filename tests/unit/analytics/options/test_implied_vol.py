"""Implied volatility: round trips through bsm, QuantLib's solver, reason codes, properties."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import QuantLib as ql
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.options.bsm import bsm_greeks
from domain.analytics.options.implied_vol import (
    PARALLEL_FROM,
    ImpliedVols,
    IVReason,
    implied_volatility,
)
from tests.unit.analytics.options.quantlib_market import european, flat_market

EPS = 2.0**-52
ROOT = Path(__file__).resolve().parents[4]

GRID = [
    (100.0, strike, years, vol, rate, div, call)
    for strike in (40.0, 70.0, 95.0, 100.0, 105.0, 140.0, 250.0)
    for years in (1 / 365, 0.1, 1.0, 5.0)
    for vol in (0.01, 0.08, 0.3, 1.0, 3.0)
    for rate, div in ((0.0, 0.0), (0.05, 0.02), (-0.01, 0.04))
    for call in (True, False)
]


def columns(rows: list[tuple[float, ...]]) -> list[np.ndarray]:
    return [np.array(column) for column in zip(*rows, strict=True)]


def vol_error_per_ulp(price: np.ndarray, vega: np.ndarray, vol: np.ndarray) -> np.ndarray:
    """Relative vol move caused by one ulp of the price: where this is tiny, vega is not."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(vega > 0, EPS * price / (vega * vol), np.inf)


# -- round trips ----------------------------------------------------------------------
def test_round_trip_on_a_grid_recovers_the_volatility_within_1e_10() -> None:
    # Arrange
    spot, strike, years, vol, rate, div, call = columns(GRID)
    greeks = bsm_greeks(spot, strike, years, vol, rate, div, call)
    determined = (vol_error_per_ulp(greeks.price, greeks.vega, vol) < 1e-13) & (
        greeks.price > 1e-250
    )

    # Act
    result = implied_volatility(greeks.price, spot, strike, years, rate, div, call)

    # Assert: the filter keeps most of the grid (deep ITM/OTM included) and all of it is exact
    assert determined.mean() > 0.7
    assert np.all(result.reason[determined] == IVReason.OK)
    error = np.abs(result.volatility[determined] / vol[determined] - 1.0)
    assert error.max() <= 1e-10, GRID[int(np.argmax(np.where(determined, error, 0)))]


def test_every_ok_volatility_reprices_the_option() -> None:
    # Arrange: the whole grid, even where the vol is loosely pinned
    spot, strike, years, vol, rate, div, call = columns(GRID)
    price = bsm_greeks(spot, strike, years, vol, rate, div, call).price

    # Act
    result = implied_volatility(price, spot, strike, years, rate, div, call)
    ok = result.reason == IVReason.OK
    reprice = bsm_greeks(
        spot[ok], strike[ok], years[ok], result.volatility[ok], rate[ok], div[ok], call[ok]
    ).price

    # Assert: within the rounding of bsm's own price (relative 1e-9 in the far wings, where
    # its two terms cancel, absolute ~1e-13 of spot where the intrinsic value dominates)
    assert np.all(np.isnan(result.volatility[~ok]))
    assert np.all(np.abs(reprice - price[ok]) <= 1e-9 * price[ok] + 1e-13 * spot[ok])


# -- QuantLib ---------------------------------------------------------------------------
def quantlib_implied_vol(
    price: float, spot: float, strike: float, days: int, rate: float, div: float, call: bool
) -> float:
    process = flat_market(spot, 0.2, rate, div)
    option = european(strike, days, call)
    option.setPricingEngine(ql.AnalyticEuropeanEngine(process))
    try:
        return float(option.impliedVolatility(price, process, 1e-13, 500, 1e-4, 5.0))
    except RuntimeError:  # "root not bracketed": deep in the money, time value near rounding
        return math.nan


QL_GRID = [
    (spot, strike, days, price_vol, rate, div, call)
    for spot in (90.0, 100.0, 120.0)
    for strike in (80.0, 100.0, 130.0)
    for days in (14, 180, 1000)
    for price_vol in (0.12, 0.45)
    for rate, div in ((0.04, 0.01), (0.0, 0.03))
    for call in (True, False)
]


def test_grid_matches_quantlib_implied_volatility() -> None:
    # Arrange: prices from our bsm; QuantLib's Brent solver with accuracy 1e-13
    spot, strike, days, vol, rate, div, call = columns(QL_GRID)
    years = days / 365.0
    greeks = bsm_greeks(spot, strike, years, vol, rate, div, call)
    sensitivity = vol_error_per_ulp(greeks.price, greeks.vega, vol)

    # Act
    ours = implied_volatility(greeks.price, spot, strike, years, rate, div, call)

    # Assert: 1e-8 where the price pins the vol down (QuantLib's engine prices deep in-the-money
    # options a few hundred ulps off, which moves its answer by up to ~1e-9); where the price
    # hardly pins it (deep in the money, short-dated) ours is no further from the true vol
    # than QuantLib's, give or take a thousand ulps of the price
    # QuantLib's Brent stops on an absolute price difference: prices below 1e-6 are left out
    assert (sensitivity < 1e-13).mean() > 0.8
    for i, row in enumerate(QL_GRID):
        if greeks.price[i] < 1e-6:
            continue
        reference = quantlib_implied_vol(
            float(greeks.price[i]), row[0], row[1], row[2], row[4], row[5], row[6]
        )
        if sensitivity[i] < 1e-13:
            assert ours.reason[i] == IVReason.OK
            assert ours.volatility[i] == pytest.approx(reference, rel=1e-8), row
        elif ours.reason[i] == IVReason.OK and not math.isnan(reference):
            slack = 1e3 * sensitivity[i] * vol[i]  # a thousand ulps of the price
            assert abs(ours.volatility[i] - vol[i]) <= abs(reference - vol[i]) + slack, row
        else:
            assert ours.reason[i] in (IVReason.OK, IVReason.VEGA_TOO_SMALL)


# -- reason codes ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("price", "spot", "strike", "years", "rate", "div", "call", "reason"),
    [
        (10.0, 100.0, 100.0, 1.0, 0.0, 0.0, True, IVReason.OK),
        (10.0, 100.0, 100.0, 0.0, 0.0, 0.0, True, IVReason.EXPIRED),
        (10.0, 100.0, 100.0, -0.5, 0.0, 0.0, False, IVReason.EXPIRED),
        (9.0, 110.0, 100.0, 1.0, 0.0, 0.0, True, IVReason.BELOW_INTRINSIC),
        (4.0, 100.0, 100.0, 1.0, 0.05, 0.0, False, IVReason.OK),
        (4.5, 100.0, 104.0, 1.0, 0.0, 0.0, False, IVReason.OK),
        (3.9, 100.0, 104.0, 1.0, 0.0, 0.0, False, IVReason.BELOW_INTRINSIC),
        (100.0, 100.0, 100.0, 1.0, 0.0, 0.0, True, IVReason.ABOVE_UPPER_BOUND),
        (98.1, 100.0, 100.0, 1.0, 0.0, 0.02, True, IVReason.ABOVE_UPPER_BOUND),
        (96.1, 100.0, 100.0, 1.0, 0.04, 0.0, False, IVReason.ABOVE_UPPER_BOUND),
        (10.0, 110.0, 100.0, 1.0, 0.0, 0.0, True, IVReason.VEGA_TOO_SMALL),
        (0.0, 100.0, 120.0, 1.0, 0.0, 0.0, True, IVReason.VEGA_TOO_SMALL),
        (50.0 + 1e-12, 100.0, 50.0, 0.25, 0.0, 0.0, True, IVReason.VEGA_TOO_SMALL),
        (100.0 * (1 - 1e-15), 100.0, 100.0, 1.0, 0.0, 0.0, True, IVReason.VEGA_TOO_SMALL),
        (math.nan, 100.0, 100.0, 1.0, 0.0, 0.0, True, IVReason.INVALID_INPUT),
        (10.0, math.inf, 100.0, 1.0, 0.0, 0.0, True, IVReason.INVALID_INPUT),
        (10.0, 100.0, -math.inf, 1.0, 0.0, 0.0, True, IVReason.INVALID_INPUT),
        (10.0, 100.0, 100.0, math.nan, 0.0, 0.0, True, IVReason.INVALID_INPUT),
        (10.0, 100.0, 100.0, 1.0, math.inf, 0.0, True, IVReason.INVALID_INPUT),
        (10.0, 100.0, 100.0, 1.0, 0.0, math.nan, False, IVReason.INVALID_INPUT),
        (10.0, 0.0, 100.0, 1.0, 0.0, 0.0, True, IVReason.INVALID_INPUT),
        (10.0, 100.0, -5.0, 1.0, 0.0, 0.0, True, IVReason.INVALID_INPUT),
        (-0.01, 100.0, 100.0, 1.0, 0.0, 0.0, True, IVReason.INVALID_INPUT),
    ],
)
def test_each_reason_code_comes_from_the_case_that_should_produce_it(
    price: float,
    spot: float,
    strike: float,
    years: float,
    rate: float,
    div: float,
    call: bool,
    reason: IVReason,
) -> None:
    # Act
    result = implied_volatility(price, spot, strike, years, rate, div, call)

    # Assert
    assert result.reason == reason
    assert result.reason_names() == [reason.name]
    assert math.isnan(result.volatility) == (reason != IVReason.OK)


def test_running_out_of_iterations_is_no_convergence() -> None:
    # Act: one Householder step from the initial guess is not enough to reach 1e-7
    result = implied_volatility(
        [5.0, 5.0], 100.0, [100.0, 130.0], 1.0, 0.01, 0.0, True, max_iterations=0
    )

    # Assert
    assert result.reason.tolist() == [IVReason.NO_CONVERGENCE] * 2
    assert result.reason_names() == ["NO_CONVERGENCE", "NO_CONVERGENCE"]


def test_arguments_broadcast_and_the_result_keeps_their_shape() -> None:
    # Arrange
    vols = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])
    price = bsm_greeks(100.0, 105.0, 0.5, vols, 0.03, 0.01, False).price

    # Act
    result = implied_volatility(price, 100.0, 105.0, 0.5, 0.03, 0.01, False)

    # Assert
    assert isinstance(result, ImpliedVols)
    assert result.volatility.shape == (2, 3) and result.reason.dtype == np.int8
    np.testing.assert_allclose(result.volatility, vols, rtol=1e-12)


def test_read_only_and_scalar_inputs_work_and_shapes_that_do_not_broadcast_raise() -> None:
    # Arrange
    prices = np.full(3, 8.0)
    prices.flags.writeable = False

    # Act
    result = implied_volatility(prices, 100.0, 100.0, 1.0)
    scalar = implied_volatility(8.0, 100.0, 100.0, 1.0)

    # Assert
    assert result.reason.tolist() == [IVReason.OK] * 3
    assert scalar.volatility.shape == () and float(scalar.volatility) == result.volatility[0]
    with pytest.raises(ValueError, match="broadcast"):
        implied_volatility([1.0, 2.0], [100.0, 100.0, 100.0], 100.0, 1.0)


# -- properties -------------------------------------------------------------------------
@settings(max_examples=100, deadline=None)
@given(
    moneyness=st.floats(0.5, 2.0),
    years=st.floats(0.01, 5.0),
    vol=st.floats(0.02, 2.0),
    rate=st.floats(-0.02, 0.1),
    div=st.floats(0.0, 0.06),
    call=st.booleans(),
)
def test_round_trip_holds_wherever_vega_is_not_tiny(
    moneyness: float, years: float, vol: float, rate: float, div: float, call: bool
) -> None:
    # Arrange
    greeks = bsm_greeks(100.0, 100.0 * moneyness, years, vol, rate, div, call)
    price = float(greeks.price)

    # Act
    result = implied_volatility(price, 100.0, 100.0 * moneyness, years, rate, div, call)

    # Assert
    if vol_error_per_ulp(greeks.price, greeks.vega, np.array(vol)) < 1e-13 and price > 1e-250:
        assert result.reason == IVReason.OK
        assert float(result.volatility) == pytest.approx(vol, rel=1e-10)
    else:
        assert result.reason in (IVReason.OK, IVReason.VEGA_TOO_SMALL)


@settings(max_examples=100, deadline=None)
@given(
    moneyness=st.floats(0.6, 1.6),
    years=st.floats(0.02, 3.0),
    low=st.floats(0.01, 0.99),
    high=st.floats(0.01, 0.99),
    call=st.booleans(),
)
def test_a_higher_price_never_gives_a_lower_volatility(
    moneyness: float, years: float, low: float, high: float, call: bool
) -> None:
    # Arrange: two prices between the no-arbitrage bounds (rate 3%, dividend yield 1%)
    strike = 100.0 * moneyness
    lower = float(bsm_greeks(100.0, strike, years, 0.0, 0.03, 0.01, call).price)
    upper = 100.0 * math.exp(-0.01 * years) if call else strike * math.exp(-0.03 * years)
    prices = lower + np.sort([low, high]) * (upper - lower)

    # Act
    result = implied_volatility(prices, 100.0, strike, years, 0.03, 0.01, call)

    # Assert
    ok = result.reason == IVReason.OK
    if ok.all():
        assert result.volatility[0] <= result.volatility[1]


@settings(max_examples=100, deadline=None)
@given(
    log_moneyness=st.floats(-5.0, 5.0),
    years=st.floats(1e-3, 30.0),
    rate=st.floats(-0.05, 0.2),
    div=st.floats(-0.05, 0.2),
    fraction=st.floats(1e-9, 1.0 - 1e-9),
    call=st.booleans(),
)
def test_any_price_strictly_between_the_bounds_converges_and_reprices(
    log_moneyness: float, years: float, rate: float, div: float, fraction: float, call: bool
) -> None:
    # Arrange: a price a given fraction of the way from the lower to the upper bound
    strike = 100.0 * math.exp(log_moneyness)
    lower = float(bsm_greeks(100.0, strike, years, 0.0, rate, div, call).price)
    upper = 100.0 * math.exp(-div * years) if call else strike * math.exp(-rate * years)
    price = lower + fraction * (upper - lower)

    # Act
    result = implied_volatility(price, 100.0, strike, years, rate, div, call)

    # Assert: never lost, and where a vol is given it gives the price back (to the rounding
    # of bsm's own price and of the price's time value)
    assert result.reason in (IVReason.OK, IVReason.VEGA_TOO_SMALL)
    if result.reason == IVReason.OK:
        reprice = float(
            bsm_greeks(100.0, strike, years, float(result.volatility), rate, div, call).price
        )
        assert reprice == pytest.approx(price, rel=1e-9, abs=1e-12 * (100.0 + strike))


def test_large_batches_run_in_parallel_with_the_same_results() -> None:
    # Arrange: the grid (one thread) and the grid three times over (parallel: >= 1024 options)
    spot, strike, years, vol, rate, div, call = columns(GRID)
    price = bsm_greeks(spot, strike, years, vol, rate, div, call).price
    assert len(GRID) < PARALLEL_FROM <= 3 * len(GRID)

    # Act
    small = implied_volatility(price, spot, strike, years, rate, div, call)
    large = implied_volatility(
        *(np.tile(a, 3) for a in (price, spot, strike, years, rate, div, call))
    )

    # Assert
    np.testing.assert_array_equal(large.reason, np.tile(small.reason, 3))
    np.testing.assert_array_equal(large.volatility, np.tile(small.volatility, 3))


# -- the plain path ---------------------------------------------------------------------
def test_the_numba_path_equals_the_plain_python_path() -> None:
    # Arrange: the same grid, solved once with BULWARK_NUMBA=0 in a fresh interpreter
    rows = [*GRID[::7], (100.0, 100.0, 1.0, math.nan, 0.0, 0.0, True)]
    spot, strike, years, vol, rate, div, call = columns(rows)
    price = np.nan_to_num(
        bsm_greeks(spot, strike, years, np.nan_to_num(vol, nan=0.2), rate, div, call).price
    )
    price[-1] = math.nan
    script = (
        "import json, sys\n"
        "from domain.analytics.options.implied_vol import implied_volatility\n"
        "a = json.loads(sys.stdin.read())\n"
        "r = implied_volatility(*a)\n"
        "print(json.dumps([[None if v != v else v for v in r.volatility.tolist()],"
        " r.reason.tolist()]))\n"
    )
    arguments = [
        [float(v) if not math.isnan(v) else math.nan for v in price],
        spot.tolist(),
        strike.tolist(),
        years.tolist(),
        rate.tolist(),
        div.tolist(),
        call.tolist(),
    ]

    # Act
    fast = implied_volatility(price, spot, strike, years, rate, div, call)
    completed = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(arguments),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "BULWARK_NUMBA": "0"},
    )
    plain_vols, plain_reasons = json.loads(completed.stdout)

    # Assert
    assert fast.reason.tolist() == plain_reasons
    plain = np.array([math.nan if v is None else v for v in plain_vols])
    np.testing.assert_allclose(fast.volatility, plain, rtol=1e-14, equal_nan=True)
