"""GET /api/v1/accounts/{id}/performance, and the portfolio-risk GET on stored returns."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.analytics.benchmark import align, benchmark_stats
from domain.market_data.bars import Timeframe
from domain.risk.metrics import var_report
from domain.trading.fills import Fill
from domain.trading.orders import Side
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User
from tests.kit.ledger import book_fill, move_cash

pytestmark = pytest.mark.serves("analytics", "trading")

D = Decimal
MONDAY = date(2026, 1, 5)
PORTFOLIO = "/api/v1/risk-rules/portfolio-risk"


def performance_url(account_id: str) -> str:
    return f"/api/v1/accounts/{account_id}/performance"


async def trade(harness: Harness, account_id: str, side: Side, quantity: str, price: str) -> None:
    """A fill booked now through the account aggregate (cash, position) and the fills table."""
    now = harness.clock.now()
    fill = Fill(
        f"fill-{now.timestamp()}", f"order-{now.timestamp()}", account_id, "AAPL", side,
        D(quantity), D(price), now,
    )  # fmt: skip
    await book_fill(harness.container.core.uow_factory(), fill)


async def deposit(harness: Harness, account_id: str, amount: str) -> None:
    await move_cash(harness.container.core.uow_factory(), account_id, D(amount))


async def snapshot_at_close(harness: Harness, day: date, aapl: str) -> None:
    """AAPL marked at `aapl`, then the snapshot job at 21:00 UTC of `day`."""
    harness.clock.set(datetime(day.year, day.month, day.day, 21, tzinfo=UTC))
    harness.container.core.market().set_price("AAPL", D(aapl))
    run = await harness.container.analytics.equity_snapshots().take_all()
    assert not run.skipped and not run.failed, run


async def four_days(harness: Harness, owner: User) -> str:
    """100 000 cash. Mon: buy 100 AAPL at 190, close 190 -> equity 100 000.
    Tue: close 200 -> 101 000 (+1 %). Wed: sell 50 at 180 (a closed trade losing 500),
    close 180 -> 99 000 (-2/101). Thu: 1 000 deposited, close 190 -> 100 500, a time-weighted
    return of 100 500 / (99 000 + 1 000) - 1 = +0.5 %, not the +1.5 % the raw equity shows."""
    account = await harness.account(owner, "acc-1", cash="100000")
    await trade(harness, account, Side.BUY, "100", "190")
    await snapshot_at_close(harness, MONDAY, "190")
    await snapshot_at_close(harness, MONDAY + timedelta(days=1), "200")
    harness.clock.advance(timedelta(hours=15))
    await trade(harness, account, Side.SELL, "50", "180")
    await snapshot_at_close(harness, MONDAY + timedelta(days=2), "180")
    await deposit(harness, account, "1000")
    await snapshot_at_close(harness, MONDAY + timedelta(days=3), "190")
    return account


async def test_performance_of_four_days_worked_by_hand(market: Harness, owner: User) -> None:
    # Arrange
    account = await four_days(market, owner)
    headers = await market.session_headers(owner.username)

    # Act
    response = await market.client.get(
        performance_url(account), params={"from": "2026-01-01", "to": "2026-01-31"}, headers=headers
    )

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["from"], body["to"], body["points"]) == ("2026-01-01", "2026-01-31", 4)
    curve = body["equity_curve"]
    assert [p["date"] for p in curve] == ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"]
    assert [D(p["equity"]) for p in curve] == [D(100000), D(101000), D(99000), D(100500)]
    assert [D(p["net_flow"]) for p in curve] == [D(0), D(0), D(0), D(1000)]
    returns = [p["daily_return"] for p in curve]
    assert returns[0] is None
    assert returns[1:] == pytest.approx([0.01, 99000 / 101000 - 1, 0.005])
    # The unit value 1, 1.01, 0.99, 0.99495: 2 % below its peak on Wednesday
    assert [p["drawdown"] for p in curve] == pytest.approx([0, 0, 0.02 / 1.01, 0.01505 / 1.01])
    stats = body["returns"]
    assert stats["periods"] == 3
    assert stats["total_return"] == pytest.approx(1.01 * 99 / 101 * 1.005 - 1)
    assert stats["max_drawdown"] == pytest.approx(0.02 / 1.01)
    assert stats["max_drawdown_days"] == 2
    assert body["trades"]["trades"] == 1 and body["trades"]["losers"] == 1
    assert D(body["trades"]["gross_loss"]) == D(500)  # 50 x (190 - 180)
    assert D(body["realized_pnl"]) == D(-500)
    assert D(body["net_flows"]) == D(1000)
    # Gross exposure / equity: 19 000 / 100 000, 20 000 / 101 000, 9 000 / 99 000, 9 500 / 100 500
    assert body["exposure"] == pytest.approx(
        (0.19 + 20000 / 101000 + 9000 / 99000 + 9500 / 100500) / 4
    )
    # 19 000 bought + 9 000 sold over an average equity of 100 125
    assert D(body["turnover"]["traded_notional"]) == D(28000)
    assert body["turnover"]["total"] == pytest.approx(28000 / 100125)
    assert body["turnover"]["annualized"] == pytest.approx(28000 / 100125 * 252 / 4)
    assert body["benchmark"] is None


async def test_a_benchmark_adds_alpha_beta_tracking_error_and_information_ratio(
    market: Harness, owner: User
) -> None:
    # Arrange: the synthetic provider serves MSFT's daily bars
    account = await four_days(market, owner)
    bars = await market.container.market_data.market_feed().bars(
        "MSFT", Timeframe.D1, start=datetime(2025, 12, 29, tzinfo=UTC),
        end=datetime(2026, 1, 9, tzinfo=UTC), limit=20,
    )  # fmt: skip
    closes = {b.start.date(): float(b.close) for b in bars}
    bench = {
        d: closes[d] / closes[d - timedelta(days=1)] - 1
        for d in closes
        if d - timedelta(days=1) in closes and MONDAY <= d <= date(2026, 1, 8)
    }
    mine = {MONDAY + timedelta(days=1): 0.01, MONDAY + timedelta(days=2): 99 / 101 - 1}
    mine[MONDAY + timedelta(days=3)] = 0.005
    expected = benchmark_stats(*align(mine, bench))

    # Act
    response = await market.client.get(
        performance_url(account),
        params={"from": "2026-01-05", "to": "2026-01-08", "benchmark": "msft"},
        headers=await market.session_headers(owner.username),
    )

    # Assert
    assert response.status_code == 200, response.text
    got = response.json()["benchmark"]
    assert got["symbol"] == "MSFT"
    assert got["points"] == expected.points == 3
    assert got["beta"] == pytest.approx(expected.beta)
    assert got["alpha"] == pytest.approx(expected.alpha_annual)
    assert got["tracking_error"] == pytest.approx(expected.tracking_error_annual)
    assert got["information_ratio"] == pytest.approx(expected.information_ratio)
    assert got["benchmark_return"] == pytest.approx(expected.benchmark_total_return)


async def test_another_users_account_and_an_unknown_one_are_404(
    market: Harness, owner: User
) -> None:
    # Arrange
    await four_days(market, owner)
    stranger = await market.user()

    # Act
    theirs = await market.client.get(performance_url("acc-1"), headers=stranger.headers)
    unknown = await market.client.get(
        performance_url("acc-nope"), headers=await market.session_headers(owner.username)
    )

    # Assert
    assert_problem(theirs, 404, "NOT_FOUND")
    assert_problem(unknown, 404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"from": "2026-02-01", "to": "2026-01-01"}, "INVALID_PERFORMANCE_QUERY", "from"),
        ({"from": "2000-01-01", "to": "2026-01-01"}, "INVALID_PERFORMANCE_QUERY", "from"),
        ({"from": "2026-13-01"}, "INVALID_PERFORMANCE_QUERY", "from"),
        ({"to": "yesterday"}, "INVALID_PERFORMANCE_QUERY", "to"),
        ({"benchmark": "S P Y"}, "INVALID_PERFORMANCE_QUERY", "benchmark"),
    ],
    ids=["reversed", "too long", "no such month", "not a date", "malformed symbol"],
)
async def test_bad_dates_and_symbols_are_400_naming_the_parameter(
    market: Harness, owner: User, params: dict[str, str], code: str, field: str
) -> None:
    # Arrange
    await market.account(owner, "acc-1")

    # Act
    response = await market.client.get(
        performance_url("acc-1"), params=params, headers=owner.headers
    )

    # Assert
    assert field_names(assert_problem(response, 400, code)) == {field}


async def test_an_unknown_benchmark_is_422(market: Harness, owner: User) -> None:
    # Arrange
    await market.account(owner, "acc-1")

    # Act
    response = await market.client.get(
        performance_url("acc-1"), params={"benchmark": "NOPE"}, headers=owner.headers
    )

    # Assert
    assert field_names(assert_problem(response, 422, "UNKNOWN_BENCHMARK")) == {"benchmark"}


async def test_an_account_without_snapshots_has_an_empty_curve(
    market: Harness, owner: User
) -> None:
    # Arrange
    await market.account(owner, "acc-1")

    # Act
    response = await market.client.get(performance_url("acc-1"), headers=owner.headers)

    # Assert: the default range is the year up to today
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["from"], body["to"]) == ("2025-01-05", "2026-01-05")
    assert body["points"] == 0 and body["equity_curve"] == [] and body["returns"] is None
    assert body["turnover"] is None and body["exposure"] is None


async def test_portfolio_risk_get_uses_the_stored_daily_returns(
    market: Harness, owner: User
) -> None:
    # Arrange: four snapshots, three daily returns
    account = await four_days(market, owner)

    # Act
    response = await market.client.get(
        PORTFOLIO,
        params={"account_id": account},
        headers=await market.session_headers(owner.username),
    )

    # Assert
    assert response.status_code == 200, response.text
    risk = response.json()
    assert (risk["returns_source"], risk["returns_count"]) == ("stored", 3)
    assert risk["var"]["observations"] == 3
    # The VaR of the three stored time-weighted returns (not of the raw equity changes)
    expected = var_report([0.01, 99 / 101 - 1, 0.005], D(100500))
    assert risk["var"]["at_95"]["historical_var"] == pytest.approx(expected.at_95.historical_var)
    assert risk["var"]["at_99"]["parametric_var"] == pytest.approx(expected.at_99.parametric_var)


async def test_portfolio_risk_get_without_history_has_no_var(market: Harness, owner: User) -> None:
    # Arrange: one snapshot is no return
    await market.account(owner, "acc-1")
    await snapshot_at_close(market, MONDAY, "190")

    # Act
    response = await market.client.get(
        PORTFOLIO,
        params={"account_id": "acc-1"},
        headers=await market.session_headers(owner.username),
    )

    # Assert
    risk = response.json()
    assert (risk["var"], risk["returns_source"], risk["returns_count"]) == (None, None, 0)
