"""The alternatives allocator and illiquid assets over HTTP (/api/v1/planning/...).

The rules' figures are checked in tests/unit/analytics/alternatives and tests/unit/portfolio; here
the answers must carry them as money strings with their rules, illiquid assets must be their
owner's alone, and refusals must be problems naming their field.
"""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("portfolio"), pytest.mark.shares_app()]

ALT = "/api/v1/planning/alternatives"
ILLIQUID = "/api/v1/planning/illiquid-assets"


async def test_the_crypto_sleeve_caps_each_coin_at_40_percent(
    harness: Harness, owner: User
) -> None:
    # Arrange: see the unit test's figures: 40 / 40 / 16 / 4 %, TINY under the floor
    body = {"amount": "10000.00", "assets": [
        {"symbol": "BTC", "market_cap": "1200000000000"},
        {"symbol": "ETH", "market_cap": "400000000000"},
        {"symbol": "SOL", "market_cap": "80000000000"},
        {"symbol": "DOGE", "market_cap": "20000000000"},
        {"symbol": "TINY", "market_cap": "500000000"}]}  # fmt: skip

    # Act
    answer = await harness.client.post(f"{ALT}/crypto", json=body, headers=owner.headers)

    # Assert
    assert answer.status_code == 200, answer.text
    result = answer.json()
    amounts = {a["symbol"]: a["amount"] for a in result["sleeve"]["allocations"]}
    assert amounts == {"BTC": "4000.00", "ETH": "4000.00", "SOL": "1600.00", "DOGE": "400.00"}
    assert result["below_floor"] == ["TINY"]
    assert result["sleeve"]["unallocated"] == "0.00"


async def test_a_viewer_may_run_the_sleeves_since_nothing_is_stored(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)
    reits = {"amount": "1200", "reits": [
        {"symbol": "PLD", "sector": "industrial", "market_cap": "100"},
        {"symbol": "EQR", "sector": "residential", "market_cap": "30"}]}  # fmt: skip
    cpi = [300 * (1.002**k) * (1 + 0.001 * (k % 3)) for k in range(25)]
    inflation = [cpi[k + 1] / cpi[k] - 1 for k in range(24)]
    commodities = {"amount": "1000", "cpi": cpi, "commodities": [
        {"symbol": "GOLD", "returns": [0.001 + 2 * p for p in inflation]},
        {"symbol": "WHEAT", "returns": [0.003 - 0.5 * p for p in inflation]}]}  # fmt: skip

    # Act
    r = await harness.client.post(f"{ALT}/reits", json=reits, headers=viewer.headers)
    c = await harness.client.post(f"{ALT}/commodities", json=commodities, headers=viewer.headers)

    # Assert
    assert r.status_code == 200, r.text
    assert r.json()["sector_weights"] == {"industrial": 0.5, "residential": 0.5}
    assert c.status_code == 200, c.text
    gold, wheat = c.json()["betas"]
    assert gold["beta"] == pytest.approx(2.0) and wheat["beta"] == pytest.approx(-0.5)
    # one commodity with a positive beta holds the configured single-commodity cap (35 %)
    assert [a["amount"] for a in c.json()["sleeve"]["allocations"]] == ["350.00", "0.00"]
    assert c.json()["sleeve"]["unallocated"] == "650.00"


async def test_private_equity_shows_every_prong_and_the_funds_open_to_the_investor(
    harness: Harness, owner: User
) -> None:
    # Arrange: net worth 6 M without the home (accredited; 10 % of it covers the amount),
    # 2 M of investments (not QP)
    body = {"amount": "500000", "investor": {
        "assets": "7300000", "liabilities": "1000000", "primary_residence_value": "1200000",
        "residence_debt": "900000", "investments": "2000000"},
        "funds": [{"name": "Buyout III", "requirement": "accredited",
                   "minimum_investment": "250000"},
                  {"name": "Growth 3c7", "requirement": "qualified_purchaser",
                   "minimum_investment": "1000000"}]}  # fmt: skip

    # Act
    answer = await harness.client.post(f"{ALT}/private-equity", json=body, headers=owner.headers)

    # Assert
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert (result["accredited_investor"], result["qualified_purchaser"]) == (True, False)
    assert result["net_worth_excluding_residence"] == "6000000.00"
    met = {p["rule"] for p in result["prongs"] if p["met"]}
    assert met == {"Rule 501(a)(5) net worth"}
    funds = {f["name"]: (f["eligible"], f["amount"]) for f in result["funds"]}
    assert funds == {"Buyout III": (True, "500000.00"), "Growth 3c7": (False, "0.00")}


