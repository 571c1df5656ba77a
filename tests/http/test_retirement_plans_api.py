"""/api/v1/wealth/retirement/accounts/{id}/...: the plan kept beside a stored account, its
contributions, and the calculations on the stored figures, which must equal the same figures
posted to the calculations on posted figures. The harness clock reads 2026-01-05."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User
from tests.http.retirement_helpers import PLAN_401K, holding, kept_401k, ok

pytestmark = [pytest.mark.serves("wealth", "audit"), pytest.mark.shares_app()]

RET = "/api/v1/wealth/retirement"


def at(account_id: str, what: str) -> str:
    return f"{RET}/accounts/{account_id}/{what}"


async def test_a_plan_and_its_contributions_are_kept_read_back_and_audited(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await holding(harness, owner, "k1", "50000")

    # Act
    put = await ok(harness, owner, "PUT", at(account, "plan"), PLAN_401K)
    read = await ok(harness, owner, "GET", at(account, "plan"))
    added = await ok(
        harness, owner, "POST", at(account, "contributions"),
        {"tax_year": 2025, "amount": "9000", "contributed_on": "2025-06-30"},
    )  # fmt: skip
    await ok(
        harness, owner, "POST", at(account, "contributions"),
        {"tax_year": 2026, "amount": "500", "contributed_on": "2026-01-02"},
    )  # fmt: skip
    year = await ok(harness, owner, "GET", at(account, "contributions") + "?tax_year=2025")
    audit = await ok(harness, owner, "GET", "/api/v1/audit?action=retirement_*")

    # Assert
    assert put == read
    assert read["kind"] == "401k" and read["compensation"] == "120000.00"
    assert read["vesting"]["kind"] == "graded" and read["vesting"]["start"] == 2
    assert Decimal(read["vesting"]["step"]) == Decimal("0.2")
    assert [c["id"] for c in year["items"]] == [added["id"]]
    assert added["amount"] == "9000.00" and added["source"] == "employee"
    actions = sorted(e["action"] for e in audit["items"])
    assert actions == [
        "retirement_contribution.added", "retirement_contribution.added", "retirement_plan.put",
    ]  # fmt: skip
    assert {e["subject"] for e in audit["items"]} == {"account:k1"}


async def test_another_users_account_answers_404_everywhere(harness: Harness, owner: User) -> None:
    # Arrange
    account = await holding(harness, owner, "k2", "1000")
    await ok(harness, owner, "PUT", at(account, "plan"), PLAN_401K)
    other = await harness.user()

    # Act
    answers = [
        await harness.client.get(at(account, "plan"), headers=other.headers),
        await harness.client.put(at(account, "plan"), json=PLAN_401K, headers=other.headers),
        await harness.client.get(at(account, "contributions"), headers=other.headers),
        await harness.client.post(
            at(account, "contributions"),
            json={"tax_year": 2025, "amount": "1", "contributed_on": "2025-01-02"},
            headers=other.headers,
        ),
        await harness.client.post(at(account, "rmd"), json={"year": 2026}, headers=other.headers),
        await harness.client.post(
            at(account, "contribution-room"), json={"tax_year": 2025}, headers=other.headers
        ),
    ]

    # Assert
    for answer in answers:
        assert_problem(answer, 404, "NOT_FOUND")


async def test_no_plan_kept_and_refusals(harness: Harness, owner: User) -> None:
    # Arrange
    account = await holding(harness, owner, "k3", "1000")

    # Act
    no_plan = await harness.client.post(
        at(account, "rmd"), json={"year": 2026}, headers=owner.headers
    )
    bad_kind = await harness.client.put(
        at(account, "plan"), json={**PLAN_401K, "kind": "529"}, headers=owner.headers
    )
    match_on_ira = await harness.client.put(
        at(account, "plan"), json={**PLAN_401K, "kind": "ira"}, headers=owner.headers
    )

    # Assert
    assert_problem(no_plan, 404, "RETIREMENT_PLAN_NOT_FOUND")
    assert bad_kind.status_code == 400, bad_kind.text
    problem = assert_problem(match_on_ira, 422, "INVALID_RETIREMENT_INPUT")
    assert problem["errors"][0]["field"] == "match_tiers"


async def test_stored_figures_give_what_the_same_figures_posted_give(
    harness: Harness, owner: User
) -> None:
    # Arrange: a 401(k) of 50,000 cash and 10 AAPL at 190 (balance 51,900), 2025 deferrals
    # 9,000 + 3,000 and 4,000 of employer money; years of service on 2026-01-05: 3
    account = await kept_401k(harness, owner, "k4")

    # Act
    room = await ok(harness, owner, "POST", at(account, "contribution-room"), {"tax_year": 2025})
    room_posted = await ok(
        harness, owner, "POST", f"{RET}/contribution-room",
        {"account_type": "401k", "tax_year": 2025, "age": 59, "contributed": "12000",
         "employer_contributions": "4000", "compensation": "120000"},
    )  # fmt: skip
    rmd = await ok(harness, owner, "POST", at(account, "rmd"), {"year": 2026})
    rmd_posted = await ok(
        harness, owner, "POST", f"{RET}/rmd",
        {"balance": "51900", "birth_date": "1966-04-02", "year": 2026},
    )  # fmt: skip
    match = await ok(harness, owner, "POST", at(account, "employer-match"), {"tax_year": 2025})
    match_posted = await ok(
        harness, owner, "POST", f"{RET}/employer-match",
        {"tiers": PLAN_401K["match_tiers"], "vesting": PLAN_401K["vesting"],
         "compensation": "120000", "deferral": "12000", "tax_year": 2025,
         "years_of_service": 3, "employer_balance": "4000"},
    )  # fmt: skip
    what_if = {"taxable_income": "80000", "years": 10, "growth_rate": "0.05",
               "filing_status": "single", "future_rate": "0.24", "state_rate": "0"}  # fmt: skip
    conversion = await ok(harness, owner, "POST", at(account, "roth-conversion"), what_if)
    conversion_posted = await ok(
        harness, owner, "POST", f"{RET}/roth-conversion",
        {**what_if, "amount": "51900", "age": 60},
    )  # fmt: skip

    # Assert
    assert room["room"] == room_posted
    assert room["room"]["room"] == "19000.00"  # 23,500 + 7,500 catch-up at 59 - 12,000
    assert room["stored"]["balance"] == "51900.00"
    assert room["stored"]["contributions_counted"] == 3
    assert "equity at the current reference marks" in room["stored"]["source"]
    assert rmd["rmd"] == rmd_posted and rmd["rmd"]["required"] is False  # age 60
    assert match["match"] == match_posted
    assert match["match"]["match"] == "4800.00"  # 3 % + 0.5 x 2 % of 120,000
    assert Decimal(match["match"]["vested_fraction"]) == Decimal("0.4")  # graded, 3 years
    assert match["match"]["vested_employer_balance"] == "1600.00"
    assert match["years_of_service"] == 3 and match["employer_contributed"] == "4000.00"
    assert conversion["conversion"] == conversion_posted


async def test_a_sep_ira_is_25_percent_of_pay_capped(harness: Harness, owner: User) -> None:
    # Arrange: 2025, IRC 402(h)(2): 25 % of pay counted up to 350,000, at most 70,000 (415(c))
    high = await holding(harness, owner, "sep1", "0")
    low = await holding(harness, owner, "sep2", "0")
    sep = {"kind": "sep_ira", "birth_date": "1980-01-01"}
    await ok(harness, owner, "PUT", at(high, "plan"), {**sep, "compensation": "400000"})
    await ok(harness, owner, "PUT", at(low, "plan"), {**sep, "compensation": "100000"})
    await ok(
        harness, owner, "POST", at(low, "contributions"),
        {"tax_year": 2025, "amount": "5000", "source": "employer", "contributed_on": "2025-12-01"},
    )  # fmt: skip

    # Act
    capped = await ok(harness, owner, "POST", at(high, "contribution-room"), {"tax_year": 2025})
    by_pay = await ok(harness, owner, "POST", at(low, "contribution-room"), {"tax_year": 2025})

    # Assert: 25 % x 350,000 = 87,500 > 70,000; 25 % x 100,000 = 25,000 less 5,000 in
    assert capped["room"]["reduced_limit"] == "70000.00"
    assert capped["room"]["room"] == "70000.00"
    assert by_pay["room"]["reduced_limit"] == "25000.00"
    assert by_pay["room"]["room"] == "20000.00"
    assert by_pay["stored"]["plan_kind"] == "sep_ira"
