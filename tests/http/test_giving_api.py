"""The giving routes over the real container: receipts, owner scoping, the DAF flow, opening
carryovers, the deduction and the suggestion (posted, and from the caller's portfolio).
The harness clock reads 2026-01-05 (UTC)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import buy, deposit, portfolio_with

pytestmark = [pytest.mark.serves("portfolio"), pytest.mark.shares_app()]

ROOT = "/api/v1/planning/giving"
STOCK = {
    "donated_on": "2025-06-02", "donee": "City Museum", "kind": "stock", "amount": "12000",
    "symbol": "AAPL", "shares": "50", "cost_basis": "4000", "acquired": "2020-01-15",
}  # fmt: skip


async def test_a_donation_answers_its_receipt_and_reads_back(harness: Harness, owner: User) -> None:
    # Act
    made = await harness.client.post(f"{ROOT}/donations", json=STOCK, headers=owner.headers)
    again = await harness.client.get(f"{ROOT}/donations/{made.json()['id']}", headers=owner.headers)
    listed = await harness.client.get(
        f"{ROOT}/donations", params={"year": 2025}, headers=owner.headers
    )

    # Assert
    assert made.status_code == 201, made.text
    receipt = made.json()
    assert receipt["receipt"] == "GIFT-2025-0001"
    assert (receipt["category"], receipt["deductible_amount"]) == ("capital_gain_30", "12000")
    assert receipt["holding_period"] == "long" and receipt["untaxed_appreciation"] == "8000"
    assert receipt["fair_market_value"] == "12000" and receipt["acknowledgment_required"]
    assert again.json() == receipt
    assert [r["id"] for r in listed.json()["items"]] == [receipt["id"]]


async def test_another_users_donation_is_not_found(harness: Harness, owner: User) -> None:
    # Arrange
    made = await harness.client.post(f"{ROOT}/donations", json=STOCK, headers=owner.headers)
    stranger = await harness.user()
    gift = f"{ROOT}/donations/{made.json()['id']}"

    # Act
    read = await harness.client.get(gift, headers=stranger.headers)
    deleted = await harness.client.delete(gift, headers=stranger.headers)
    theirs = await harness.client.get(f"{ROOT}/donations", headers=stranger.headers)

    # Assert
    assert_problem(read, 404, "DONATION_NOT_FOUND")
    assert_problem(deleted, 404, "DONATION_NOT_FOUND")
    assert theirs.json()["items"] == []
    assert (await harness.client.get(gift, headers=owner.headers)).status_code == 200


async def test_bad_donations_are_problems_naming_the_field(harness: Harness, owner: User) -> None:
    # Act
    future = await harness.client.post(
        f"{ROOT}/donations",
        json={"donated_on": "2026-02-01", "donee": "X", "amount": "10"},
        headers=owner.headers,
    )
    no_basis = await harness.client.post(
        f"{ROOT}/donations", json={**STOCK, "cost_basis": None}, headers=owner.headers
    )
    negative = await harness.client.post(
        f"{ROOT}/donations",
        json={"donated_on": "2025-01-01", "donee": "X", "amount": "-10"},
        headers=owner.headers,
    )

    # Assert
    field = assert_problem(future, 422, "INVALID_GIVING_INPUT")["errors"][0]["field"]
    assert field == "donated_on"
    field = assert_problem(no_basis, 422, "INVALID_GIVING_INPUT")["errors"][0]["field"]
    assert field == "cost_basis"
    assert assert_problem(negative, 400, "VALIDATION_ERROR")["errors"][0]["field"] == "amount"


async def test_the_donor_advised_fund_flow(harness: Harness, owner: User) -> None:
    # Arrange: 50,000 cash into a DAF in 2025
    contribution = {
        "donated_on": "2025-12-20",
        "donee": "Community Foundation",
        "donee_kind": "donor_advised_fund",
        "fund": "Family Fund",
        "amount": "50000",
    }
    made = await harness.client.post(f"{ROOT}/donations", json=contribution, headers=owner.headers)
    assert made.status_code == 201, made.text

    # Act: a grant in 2026, the funds, the 2025 and 2026 deductions
    grant = await harness.client.post(
        f"{ROOT}/daf-grants",
        json={"fund": "Family Fund", "granted_on": "2026-01-03", "grantee": "Food Bank",
              "amount": "5000"},
        headers=owner.headers,
    )  # fmt: skip
    funds = await harness.client.get(f"{ROOT}/dafs", headers=owner.headers)
    agi = {"2025": "200000", "2026": "200000"}
    y2025 = await harness.client.post(
        f"{ROOT}/deduction", json={"tax_year": 2025, "agi": agi}, headers=owner.headers
    )
    y2026 = await harness.client.post(
        f"{ROOT}/deduction", json={"tax_year": 2026, "agi": agi}, headers=owner.headers
    )
    unknown_fund = await harness.client.post(
        f"{ROOT}/daf-grants",
        json={"fund": "Nope", "granted_on": "2026-01-03", "grantee": "X", "amount": "1"},
        headers=owner.headers,
    )

    # Assert: deducted in 2025 (the contribution year); the 2026 grant is not deducted again
    assert grant.status_code == 201 and grant.json()["deductible"] is False
    (fund,) = funds.json()["funds"]
    assert (fund["contributed"], fund["granted"], fund["ungranted"]) == ("50000", "5000", "45000")
    assert y2025.json()["deduction"] == "50000"
    assert y2026.json()["deduction"] == "0"
    assert any("P.L. 119-21" in note for note in y2026.json()["year"]["notes"])
    field = assert_problem(unknown_fund, 422, "INVALID_GIVING_INPUT")["errors"][0]["field"]
    assert field == "fund"


async def test_the_deduction_over_years_with_opening_carryovers(
    harness: Harness, owner: User
) -> None:
    # Arrange: a 12,000 cash carryover from 2023 brought in; 2025: 30,000 cash and the stock
    carried = await harness.client.put(
        f"{ROOT}/carryovers",
        json={"into_year": 2025,
              "carryovers": [{"origin_year": 2023, "category": "cash_60", "amount": "12000"}]},
        headers=owner.headers,
    )  # fmt: skip
    for body in (STOCK, {"donated_on": "2025-03-01", "donee": "Food Bank", "amount": "30000"}):
        made = await harness.client.post(f"{ROOT}/donations", json=body, headers=owner.headers)
        assert made.status_code == 201, made.text

    # Act
    answer = await harness.client.post(
        f"{ROOT}/deduction", json={"tax_year": 2025, "agi": {"2025": "100000"}},
        headers=owner.headers,
    )  # fmt: skip
    missing = await harness.client.post(
        f"{ROOT}/deduction", json={"tax_year": 2025, "agi": {}}, headers=owner.headers
    )

    # Assert: cash 30,000 + 12,000 carried = 42,000 (under 60,000); the stock's room is
    # min(30,000, 50,000 - 42,000) = 8,000: 50,000 deducted, 4,000 carried to 2026-2030
    assert carried.status_code == 200, carried.text
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["deduction"] == "50000"
    cash, _, gain = body["year"]["lines"]
    assert (
        cash["deducted_carryover"] == "12000" and cash["carryovers_used"][0]["origin_year"] == 2023
    )
    assert (gain["limit"], gain["deducted"], gain["carried_forward"]) == ("8000", "8000", "4000")
    assert body["year"]["carryovers_out"] == [
        {"origin_year": 2025, "category": "capital_gain_30", "amount": "4000", "last_year": 2030}
    ]
    assert body["form_8283_required"] is True
    assert body["opening"]["into_year"] == 2025
    assert assert_problem(missing, 422, "INVALID_GIVING_INPUT")["errors"][0]["field"] == "agi.2025"


async def test_a_suggestion_from_posted_returns(harness: Harness, owner: User) -> None:
    # Act
    answer = await harness.client.post(
        f"{ROOT}/suggestion",
        json={"portfolio_return": "0.12", "benchmark_return": "0.07", "start_value": "1000000",
              "threshold": "0.02", "share": "0.1", "agi": "4000"},
        headers=owner.headers,
    )  # fmt: skip
    neither = await harness.client.post(
        f"{ROOT}/suggestion", json={"benchmark_return": "0.07"}, headers=owner.headers
    )

    # Assert: 0.1 x (0.05 - 0.02) x 1,000,000 = 3,000; cash room 60% x 4,000 = 2,400
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["suggested"] == "3000" and body["excess_alpha"] == "0.03"
    assert body["room"]["room"] == "2400" and body["room"]["deductible_now"] == "2400"
    field = assert_problem(neither, 422, "INVALID_GIVING_INPUT")["errors"][0]["field"]
    assert field == "portfolio_return"


async def test_a_suggestion_from_the_callers_portfolio(harness: Harness, owner: User) -> None:
    # Arrange
    await harness.instrument("AAPL", "190")
    mine = await portfolio_with(harness, owner, deposit("2000"), buy("AAPL", "10", "150"))
    period = {"start": "2025-12-01", "end": "2026-01-05"}
    stranger = await harness.user()

    # Act
    answer = await harness.client.post(
        f"{ROOT}/suggestion",
        json={"portfolio_id": mine, "benchmark_return": "-0.5", "threshold": "0", "share": "1",
              **period},
        headers=owner.headers,
    )  # fmt: skip
    performance = await harness.client.get(
        f"/api/v1/portfolios/{mine}/performance", params=period, headers=owner.headers
    )
    theirs = await harness.client.post(
        f"{ROOT}/suggestion", json={"portfolio_id": mine, "benchmark_return": "0"},
        headers=stranger.headers,
    )  # fmt: skip

    # Assert: R_p is the ledger's TWR over the period; the base is the first day's value
    # (the portfolio opened inside the period with a 2,000 deposit)
    assert answer.status_code == 200, answer.text
    body, twr = answer.json(), Decimal(performance.json()["twr"])
    assert Decimal(body["portfolio_return"]).quantize(Decimal("1E-10")) == twr  # twr: 10 places
    assert body["start_value"] == "2000"
    expected = ((twr + Decimal("0.5")) * 2000).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    assert Decimal(body["suggested"]) == expected
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")


async def test_a_viewer_reads_but_records_nothing(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    recorded = await harness.client.post(f"{ROOT}/donations", json=STOCK, headers=viewer.headers)
    deduction = await harness.client.post(
        f"{ROOT}/deduction", json={"tax_year": 2025, "agi": {}}, headers=viewer.headers
    )

    # Assert
    assert_problem(recorded, 403, "FORBIDDEN")
    assert deduction.status_code == 200 and deduction.json()["deduction"] == "0"
