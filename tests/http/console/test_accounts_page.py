"""The console's accounts pages: who sees which account, its figures, and the chart data."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest

from domain.principals import Role
from ports.trading.equity import EquitySnapshot
from tests.http.console.helpers import signed_in
from tests.http.core_helpers import order_body, submit
from tests.http.harness import Harness, User
from tests.kit.equity import cash_snapshot

pytestmark = pytest.mark.shares_app()

D = Decimal


def _snapshot(account_id: str, day: date, equity: str, **fields: str) -> EquitySnapshot:
    return cash_snapshot(account_id, day, D(equity), **{k: D(v) for k, v in fields.items()})


def _midnight(day: date) -> int:
    return int(datetime.combine(day, time(), tzinfo=UTC).timestamp())


async def test_an_owner_sees_their_accounts_and_a_desk_role_sees_all(
    market: Harness, owner: User
) -> None:
    mine = await market.account(owner, "acc-mine", cash="250000")
    other_owner = await market.user(Role.OWNER)
    theirs = await market.account(other_owner, "acc-theirs")
    risk = await market.user(Role.RISK_OFFICER)

    async with signed_in(market, owner.username) as client:
        owners_view = await client.get("/console/accounts")
    async with signed_in(market, risk.username) as client:
        desk_view = await client.get("/console/accounts")

    assert owners_view.status_code == 200
    assert f'id="account-{mine}"' in owners_view.text and "250,000.00" in owners_view.text
    assert theirs not in owners_view.text
    assert f'id="account-{mine}"' in desk_view.text and f'id="account-{theirs}"' in desk_view.text


@pytest.mark.own_app("it moves AAPL's mark, which every user reads")
async def test_the_account_page_shows_positions_at_current_marks(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1", cash="100000")
    placed = await submit(market, owner, order_body(account, quantity="10"))  # AAPL at 190
    assert placed.status_code == 201, placed.text
    market.container.core.market().set_price("AAPL", D("200"))

    async with signed_in(market, owner.username) as client:
        response = await client.get(f"/console/accounts/{account}")

    assert response.status_code == 200
    text = response.text
    assert "AAPL" in text
    assert "190.0000" in text  # average price
    assert "200.0000" in text  # market price
    assert "2,000.00" in text  # market value
    assert "+100.00" in text  # unrealized P&L, shown with the money filter
    assert (
        "Margin buffer" in text and f'data-chart-src="/console/accounts/{account}/pnl.json"' in text
    )


async def test_another_owners_account_is_404_on_the_page_and_its_charts(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    stranger = await market.user(Role.OWNER)

    async with signed_in(market, stranger.username) as client:
        page = await client.get(f"/console/accounts/{account}")
        pnl = await client.get(f"/console/accounts/{account}/pnl.json")
        exposure = await client.get(f"/console/accounts/{account}/exposure.json")

    assert page.status_code == 404 and "NOT_FOUND" in page.text
    assert pnl.status_code == 404
    assert exposure.status_code == 404


async def test_the_chart_data_follows_the_stored_snapshots_then_now(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1", cash="100000")
    history = market.container.trading.equity_history()
    today = market.clock.now().date()
    d1, d2, d3 = today - timedelta(days=3), today - timedelta(days=2), today - timedelta(days=1)
    await history.upsert(_snapshot(account, d1, "100000"))
    await history.upsert(
        _snapshot(
            account,
            d2,
            "101500",
            market_value="5000",
            gross_exposure="5000",
            realized_pnl="200",
        )
    )
    # A deposit of 1000 on day 3 is not profit.
    await history.upsert(
        _snapshot(
            account,
            d3,
            "103000",
            market_value="-2000",
            gross_exposure="6000",
            net_flow="1000",
            realized_pnl="-50",
        )
    )

    async with signed_in(market, owner.username) as client:
        pnl = (await client.get(f"/console/accounts/{account}/pnl.json")).json()
        exposure = (await client.get(f"/console/accounts/{account}/exposure.json")).json()
        short = (await client.get(f"/console/accounts/{account}/pnl.json?days=2")).json()
        bad = await client.get(f"/console/accounts/{account}/pnl.json?days=0")

    now = int(market.clock.now().timestamp())
    assert pnl["x"] == [_midnight(d1), _midnight(d2), _midnight(d3), now]
    # Now: 100000 cash, no position -> P&L now 0 - 1000 of deposits.
    assert pnl["series"] == {
        "P&L": [0.0, 1500.0, 2000.0, -1000.0],
        "Realized": [0.0, 200.0, 150.0, 150.0],
    }
    assert exposure["x"] == pnl["x"]
    assert exposure["series"] == {
        "Gross": [0.0, 5000.0, 6000.0, 0.0],
        "Net": [0.0, 5000.0, -2000.0, 0.0],
    }
    assert short["x"] == [_midnight(d2), _midnight(d3), now]
    assert bad.status_code == 400


async def test_without_snapshots_the_charts_have_the_live_point(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1", cash="100000")
    await submit(market, owner, order_body(account, quantity="10"))  # AAPL at 190

    async with signed_in(market, owner.username) as client:
        exposure = (await client.get(f"/console/accounts/{account}/exposure.json")).json()
        pnl = (await client.get(f"/console/accounts/{account}/pnl.json")).json()

    assert exposure == {
        "x": [int(market.clock.now().timestamp())],
        "series": {"Gross": [1900.0], "Net": [1900.0]},
    }
    assert pnl["series"]["P&L"] == [0.0]
