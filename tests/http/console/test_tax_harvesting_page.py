"""`/console/tax-harvesting`: the caller's candidates as the API answers them, each with the
wash-sale window a sale today opens, the lots a recent buy blocks with the window that blocks
them, and SELL: an order through the gate (its decision shown, a double click replayed), a lot
of a manual account refused, another user's lots never shown nor sold, a viewer refused, and a
bad field shown beside it.

The harness clock reads 2026-01-05 (UTC); prices move here, so each test has its own app."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Role
from ports.portfolio.portfolios import Portfolio, PortfolioAccount
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading", "safety", "portfolio", "market_data", "console")

PAGE = "/console/tax-harvesting"
HARVEST = "/api/v1/tax/harvesting"


def _buy(tx_id: str, pf: str, account: str, day: date, symbol: str, qty: str) -> Transaction:
    """A buy of `qty` at 100 a share."""
    return Transaction(
        id=tx_id,
        portfolio_id=pf,
        account_id=account,
        kind=TransactionKind.BUY,
        trade_date=day,
        symbol=symbol,
        quantity=Decimal(qty),
        price=Decimal(100),
    )


async def _ledger(harness: Harness, owner: User) -> dict[str, str]:
    """A portfolio of `owner` over a paper trading account and a manual one: XYZ (a loser in
    the trading account), DDD (a loser in the manual account) and ABC (a loser a buy ten days
    ago blocks)."""
    await harness.instrument("XYZ", "80")
    await harness.instrument("DDD", "60")
    await harness.instrument("ABC", "80")
    trading = await harness.account(owner, "acc-tlh")
    pf, manual = f"pf-{trading}", f"ma-{trading}"
    store = harness.container.portfolio.portfolio_store()
    await store.add_portfolio(
        Portfolio(
            id=pf, owner_id=owner.id, name="Taxable", base_currency="USD",
            created_at=datetime(2025, 1, 1, tzinfo=UTC),
            accounts=(PortfolioAccount(trading, "Trading", "trading"),
                      PortfolioAccount(manual, "Brokerage")),
        )
    )  # fmt: skip
    await store.add_transactions(
        pf,
        [
            _buy(f"{pf}-1", pf, trading, date(2025, 2, 3), "XYZ", "100"),
            _buy(f"{pf}-2", pf, manual, date(2025, 3, 3), "DDD", "10"),
            _buy(f"{pf}-3", pf, trading, date(2025, 4, 1), "ABC", "10"),
            _buy(f"{pf}-4", pf, trading, date(2025, 12, 26), "ABC", "1"),
        ],
    )
    return {"pf": pf, "trading": trading, "manual": manual, "xyz": f"{pf}-1", "ddd": f"{pf}-2",
            "abc": f"{pf}-3", "abc_buy": f"{pf}-4"}  # fmt: skip


async def test_candidates_windows_and_blocked_lots_as_the_api(
    harness: Harness, owner: User
) -> None:
    # Arrange
    ids = await _ledger(harness, owner)
    api = await harness.client.post(
        HARVEST, json={"ordinary_income": "150000"}, headers=owner.headers
    )
    by_lot = {c["lot_id"]: c for c in api.json()["candidates"]}

    # Act
    async with signed_in(harness, owner.username) as client:
        response = await client.get(PAGE, params={"income": "150000"})

    # Assert
    assert response.status_code == 200, response.text
    text = response.text
    assert Decimal(api.json()["total_savings"]) > 0
    xyz, ddd = by_lot[ids["xyz"]], by_lot[ids["ddd"]]
    assert f'id="harvest-total-savings">{api.json()["total_savings"]}<' in text
    row = text.split(f'id="candidate-{ids["xyz"]}"')[1].split("</tr>")[0]
    assert f"data-loss>{xyz['loss']}<" in row and f"data-savings>{xyz['tax_savings']}<" in row
    assert "2025-12-06 to 2026-02-04; buy back from 2026-02-05" in row
    assert f'id="sell-{ids["xyz"]}"' in row
    manual_row = text.split(f'id="candidate-{ids["ddd"]}"')[1].split("</tr>")[0]
    assert f"data-loss>{ddd['loss']}<" in manual_row
    assert (
        "manual account: sell at its institution" in manual_row and "sell-button" not in manual_row
    )
    blocked = text.split('id="blocked-table"')[1]
    assert f'data-lot="{ids["abc"]}"' in blocked and ids["abc_buy"] in blocked
    assert "<td data-window-end>2026-01-25</td>" in blocked  # 2025-12-26 + 30 days
    assert ids["abc"] not in by_lot and f'id="candidate-{ids["abc"]}"' not in text
    assert '<a href="/console/tax-harvesting" data-key="T"' in text


async def test_sell_is_one_order_through_the_gate_even_sent_twice(
    harness: Harness, owner: User
) -> None:
    # Arrange
    ids = await _ledger(harness, owner)
    form = {"lot_id": ids["xyz"], "portfolio_id": "", "idempotency_key": "k-1"}

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        first = await client.htmx("POST", f"{PAGE}/sell", data=form)
        again = await client.htmx("POST", f"{PAGE}/sell", data=form)
    orders = await harness.client.get(
        "/api/v1/orders", params={"account_id": ids["trading"]}, headers=owner.headers
    )

    # Assert
    (order,) = orders.json()["items"]  # one order: the second post placed none
    assert (order["symbol"], order["side"], Decimal(order["quantity"])) == (
        "XYZ",
        "sell",
        Decimal(100),
    )
    assert order["id"] in first.text
    if order["status"] in ("denied", "rejected"):
        assert real_status(first) == 422 and 'id="order-denied"' in first.text
        for reason in order.get("deny_reasons", []):
            assert reason in first.text
    else:
        assert real_status(first) == 200 and 'id="order-placed"' in first.text
    if order["status"] == "filled":  # booked: the lot is sold, no longer a candidate
        assert real_status(again) == 404
        assert again.headers["X-Bulwark-Code"] == "HARVEST_CANDIDATE_NOT_FOUND"
    else:  # still a candidate: the same idempotency key replays the first order
        assert order["id"] in again.text


async def test_a_lot_of_a_manual_account_is_not_sold_from_here(
    harness: Harness, owner: User
) -> None:
    # Arrange
    ids = await _ledger(harness, owner)

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        refused = await client.htmx("POST", f"{PAGE}/sell", data={"lot_id": ids["ddd"]})
    orders = await harness.client.get(
        "/api/v1/orders", params={"account_id": ids["trading"]}, headers=owner.headers
    )

    # Assert
    assert real_status(refused) == 422
    assert refused.headers["X-Bulwark-Code"] == "HARVEST_NOT_TRADABLE"
    assert "manual account" in refused.text
    assert orders.json()["items"] == []


async def test_another_users_lots_are_never_shown_nor_sold(harness: Harness, owner: User) -> None:
    # Arrange
    ids = await _ledger(harness, owner)
    stranger = await harness.user(Role.OWNER)
    viewer = await harness.user(Role.VIEWER)

    # Act
    async with signed_in(harness, stranger.username) as client:
        own = await client.get(PAGE)
        theirs = await client.get(PAGE, params={"portfolio_id": ids["pf"]})
        sold = await client.htmx("POST", f"{PAGE}/sell", data={"lot_id": ids["xyz"]})
    async with signed_in(harness, viewer.username) as client:
        await client.get(PAGE)
        viewed = await client.htmx("POST", f"{PAGE}/sell", data={"lot_id": ids["xyz"]})
    orders = await harness.client.get(
        "/api/v1/orders", params={"account_id": ids["trading"]}, headers=owner.headers
    )

    # Assert
    assert own.status_code == 200
    assert ids["xyz"] not in own.text and ids["abc"] not in own.text and "XYZ" not in own.text
    assert 'id="no-candidates"' in own.text and 'id="no-blocked"' in own.text
    assert theirs.status_code == 404 and ids["xyz"] not in theirs.text
    assert real_status(sold) == 404
    assert sold.headers["X-Bulwark-Code"] == "HARVEST_CANDIDATE_NOT_FOUND"
    assert real_status(viewed) == 403
    assert orders.json()["items"] == []


async def test_a_bad_field_is_shown_beside_it(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        response = await client.get(PAGE, params={"min_loss": "lots", "filing": "widowed"})
        too_rich = await client.get(PAGE, params={"income": "1e13"})

    assert response.status_code == 422
    assert 'data-field="min_loss">min_loss: must be a number<' in response.text
    assert 'data-field="filing">filing: must be one of' in response.text
    assert 'id="harvest-candidates"' not in response.text
    assert too_rich.status_code == 422
    assert 'data-field="income">income: ordinary_income must be 0..1e12 dollars<' in too_rich.text
