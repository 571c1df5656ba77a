"""The investor profile's rules, the questionnaire mapping and a strategy's suitability."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.retirement.limits import FilingStatus
from domain.strategies.definition import (
    EntryRules,
    ExitRules,
    SignalSource,
    SizingMethod,
    SizingPolicy,
    SourceKind,
    Strategy,
)
from domain.wealth.profile import (
    InvalidInvestorProfile,
    InvestorProfile,
    RiskTolerance,
    tolerance_from_score,
)
from domain.wealth.suitability import strategy_risk, suitability
from tests.kit.strategies import a_strategy

D = Decimal
T0 = datetime(2026, 1, 2, tzinfo=UTC)


@pytest.mark.parametrize(("score", "level"), [(0, 1), (19, 1), (20, 2), (59, 3), (60, 4),
                                              (79, 4), (80, 5), (100, 5)])  # fmt: skip
def test_questionnaire_scores_map_to_bands_of_20(score: int, level: int) -> None:
    assert tolerance_from_score(score) == RiskTolerance(level)


@given(st.integers(0, 99))
def test_a_higher_score_never_lowers_the_tolerance(score: int) -> None:
    assert tolerance_from_score(score) <= tolerance_from_score(score + 1)


@pytest.mark.parametrize("score", [-1, 101])
def test_scores_out_of_range_are_refused(score: int) -> None:
    with pytest.raises(InvalidInvestorProfile) as caught:
        tolerance_from_score(score)

    assert caught.value.field == "questionnaire_score"


def profile(**changes: object) -> InvestorProfile:
    fields: dict[str, object] = {
        "owner_id": "u-1", "risk_tolerance": RiskTolerance.MODERATE, "horizon_years": 10,
        "filing_status": FilingStatus.SINGLE, "federal_bracket": D("0.24"), "updated_at": T0,
        **changes,
    }  # fmt: skip
    return InvestorProfile(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"federal_bracket": D("0.25")}, "federal_bracket"), ({"horizon_years": 81}, "horizon_years"),
     ({"state_rate": D("0.2")}, "state_rate"), ({"state": "XX"}, "state"),
     ({"accredited_bases": ("income", "income")}, "accredited_bases")],
)  # fmt: skip
def test_profile_fields_out_of_range_are_named(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInvestorProfile) as caught:
        profile(**changes)

    assert caught.value.field == field


def strategy(
    sizing: SizingPolicy | None = None, entry: EntryRules | None = None,
    exit_rules: ExitRules | None = None,
) -> Strategy:  # fmt: skip
    return a_strategy(
        name="s", sources=(SignalSource(SourceKind.EXTERNAL),), sizing=sizing or SizingPolicy(),
        entry=entry or EntryRules(), exit=exit_rules or ExitRules(),
    )  # fmt: skip


def test_the_default_strategy_is_moderately_conservative() -> None:
    # 1 % of equity a trade, positions up to 10 %, a 5 % stop, long only
    risk = strategy_risk(strategy())

    assert risk.level is RiskTolerance.MODERATELY_CONSERVATIVE


def test_shorting_or_no_stop_make_a_strategy_moderately_aggressive() -> None:
    short = strategy_risk(strategy(entry=EntryRules(allow_short=True)))
    notional = SizingPolicy(method=SizingMethod.FIXED_NOTIONAL, notional=D(1000))
    no_stop = strategy_risk(strategy(notional, exit_rules=ExitRules(stop_loss_fraction=None)))

    assert short.level == no_stop.level == RiskTolerance.MODERATELY_AGGRESSIVE
    assert short.reasons == ("sells short",)


def test_large_risk_per_trade_is_aggressive() -> None:
    sizing = SizingPolicy(method=SizingMethod.FIXED_FRACTION, risk_fraction=D("0.06"))

    assert strategy_risk(strategy(sizing)).level is RiskTolerance.AGGRESSIVE


def test_a_strategy_is_suitable_up_to_the_tolerance() -> None:
    s = strategy(entry=EntryRules(allow_short=True))

    assert suitability(s, RiskTolerance.MODERATELY_AGGRESSIVE).suitable
    assert not suitability(s, RiskTolerance.MODERATE).suitable
