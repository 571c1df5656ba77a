"""/api/v1/analytics/scenarios over the real app: shocks on posted
positions and on the caller's own portfolio, replays, liquidity stress and recovery."""

from __future__ import annotations

from typing import Any

import pytest

from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("markets", "portfolio")

ROOT = "/api/v1/analytics/scenarios"
BOOK = [
    {"name": "STOCK", "market_value": "1000000", "sensitivities": {"beta_equity": 1.2}},
    {"name": "BOND", "market_value": "500000",
     "sensitivities": {"duration": 6, "convexity": 50, "spread_duration": 5}},
    {"name": "PUTS", "market_value": "20000", "sensitivities": {"beta_equity": -8},
     "hedge": True},
]  # fmt: skip


async def post(harness: Harness, user: User, path: str, body: dict[str, Any]) -> Any:
    return await harness.client.post(f"{ROOT}{path}", json=body, headers=user.headers)


async def test_a_crash_repriced_by_hand_with_its_hedge(harness: Harness, owner: User) -> None:
    # Arrange: equity -20 %, rates +100 bp, credit +50 bp
    body = {
        "positions": BOOK,
        "scenarios": [{"name": "crash", "shocks": {"equity": -0.2, "rates": 100, "credit": 50}}],
        "expected_return": 0.08,
    }

    # Act
    response = await post(harness, owner, "/shock", body)

    # Assert: stock -240,000; bond 500,000 x (-0.06 + 0.00125 - 0.025) = -41,250; puts
    # 20,000 x -8 x -0.2 = +32,000: core -281,250, hedge +32,000, sufficiency 32/281.25
    assert response.status_code == 200, response.text
    out = response.json()
    (crash,) = out["scenarios"]
    assert (crash["pnl"], crash["core_pnl"], crash["hedge_pnl"]) == (
        "-249250.00", "-281250.00", "32000.00",
    )  # fmt: skip
    assert crash["hedge_sufficiency"] == pytest.approx(32000 / 281250)
    assert crash["by_factor"]["rates"] == "-28750.00"
    assert crash["given"] == ["credit", "equity", "rates"] and crash["shocks"]["oil"] == 0
    # loss = 249,250 / 1,520,000 net; months = 12 ln(1 / (1 - L)) / ln(1.08)
    assert crash["recovery"]["whole_months"] == 28
    assert out["worst_scenario"] == "crash" and out["gross_value"] == "1520000.00"
    assert "not" in out["conventions"]


async def test_replays_and_a_filled_in_scenario_under_the_default_model(
    harness: Harness, owner: User
) -> None:
    # Act
    catalog = await harness.client.get(f"{ROOT}/replays", headers=owner.headers)
    response = await post(harness, owner, "/shock", {
        "positions": BOOK, "replays": ["all"], "fill_missing": True,
        "scenarios": [{"name": "equity only", "shocks": {"equity": -0.1}}],
    })  # fmt: skip

    # Assert: the three shipped replays with their sources; the equity-only scenario gets a
    # credit widening from the default model's -0.6 correlation
    assert catalog.status_code == 200, catalog.text
    names = [r["name"] for r in catalog.json()["replays"]]
    assert names == ["2008-09", "2020-03", "2022-rates"]
    assert all(r["sources"] for r in catalog.json()["replays"])
    out = response.json()
    assert response.status_code == 200, response.text
    assert [s["name"] for s in out["scenarios"]] == ["equity only", *names]
    filled = out["scenarios"][0]
    assert filled["given"] == ["equity"] and filled["shocks"]["credit"] > 0
    assert filled["mahalanobis"] > 0 and out["model"] == "default"
    gfc = out["scenarios"][1]
    assert gfc["replay"]["start"] == "2008-09-12" and float(gfc["pnl"]) < 0


