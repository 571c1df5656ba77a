"""/api/v1/analytics/scenarios over the real app: shocks on posted
positions and on the caller's own portfolio, replays, liquidity stress (posted, or a stored
portfolio's or account's holdings) and recovery."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from domain.trading.instruments import AssetClass, Instrument
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User
from tests.http.risk_helpers import hold

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
    pid = await _aapl_and_cash(harness, owner)
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


async def test_an_accounts_liquidity_stress_is_its_holdings_posted(
    harness: Harness, owner: User
) -> None:
    # Arrange: marks AAPL 190 (equity), BTC 60,000 (crypto), ZZZ 10 (no stored instrument),
    # ESZ6 5,000 (a future), SMKY 20; long 10 AAPL, 0.1 BTC, 10 ZZZ, 1 ESZ6, short 50 SMKY
    async with harness.container.core.uow_factory()() as uow:
        await uow.instruments.add(Instrument("BTC", asset_class=AssetClass.CRYPTO))
        await uow.instruments.add(Instrument("ESZ6", asset_class=AssetClass.FUTURE))
        await uow.commit()
    for symbol, price in (("AAPL", "190"), ("SMKY", "20")):
        await harness.instrument(symbol, price)
    for symbol, price in (("BTC", "60000"), ("ZZZ", "10"), ("ESZ6", "5000")):
        harness.container.core.market().set_price(symbol, D(price))
    account = await harness.account(owner, "acc-run", cash="20000")
    for symbol, quantity, price in (("AAPL", "10", "150"), ("BTC", "0.1", "50000"),
                                    ("ZZZ", "10", "10"), ("ESZ6", "1", "5000"),
                                    ("SMKY", "-50", "20")):  # fmt: skip
        await hold(harness, account, symbol, quantity, price)
    obligations = {"obligations": ["10000", "5000"]}
    # cash 20,000 - 1,500 - 5,000 - 100 - 5,000 + 1,000 = 9,400; the class defaults
    posted = {"assets": [
        {"name": "AAPL", "value": "1900", "haircut": 0.1, "horizon_days": 2},
        {"name": "BTC", "value": "6000", "haircut": 0.25, "horizon_days": 2},
        {"name": "ZZZ", "value": "100", "haircut": 0.1, "horizon_days": 2},
        {"name": "CASH USD", "value": "9400"},
    ], **obligations}  # fmt: skip
    stranger = await harness.user()

    # Act
    stored = await post(harness, owner, "/liquidity", {"account_id": account, **obligations})
    given = await post(harness, owner, "/liquidity", posted)
    halved = await post(harness, owner, "/liquidity", {
        "account_id": account, **obligations,
        "liquidity": {"crypto": {"haircut": 0.5, "horizon_days": 1}},
    })  # fmt: skip
    theirs = await post(harness, stranger, "/liquidity", {"account_id": account, **obligations})
    both = await post(harness, owner, "/liquidity", {**posted, "account_id": account})

    # Assert: day 1 raises 855 + 2,250 + 45 + 9,400 = 12,550, day 2 855 + 2,250 + 45 = 3,150
    assert stored.status_code == 200, stored.text
    mine, same = stored.json(), given.json()
    source = mine.pop("source")
    assert same.pop("source") is None
    assert mine.pop("conventions").keys() - same.pop("conventions").keys() == {"stored"}
    assert mine == same
    assert [d["raised"] for d in mine["days"]] == ["12550.00", "3150.00"]
    assert mine["total_raisable"] == "15700.00" and mine["first_shortfall_day"] is None
    assert (source["kind"], source["account_id"], source["currency"]) == ("account", account, "USD")
    assert [(a["name"], a["asset_class"], a["basis"]) for a in source["assets"]] == [
        ("AAPL", "equity", "asset class equity default"),
        ("BTC", "crypto", "asset class crypto default"),
        ("ZZZ", "unknown", "no stored instrument: the equity default"),
        ("CASH USD", "cash", "asset class cash default"),
    ]
    assert sorted(source["left_out"]) == [
        "ESZ6: a future, its notional raises no cash",
        "SMKY: short or zero value, not an asset to sell",
    ]
    # BTC at a posted 50 % over 1 day: 3,000 on day 1, so day 1 = 855 + 3,000 + 45 + 9,400
    assert halved.json()["days"][0]["raised"] == "13300.00"
    btc = halved.json()["source"]["assets"][1]
    assert (btc["haircut"], btc["horizon_days"], btc["basis"]) == (
        0.5,
        1,
        "posted for asset class crypto",
    )
    assert_problem(theirs, 404, "NOT_FOUND")
    assert assert_problem(both, 422, "INVALID_SCENARIO")["errors"][0]["field"] == "assets"


async def test_a_portfolios_liquidity_stress_and_another_users_is_404(
    harness: Harness, owner: User
) -> None:
    # Arrange: 10 AAPL at 190 and 500 cash in a portfolio of the owner's
    pid = await _aapl_and_cash(harness, owner)
    body = {"portfolio_id": pid, "obligations": ["1000", "1000"]}
    posted = {"assets": [{"name": "AAPL", "value": "1900", "haircut": 0.1, "horizon_days": 2},
                         {"name": "CASH USD", "value": "500"}],
              "obligations": ["1000", "1000"]}  # fmt: skip
    stranger = await harness.user()

    # Act
    mine = await post(harness, owner, "/liquidity", body)
    same = await post(harness, owner, "/liquidity", posted)
    theirs = await post(harness, stranger, "/liquidity", body)

    # Assert: day 1 raises 855 + 500 against 1,000; day 2 855: 2,210 against 2,000
    assert mine.status_code == 200, mine.text
    out = mine.json()
    assert out["source"]["portfolio_id"] == pid and out["source"]["left_out"] == []
    assert out["days"] == same.json()["days"]
    assert [d["surplus"] for d in out["days"]] == ["355.00", "210.00"]
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")


async def _aapl_and_cash(harness: Harness, owner: User) -> str:
    """A portfolio of the owner's holding 10 AAPL at 190 and 500 cash: its id."""
    await harness.instrument("AAPL", "190")
    pid, account_id = await harness.manual_portfolio(owner)
    await harness.book(
        owner, pid,
        {"account_id": account_id, "kind": "deposit", "trade_date": "2025-12-01",
         "amount": "2400"},
        {"account_id": account_id, "kind": "buy", "trade_date": "2025-12-02", "symbol": "AAPL",
         "quantity": "10", "price": "190"},
    )  # fmt: skip
    return pid
