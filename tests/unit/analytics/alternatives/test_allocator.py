"""The alternatives allocator's rules on worked examples (figures by hand in the comments)."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from application.portfolio.alternatives import (
    allocate_commodities,
    allocate_crypto,
    allocate_private_equity,
    allocate_reits,
)
from domain.analytics.alternatives.accredited import (
    Fund,
    InvestorFinances,
    Requirement,
    eligibility,
    net_worth_excluding_residence,
)
from domain.analytics.alternatives.commodities import inflation_beta, inflation_from_cpi
from domain.analytics.alternatives.crypto import CryptoAsset, capped_weights
from domain.analytics.alternatives.errors import InvalidAlternativesInput
from domain.analytics.alternatives.money import split
from domain.analytics.alternatives.reits import Reit

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

D = Decimal
B = D("1000000000")


def amounts(result: object) -> dict[str, Decimal]:
    return {a.symbol: a.amount for a in result.allocations}  # type: ignore[attr-defined]


def test_crypto_caps_each_asset_at_40_percent_and_drops_those_under_the_floor() -> None:
    # Arrange: eligible caps 1200 + 400 + 80 + 20 = 1700 bn; TINY (0.5 bn) is under 1 bn.
    # BTC 70.6 % -> 40 %; ETH 400 / 500 of the other 60 % = 48 % -> 40 %;
    # the last 20 % by 80 : 20 -> SOL 16 %, DOGE 4 %.
    assets = [CryptoAsset("BTC", 1200 * B), CryptoAsset("ETH", 400 * B),
              CryptoAsset("SOL", 80 * B), CryptoAsset("DOGE", 20 * B),
              CryptoAsset("TINY", D("500000000"))]  # fmt: skip

    # Act
    result = allocate_crypto(D("10000"), "USD", assets)

    # Assert
    assert amounts(result.sleeve) == {"BTC": D("4000.00"), "ETH": D("4000.00"),
                                      "SOL": D("1600.00"), "DOGE": D("400.00")}  # fmt: skip
    assert result.below_floor == ("TINY",)
    assert result.sleeve.unallocated == D("0.00")


def test_two_eligible_coins_hold_40_percent_each_and_the_rest_is_unallocated() -> None:
    # Act
    result = allocate_crypto(D("1000"), "USD", [CryptoAsset("BTC", 900 * B),
                                                CryptoAsset("ETH", 300 * B)])  # fmt: skip

    # Assert
    assert amounts(result.sleeve) == {"BTC": D("400.00"), "ETH": D("400.00")}
    assert result.sleeve.unallocated == D("200.00")
    assert any("unallocated" in note for note in result.sleeve.notes)


def test_a_cap_above_the_rules_40_percent_is_refused() -> None:
    # Act
    with pytest.raises(InvalidAlternativesInput) as caught:
        allocate_crypto(D("1000"), "USD", [CryptoAsset("BTC", B)], max_weight=0.5)

    # Assert
    assert (caught.value.code, caught.value.field) == ("INVALID_ALTERNATIVES_INPUT", "max_weight")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(1e-3, 1e6), min_size=1, max_size=40), st.floats(0.01, 0.4))
def test_capped_weights_never_pass_the_cap_and_fill_what_the_cap_allows(
    sizes: list[float], cap: float
) -> None:
    # Act
    weights = capped_weights(sizes, cap)

    # Assert
    assert max(weights) <= cap + 1e-12
    assert sum(weights) == pytest.approx(min(1.0, len(sizes) * cap), abs=1e-9)


def test_reits_weigh_sectors_equally_and_market_caps_within_a_sector() -> None:
    # Arrange: industrial (PLD 100, REXR 25), residential (EQR 30), data centers (EQIX 70,
    # DLR 50): a third a sector; PLD 1/3 x 0.8, REXR 1/3 x 0.2, EQIX 1/3 x 70/120 ...
    reits = [Reit("PLD", "industrial", 100 * B), Reit("REXR", "industrial", 25 * B),
             Reit("EQR", "residential", 30 * B), Reit("EQIX", "data_centers", 70 * B),
             Reit("DLR", "data_centers", 50 * B)]  # fmt: skip

    # Act
    result = allocate_reits(D("12000"), "USD", reits)

    # Assert
    weights = {a.symbol: a.weight for a in result.sleeve.allocations}
    assert weights["PLD"] == pytest.approx(0.8 / 3)
    assert weights["EQIX"] == pytest.approx(70 / 120 / 3)
    assert amounts(result.sleeve) == {"PLD": D("3200.00"), "REXR": D("800.00"),
                                      "EQR": D("4000.00"), "EQIX": D("2333.33"),
                                      "DLR": D("1666.67")}  # fmt: skip
    assert result.sector_weights == pytest.approx(
        {"data_centers": 1 / 3, "industrial": 1 / 3, "residential": 1 / 3}
    )
    assert (result.herfindahl, result.effective_sectors) == pytest.approx((1 / 3, 3.0))


def test_an_unknown_reit_sector_or_an_unreachable_sector_cap_is_refused() -> None:
    # Act
    with pytest.raises(InvalidAlternativesInput) as unknown:
        allocate_reits(D("100"), "USD", [Reit("X", "casinos", B)])
    with pytest.raises(InvalidAlternativesInput) as unreachable:
        allocate_reits(D("100"), "USD", [Reit("PLD", "industrial", B)], max_sector_weight=0.5)

    # Assert
    assert unknown.value.field == "reits[0].sector"
    assert unreachable.value.field == "max_sector_weight"


@pytest.mark.parametrize(
    ("finances", "accredited", "prong"),
    [
        (InvestorFinances(income_two_years_ago=D("250000"), income_last_year=D("220000"),
                          expects_same_income=True), True, "Rule 501(a)(6) income"),
        (InvestorFinances(income_two_years_ago=D("250000"), income_last_year=D("190000"),
                          expects_same_income=True), False, None),
        (InvestorFinances(income_two_years_ago=D("250000"), income_last_year=D("220000"),
                          expects_same_income=False), False, None),
        (InvestorFinances(joint_income_two_years_ago=D("310000"),
                          joint_income_last_year=D("300001"), expects_same_income=True),
         True, "Rule 501(a)(6) income"),
        (InvestorFinances(joint_income_two_years_ago=D("310000"),
                          joint_income_last_year=D("300000"), expects_same_income=True),
         False, None),
        (InvestorFinances(assets=D("2500000"), liabilities=D("1000000"),
                          primary_residence_value=D("1200000"), residence_debt=D("900000")),
         True, "Rule 501(a)(5) net worth"),
        (InvestorFinances(licenses=("series_65",)), True,
         "Rule 501(a)(10) professional certification"),
        (InvestorFinances(assets=D("900000")), False, None),
    ],
)  # fmt: skip
def test_rule_501a_prongs(finances: InvestorFinances, accredited: bool, prong: str | None) -> None:
    # Act
    who = eligibility(finances)

    # Assert
    assert who.accredited is accredited
    assert {p.rule for p in who.prongs if p.met} == ({prong} if prong else set())


def test_net_worth_leaves_out_the_home_but_counts_underwater_and_recent_debt() -> None:
    # Arrange
    # 2.5 M assets with a 1.2 M home; 1.0 M debts of which 0.9 M is the mortgage:
    # (2.5 - 1.2) - (1.0 - 0.9) = 1.2 M
    plain = InvestorFinances(
        assets=D("2500000"),
        liabilities=D("1000000"),
        primary_residence_value=D("1200000"),
        residence_debt=D("900000"),
    )
    # 0.1 M of the mortgage added in the last 60 days counts: 1.3 M - 0.2 M = 1.1 M
    recent = InvestorFinances(
        assets=D("2500000"),
        liabilities=D("1000000"),
        primary_residence_value=D("1200000"),
        residence_debt=D("900000"),
        residence_debt_added_60_days=D("100000"),
    )
    # a 0.5 M home under a 0.7 M mortgage: the 0.2 M above its value is a liability:
    # (1.5 - 0.5) - (0.7 - 0.5) = 0.8 M
    underwater = InvestorFinances(
        assets=D("1500000"), liabilities=D("700000"), primary_residence_value=D("500000"),
        residence_debt=D("700000"),
    )  # fmt: skip

    # Act
    worths = [net_worth_excluding_residence(f) for f in (plain, recent, underwater)]

    # Assert
    assert worths == [D("1200000"), D("1100000"), D("800000")]


def test_private_equity_funds_open_to_the_investor_share_the_amount_within_minimums() -> None:
    # Arrange: accredited (income) but not a qualified purchaser (investments 2 M < 5 M).
    # Eligible A (min 250 k), C (100 k), D (none): 500 k / 3 = 166,666.66 < 250 k -> drop A;
    # 500 k / 2 = 250 k each to C and D. B needs a qualified purchaser.
    investor = InvestorFinances(
        income_two_years_ago=D("400000"),
        income_last_year=D("410000"),
        expects_same_income=True,
        investments=D("2000000"),
    )
    funds = [Fund("A", Requirement.ACCREDITED, D("250000")),
             Fund("B", Requirement.QUALIFIED_PURCHASER, D("1000000")),
             Fund("C", Requirement.ACCREDITED, D("100000")),
             Fund("D", Requirement.NONE, D("0"))]  # fmt: skip

    # Act
    result = allocate_private_equity(D("500000"), "USD", investor, funds)

    # Assert
    given_ = {a.fund.name: (a.eligible, a.amount) for a in result.funds}
    assert given_ == {"A": (True, D("0")), "B": (False, D("0")), "C": (True, D("250000.00")),
                      "D": (True, D("250000.00"))}  # fmt: skip
    assert result.eligibility.accredited and not result.eligibility.qualified_purchaser
    assert result.unallocated == D("0.00")


def test_inflation_beta_is_the_least_squares_slope_with_its_standard_error() -> None:
    # Arrange: 36 months, gold = 0.2 % + 2.5 x inflation + noise
    rng = np.random.default_rng(5)
    inflation = rng.normal(0.003, 0.002, 36)
    gold = 0.002 + 2.5 * inflation + rng.normal(0, 0.01, 36)
    slope, intercept = np.polyfit(inflation, gold, 1)
    residuals = gold - intercept - slope * inflation
    se = np.sqrt(residuals @ residuals / 34 / np.sum((inflation - inflation.mean()) ** 2))

    # Act
    beta = inflation_beta(gold.tolist(), inflation.tolist(), "gold")

    # Assert
    assert (beta.beta, beta.alpha, beta.standard_error) == pytest.approx((slope, intercept, se))
    assert beta.t_statistic == pytest.approx(slope / se)
    assert beta.r_squared == pytest.approx(np.corrcoef(gold, inflation)[0, 1] ** 2)


def test_commodities_weigh_by_positive_beta_from_cpi_levels() -> None:
    # Arrange: exact fits, so the betas are the slopes: gold 2, oil 1, wheat -0.5 (no weight);
    # weights 2 : 1 -> 2/3 and 1/3
    cpi = [300.0 * (1 + 0.002 * (k % 5)) ** (k / 12) for k in range(25)]
    pi = np.array(inflation_from_cpi(cpi))
    series = [("GOLD", (0.001 + 2.0 * pi).tolist()), ("OIL", (1.0 * pi - 0.002).tolist()),
              ("WHEAT", (0.003 - 0.5 * pi).tolist())]  # fmt: skip

    # Act
    result = allocate_commodities(D("3000"), "USD", series, cpi=cpi)

    # Assert
    assert result.betas["GOLD"].beta == pytest.approx(2.0)
    assert result.betas["GOLD"].r_squared == pytest.approx(1.0)
    assert amounts(result.sleeve) == {"GOLD": D("2000.00"), "OIL": D("1000.00"),
                                      "WHEAT": D("0.00")}  # fmt: skip


def test_commodity_series_must_pair_with_inflation_and_be_long_enough() -> None:
    # Act
    with pytest.raises(InvalidAlternativesInput) as unpaired:
        allocate_commodities(D("100"), "USD", [("GOLD", [0.01] * 20)], inflation=[0.002] * 19)
    with pytest.raises(InvalidAlternativesInput) as short:
        allocate_commodities(D("100"), "USD", [("GOLD", [0.01] * 5)], inflation=[0.002] * 5)

    # Assert
    assert (unpaired.value.code, unpaired.value.field) == (
        "INVALID_ALTERNATIVES_INPUT", "commodities[0].returns")  # fmt: skip
    assert short.value.code == "INSUFFICIENT_OBSERVATIONS"


@settings(max_examples=200, deadline=None)
@given(st.decimals(D("0.01"), D("1e9"), places=2),
       st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30))  # fmt: skip
def test_split_never_makes_money_and_loses_at_most_a_cent_a_part(
    amount: Decimal, raw: list[float]
) -> None:
    # Arrange
    total = sum(raw)
    weights = [w / total for w in raw] if total > 0 else raw

    # Act
    parts = split(amount, weights)

    # Assert
    assert sum(parts) <= amount
    assert all(p >= 0 for p in parts)
    if total > 0:
        assert amount - sum(parts) <= D("0.01") * len(parts)
