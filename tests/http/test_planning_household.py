"""GET /api/v1/planning/homeostasis counts everything the caller holds: trading accounts,
ledger portfolios, illiquid assets and linked (Plaid) accounts; never another user's."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

import pytest

from domain.aggregation.model import AggregatedAccount, AggregatedHolding, LinkedItem
from domain.market_data.bars import Bar, Timeframe
from domain.portfolio.illiquid import IlliquidAsset, IlliquidKind, Valuation, ValuationMethod
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.trading.accounts import Account
from domain.trading.positions import Position
from ports.portfolio.portfolios import Portfolio, PortfolioAccount, ValuationPoint
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("portfolio", "wealth"), pytest.mark.shares_app()]

HOME = "/api/v1/planning/homeostasis"
PROFILE = "/api/v1/planning/profile"
D = Decimal


async def _holdings(harness: Harness, owner_id: str, tag: str, scale: int = 1) -> None:
    """Two accounts, one portfolio, one illiquid asset and one linked account of `owner_id`."""
    container = harness.container
    now = container.core.clock().now()
    today = now.date()
    async with container.core.uow_factory()() as uow:
        held = {"AAPL": Position("AAPL", D("3"))}
        await uow.accounts.add(Account(f"{tag}-a1", owner_id, D("1000.10") * scale))
        await uow.accounts.add(Account(f"{tag}-a2", owner_id, D("250.05"), positions=held))
        await uow.commit()
    portfolios = container.portfolio.portfolio_store()
    await portfolios.add_portfolio(Portfolio(f"{tag}-p", owner_id, "Family", "USD", now))
    await portfolios.put_valuations(
        [ValuationPoint(f"{tag}-p", today, D("42000.42") * scale, D(0), "USD")]
    )
    illiquid = container.portfolio.illiquid_store()
    await illiquid.add_asset(
        IlliquidAsset(
            f"{tag}-i", f"{tag}-p", owner_id, "House", IlliquidKind.REAL_ESTATE, "USD",
            date(2020, 1, 1), D("200000"), now,
        )
    )  # fmt: skip
    await illiquid.add_valuation(
        Valuation(f"{tag}-i", today, D("310000.00") * scale, ValuationMethod.APPRAISAL, now)
    )
    linked = container.portfolio.linked_accounts_store()
    await linked.add_item(
        LinkedItem(f"{tag}-item", owner_id, f"prov-{tag}", None, "Bank", "sealed", now,
                   last_synced_at=now)
    )  # fmt: skip
    await linked.replace_accounts(
        f"{tag}-item",
        [
            AggregatedAccount(
                f"{tag}-pl", f"{tag}-item", owner_id, f"pa-{tag}", "Checking", None,
                "depository", "checking", D("1234.56") * scale, "USD",
            )
        ],
    )  # fmt: skip


async def test_homeostasis_counts_every_holding_to_the_cent_with_its_source(
    market: Harness, owner: User
) -> None:
    # Arrange: 1000.10 + (250.05 + 3 x 190) + 42000.42 + 310000.00 + 1234.56 = 355 055.13
    harness = market
    await _holdings(harness, owner.id, "me")
    put = await harness.client.put(
        PROFILE, json={"annual_expenses": "40000", "other_assets": "0"}, headers=owner.headers
    )
    assert put.status_code == 200, put.text

    # Act
    response = await harness.client.get(HOME, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert D(body["wealth"]) == D("355055.13")
    assert D(body["accounts_equity"]) == D("1820.15")
    assert body["accounts_counted"] == 2
    sources = {h["id"]: h["source"] for h in body["holdings"]}
    assert sources == {
        "me-a1": "TRADING_ACCOUNT",
        "me-a2": "TRADING_ACCOUNT",
        "me-p": "PORTFOLIO",
        "me-i": "ILLIQUID_ASSET",
        "me-pl": "LINKED_ACCOUNT",
    }
    assert all(h["as_of"] for h in body["holdings"])
    assert body["left_out"] == []


async def test_another_users_holdings_never_count_in_mine(market: Harness, owner: User) -> None:
    # Arrange: a stranger holds ten times as much, of every kind.
    harness = market
    stranger = await harness.user()
    await _holdings(harness, owner.id, "mine")
    await _holdings(harness, stranger.id, "theirs", scale=10)
    for user in (owner, stranger):
        put = await harness.client.put(
            PROFILE, json={"annual_expenses": "40000"}, headers=user.headers
        )
        assert put.status_code == 200, put.text

    # Act
    mine = await harness.client.get(HOME, headers=owner.headers)
    theirs = await harness.client.get(HOME, headers=stranger.headers)

    # Assert
    assert mine.status_code == 200 and theirs.status_code == 200
    assert D(mine.json()["wealth"]) == D("355055.13")
    assert {h["id"] for h in mine.json()["holdings"]} == {
        "mine-a1", "mine-a2", "mine-p", "mine-i", "mine-pl",
    }  # fmt: skip
    assert not any(h["id"].startswith("mine") for h in theirs.json()["holdings"])


MC = "/api/v1/planning/monte-carlo"
STORED_PLAN: dict[str, object] = {
    "from_holdings": True,
    "retirement_month": 120,
    "horizon_months": 240,
    "annual_return": 0.05,
    "annual_volatility": 0.12,
    "paths": 500,
    "seed": 3,
}


async def test_a_plan_from_holdings_starts_from_what_the_caller_holds(
    market: Harness, owner: User
) -> None:
    # Arrange: the caller's holdings sum to 355,055.13; a stranger's are ten times as much.
    harness = market
    stranger = await harness.user()
    await _holdings(harness, owner.id, "mc")
    await _holdings(harness, stranger.id, "mcx", scale=10)

    # Act
    response = await harness.client.post(MC, json=STORED_PLAN, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["fan_chart"][0]["wealth"] == [pytest.approx(355055.13)] * 5
    stored = body["stored_inputs"]
    assert stored["sources"]["initial_wealth"] == "stored"
    assert stored["sources"]["annual_return"] == "posted"
    assert stored["sources"]["monthly_contribution"] == "default"
    assert {h["id"] for h in stored["holdings"]} == {"mc-a1", "mc-a2", "mc-p", "mc-i", "mc-pl"}
    assert stored["history"] is None


async def test_a_plan_from_holdings_without_history_names_what_is_missing(
    market: Harness, owner: User
) -> None:
    # Arrange: AAPL is held but the bar store has no daily closes of it.
    harness = market
    await _holdings(harness, owner.id, "nh")
    plan = {k: v for k, v in STORED_PLAN.items() if k not in ("annual_return", "annual_volatility")}

    # Act
    response = await harness.client.post(MC, json=plan, headers=owner.headers)

    # Assert
    assert_problem(response, 422, "PLANNING_HISTORY_TOO_SHORT")
    assert "AAPL" in response.json()["detail"]


async def test_a_plan_without_wealth_and_without_from_holdings_is_a_422(
    harness: Harness, owner: User
) -> None:
    # Act
    response = await harness.client.post(
        MC, json={"retirement_month": 12, "horizon_months": 24, "annual_return": 0.05,
                  "annual_volatility": 0.1}, headers=owner.headers,
    )  # fmt: skip

    # Assert
    problem = assert_problem(response, 422, "INVALID_PLANNING_INPUT")
    assert problem["errors"][0]["field"] == "initial_wealth"


async def test_a_plan_from_holdings_fits_the_return_and_volatility_from_stored_closes(
    market: Harness, owner: User
) -> None:
    # Arrange: 300 daily closes of AAPL, alternately -0.5% and +1%.
    harness = market
    await _holdings(harness, owner.id, "fit")
    now = harness.container.core.clock().now()
    close, bars = 100.0, []
    for k in range(300):
        close *= 1.01 if k % 2 else 0.995
        price = D(str(round(close, 6)))
        start = (now - timedelta(days=300 - k)).replace(hour=0, minute=0, second=0, microsecond=0)
        bars.append(Bar("AAPL", Timeframe.D1, start, price, price, price, price, D(1000)))
    await harness.container.market_data.bar_store().write("AAPL", Timeframe.D1, bars)
    plan = {k: v for k, v in STORED_PLAN.items() if k != "annual_volatility"}

    # Act
    response = await harness.client.post(MC, json=plan, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    stored = body["stored_inputs"]
    assert stored["sources"]["annual_volatility"] == "fitted"
    assert stored["sources"]["annual_return"] == "posted"
    assert stored["history"]["symbols"] == ["AAPL"]
    assert stored["history"]["observations"] == 299
    assert body["annual_return"] == 0.05
    assert 0.05 < body["annual_volatility"] < 0.2


async def test_a_plan_from_holdings_fits_the_ledger_and_linked_holdings_never_a_strangers(
    market: Harness, owner: User
) -> None:
    # Arrange: the caller holds XOM in a ledger portfolio and a linked 401k; a stranger's
    # ledger holds MSFT, priced without stored bars (named as left out were it counted).
    # XOM's 301 closes alternate 100 and 101: 300 daily log returns of +-ln(1.01).
    harness = market
    stranger = await harness.user()
    container = harness.container
    now = container.core.clock().now()
    portfolios = container.portfolio.portfolio_store()
    for tag, user, symbol in (("lx", owner, "XOM"), ("lxs", stranger, "MSFT")):
        account = PortfolioAccount(f"{tag}-m", "Elsewhere")
        await portfolios.add_portfolio(
            Portfolio(f"{tag}-p", user.id, "Family", "USD", now, (account,))
        )
        await portfolios.add_transactions(
            f"{tag}-p",
            [
                Transaction(
                    f"{tag}-t1", f"{tag}-p", account.id, TransactionKind.BUY, now.date(),
                    symbol=symbol, quantity=D("10"), price=D("100"),
                )
            ],
        )  # fmt: skip
    linked = container.portfolio.linked_accounts_store()
    await linked.add_item(LinkedItem("lx-item", owner.id, "prov-lx", None, "Broker", "s", now))
    await linked.replace_accounts(
        "lx-item",
        [
            AggregatedAccount(
                "agg_lx", "lx-item", owner.id, "pa-lx", "401k", None, "investment", "401k",
                D("550"), "USD",
            )
        ],
    )  # fmt: skip
    await linked.replace_holdings(
        "lx-item",
        [
            AggregatedHolding(
                "agg_lx", "sec-xom", "XOM", None, "equity", D("5"), None, D("110"), D("550"),
                "USD", now.date(),
            )
        ],
    )  # fmt: skip
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    bars = []
    for k in range(301):
        price = D("101") if k % 2 else D("100")
        start = midnight - timedelta(days=301 - k)
        bars.append(Bar("XOM", Timeframe.D1, start, price, price, price, price, D(1000)))
    await container.market_data.bar_store().write("XOM", Timeframe.D1, bars)
    plan = {k: v for k, v in STORED_PLAN.items() if k != "annual_volatility"}

    # Act
    response = await harness.client.post(MC, json=plan, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    history = body["stored_inputs"]["history"]
    assert history["symbols"] == ["XOM"] and history["observations"] == 300
    assert history["source"].endswith("; held in ledger portfolios and linked accounts")
    assert "MSFT" not in history["source"]
    held = ["PORTFOLIO", "LINKED_ACCOUNT"]
    assert history["held_in"] == held
    assert history["weights"] == [  # 10 in the ledger + 5 linked, at the reference 110
        {"symbol": "XOM", "value": "1650.00", "weight": "1.0000000000", "sources": held}
    ]
    assert history["left_out"] == []
    sigma = math.log(1.01) * math.sqrt(300 / 299) * math.sqrt(252)
    assert body["annual_volatility"] == pytest.approx(sigma, rel=1e-6)