async def test_bad_scenarios_are_refused_naming_the_field(harness: Harness, owner: User) -> None:
    # Arrange
    one = {"positions": BOOK}
    identity = [[1.0 if i == j else 0.0 for j in range(5)] for i in range(5)]
    asymmetric = [row[:] for row in identity]
    asymmetric[0][1] = 0.4
    vols = {"equity": 0.16, "rates": 90, "oil": 0.35, "usd": 0.08, "credit": 50}

    # Act
    answers = {
        "factor": await post(harness, owner, "/shock",
                             {**one, "scenarios": [{"name": "x", "shocks": {"gold": 0.1}}]}),
        "move": await post(harness, owner, "/shock",
                           {**one, "scenarios": [{"name": "x", "shocks": {"equity": -2}}]}),
        "replay": await post(harness, owner, "/shock", {**one, "replays": ["1929"]}),
        "empty": await post(harness, owner, "/shock", {"positions": [], "replays": ["all"]}),
        "both": await post(harness, owner, "/shock",
                           {**one, "portfolio_id": "pf-x", "replays": ["all"]}),
        "corr": await post(harness, owner, "/shock", {
            **one, "scenarios": [{"name": "x", "shocks": {"equity": -0.1}}],
            "correlation": {"volatilities": vols, "correlations": asymmetric}}),
    }  # fmt: skip

    # Assert
    assert assert_problem(answers["factor"], 422, "INVALID_SCENARIO")["errors"][0]["field"] == (
        "scenarios[0].shocks.gold"
    )
    assert assert_problem(answers["move"], 422, "INVALID_SCENARIO")["errors"][0]["field"] == (
        "scenarios[0].shocks.equity"
    )
    assert_problem(answers["replay"], 404, "UNKNOWN_SCENARIO")
    assert_problem(answers["empty"], 422, "EMPTY_PORTFOLIO")
    assert_problem(answers["both"], 422, "INVALID_SCENARIO")
    assert_problem(answers["corr"], 422, "INVALID_CORRELATION")


async def test_your_portfolio_is_stressed_and_another_users_is_404(
    harness: Harness, owner: User
) -> None:
    # Arrange: 10 AAPL at 190 and 500 cash in a portfolio of the owner's
    await harness.instrument("AAPL", "190")
    pid, account_id = await harness.manual_portfolio(owner)
    for tx in (
        {"kind": "deposit", "trade_date": "2025-12-01", "amount": "2400"},
        {"kind": "buy", "trade_date": "2025-12-02", "symbol": "AAPL", "quantity": "10",
         "price": "190"},
    ):  # fmt: skip
        booked = await harness.client.post(
            f"/api/v1/portfolios/{pid}/transactions", json={"account_id": account_id, **tx},
            headers=owner.headers,
        )  # fmt: skip
        assert booked.status_code == 201, booked.text
    body = {"portfolio_id": pid, "sensitivities": {"aapl": {"beta_equity": 1.5}},
            "scenarios": [{"name": "down", "shocks": {"equity": -0.1}}]}  # fmt: skip
    stranger = await harness.user()

    # Act
    mine = await post(harness, owner, "/shock", body)
    theirs = await post(harness, stranger, "/shock", body)
    missing = await post(harness, owner, "/shock", {**body, "sensitivities": {}})

    # Assert: 1,900 x 1.5 x -0.10 = -285; cash 500 is a position with no sensitivity
    assert mine.status_code == 200, mine.text
    out = mine.json()
    assert (out["positions"], out["gross_value"], out["base_currency"]) == (2, "2400.00", "USD")
    assert out["scenarios"][0]["pnl"] == "-285.00"
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")
    assert assert_problem(missing, 422, "INVALID_SCENARIO")["errors"][0]["field"] == (
        "sensitivities"
    )


async def test_a_bank_run_and_a_recovery(harness: Harness, owner: User) -> None:
    # Arrange
    run = {
        "assets": [{"name": "cash", "value": "50"},
                   {"name": "loans", "value": "1000", "haircut": 0.5, "horizon_days": 5}],
        "run": {"deposits": "1000", "daily_rate": 0.3, "days": 3},
    }  # fmt: skip

    # Act
    stress = await post(harness, owner, "/liquidity", run)
    bad = await post(
        harness,
        owner,
        "/liquidity",
        {**run, "assets": [{"name": "x", "value": "1", "haircut": 1.0}]},
    )
    recovery = await post(harness, owner, "/recovery",
                          {"peak_value": "100000", "current_value": "80000",
                           "expected_return": 0.08})  # fmt: skip
    never = await post(harness, owner, "/recovery", {"loss": 0.1, "expected_return": 0})

    # Assert: day 1 raises 50 + 100 against 300 withdrawn: short on day 1
    assert stress.status_code == 200, stress.text
    out = stress.json()
    assert (out["first_shortfall_day"], out["days_survived"]) == (1, 0)
    assert [d["obligation"] for d in out["days"]] == ["300.00", "210.00", "147.00"]
    assert assert_problem(bad, 422, "INVALID_SCENARIO")["errors"][0]["field"] == (
        "assets[0].haircut"
    )
    assert recovery.json()["whole_months"] == 35 and recovery.json()["loss"] == pytest.approx(0.2)
    assert never.json()["months"] is None
