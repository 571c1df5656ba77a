"""`POST /api/v1/accounts/{id}/sync`: cash, positions and open orders imported from the broker."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import msgspec
import pytest

from adapters.http.trading.account_admin_schemas import SyncReportOut
from adapters.security.cipher import FernetCipher
from application.trading.account_sync import BrokerRefused
from bootstrap.closing import close_quietly
from domain.trading.accounts import Account
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side
from tests.alpaca_server import AlpacaServer, Request
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import Harness, User
from tests.http.test_account_admin import open_account
from tests.kit.alpaca_fake import FakeAlpacaTrading, _Position

pytestmark = pytest.mark.serves("analytics", "keys", "review", "trading")

D = Decimal
CREDENTIALS = {"broker": "alpaca", "key_id": "PKA1B2C3D4E5F6G7H7XQ", "secret_key": "s3cr3t-9f8e"}


def sync_url(account_id: str) -> str:
    return f"/api/v1/accounts/{account_id}/sync"


async def test_a_paper_account_syncs_what_the_paper_broker_holds(
    market: Harness, owner: User
) -> None:
    # Arrange: a fill booked through Bulwark, then what only the broker knows: a position, an
    # unknown symbol's position and a resting order placed around the gate
    account = (await open_account(market, owner))["id"]
    await submit(market, owner, order_body(account, quantity="10"))
    broker = market.container.core.paper_broker()
    broker.seed_position(account, "MSFT", D(4), D("400"))
    broker.seed_position(account, "ZZZZ", D(1), D("5"))
    outside = Order(
        "ord-outside",
        "cl-outside",
        account,
        "XOM",
        Side.BUY,
        D(3),
        Origin(OriginKind.USER, owner.id),
        order_type=OrderType.LIMIT,
        limit_price=D("50"),
    )
    await broker.submit(outside)

    # Act
    response = await market.client.post(sync_url(account), headers=owner.headers)
    again = await market.client.post(sync_url(account), headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["cash_before"] == report["cash_after"] == "98100.00"  # 100,000 - 10 x 190
    assert [p["symbol"] for p in report["positions_added"]] == ["MSFT"]
    assert report["positions_unchanged"] == 1  # AAPL, booked by the fill already
    assert [
        (o["symbol"], o["client_order_id"], o["quantity"]) for o in report["orders_adopted"]
    ] == [("XOM", "cl-outside", "3.00000000")]
    assert [(s["kind"], s["symbol"], s["reason"]) for s in report["skipped"]] == [
        ("position", "ZZZZ", "UNKNOWN_INSTRUMENT")
    ]
    second = again.json()
    assert (second["positions_added"], second["orders_adopted"]) == ([], [])
    assert (second["positions_unchanged"], second["orders_known"]) == (2, 1)
    positions = await market.client.get(
        f"/api/v1/accounts/{account}/positions", headers=owner.headers
    )
    assert {p["symbol"]: p["quantity"] for p in positions.json()["items"]} == {
        "AAPL": "10.00000000",
        "MSFT": "4.00000000",
    }
    fetched = (await market.client.get(f"/api/v1/accounts/{account}", headers=owner.headers)).json()
    assert fetched["open_orders"] == 1
    orders = await market.client.get(
        "/api/v1/orders", params={"account_id": account, "symbol": "XOM"}, headers=owner.headers
    )
    assert [(o["client_order_id"], o["status"]) for o in orders.json()["items"]] == [
        ("cl-outside", "accepted")
    ]


async def test_a_closed_account_is_not_synced(harness: Harness, owner: User) -> None:
    # Arrange
    account = (await open_account(harness, owner))["id"]
    await harness.client.post(f"/api/v1/accounts/{account}/close", headers=owner.headers)

    # Act
    response = await harness.client.post(sync_url(account), headers=owner.headers)

    # Assert
    assert_problem(response, 409, "ACCOUNT_CLOSED")


async def test_another_users_account_and_an_unknown_one_are_404(
    harness: Harness, owner: User
) -> None:
    # Arrange: the owner's account; someone else
    account = (await open_account(harness, owner))["id"]
    stranger = await harness.user()

    # Act
    theirs = await harness.client.post(sync_url(account), headers=stranger.headers)
    unknown = await harness.client.post(sync_url("acc-unknown"), headers=owner.headers)

    # Assert: the same answer as for an account that does not exist
    assert_problem(theirs, 404, "NOT_FOUND")
    assert_problem(unknown, 404, "NOT_FOUND")


async def test_a_paper_book_lost_with_a_restart_reopens_with_the_stored_account(
    market: Harness, owner: User
) -> None:
    # Arrange: a position, then the paper broker forgets the book (as a restart would)
    account = (await open_account(market, owner))["id"]
    await submit(market, owner, order_body(account, quantity="10"))
    market.container.core.paper_broker()._books.pop(account)

    # Act
    report = (await market.client.post(sync_url(account), headers=owner.headers)).json()
    sold = await submit(market, owner, order_body(account, side="sell", quantity="10"))

    # Assert: the book came back with the stored cash and position; nothing changed
    assert (report["cash_before"], report["cash_after"]) == ("98100.00", "98100.00")
    assert (report["positions_removed"], report["positions_unchanged"]) == ([], 1)
    assert sold.status_code == 201, sold.text
    assert sold.json()["order"]["status"] == "filled"


async def test_an_account_on_a_broker_not_configured_is_refused(
    harness: Harness, owner: User
) -> None:
    # Arrange
    async with harness.container.core.uow_factory()() as uow:
        await uow.accounts.add(Account("acc-ibkr", owner.id, D(0), broker="ibkr"))
        await uow.commit()

    # Act
    response = await harness.client.post(sync_url("acc-ibkr"), headers=owner.headers)

    # Assert
    assert "not configured" in assert_problem(response, 409, "BROKER_REFUSED")["detail"]


async def _alpaca_venue_order(venue: FakeAlpacaTrading, **fields: Any) -> None:
    body = {"type": "limit", "time_in_force": "day", "side": "buy", **fields}
    reply = await venue._submit(Request("POST", "/v2/orders", {}, {}, json.dumps(body).encode()))
    assert reply.status == 200, reply.body


async def test_an_alpaca_account_syncs_from_the_local_alpaca_server() -> None:
    # Arrange: the venue holds cash, AAPL, an unknown TSLA, and a resting MSFT buy
    venue = FakeAlpacaTrading(cash=D("50000"))
    venue.positions["AAPL"] = _Position(D(5), D(100))
    venue.positions["TSLA"] = _Position(D(2), D(200))
    async with AlpacaServer() as server:
        venue.install(server)
        await venue.set_price("MSFT", D("410"))
        await _alpaca_venue_order(
            venue, symbol="MSFT", qty="10", limit_price="300", client_order_id="mine-1"
        )
        async with harness_with(
            broker="alpaca",
            alpaca_trading_url=server.url,
            secret_key=FernetCipher.new_key().decode(),  # a durable store keeps the keys
        ) as h:
            owner = await h.user()
            await h.instrument("AAPL", "190")
            await h.instrument("MSFT", "410")
            body = {
                "name": "Alpaca",
                "broker": "alpaca",
                "base_currency": "USD",
                "account_type": "ira",
                "trading_type": "cash",
            }
            account = await h.client.post("/api/v1/accounts", json=body, headers=owner.headers)
            account_id = account.json()["id"]
            sync = h.container.trading.account_sync()
            with pytest.raises(BrokerRefused) as unlinked:
                await sync.sync(owner.principal, account_id)
            linked = await h.client.put(
                f"/api/v1/accounts/{account_id}/broker-credentials",
                json=CREDENTIALS,
                headers=owner.headers,
            )

            # Act: the use case in the test's loop (the local server runs there; the test
            # client's requests would block it), then the answer the route would give
            report = SyncReportOut.from_domain(await sync.sync(owner.principal, account_id))
            fetched = await h.client.get(f"/api/v1/accounts/{account_id}", headers=owner.headers)
            await close_quietly(h.container.core.brokers().brokers.values())

    # Assert
    assert "no Alpaca credentials" in unlinked.value.message
    assert linked.status_code == 200, linked.text
    report = msgspec.to_builtins(report)
    assert (report["broker"], report["cash_before"], report["cash_after"]) == (
        "alpaca",
        "0.00",
        "50000.00",
    )
    assert [(p["symbol"], p["quantity_after"]) for p in report["positions_added"]] == [
        ("AAPL", "5.00000000")
    ]
    assert [(o["symbol"], o["client_order_id"]) for o in report["orders_adopted"]] == [
        ("MSFT", "mine-1")
    ]
    assert [(s["symbol"], s["reason"]) for s in report["skipped"]] == [
        ("TSLA", "UNKNOWN_INSTRUMENT")
    ]
    assert (fetched.json()["cash"], fetched.json()["positions"], fetched.json()["open_orders"]) == (
        "50000.00",
        1,
        1,
    )


async def test_a_sync_first_adopts_an_order_in_doubt_that_its_broker_holds(
    market: Harness, owner: User
) -> None:
    # Arrange: approved and stored, sent, but its acknowledgement never booked (a crash)
    account_id = (await open_account(market, owner))["id"]
    doubtful = Order(
        "ord-doubt",
        "cl-doubt",
        account_id,
        "XOM",
        Side.BUY,
        D(3),
        Origin(OriginKind.USER, owner.id),
        order_type=OrderType.LIMIT,
        limit_price=D("50"),
        created_at=market.clock.now(),
    )
    doubtful.mark_pending_submit()
    async with market.container.core.uow_factory()() as uow:
        account = await uow.accounts.get(account_id)
        assert account is not None
        account.track_order(doubtful)
        await uow.orders.add(doubtful)
        await uow.commit()
    sent = await market.container.core.paper_broker().submit(doubtful)
    market.clock.advance(60)

    # Act
    response = await market.client.post(sync_url(account_id), headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["orders_adopted"], report["orders_known"]) == ([], 1)
    order = await market.client.get("/api/v1/orders/ord-doubt", headers=owner.headers)
    assert (order.json()["status"], order.json()["broker_order_id"]) == (
        "accepted",
        sent.broker_order_id,
    )
