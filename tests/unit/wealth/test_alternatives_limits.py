"""The alternatives allocator's limits: rebalancing dates, drift, volatility scaling, caps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from application.portfolio.alternatives import AlternativesService, allocate_commodities
from domain.analytics.alternatives.accredited import Fund, InvestorFinances, Requirement
from domain.analytics.alternatives.errors import InvalidAlternativesInput
from domain.analytics.alternatives.limits import (
    AlternativesLimits,
    RebalanceSchedule,
    annualised_volatility,
    drifted,
    next_rebalance,
)
from domain.succession.errors import InvalidEstateTaxSchedule
from domain.succession.estate_tax import estimate_estate_tax, us_federal_schedule

D = Decimal


@pytest.mark.parametrize(
    ("today", "schedule", "expected"),
    [(date(2026, 11, 25), RebalanceSchedule.QUARTERLY, date(2026, 12, 31)),
     (date(2026, 2, 3), RebalanceSchedule.MONTHLY, date(2026, 2, 28)),
     (date(2028, 2, 3), RebalanceSchedule.MONTHLY, date(2028, 2, 29)),
     (date(2026, 6, 30), RebalanceSchedule.SEMIANNUAL, date(2026, 6, 30)),
     (date(2026, 7, 1), RebalanceSchedule.ANNUAL, date(2026, 12, 31))],
)  # fmt: skip
def test_next_rebalance_is_the_periods_last_day(
    today: date, schedule: RebalanceSchedule, expected: date
) -> None:
    assert next_rebalance(today, schedule) == expected


def test_drift_beyond_the_band_is_reported() -> None:
    found = drifted({"A": 0.5, "B": 0.5}, {"A": 0.57, "B": 0.43}, 0.05)
    within = drifted({"A": 0.5, "B": 0.5}, {"A": 0.54, "B": 0.46}, 0.05)

    assert found == pytest.approx({"A": 0.07, "B": -0.07})
    assert within == {}


def test_annualised_volatility_of_alternating_returns() -> None:
    # +-1 % a month: sample sd = 0.01 x sqrt(12/11) for 12 points; x sqrt(12) a year
    returns = [[0.01 if k % 2 else -0.01 for k in range(12)]]

    vol = annualised_volatility([1.0], returns, 12)

    assert vol == pytest.approx(0.01 * (12 / 11) ** 0.5 * 12**0.5)


def test_a_volatile_commodity_sleeve_is_scaled_to_the_cap() -> None:
    inflation = [0.002 + 0.001 * (k % 3) for k in range(24)]
    volatile = [0.05 * (1 if k % 2 else -1) + 3 * p for k, p in enumerate(inflation)]

    result = allocate_commodities(
        D("1000"), "USD", [("OIL", volatile)], inflation=inflation, volatility_cap=0.10
    )

    held = result.sleeve.allocations[0].amount
    assert D(0) < held < D(1000)
    assert result.sleeve.unallocated == D(1000) - held
    assert any("volatility" in n for n in result.sleeve.notes)


def test_a_request_may_tighten_but_never_loosen_the_configured_caps() -> None:
    service = AlternativesService(AlternativesLimits(crypto_max_weight=0.30))

    with pytest.raises(InvalidAlternativesInput) as caught:
        service.crypto(D(100), "USD", [], max_weight=0.35)

    assert caught.value.field == "max_weight"


def test_private_equity_is_capped_at_the_share_of_net_worth() -> None:
    service = AlternativesService(
        AlternativesLimits(private_equity_max_net_worth_fraction=D("0.2"))
    )
    investor = InvestorFinances(assets=D(2_000_000), investments=D(0))
    fund = Fund("Buyout", Requirement.ACCREDITED, D(100_000))

    result = service.private_equity(D(1_000_000), "USD", investor, [fund])

    assert result.funds[0].amount == D(400_000)
    assert result.unallocated == D(600_000)


@pytest.mark.parametrize(("year", "exemption"), [(2024, 13_610_000), (2025, 13_990_000),
                                                  (2026, 15_000_000)])  # fmt: skip
def test_the_estate_exclusion_is_the_years(year: int, exemption: int) -> None:
    estimate = estimate_estate_tax(D(20_000_000), us_federal_schedule(year))

    assert estimate.exemption == D(exemption)
    assert estimate.tax == (D(20_000_000) - exemption) * D("0.40")


def test_an_estate_year_not_held_is_refused_naming_the_year() -> None:
    with pytest.raises(InvalidEstateTaxSchedule) as caught:
        us_federal_schedule(2020)

    assert caught.value.field == "year"
