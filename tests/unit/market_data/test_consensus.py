"""Consensus quotes: the median mid, outliers by k x MAD with a floor, and the verdicts."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.market_data.consensus import (
    ConsensusPolicy,
    ProviderPrice,
    Verdict,
    consensus,
)

D = Decimal


def price(provider: str, bid: str, ask: str, last: str | None = None) -> ProviderPrice:
    return ProviderPrice(provider, D(bid), D(ask), D(last) if last is not None else D(bid))


def test_close_quotes_agree_on_their_medians() -> None:
    prices = [
        price("a", "99.98", "100.02"),
        price("b", "99.99", "100.03"),
        price("c", "99.97", "100.01"),
    ]

    result = consensus("AAPL", prices)

    assert result.verdict is Verdict.AGREED and result.agreed
    assert (result.bid, result.ask) == (D("99.98"), D("100.02"))
    assert result.mid == D("100.00")
    assert result.contributors == ("a", "b", "c")
    assert result.outliers == ()


def test_a_provider_far_from_the_median_is_an_outlier_and_named() -> None:
    prices = [
        price("alpaca", "189.95", "190.05"),
        price("replay", "189.90", "190.00"),
        price("synthetic", "199.95", "200.05"),  # 5% off
        price("backup", "189.97", "190.07"),
    ]

    result = consensus("AAPL", prices)

    assert result.agreed
    assert result.contributors == ("alpaca", "backup", "replay")
    (outlier,) = result.outliers
    assert outlier.provider == "synthetic" and outlier.mid == D("200.00")
    assert outlier.deviation_bps > result.threshold_bps
    assert result.mid == D("190.00")
    assert (result.bid, result.ask) == (D("189.95"), D("190.05"))


def test_tiny_differences_are_not_outliers_thanks_to_the_floor() -> None:
    # Two identical quotes make the MAD 0: without the floor the third would be rejected.
    prices = [price(n, "100", "100.02") for n in "ab"] + [price("c", "100.01", "100.03")]

    result = consensus("X", prices, ConsensusPolicy(floor_bps=D(5)))

    assert result.outliers == ()
    assert result.threshold_bps == D(5)


def test_without_a_floor_a_one_tick_difference_is_an_outlier_when_the_mad_is_zero() -> None:
    prices = [price(n, "100", "100.02") for n in "ab"] + [price("c", "100.01", "100.03")]

    result = consensus("X", prices, ConsensusPolicy(floor_bps=D(0)))

    assert [o.provider for o in result.outliers] == ["c"]
    assert result.agreed


def test_two_providers_far_apart_disagree_without_naming_an_outlier() -> None:
    result = consensus("X", [price("a", "99.9", "100.1"), price("b", "109.9", "110.1")])

    assert result.verdict is Verdict.DISPERSED and not result.agreed
    assert result.outliers == ()
    assert result.dispersion_bps > D(50)


def test_three_providers_spread_evenly_disagree() -> None:
    prices = [price("a", "100", "100"), price("b", "105", "105"), price("c", "110", "110")]

    result = consensus("X", prices)

    assert result.verdict is Verdict.DISPERSED
    assert result.mid == D(105)


def test_one_provider_alone_is_not_a_consensus() -> None:
    result = consensus("X", [price("a", "99", "101")])

    assert result.verdict is Verdict.TOO_FEW
    assert result.contributors == ("a",) and result.mid == D(100)


def test_a_larger_quorum_can_be_required() -> None:
    prices = [price("a", "99", "101"), price("b", "99", "101")]

    result = consensus("X", prices, ConsensusPolicy(min_agreeing=3))

    assert result.verdict is Verdict.TOO_FEW


def test_a_missing_side_falls_back_to_the_two_sided_quotes() -> None:
    prices = [price("a", "99.9", "100.1"), price("b", "0", "100.2", last="100.05")]

    result = consensus("X", prices)

    assert result.agreed
    assert (result.bid, result.ask) == (D("99.9"), D("100.1"))


def test_one_sided_quotes_that_cross_give_no_market() -> None:
    prices = [price("a", "0", "99.99", last="100"), price("b", "100.01", "0", last="100")]

    result = consensus("X", prices)

    assert result.agreed and result.mid == D(100)
    assert (result.bid, result.ask) == (D(0), D(0))


def test_the_order_of_the_answers_does_not_matter() -> None:
    prices = [price("c", "10", "10.02"), price("a", "10.01", "10.03"), price("b", "12", "12.02")]

    assert consensus("X", prices) == consensus("X", list(reversed(prices)))


@pytest.mark.parametrize(
    ("prices", "message"),
    [([], "no prices"), ([price("a", "1", "2"), price("a", "1", "2")], "counted twice")],
)
def test_bad_input_is_refused(prices: list[ProviderPrice], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        consensus("X", prices)


@pytest.mark.parametrize(
    "policy",
    [
        {"mad_multiplier": D("0.5")},
        {"floor_bps": D(-1)},
        {"tolerance_bps": D(0)},
        {"min_agreeing": 0},
    ],
)
def test_a_policy_out_of_range_is_refused(policy: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"needs|must"):
        ConsensusPolicy(**policy)  # type: ignore[arg-type]


# -- properties -----------------------------------------------------------------------

cents = st.integers(min_value=1, max_value=1_000_000).map(lambda c: D(c) / 100)


@st.composite
def quotes(draw: st.DrawFn) -> list[ProviderPrice]:
    n = draw(st.integers(1, 7))
    out = []
    for i in range(n):
        bid = draw(cents)
        spread = draw(st.integers(0, 500).map(lambda c: D(c) / 100))
        out.append(ProviderPrice(f"p{i}", bid, bid + spread, bid))
    return out


@given(quotes(), st.randoms())
def test_properties_of_any_consensus(prices: list[ProviderPrice], rnd: random.Random) -> None:
    shuffled = list(prices)
    rnd.shuffle(shuffled)

    result = consensus("X", shuffled)

    names = {p.provider for p in prices}
    rejected = {o.provider for o in result.outliers}
    assert set(result.contributors) | rejected == names
    assert not set(result.contributors) & rejected
    assert 2 * len(result.contributors) >= len(prices)  # k >= 1 keeps at least half
    mids = [p.mid for p in prices if p.provider in result.contributors]
    assert min(mids) <= result.mid <= max(mids)
    assert result.bid <= result.ask
    assert all(o.deviation_bps > result.threshold_bps for o in result.outliers)
    assert result == consensus("X", prices)
    if result.agreed:
        assert len(result.contributors) >= 2 and result.dispersion_bps <= D(50)


@given(st.integers(2, 6), cents)
def test_identical_quotes_always_agree(count: int, level: Decimal) -> None:
    prices = [ProviderPrice(f"p{i}", level, level + D("0.02"), level) for i in range(count)]

    result = consensus("X", prices)

    assert result.agreed and result.outliers == () and result.mid == level + D("0.01")


@given(st.integers(3, 6), cents, st.integers(2, 20))
def test_one_far_provider_among_agreeing_ones_is_rejected(
    agreeing: int, level: Decimal, factor: int
) -> None:
    prices = [ProviderPrice(f"p{i}", level, level, level) for i in range(agreeing)]
    far = level * factor
    prices.append(ProviderPrice("far", far, far, far))

    result = consensus("X", prices)

    assert [o.provider for o in result.outliers] == ["far"]
    assert result.agreed and result.mid == level
