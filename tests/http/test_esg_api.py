"""The ESG routes over the real container and the shipped SYNTHETIC data: posted holdings, the
caller's own portfolio and trading account (another user's is 404), and the problem
documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import buy, deposit, portfolio_with
from tests.http.risk_helpers import hold

pytestmark = [pytest.mark.serves("analytics", "portfolio"), pytest.mark.shares_app()]

ROOT = "/api/v1/analytics/esg"
POSTED = {
    "holdings": [
        {"symbol": "AAPL", "value": "6000"},
        {"symbol": "XOM", "value": "3000"},
        {"symbol": "SPY", "value": "1000"},
    ]
}


async def test_a_posted_portfolio_s_score_with_its_coverage(harness: Harness, owner: User) -> None:
    # Act
    answer = await harness.client.post(f"{ROOT}/score", json=POSTED, headers=owner.headers)

    # Assert: (6000 x 72 + 3000 x 38) / 9000 = 60.6667 over 90% of the value (SPY: no data)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["score"] == "60.6667" and body["uncovered"] == ["SPY"]
    assert body["coverage"]["by_value"] == "0.900000"
    assert body["coverage"]["by_count"] == "0.666667"
    assert body["dataset"]["synthetic"] is True


async def test_screens_and_carbon_of_a_posted_portfolio(harness: Harness, owner: User) -> None:
    # Arrange
    holdings = {"holdings": [{"symbol": "AAPL", "value": "5000000"},
                             {"symbol": "SMKY", "value": "1000000"},
                             {"symbol": "EPIC", "value": "4000000"}]}  # fmt: skip

    # Act
    screened = await harness.client.post(f"{ROOT}/screen", json=holdings, headers=owner.headers)
    gambling_only = await harness.client.post(
        f"{ROOT}/screen", json={**holdings, "thresholds": {"gambling": "0.5"}},
        headers=owner.headers,
    )  # fmt: skip
    footprint = await harness.client.post(f"{ROOT}/carbon", json=holdings, headers=owner.headers)

    # Assert: SMKY (tobacco 92%) and EPIC (gambling 35%, alcohol 8%) out by default
    assert screened.status_code == 200, screened.text
    body = screened.json()
    assert [h["symbol"] for h in body["excluded"]] == ["EPIC", "SMKY"]
    assert body["excluded_weight"] == "0.500000" and body["passed_weight"] == "0.500000"
    assert {b["category"] for b in body["excluded"][0]["breaches"]} == {"alcohol", "gambling"}
    assert gambling_only.json()["excluded"] == []  # 35% < 50%, and tobacco not screened
    # carbon (synthetic data): WACI = 0.5 x 58,000/391,000 + 0.1 x 240,000/21,000
    # + 0.4 x 800,000/9,000 = 0.0742 + 1.1429 + 35.5556 = 36.7726 t/$M revenue
    assert footprint.status_code == 200, footprint.text
    carbon = footprint.json()
    assert carbon["waci"] == "36.7726" and carbon["waci_coverage"]["by_value"] == "1.000000"
    # financed: 5M/3.4T x 58,000 + 1M/110B x 240,000 + 4M/20B x 800,000
    # = 0.0853 + 2.1818 + 160 = 162.2671 t; footprint / $10M = 16.2267 t/$M
    assert carbon["financed_emissions"] == "162.2671"
    assert carbon["carbon_footprint"] == "16.2267"


async def test_the_callers_portfolio_is_scored_and_anothers_is_not_found(
    harness: Harness, owner: User
) -> None:
    # Arrange: AAPL 190 and XOM 110 reference prices; cash is left out
    await harness.instrument("AAPL", "190")
    await harness.instrument("XOM", "110", sector="Energy")
    mine = await portfolio_with(
        harness, owner, deposit("10000"), buy("AAPL", "10", "150"), buy("XOM", "10", "100")
    )
    stranger = await harness.user()

    # Act
    scored = await harness.client.post(
        f"{ROOT}/score", json={"portfolio_id": mine}, headers=owner.headers
    )
    theirs = await harness.client.post(
        f"{ROOT}/score", json={"portfolio_id": mine}, headers=stranger.headers
    )

    # Assert: AAPL 1,900 (72), XOM 1,100 (38): (1900 x 72 + 1100 x 38) / 3000 = 59.5333
    assert scored.status_code == 200, scored.text
    body = scored.json()
    assert body["score"] == "59.5333" and body["total_value"] == "3000.000000"
    assert body["source"]["portfolio_id"] == mine and body["source"]["left_out"] == []
    assert body["source"]["kind"] == "portfolio"
    assert body["source"]["cash_left_out"] == "7500.00"  # 10,000 - 1,500 - 1,000
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")


async def test_an_account_is_scored_as_its_long_holdings_posted_and_anothers_is_not_found(
    harness: Harness, owner: User
) -> None:
    # Arrange: marks AAPL 190, XOM 110, SMKY 20; long 10 AAPL and 10 XOM, short 50 SMKY
    for symbol, price in (("AAPL", "190"), ("XOM", "110"), ("SMKY", "20")):
        await harness.instrument(symbol, price)
    account = await harness.account(owner, "acc-esg", cash="10000")
    await hold(harness, account, "AAPL", "10", "150")
    await hold(harness, account, "XOM", "10", "100")
    await hold(harness, account, "SMKY", "-50", "20")
    stranger = await harness.user()
    posted = {"holdings": [{"symbol": "AAPL", "value": "1900"},
                           {"symbol": "XOM", "value": "1100"}]}  # fmt: skip

    # Act
    answers = {}
    for route in ("score", "screen", "carbon"):
        stored = await harness.client.post(
            f"{ROOT}/{route}", json={"account_id": account}, headers=owner.headers
        )
        given = await harness.client.post(f"{ROOT}/{route}", json=posted, headers=owner.headers)
        answers[route] = (stored, given)
    theirs = await harness.client.post(
        f"{ROOT}/score", json={"account_id": account}, headers=stranger.headers
    )
    both = await harness.client.post(
        f"{ROOT}/score", json={"portfolio_id": "p", "account_id": account}, headers=owner.headers
    )

    # Assert: the same figures as the same holdings posted; the short and the cash named
    for route, (stored, given) in answers.items():
        assert stored.status_code == 200, (route, stored.text)
        mine, same = stored.json(), given.json()
        source = mine.pop("source")
        assert same.pop("source")["kind"] == "posted"
        assert mine == same, route
        assert source == {
            "kind": "account", "portfolio_id": None, "account_id": account, "currency": "USD",
            "left_out": ["SMKY: short or zero value, not weighed"],
            "cash_left_out": "8500.00",  # 10,000 - 1,500 - 1,000 + 1,000 (the short's proceeds)
        }  # fmt: skip
    assert answers["score"][0].json()["score"] == "59.5333"
    assert_problem(theirs, 404, "NOT_FOUND")
    assert assert_problem(both, 422, "INVALID_ESG_INPUT")["errors"][0]["field"] == "portfolio_id"


async def test_esg_problem_documents(harness: Harness, owner: User) -> None:
    # Act
    neither = await harness.client.post(f"{ROOT}/score", json={}, headers=owner.headers)
    both = await harness.client.post(
        f"{ROOT}/score", json={**POSTED, "portfolio_id": "p"}, headers=owner.headers
    )
    euros = await harness.client.post(
        f"{ROOT}/carbon", json={**POSTED, "currency": "EUR"}, headers=owner.headers
    )
    category = await harness.client.post(
        f"{ROOT}/screen", json={**POSTED, "thresholds": {"casinos": "0.1"}}, headers=owner.headers
    )
    negative = await harness.client.post(
        f"{ROOT}/score", json={"holdings": [{"symbol": "AAPL", "value": "-1"}]},
        headers=owner.headers,
    )  # fmt: skip
    unknown = await harness.client.get(f"{ROOT}/issuers/NOPE", headers=owner.headers)

    # Assert
    for answer, field in ((neither, "holdings"), (both, "holdings"), (euros, "currency"),
                          (category, "thresholds.casinos")):  # fmt: skip
        assert assert_problem(answer, 422, "INVALID_ESG_INPUT")["errors"][0]["field"] == field
    assert_problem(negative, 400, "VALIDATION_ERROR")
    assert_problem(unknown, 404, "UNKNOWN_ISSUER")


async def test_an_issuer_and_the_dataset(harness: Harness, owner: User) -> None:
    # Act
    issuer = await harness.client.get(f"{ROOT}/issuers/grid", headers=owner.headers)
    dataset = await harness.client.get(f"{ROOT}/dataset", headers=owner.headers)

    # Assert
    assert issuer.status_code == 200, issuer.text
    assert issuer.json()["revenue_shares"]["thermal_coal"] == "0.220000"
    assert dataset.json() == {
        "source": "file:esg_sample.csv", "as_of": "2025-06-30", "issuers": 18, "synthetic": True
    }  # fmt: skip


async def test_an_unreadable_esg_file_is_503_with_retry_after(tmp_path: Path) -> None:
    # Arrange: an operator's ESG file with a score out of range
    path = tmp_path / "esg.csv"
    path.write_text("symbol,name,sector,as_of,esg_score\nA,A,S,2025-01-01,140\n")
    async with harness_with(esg_file=str(path)) as harness:
        owner = await harness.user()

        # Act
        answer = await harness.client.post(f"{ROOT}/score", json=POSTED, headers=owner.headers)

    # Assert
    problem = assert_problem(answer, 503, "ESG_DATA_UNAVAILABLE")
    assert answer.headers["Retry-After"] == "300"
    assert "line 2, esg_score: a score is 0 to 100" in problem["detail"]
