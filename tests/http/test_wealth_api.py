"""/api/v1/wealth: the investor profile (owner-scoped, admins read), retirement calculations,
the estate-tax estimate, and the suitability confirmation of live strategies."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import PASSCODE, Harness, User

pytestmark = [pytest.mark.serves("portfolio", "strategies", "wealth"), pytest.mark.shares_app()]

WEALTH = "/api/v1/wealth"
STRATEGIES = "/api/v1/strategies"


def profile(**fields: Any) -> dict[str, Any]:
    return {
        "risk_tolerance": "moderately_conservative",
        "horizon_years": 20,
        "filing_status": "married_joint",
        "federal_bracket": "0.22",
        "state": "NY",
        "state_rate": "0.0685",
        "accredited_bases": ["net_worth"],
        "accept_terms": "2026-01",
        **fields,
    }


async def test_your_profile_is_stored_audited_and_read_back(harness: Harness, owner: User) -> None:
    # Act
    put = await harness.client.put(f"{WEALTH}/profile", json=profile(), headers=owner.headers)
    got = await harness.client.get(f"{WEALTH}/profile", headers=owner.headers)

    # Assert
    assert put.status_code == 200, put.text
    body = got.json()
    assert body == put.json()
    assert body["risk_tolerance"] == "moderately_conservative" and body["risk_level"] == 2
    assert body["federal_bracket"] == "0.2200000000" and body["state_rate"] == "0.0685000000"
    assert body["accredited"] is True and body["accredited_attested_at"] is not None
    assert body["terms_version"] == "2026-01" and body["terms_current"] is True
    entries = await harness.container.core.audit().entries(owner.id)
    assert [e.action for e in entries if e.action.startswith("investor_profile")] == [
        "investor_profile.updated"
    ]


async def test_a_questionnaire_score_gives_the_tolerance(harness: Harness, owner: User) -> None:
    answer = await harness.client.put(
        f"{WEALTH}/profile",
        json=profile(risk_tolerance=None, questionnaire_score=85),
        headers=owner.headers,
    )

    assert answer.status_code == 200, answer.text
    assert answer.json()["risk_tolerance"] == "aggressive"


async def test_another_users_profile_is_404_and_an_admin_may_read_it(
    harness: Harness, owner: User
) -> None:
    # Arrange
    stranger = await harness.user()
    admin = await harness.user(Role.ADMIN)
    await harness.client.put(f"{WEALTH}/profile", json=profile(), headers=owner.headers)

    # Act
    theirs = await harness.client.get(f"{WEALTH}/profiles/{owner.id}", headers=stranger.headers)
    own_none = await harness.client.get(f"{WEALTH}/profile", headers=stranger.headers)
    by_admin = await harness.client.get(f"{WEALTH}/profiles/{owner.id}", headers=admin.headers)
    self_read = await harness.client.get(f"{WEALTH}/profiles/{owner.id}", headers=owner.headers)

    # Assert
    assert_problem(theirs, 404, "INVESTOR_PROFILE_NOT_FOUND")
    assert_problem(own_none, 404, "INVESTOR_PROFILE_NOT_FOUND")
    assert by_admin.status_code == 200 and by_admin.json()["user_id"] == owner.id
    assert self_read.status_code == 200


async def test_invalid_profiles_are_422_naming_the_field(harness: Harness, owner: User) -> None:
    cases = [
        (profile(federal_bracket="0.23"), "federal_bracket"),
        (profile(accredited_bases=["rich"]), "accredited_bases"),
        (profile(accept_terms="2019-01"), "accept_terms"),
        (profile(risk_tolerance=None), "risk_tolerance"),
        (profile(horizon_years=0), "horizon_years"),
        (profile(state="ZZ"), "state"),
    ]
    for body, field in cases:
        answer = await harness.client.put(f"{WEALTH}/profile", json=body, headers=owner.headers)
        problem = assert_problem(answer, 422, "INVALID_INVESTOR_PROFILE")
        assert problem["errors"][0]["field"] == field, problem


async def test_a_viewer_may_not_write_a_profile(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    answer = await harness.client.put(f"{WEALTH}/profile", json=profile(), headers=viewer.headers)

    assert answer.status_code == 403


async def test_contribution_room_takes_the_filing_status_from_the_profile(
    harness: Harness, owner: User
) -> None:
    # Arrange: married filing jointly 2025: the Roth phase-out runs 236,000 - 246,000
    await harness.client.put(f"{WEALTH}/profile", json=profile(), headers=owner.headers)
    body = {"account_type": "roth_ira", "tax_year": 2025, "age": 45, "magi": "241000"}

    # Act
    answer = await harness.client.post(
        f"{WEALTH}/retirement/contribution-room", json=body, headers=owner.headers
    )

    # Assert
    assert answer.status_code == 200, answer.text
    room = answer.json()
    assert room["room"] == "3500.00" and room["limit"] == "7000.00"
    assert room["from_profile"] == ["filing_status"]
    assert "IRS Notice 2024-80" in room["sources"]


async def test_limits_rmd_and_a_year_not_published(harness: Harness, owner: User) -> None:
    limits = await harness.client.get(
        f"{WEALTH}/retirement/limits?tax_year=2026", headers=owner.headers
    )
    rmd = await harness.client.post(
        f"{WEALTH}/retirement/rmd",
        json={"balance": "100000", "birth_date": "1951-06-01", "year": 2024},
        headers=owner.headers,
    )
    missing = await harness.client.get(
        f"{WEALTH}/retirement/limits?tax_year=2031", headers=owner.headers
    )

    assert limits.json()["elective_deferral"] == "24500.00"
    assert limits.json()["catch_up_60_63"] == "11250.00"
    assert rmd.json()["amount"] == "3773.58" and rmd.json()["deadline"] == "2025-04-01"
    assert_problem(missing, 422, "TAX_YEAR_NOT_PUBLISHED")


async def test_roth_conversion_uses_the_profiles_rates(harness: Harness, owner: User) -> None:
    # Arrange: the profile says MFJ, 22 % federal and 6.85 % state
    await harness.client.put(f"{WEALTH}/profile", json=profile(), headers=owner.headers)
    body = {"amount": "50000", "taxable_income": "100000", "years": 10, "growth_rate": "0.05"}

    # Act
    answer = await harness.client.post(
        f"{WEALTH}/retirement/roth-conversion", json=body, headers=owner.headers
    )
    stranger = await harness.user()
    without = await harness.client.post(
        f"{WEALTH}/retirement/roth-conversion", json=body, headers=stranger.headers
    )

    # Assert
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["federal_tax_now"] == "11000.00"  # 50,000 x 22 % (MFJ 2025)
    assert result["state_tax_now"] == "3425.00"
    assert sorted(result["from_profile"]) == ["filing_status", "future_rate", "state_rate"]
    assert result["assumptions"]
    problem = assert_problem(without, 422, "INVALID_RETIREMENT_INPUT")
    assert problem["errors"][0]["field"] == "future_rate"


async def test_the_estate_tax_estimate_by_year_of_death(harness: Harness, owner: User) -> None:
    body = {"gross_estate": "20000000", "year": 2025}

    answer = await harness.client.post(f"{WEALTH}/estate-tax", json=body, headers=owner.headers)
    unknown = await harness.client.post(
        f"{WEALTH}/estate-tax", json={"gross_estate": "1", "year": 2019}, headers=owner.headers
    )

    assert answer.status_code == 200, answer.text
    assert answer.json()["exemption"] == "13990000.00"
    assert answer.json()["tax"] == "2404000.00"  # 40 % of 6,010,000
    problem = assert_problem(unknown, 422, "INVALID_ESTATE_TAX_SCHEDULE")
    assert problem["errors"][0]["field"] == "year"


def aggressive_strategy(account_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "name": "short momentum",
        "account_ids": [account_id],
        "sources": [{"kind": "external", "symbols": ["AAPL"]}],
        "sizing": {"method": "fixed_fraction", "risk_fraction": "0.03",
                   "max_position_fraction": "0.4"},
        "entry": {"min_score": 0.5, "allow_short": True},
        "mode": "live",
        "passcode": PASSCODE,
        **fields,
    }  # fmt: skip


@pytest.mark.own_app("it reads the audit log of the whole instance")
async def test_a_live_strategy_above_your_tolerance_needs_confirmation(
    market: Harness, owner: User
) -> None:
    # Arrange: tolerance 2 (moderately conservative); the strategy is level 4
    acc_1 = await market.account(owner, "acc-1")
    await market.client.put(f"{WEALTH}/profile", json=profile(), headers=owner.headers)

    # Act
    refused = await market.client.post(
        STRATEGIES, json=aggressive_strategy(acc_1), headers=owner.headers
    )
    confirmed = await market.client.post(
        STRATEGIES, json=aggressive_strategy(acc_1, confirm_risk=True), headers=owner.headers
    )

    # Assert
    problem = assert_problem(refused, 409, "SUITABILITY_CONFIRMATION_REQUIRED")
    assert "tolerance 2" in problem["detail"]
    assert confirmed.status_code == 201, confirmed.text
    entries = await market.container.core.audit().entries()
    outcomes = [e.outcome for e in entries if e.action == "strategy.suitability"]
    assert any(o.startswith("refused") for o in outcomes)
    assert any(o.startswith("confirmed") for o in outcomes)


async def test_a_paper_strategy_and_a_suitable_one_need_no_confirmation(
    market: Harness, owner: User
) -> None:
    acc_1 = await market.account(owner, "acc-1")
    await market.client.put(
        f"{WEALTH}/profile", json=profile(risk_tolerance="aggressive"), headers=owner.headers
    )

    live = await market.client.post(
        STRATEGIES, json=aggressive_strategy(acc_1), headers=owner.headers
    )

    assert live.status_code == 201, live.text


async def test_harvesting_takes_the_filing_status_from_the_profile(
    harness: Harness, owner: User
) -> None:
    # Arrange
    stranger = await harness.user()
    hoh = await harness.user()
    await harness.client.put(f"{WEALTH}/profile", json=profile(), headers=owner.headers)
    await harness.client.put(
        f"{WEALTH}/profile", json=profile(filing_status="head_of_household"), headers=hoh.headers
    )

    # Act
    mine = await harness.client.post("/api/v1/tax/harvesting", json={}, headers=owner.headers)
    theirs = await harness.client.post("/api/v1/tax/harvesting", json={}, headers=stranger.headers)
    unshipped = await harness.client.post("/api/v1/tax/harvesting", json={}, headers=hoh.headers)
    explicit = await harness.client.post(
        "/api/v1/tax/harvesting", json={"filing_status": "single"}, headers=owner.headers
    )

    # Assert
    assert mine.status_code == 200, mine.text
    assert mine.json()["rates"]["filing_status"] == "married_joint"
    assert theirs.json()["rates"]["filing_status"] == "single"
    assert explicit.json()["rates"]["filing_status"] == "single"
    problem = assert_problem(unshipped, 422, "INVALID_TAX_INPUT")
    assert problem["errors"][0]["field"] == "filing_status"


async def test_employer_match_and_vesting(harness: Harness, owner: User) -> None:
    body = {
        "tiers": [{"band": "0.03", "rate": "1"}, {"band": "0.02", "rate": "0.5"}],
        "compensation": "100000", "deferral": "6000", "tax_year": 2025,
        "vesting": {"kind": "graded", "start": 2, "step": "0.2"}, "years_of_service": 3,
        "employer_balance": "10000",
    }  # fmt: skip
    slow = {**body, "vesting": {"kind": "cliff", "years": 5}}

    answer = await harness.client.post(
        f"{WEALTH}/retirement/employer-match", json=body, headers=owner.headers
    )
    refused = await harness.client.post(
        f"{WEALTH}/retirement/employer-match", json=slow, headers=owner.headers
    )

    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["match"] == "4000.00"  # 3 % + half of 2 % of 100,000
    assert result["vested_fraction"] == "0.4000000000"
    assert result["vested_employer_balance"] == "4000.00"
    problem = assert_problem(refused, 422, "INVALID_RETIREMENT_INPUT")
    assert problem["errors"][0]["field"] == "years"
