"""Bonds as instruments and as holdings, through the app: an admin creates a bond with its terms
(read back by anyone; a bad term is a 422 naming it), a portfolio holds it in hundreds of face
at its clean price per 100, and GET /api/v1/portfolios/{id}/fixed-income answers the same
figures as the posted ladder of the same bonds; another user's portfolio is 404."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import buy, deposit, portfolio_with

pytestmark = pytest.mark.serves("analytics", "portfolio", "trading")

INSTRUMENTS = "/api/v1/instruments"
LADDER = "/api/v1/analytics/fixed-income/ladder"
SETTLE = "2026-03-10"

TREASURY = {
    "face_value": "1000", "coupon_rate": "0.0425", "frequency": 2,
    "issue_date": "2021-05-15", "maturity": "2031-05-15", "day_count": "ACT/ACT ICMA",
}  # fmt: skip
CORPORATE = {
    "face_value": "1000", "coupon_rate": "0.055", "frequency": 2,
    "issue_date": "2025-11-20", "maturity": "2029-09-20", "day_count": "30/360 US",
}  # fmt: skip


@pytest.fixture
async def admin(harness: Harness) -> User:
    return await harness.user(Role.ADMIN)


async def create_bond(harness: Harness, admin: User, symbol: str, terms: dict[str, Any]) -> Any:
    body = {"symbol": symbol, "asset_class": "bond", "name": f"{symbol} bond", "bond": terms}
    return await harness.client.post(INSTRUMENTS, json=body, headers=admin.headers)


async def test_an_admin_creates_a_bond_and_anyone_reads_its_terms(
    harness: Harness, admin: User, owner: User
) -> None:
    # Act
    made = await create_bond(harness, admin, "UST-2031", TREASURY)
    read = await harness.client.get(f"{INSTRUMENTS}/UST-2031", headers=owner.headers)
    bonds = await harness.client.get(
        INSTRUMENTS, params={"asset_class": "bond"}, headers=owner.headers
    )

    # Assert: lot one bond (1,000 of face = 10 units of 100 face), multiplier 1
    assert made.status_code == 201, made.text
    assert made.headers["location"] == f"{INSTRUMENTS}/UST-2031"
    body = read.json()
    assert read.status_code == 200 and body == made.json()
    assert (body["asset_class"], body["lot_size"], body["multiplier"]) == (
        "bond", "10.00000000", "1.0000000000"
    )  # fmt: skip
    terms = body["bond"]
    assert terms["face_value"] == "1000.00" and terms["coupon_rate"] == "0.0425000000"
    assert (terms["frequency"], terms["day_count"]) == (2, "ACT/ACT ICMA")
    assert (terms["issue_date"], terms["maturity"]) == ("2021-05-15", "2031-05-15")
    assert "per 100 of face" in terms["units"] and "hundreds of face" in terms["units"]
    assert [i["symbol"] for i in bonds.json()["items"]] == ["UST-2031"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"asset_class": "bond", "bond": {**TREASURY, "frequency": 3}}, "bond.frequency"),
        ({"asset_class": "bond", "bond": {**TREASURY, "day_count": "ACT/360"}}, "bond.day_count"),
        ({"asset_class": "bond", "bond": {**TREASURY, "maturity": "2021-01-01"}}, "bond.maturity"),
        ({"asset_class": "bond"}, "bond"),
        ({"asset_class": "bond", "bond": TREASURY, "multiplier": "10"}, "multiplier"),
        ({"asset_class": "equity", "bond": TREASURY}, "asset_class"),
    ],
)
async def test_a_bad_term_is_a_422_naming_it_and_nothing_is_stored(
    harness: Harness, admin: User, body: dict[str, Any], field: str
) -> None:
    # Act
    answer = await harness.client.post(
        INSTRUMENTS, json={"symbol": "BAD-1", **body}, headers=admin.headers
    )
    read = await harness.client.get(f"{INSTRUMENTS}/BAD-1", headers=admin.headers)

    # Assert
    problem = assert_problem(answer, 422, "INVALID_BOND_TERMS")
    assert [e["field"] for e in problem["errors"]] == [field]
    assert read.status_code == 404


async def test_a_portfolios_bonds_are_the_posted_ladders_figures_and_anothers_is_not_found(
    harness: Harness, admin: User, owner: User
) -> None:
    # Arrange: 25 treasuries (25,000 face = 250 units) marked at 97.25, 10 corporates without a
    # mark (priced at their coupon), and 10 AAPL, which is not a bond
    await create_bond(harness, admin, "UST-2031", TREASURY)
    await create_bond(harness, admin, "CORP-2029", CORPORATE)
    harness.container.core.market().set_price("UST-2031", Decimal("97.25"))
    await harness.instrument("AAPL", "190")
    mine = await portfolio_with(
        harness, owner, deposit("100000"), buy("UST-2031", "250", "96.5"),
        buy("CORP-2029", "100", "100"), buy("AAPL", "10", "150"),
    )  # fmt: skip
    stranger = await harness.user()
    route = f"/api/v1/portfolios/{mine}/fixed-income"
    shocks = {"shocks_bp": [-100, 100]}
    rung = {k: v for k, v in TREASURY.items() if k not in ("face_value", "coupon_rate")}
    ladder = {
        "settlement": SETTLE, "shocks_bp": [-100, 100],
        "bonds": [
            {**rung, "coupon_rate": 0.0425, "clean_price": 97.25, "face": 25_000},
            {"maturity": "2029-09-20", "issue_date": "2025-11-20", "coupon_rate": 0.055,
             "frequency": 2, "day_count": "30/360 US", "yield_rate": 0.055, "face": 10_000},
        ],
    }  # fmt: skip

    # Act
    stored = await harness.client.get(
        route, params={"settlement": SETTLE, **shocks}, headers=owner.headers
    )
    today = await harness.client.get(route, headers=owner.headers)
    posted = await harness.client.post(LADDER, json=ladder, headers=owner.headers)
    held = await harness.client.get(f"/api/v1/portfolios/{mine}/holdings", headers=owner.headers)
    theirs = await harness.client.get(route, headers=stranger.headers)

    # Assert
    assert stored.status_code == 200, stored.text
    body, expected = stored.json(), posted.json()
    assert (body["portfolio_id"], body["currency"], body["settlement"]) == (mine, "USD", SETTLE)
    by_symbol = {h["symbol"]: h for h in body["holdings"]}
    assert list(by_symbol) == ["CORP-2029", "UST-2031"]
    ust, corp = by_symbol["UST-2031"], by_symbol["CORP-2029"]
    assert (ust["quantity"], ust["face"], ust["price_source"]) == ("250.00000000", 25000.0, "mark")
    assert (corp["face"], corp["price_source"]) == (10000.0, "stated_coupon")
    assert corp["yield_rate"] == 0.055
    for mine_, rung_ in ((ust, expected["positions"][0]), (corp, expected["positions"][1])):
        for key in ("yield_rate", "clean_price", "dirty_price", "macaulay_duration",
                    "modified_duration", "convexity", "dv01", "bpv", "market_value",
                    "position_dv01", "years_to_maturity"):  # fmt: skip
            assert mine_[key] == rung_[key], key
        assert mine_["weighted_average_life"] == rung_["years_to_maturity"]
    totals = body["totals"]
    for key in ("total_face", "market_value", "dv01", "modified_duration", "convexity",
                "weighted_average_life"):  # fmt: skip
        assert totals[key] == pytest.approx(expected[key], abs=1e-9), key
    assert [s["shift_bp"] for s in body["shocks"]] == [-100, 100]
    for total, posted_shock in zip(body["shocks"], expected["shocks"], strict=True):
        for key in ("full_change", "duration_estimate", "duration_convexity_estimate"):
            assert total[key] == pytest.approx(posted_shock[key], abs=1e-6), key
        holding_sum = sum(h["shocks"][body["shocks"].index(total)]["full_change"]
                          for h in body["holdings"])  # fmt: skip
        assert total["full_change"] == pytest.approx(holding_sum, abs=1e-6)
    assert body["skipped"] == [{"symbol": "AAPL", "reason": "not a bond (equity)"}]
    # today (the fake clock) and the default shock ladder when none is given
    assert today.json()["settlement"] == "2026-01-05"
    assert [s["shift_bp"] for s in today.json()["shocks"]] == [-200, -100, -50, -25, 25, 50,
                                                               100, 200]  # fmt: skip
    # the ledger values a bond as quantity x clean price per 100: 250 x 97.25 (clean)
    positions = {p["symbol"]: p for p in held.json()["accounts"][0]["positions"]}
    assert positions["UST-2031"]["market_value"] == "24312.50"
    assert positions["UST-2031"]["cost_basis"] == "24125.00"  # 250 x 96.50
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")


async def test_bad_shocks_or_settlement_are_a_422_naming_them(
    harness: Harness, owner: User
) -> None:
    # Arrange
    mine = await portfolio_with(harness, owner, deposit("1000"))
    route = f"/api/v1/portfolios/{mine}/fixed-income"

    # Act
    too_far = await harness.client.get(route, params={"shocks_bp": [6000]}, headers=owner.headers)
    too_many = await harness.client.get(
        route, params={"shocks_bp": list(range(51))}, headers=owner.headers
    )
    not_a_day = await harness.client.get(
        route, params={"settlement": "2026-13-01"}, headers=owner.headers
    )
    empty = await harness.client.get(route, headers=owner.headers)

    # Assert: the refusals name the parameter (even with no bond held); an empty book has no
    # totals and no shock table
    for answer, field in ((too_far, "shocks_bp"), (too_many, "shocks_bp"),
                          (not_a_day, "settlement")):  # fmt: skip
        problem = assert_problem(answer, 422, "INVALID_BOND_INPUT")
        assert [e["field"] for e in problem["errors"]] == [field]
    assert empty.status_code == 200, empty.text
    assert (empty.json()["holdings"], empty.json()["totals"], empty.json()["shocks"]) == (
        [], None, []
    )  # fmt: skip