async def test_private_equity_allocates_at_most_the_configured_share_of_net_worth(
    harness: Harness, owner: User
) -> None:
    # Arrange: net worth 3 M without the home: 10 % is 300,000 of the 500,000 asked
    body = {"amount": "500000", "investor": {"assets": "3000000", "investments": "100000"},
            "funds": [{"name": "Buyout III", "requirement": "accredited",
                       "minimum_investment": "250000"}]}  # fmt: skip

    # Act
    answer = await harness.client.post(f"{ALT}/private-equity", json=body, headers=owner.headers)

    # Assert
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert [f["amount"] for f in result["funds"]] == ["300000.00"]
    assert result["unallocated"] == "200000.00"
    assert result["notes"][0].startswith("at most 0.1 of the net worth")


async def test_the_allocator_limits_are_published_with_the_next_rebalancing_date(
    harness: Harness, owner: User
) -> None:
    answer = await harness.client.get(f"{ALT}/limits", headers=owner.headers)

    assert answer.status_code == 200, answer.text
    limits = answer.json()
    assert limits["crypto_max_weight"] == 0.4
    assert limits["crypto_market_cap_floor"] == "1000000000.00"
    assert limits["reit_max_sector_weight"] == 0.5
    assert limits["rebalance_schedule"] == "quarterly"
    assert limits["next_rebalance"][5:] in {"03-31", "06-30", "09-30", "12-31"}


