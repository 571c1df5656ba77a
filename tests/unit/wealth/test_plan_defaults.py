"""A plan's horizon and risk figures from the investor profile when the request leaves them out."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from application.portfolio.plan_request import PlanRequest, resolve_plan
from domain.analytics.planning.homeostasis import InvalidPlanningFigure
from domain.retirement.limits import FilingStatus
from domain.wealth.plan_defaults import MIX_BY_TOLERANCE
from domain.wealth.profile import InvestorProfile, RiskTolerance


def investor(
    tolerance: RiskTolerance = RiskTolerance.AGGRESSIVE, years: int = 15
) -> InvestorProfile:
    return InvestorProfile(
        "alice", tolerance, years, FilingStatus.SINGLE, Decimal("0.22"),
        datetime(2026, 1, 1, tzinfo=UTC),
    )  # fmt: skip


def test_missing_figures_come_from_the_profile_and_are_named() -> None:
    # Act
    resolved = resolve_plan(PlanRequest(100_000.0, 60), investor())

    # Assert
    plan = resolved.inputs
    assert (plan.horizon_months, plan.annual_return, plan.annual_volatility) == (180, 0.08, 0.17)
    assert resolved.from_profile == {
        "horizon_months": 180, "annual_return": 0.08, "annual_volatility": 0.17,
    }  # fmt: skip
    assert resolved.risk_tolerance is RiskTolerance.AGGRESSIVE


def test_given_figures_are_kept_and_nothing_is_said_to_come_from_the_profile() -> None:
    # Act
    resolved = resolve_plan(PlanRequest(100_000.0, 60, 240, 0.05, 0.1), investor())

    # Assert
    plan = resolved.inputs
    assert (plan.horizon_months, plan.annual_return, plan.annual_volatility) == (240, 0.05, 0.1)
    assert resolved.from_profile == {} and resolved.risk_tolerance is None


def test_without_a_profile_the_first_missing_field_is_named() -> None:
    with pytest.raises(InvalidPlanningFigure) as raised:
        resolve_plan(PlanRequest(100_000.0, 60, 240, None, 0.1), None)
    assert raised.value.field == "annual_return"


@given(st.sampled_from(list(RiskTolerance)))
def test_a_bolder_tolerance_never_assumes_less_return_or_less_risk(t: RiskTolerance) -> None:
    if t is RiskTolerance.AGGRESSIVE:
        return
    bolder, mix = MIX_BY_TOLERANCE[RiskTolerance(t + 1)], MIX_BY_TOLERANCE[t]
    assert bolder.annual_return > mix.annual_return
    assert bolder.annual_volatility > mix.annual_volatility
