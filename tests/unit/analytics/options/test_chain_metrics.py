"""Chain aggregates on hand-worked chains: PCR, max pain, GEX sign and size, the flip level."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.options.bsm import bsm_greeks
from domain.analytics.options.chain_metrics import (
    gamma_exposure,
    gamma_profile,
    max_pain,
    put_call_ratios,
    zero_gamma_level,
)

# A tiny chain: calls then puts at 90, 100, 110.
STRIKES = [90, 100, 110, 90, 100, 110]
IS_CALL = [True, True, True, False, False, False]
OPEN_INTEREST = [10, 20, 5, 5, 20, 10]


def test_max_pain_by_hand() -> None:
    # Holders' payout (per share, x OI):
    #   settle 90:  puts 100 -> 20*10, puts 110 -> 10*20          = 400
    #   settle 100: calls 90 -> 10*10, puts 110 -> 10*10          = 200
    #   settle 110: calls 90 -> 10*20, calls 100 -> 20*10         = 400
    result = max_pain(STRIKES, OPEN_INTEREST, IS_CALL)

    assert result is not None
    assert result.strike == 100.0
    assert result.candidates.tolist() == [90.0, 100.0, 110.0]
    assert result.payouts.tolist() == [40_000.0, 20_000.0, 40_000.0]  # x 100 shares


def test_max_pain_ties_go_to_the_lowest_strike_and_an_empty_chain_has_none() -> None:
    assert max_pain([90, 110], [0, 0], [True, False]) is not None
    assert max_pain([90, 110], [0, 0], [True, False]).strike == 90.0  # type: ignore[union-attr]
    assert max_pain([], [], []) is None


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=40).map(lambda i: i * 2.5),
            st.integers(min_value=0, max_value=10_000),
            st.booleans(),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_max_pain_is_a_listed_strike_with_the_least_payout(
    contracts: list[tuple[float, int, bool]],
) -> None:
    strikes, interest, calls = zip(*contracts, strict=True)

    result = max_pain(strikes, interest, calls)

    assert result is not None
    assert result.strike in strikes
    assert result.payouts.min() == result.payouts[result.candidates.tolist().index(result.strike)]


def test_put_call_ratios() -> None:
    volume = [100, 200, 0, 150, 50, 0]

    ratios = put_call_ratios(volume, OPEN_INTEREST, IS_CALL)

    assert ratios.by_volume == pytest.approx(200 / 300)
    assert ratios.by_open_interest == pytest.approx(35 / 35)
    assert (ratios.call_volume, ratios.put_volume) == (300, 200)
    assert put_call_ratios([0, 5], [0, 1], [True, False]).by_volume is None


def test_gex_sign_and_magnitude() -> None:
    # gamma 0.02 per share, OI 1000, spot 100: 0.02 * 1000 * 100 * 100^2 * 0.01 = 200,000.
    result = gamma_exposure(100.0, [100, 100, 105], [0.02, 0.02, 0.01], [1000, 1000, 500],
                            [True, False, True])  # fmt: skip

    assert result.strikes.tolist() == [100.0, 105.0]
    assert result.calls.tolist() == pytest.approx([200_000.0, 50_000.0])
    assert result.puts.tolist() == pytest.approx([-200_000.0, 0.0])  # dealers short puts
    assert result.net.tolist() == pytest.approx([0.0, 50_000.0])
    assert result.total == pytest.approx(50_000.0)


def test_the_profile_at_the_spot_is_the_chains_total_gex() -> None:
    # Arrange
    strikes, years, vols = np.array([95.0, 105.0]), np.array([0.1, 0.1]), np.array([0.2, 0.25])
    calls, interest = np.array([False, True]), np.array([800.0, 1200.0])
    gamma = bsm_greeks(100.0, strikes, years, vols).gamma

    # Act
    profile = gamma_profile([100.0], strikes, years, vols, interest, calls)

    # Assert
    assert profile[0] == pytest.approx(gamma_exposure(100.0, strikes, gamma, interest, calls).total)


def test_zero_gamma_level_interpolates_the_crossing_nearest_spot() -> None:
    assert zero_gamma_level([90, 100, 110], [-10, -5, 5], 100.0) == pytest.approx(105.0)
    assert zero_gamma_level([90, 100, 110], [1, 2, 3], 100.0) is None
    assert zero_gamma_level([80, 90, 100, 110], [1, -1, -1, 1], 104.0) == pytest.approx(105.0)


def test_puts_below_and_calls_above_flip_between_them() -> None:
    # Put OI at 90 dominates below, call OI at 110 above: the flip lies in between.
    strikes, years, vols = [90.0, 110.0], [0.25, 0.25], [0.2, 0.2]
    grid = np.linspace(80.0, 120.0, 81)

    profile = gamma_profile(grid, strikes, years, vols, [1000, 1000], [False, True])
    flip = zero_gamma_level(grid, profile, 100.0)

    assert profile[0] < 0 < profile[-1]
    assert flip is not None and 90.0 < flip < 110.0