@pytest.mark.parametrize(
    ("path", "body", "code", "field"),
    [
        ("crypto", {"amount": "100", "assets": []}, "EMPTY_PORTFOLIO", "assets"),
        ("crypto", {"amount": "100", "max_weight": 0.6,
                    "assets": [{"symbol": "BTC", "market_cap": "1e12"}]},
         "INVALID_ALTERNATIVES_INPUT", "max_weight"),
        ("reits", {"amount": "100", "reits": [{"symbol": "X", "sector": "casinos",
                                               "market_cap": "1"}]},
         "INVALID_ALTERNATIVES_INPUT", "reits[0].sector"),
        ("private-equity", {"amount": "100", "currency": "EUR", "investor": {},
                            "funds": [{"name": "F"}]}, "INVALID_ALTERNATIVES_INPUT", "currency"),
        ("commodities", {"amount": "100", "inflation": [0.01] * 5,
                         "commodities": [{"symbol": "G", "returns": [0.02] * 5}]},
         "INSUFFICIENT_OBSERVATIONS", "commodities[0].returns"),
    ],
)  # fmt: skip
async def test_bad_sleeve_input_is_a_problem_naming_its_field(
    harness: Harness, owner: User, path: str, body: dict[str, object], code: str, field: str
) -> None:
    # Act
    answer = await harness.client.post(f"{ALT}/{path}", json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(answer, 422, code)
    assert [e["field"] for e in problem["errors"]] == [field]


async def portfolio(harness: Harness, user: User) -> str:
    made = await harness.client.post(
        "/api/v1/portfolios", json={"name": "Family", "base_currency": "USD"}, headers=user.headers
    )
    assert made.status_code == 201, made.text
    pid: str = made.json()["id"]
    return pid


HOUSE = {"name": "Lake house", "kind": "real_estate", "acquired": "2020-01-01",
         "cost": "400000.00"}  # fmt: skip


async def test_an_owner_records_a_house_values_it_and_reads_its_appreciation(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pid = await portfolio(harness, owner)
    made = await harness.client.post(ILLIQUID, json={"portfolio_id": pid, **HOUSE},
                                     headers=owner.headers)  # fmt: skip
    assert made.status_code == 201, made.text
    url = made.headers["location"]

    # Act
    valued = await harness.client.post(
        f"{url}/valuations", json={"as_of": "2021-01-01", "value": "440000", "method": "appraisal"},
        headers=owner.headers,
    )  # fmt: skip
    again = await harness.client.post(
        f"{url}/valuations", json={"as_of": "2021-01-01", "value": "1", "method": "appraisal"},
        headers=owner.headers,
    )  # fmt: skip
    listed = await harness.client.get(ILLIQUID, params={"portfolio_id": pid},
                                      headers=owner.headers)  # fmt: skip

    # Assert
    assert valued.status_code == 201, valued.text
    history = valued.json()["history"]
    assert [(p["source"], p["value"], p["total_return"]) for p in history] == [
        ("cost", "400000.00", "0.0000000000"),
        ("appraisal", "440000.00", "0.1000000000")]  # fmt: skip
    assert history[1]["annualized_return"] == pytest.approx(1.1 ** (365 / 366) - 1)
    assert_problem(again, 409, "DUPLICATE_VALUATION")
    assert [(a["name"], a["latest_value"]) for a in listed.json()["items"]] == [
        ("Lake house", "440000.00")]  # fmt: skip


async def test_another_users_asset_is_not_found_and_a_viewer_cannot_record_one(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pid = await portfolio(harness, owner)
    made = await harness.client.post(ILLIQUID, json={"portfolio_id": pid, **HOUSE},
                                     headers=owner.headers)  # fmt: skip
    url = made.headers["location"]
    other = await harness.user(Role.OWNER)
    viewer = await harness.user(Role.VIEWER)

    # Act
    read = await harness.client.get(url, headers=other.headers)
    valued = await harness.client.post(
        f"{url}/valuations", json={"as_of": "2021-01-01", "value": "1", "method": "appraisal"},
        headers=other.headers,
    )  # fmt: skip
    into_theirs = await harness.client.post(ILLIQUID, json={"portfolio_id": pid, **HOUSE},
                                            headers=other.headers)  # fmt: skip
    by_viewer = await harness.client.post(ILLIQUID, json={"portfolio_id": pid, **HOUSE},
                                          headers=viewer.headers)  # fmt: skip
    theirs = await harness.client.get(ILLIQUID, headers=other.headers)

    # Assert
    assert_problem(read, 404, "ILLIQUID_ASSET_NOT_FOUND")
    assert_problem(valued, 404, "ILLIQUID_ASSET_NOT_FOUND")
    assert_problem(into_theirs, 404, "PORTFOLIO_NOT_FOUND")
    assert_problem(by_viewer, 403, "FORBIDDEN")
    assert theirs.json()["items"] == []


async def test_a_bad_asset_or_valuation_names_its_field(harness: Harness, owner: User) -> None:
    # Arrange
    pid = await portfolio(harness, owner)
    made = await harness.client.post(ILLIQUID, json={"portfolio_id": pid, **HOUSE},
                                     headers=owner.headers)  # fmt: skip

    # Act
    kind = await harness.client.post(ILLIQUID, json={"portfolio_id": pid, **HOUSE, "kind": "car"},
                                     headers=owner.headers)  # fmt: skip
    early = await harness.client.post(
        f"{made.headers['location']}/valuations",
        json={"as_of": "2019-01-01", "value": "1", "method": "appraisal"}, headers=owner.headers,
    )  # fmt: skip

    # Assert
    assert [e["field"] for e in assert_problem(kind, 422, "INVALID_ILLIQUID_ASSET")["errors"]] == [
        "kind"]  # fmt: skip
    assert [e["field"] for e in assert_problem(early, 422, "INVALID_ILLIQUID_ASSET")["errors"]] == [
        "as_of"]  # fmt: skip
