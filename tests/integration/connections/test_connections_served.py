"""Venue connections through the whole API: five venues of four kinds served at once in one
instance for two owners, each on the owner's own credentials, against the venues' local
simulators (each answering from a thread of its own, as a real venue would).

The simulators answer at once, so the connections open with their venues' request spacing
shortened (tests/kit/venue_pacing.py: Kraken's 3 s a private call, IBKR's 5 s a poll); the
limiters stay on, and the spacing itself is tested where it is the subject."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from adapters.brokers.simulators import alpaca as alpaca_sim
from adapters.brokers.simulators import binance as binance_sim
from adapters.brokers.simulators import ibkr as ibkr_sim
from adapters.brokers.simulators import kraken as kraken_sim
from adapters.brokers.simulators import tradier as tradier_sim
from domain.kyc.status import KycRecord, KycStatus
from domain.principals import Principal, Role
from ports.trading.broker import BrokerError, BrokerErrorCode
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import PASSCODE, Harness, User
from tests.http.served_contexts import serving_for
from tests.kit.clocks import WallClock
from tests.kit.fake_server import threaded
from tests.kit.venue_pacing import short_venue_pacing

pytestmark = pytest.mark.serves(
    "trading", "connections", "live_trading", "books", "reconciliation", "safety", "notifications"
)

CONNECTIONS = "/api/v1/connections"
ACCOUNTS = "/api/v1/accounts"
PRICE = Decimal(100)


@dataclass
class Venues:
    """The five simulators, each on its own server."""

    alpaca: alpaca_sim.AlpacaSimulator
    binance: binance_sim.BinanceSpotSimulator
    kraken: kraken_sim.KrakenSpotSimulator
    tradier: tradier_sim.TradierSimulator
    ibkr: ibkr_sim.IbkrGatewaySimulator
    servers: dict[str, AlpacaServer]

    def body(self, venue: str, **extra: Any) -> dict[str, Any]:
        """The creation body of a connection to `venue`'s simulator."""
        url = self.servers[venue].url
        bodies: dict[str, dict[str, Any]] = {
            "alpaca": {
                "kind": "alpaca",
                "key_id": alpaca_sim.KEY_ID,
                "secret": alpaca_sim.SECRET,
                "endpoint": url,
            },
            "binance": {
                "kind": "ccxt:binance",
                "environment": "live",
                "key_id": binance_sim.API_KEY,
                "secret": binance_sim.SECRET,
                "endpoint": url,
                "quote": "USD",
            },
            "kraken": {
                "kind": "ccxt:kraken",
                "environment": "live",
                "key_id": kraken_sim.API_KEY,
                "secret": kraken_sim.SECRET,
                "endpoint": url,
                "quote": "USD",
            },
            "tradier": {
                "kind": "tradier",
                "secret": tradier_sim.TOKEN,
                "venue_account": tradier_sim.TRADIER_ACCOUNT,
                "endpoint": f"{url}/v1",
            },
            "ibkr": {
                "kind": "ibkr",
                "venue_account": ibkr_sim.ACCOUNT_ID,
                "endpoint": f"{url}{ibkr_sim.API}",
            },
        }
        return {"label": f"{venue} desk", **bodies[venue], **extra}


@contextmanager
def five_venues() -> Iterator[Venues]:
    alpaca = alpaca_sim.AlpacaSimulator(cash=Decimal(50_000))
    binance = binance_sim.BinanceSpotSimulator()
    binance.fund("USD", Decimal(50_000))
    kraken = kraken_sim.KrakenSpotSimulator()
    kraken.fund("ZUSD", Decimal(50_000))
    tradier = tradier_sim.TradierSimulator(cash=Decimal(50_000))
    ibkr = ibkr_sim.IbkrGatewaySimulator()
    ibkr.fund(Decimal(50_000))
    with ExitStack() as stack:
        servers = {}
        for name, venue in (
            ("alpaca", alpaca),
            ("binance", binance),
            ("kraken", kraken),
            ("tradier", tradier),
            ("ibkr", ibkr),
        ):
            server = stack.enter_context(threaded(AlpacaServer()))
            venue.install(server)
            servers[name] = server
        yield Venues(alpaca, binance, kraken, tradier, ibkr, servers)


@pytest.fixture(scope="module")
def venues() -> Iterator[Venues]:
    with short_venue_pacing(), five_venues() as found:
        yield found


async def priced(venues: Venues) -> None:
    for venue in (venues.alpaca, venues.binance, venues.kraken, venues.tradier):
        await venue.set_price("AAPL", PRICE)
    if "AAPL" not in venues.ibkr.conids:
        venues.ibkr.list_contract("AAPL", 265598)
    await venues.ibkr.set_price("AAPL", PRICE)


async def connect(h: Harness, owner: User, venues: Venues, venue: str, **extra: Any) -> Any:
    return await h.client.post(CONNECTIONS, json=venues.body(venue, **extra), headers=owner.headers)


async def account_on(h: Harness, owner: User, connection_id: str) -> str:
    """An account of `owner` on the connection, opened and synced through the API."""
    body = {
        "name": f"on {connection_id}",
        "connection_id": connection_id,
        "base_currency": "USD",
        "account_type": "taxable",
        "trading_type": "margin",
    }
    opened = await h.client.post(ACCOUNTS, json=body, headers=owner.headers)
    assert opened.status_code == 201, opened.text
    account = str(opened.json()["id"])
    synced = await h.client.post(f"{ACCOUNTS}/{account}/sync", headers=owner.headers)
    assert synced.status_code == 200, synced.text
    await live_opt_in(h, owner, account)
    return account


async def live_opt_in(h: Harness, owner: User, account: str) -> None:
    """The owner's opt-in to live trading, where the account's connection is live (its orders
    are denied LIVE_NOT_ENABLED until then: docs/live-trading.md), the owner's KYC verified
    first (KYC_NOT_VERIFIED otherwise: docs/kyc.md)."""
    path = f"{ACCOUNTS}/{account}/live-opt-in"
    state = (await h.client.get(path, headers=owner.headers)).json()
    if state["status"] == "pending_acknowledgement":
        statuses = h.container.identity.kyc_statuses()
        if await statuses.get(owner.id) is None:
            await statuses.save(KycRecord(owner.id, KycStatus.VERIFIED, h.clock.now()))
        typed = {"acknowledgement": state["acknowledgement_phrase"]}
        opted = await h.client.post(path, json=typed, headers=owner.headers)
        assert opted.json()["status"] == "enabled", opted.text


@pytest.fixture(autouse=True)
def served_contexts(request: pytest.FixtureRequest) -> Iterator[None]:
    """The apps of this module's tests serve its marker's contexts, as tests/http's do (and
    fail a request for a route of another context: tests/http/served_contexts.py)."""
    with serving_for(request):
        yield None


@pytest.fixture
async def desk(venues: Venues) -> Any:
    await priced(venues)
    async with harness_with() as h:
        await h.instrument("AAPL", str(PRICE))
        yield h


@pytest.fixture
async def wall_desk(venues: Venues) -> Any:
    """`desk` on real time (tests/kit/clocks.py: WallClock), with the kill switch's deadline a
    flatten at a ccxt spot venue needs: reading its positions asks each asset's trade history,
    which ccxt's limiter spaces by its weight (Binance's: 20 × 50 ms), as on the real venue."""
    await priced(venues)
    async with harness_with(WallClock(), kill_switch_deadline_seconds="6") as h:
        await h.instrument("AAPL", str(PRICE))
        yield h


async def test_five_connections_of_four_kinds_serve_two_owners_at_once(
    desk: Harness, venues: Venues
) -> None:
    # Arrange: one owner on Alpaca, Binance and Kraken; another on Tradier and IBKR
    h = desk
    first, second = await h.user(), await h.user()
    owners = {"alpaca": first, "binance": first, "kraken": first, "tradier": second, "ibkr": second}
    created = {name: await connect(h, owner, venues, name) for name, owner in owners.items()}
    accounts = {
        name: await account_on(h, owners[name], response.json()["id"])
        for name, response in created.items()
    }
    before = {name: len(server.requests) for name, server in venues.servers.items()}

    # Act: an order on every account at once
    answers = await asyncio.gather(
        *(submit(h, owners[name], order_body(accounts[name], quantity="2")) for name in accounts)
    )

    # Assert: every connection checked at creation, every order filled at its own venue
    for name, response in created.items():
        assert response.status_code == 201, response.text
        assert response.json()["check"]["outcome"] == "ok", (name, response.text)
    assert [a.status_code for a in answers] == [201] * 5, [a.text for a in answers]
    assert len(venues.binance.orders) >= 1 and len(venues.kraken.orders) >= 1
    assert len(venues.tradier.orders) >= 1 and len(venues.ibkr.orders) >= 1
    for name, server in venues.servers.items():
        assert len(server.requests) > before[name], name
    # /ready lists each connection, every one answering; the instance ready.
    ready = await h.client.get("/ready")
    [line] = [c for c in ready.json()["components"] if c["name"] == "connections"]
    states = {c["id"]: c["state"] for c in line["details"]["connections"]}
    assert ready.status_code == 200 and line["ok"]
    assert {states[r.json()["id"]] for r in created.values()} == {"ok"}
    # Each venue kind's calls are timed under its own label.
    scrape = (await h.client.get("/metrics")).text
    for kind in ("alpaca", "ccxt:binance", "ccxt:kraken", "tradier", "ibkr"):
        assert f'bulwark_broker_call_seconds_count{{adapter="{kind}",operation="submit"}}' in scrape
    # The secrets never come back, in the answer or the list.
    listed = await h.client.get(CONNECTIONS, headers=first.headers)
    text = listed.text + "".join(r.text for r in created.values())
    for secret in (alpaca_sim.SECRET, binance_sim.SECRET, kraken_sim.SECRET, tradier_sim.TOKEN):
        assert secret not in text
    assert {c["kind"] for c in listed.json()["connections"]} == {
        "alpaca",
        "ccxt:binance",
        "ccxt:kraken",
    }


async def test_another_owners_connection_answers_404_on_every_route(
    desk: Harness, venues: Venues
) -> None:
    # Arrange
    h = desk
    owner, other = await h.user(), await h.user()
    connection = (await connect(h, owner, venues, "binance")).json()["id"]
    body = {
        "name": "theirs",
        "connection_id": connection,
        "base_currency": "USD",
        "account_type": "taxable",
        "trading_type": "margin",
    }

    # Act
    answers = [
        await h.client.get(f"{CONNECTIONS}/{connection}", headers=other.headers),
        await h.client.post(f"{CONNECTIONS}/{connection}/test", headers=other.headers),
        await h.client.post(
            f"{CONNECTIONS}/{connection}/rotate", json={"secret": "x"}, headers=other.headers
        ),
        await h.client.delete(f"{CONNECTIONS}/{connection}", headers=other.headers),
        await h.client.post(ACCOUNTS, json=body, headers=other.headers),
    ]
    mine = await h.client.get(CONNECTIONS, headers=other.headers)

    # Assert
    for answer in answers:
        assert_problem(answer, 404, "NOT_FOUND")
    assert mine.json()["connections"] == []


async def test_credentials_the_venue_refuses_answer_connection_auth_failed_and_keep_nothing(
    desk: Harness, venues: Venues
) -> None:
    # Arrange
    h = desk
    owner = await h.user()

    # Act
    refused = await connect(h, owner, venues, "tradier", secret="not-the-token")
    listed = await h.client.get(CONNECTIONS, headers=owner.headers)
    keys = await h.container.core.key_vault_store().owned_by(owner.id)
    ready = await h.client.get("/ready")

    # Assert
    assert_problem(refused, 422, "CONNECTION_AUTH_FAILED")
    assert ready.status_code == 200  # one owner's bad key never makes the instance unready
    assert [c["revoked_at"] is not None for c in listed.json()["connections"]] == [True]
    assert keys == []  # the sealed token was deleted with the refused connection


async def test_a_revoked_connection_refuses_its_accounts_orders(
    desk: Harness, venues: Venues
) -> None:
    # Arrange
    h = desk
    owner = await h.user()
    connection = (await connect(h, owner, venues, "binance")).json()["id"]
    account = await account_on(h, owner, connection)

    # Act
    revoked = await h.client.delete(f"{CONNECTIONS}/{connection}", headers=owner.headers)
    order = await submit(h, owner, order_body(account, quantity="1"))
    again = await h.client.delete(f"{CONNECTIONS}/{connection}", headers=owner.headers)

    # Assert
    assert revoked.status_code == 204
    rejected = assert_problem(order, 422, "ORDER_REJECTED")["order"]
    assert rejected["deny_reasons"] == ["CONNECTION_REVOKED"]
    assert_problem(again, 409, "CONNECTION_REVOKED")


async def test_credentials_rotate_under_traffic_with_no_failed_order(
    desk: Harness, venues: Venues
) -> None:
    # Arrange: orders flowing on a Binance connection
    h = desk
    owner = await h.user()
    connection = (await connect(h, owner, venues, "binance")).json()["id"]
    account = await account_on(h, owner, connection)
    server = venues.servers["binance"]

    async def traffic() -> list[int]:
        answers = []
        for _ in range(6):
            answers.append((await submit(h, owner, order_body(account, quantity="1"))).status_code)
        return answers

    # Act: the key rotated while the orders go
    flowing = asyncio.create_task(traffic())
    await asyncio.sleep(0)
    rotated = await h.client.post(
        f"{CONNECTIONS}/{connection}/rotate",
        json={"key_id": "binance-rotated-key", "secret": "binance-rotated-secret"},
        headers=owner.headers,
    )
    statuses = await flowing
    after = await submit(h, owner, order_body(account, quantity="1"))

    # Assert: every order filled; the last one signed with the new key
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["key_hint"] == "bi…key"
    assert statuses == [201] * 6 and after.status_code == 201
    sent = server.requests_to("POST", "/api/v3/order")
    assert sent[-1].headers["x-mbx-apikey"] == "binance-rotated-key"


async def test_erasing_a_person_revokes_their_connections_and_deletes_their_vault_keys(
    desk: Harness, venues: Venues
) -> None:
    # Arrange: a connection with an account on it, and an admin
    h = desk
    owner, admin = await h.user(), await h.user(Role.ADMIN)
    connection = (await connect(h, owner, venues, "binance")).json()["id"]
    await account_on(h, owner, connection)

    # Act
    report = await h.container.privacy.personal_data().erase(
        Principal(admin.id, Role.ADMIN), owner.id, owner.username
    )
    broker = h.container.core.brokers().named(connection)
    with pytest.raises(BrokerError) as refused:
        await broker.account("acc-any")

    # Assert: nothing of theirs is left to sign an order with
    assert (report.connections_revoked, report.vault_keys_deleted) == (1, 0)
    assert refused.value.code is BrokerErrorCode.CONNECTION_REVOKED
    assert await h.container.core.key_vault_store().owned_by(owner.id) == []
    stored = await h.container.connections.store().get(connection)
    assert stored is not None and stored.revoked_at is not None and stored.vault_key_id is None


async def test_a_book_over_three_venues_denies_an_order_at_one_for_exposure_at_the_others(
    desk: Harness, venues: Venues
) -> None:
    # Arrange: one owner's accounts at Alpaca, Binance and Kraken (each synced with what its
    # venue holds already), 10 AAPL more bought at Alpaca and at Binance; a book over the
    # three whose gross exposure leaves room for 500 more
    h = desk
    owner = await h.user()
    accounts = {}
    for name in ("alpaca", "binance", "kraken"):
        created = await connect(h, owner, venues, name)
        assert created.status_code == 201, created.text
        accounts[name] = await account_on(h, owner, created.json()["id"])
    for name in ("alpaca", "binance"):
        bought = await submit(h, owner, order_body(accounts[name], quantity="10"))
        assert bought.status_code == 201, bought.text
    book = await h.client.post(
        "/api/v1/books",
        json={"name": "three venues", "members": list(accounts.values())},
        headers=owner.headers,
    )
    assert book.status_code == 201, book.text
    page = f"/api/v1/books/{book.json()['id']}"
    before = (await h.client.get(page, headers=owner.headers)).json()
    room = Decimal(before["gross"]) + 500
    limited = await h.client.patch(
        page, json={"limits": [{"kind": "GROSS_EXPOSURE", "limit": str(room)}]},
        headers=owner.headers,
    )  # fmt: skip
    assert limited.status_code == 200, limited.text
    sent_to_kraken = len(venues.kraken.orders)

    # Act: 10 at Kraken (1,000) would go past the room; 4 (400) fits
    over = await submit(h, owner, order_body(accounts["kraken"], quantity="10"))
    under = await submit(h, owner, order_body(accounts["kraken"], quantity="4"))
    after = (await h.client.get(page, headers=owner.headers)).json()

    # Assert: the denial is the book's, and nothing of it reached Kraken
    assert assert_problem(over, 422, "ORDER_DENIED")["reasons"] == ["BOOK_GROSS_EXPOSURE"]
    assert under.status_code == 201, under.text
    assert len(venues.kraken.orders) == sent_to_kraken + 1
    # (the simulated venues are shared by this module's tests: a fill of an earlier test's
    # order at Kraken may be booked here too, so the page's rise is at least the 400 bought)
    assert Decimal(after["gross"]) - Decimal(before["gross"]) >= 400
    assert {m["account_id"] for m in after["members"]} == set(accounts.values())


async def test_a_connection_the_venue_refuses_denies_its_orders_at_the_gate_until_rotated(
    desk: Harness, venues: Venues
) -> None:
    # Arrange: a Tradier account trading; then Tradier stops accepting the owner's token
    h = desk
    owner = await h.user()
    connection = (await connect(h, owner, venues, "tradier")).json()["id"]
    account = await account_on(h, owner, connection)
    other_owner = await h.user()
    other = await account_on(
        h, other_owner, (await connect(h, other_owner, venues, "alpaca")).json()["id"]
    )
    server = venues.servers["tradier"]
    try:
        venues.tradier.token = "the-new-token"

        # Act: the first order meets the venue's refusal; the next never leaves the gate
        refused = await submit(h, owner, order_body(account, quantity="1"))
        sent = len(server.requests_to("POST", f"/v1/accounts/{tradier_sim.TRADIER_ACCOUNT}/orders"))
        denied = await submit(h, owner, order_body(account, quantity="1"))
        elsewhere = await submit(h, other_owner, order_body(other, quantity="1"))
        after = len(
            server.requests_to("POST", f"/v1/accounts/{tradier_sim.TRADIER_ACCOUNT}/orders")
        )
        rotated = await h.client.post(
            f"{CONNECTIONS}/{connection}/rotate",
            json={"secret": "the-new-token"},
            headers=owner.headers,
        )
        again = await submit(h, owner, order_body(account, quantity="1"))
    finally:
        venues.tradier.token = tradier_sim.TOKEN

    # Assert: the gate's own reason, nothing sent, other connections untouched; a rotation
    # to credentials the venue accepts trades again
    assert assert_problem(refused, 422, "ORDER_REJECTED")["order"]["status"] == "rejected"
    assert assert_problem(denied, 422, "ORDER_DENIED")["reasons"] == ["CONNECTION_AUTH_FAILED"]
    assert after == sent
    assert elsewhere.status_code == 201, elsewhere.text
    assert rotated.status_code == 200, rotated.text
    assert again.status_code == 201, again.text


async def test_reconciliation_confirms_a_drift_twice_seen_alerts_and_halts_when_asked(
    desk: Harness, venues: Venues
) -> None:
    # Arrange: an Alpaca account in sync with its venue (synced at opening), its connection
    # asking for a halt on drift; another owner
    h = desk
    owner, stranger = await h.user(), await h.user()
    created = await connect(h, owner, venues, "alpaca", halt_on_drift=True)
    assert created.json()["halt_on_drift"] is True
    connection = created.json()["id"]
    account = await account_on(h, owner, connection)
    service = h.container.reconciliation.service()

    async def reconcile() -> None:  # on the app's event loop, where its venue clients live
        await asyncio.to_thread(h.client.blocking_portal.call, service.run)

    route = f"{CONNECTIONS}/{connection}/reconciliation"
    await reconcile()
    in_sync = (await h.client.get(route, headers=owner.headers)).json()["accounts"]
    try:
        # Act: the venue holds 7 MSFT Bulwark never booked (bought around the gate)
        venues.alpaca.positions["MSFT"] = alpaca_sim.HeldPosition(Decimal(7), PRICE)
        await reconcile()
        suspected = (await h.client.get(route, headers=owner.headers)).json()["accounts"]
        await reconcile()
        confirmed = (await h.client.get(route, headers=owner.headers)).json()["accounts"]
        order = await submit(h, owner, order_body(account, quantity="1"))
    finally:
        del venues.alpaca.positions["MSFT"]
    theirs = await h.client.get(route, headers=stranger.headers)
    inbox = await h.client.get("/api/v1/notifications", headers=owner.headers)

    # Assert: seen once it is only suspected; twice, a drift: alerted, the account halted
    assert [a["state"] for a in in_sync] == ["in_sync"]
    assert [a["state"] for a in suspected] == ["suspected"]
    [report] = confirmed
    assert report["state"] == "drift" and report["halted"] is True
    assert report["positions"] == [
        {"symbol": "MSFT", "bulwark": "0.00000000", "venue": "7.00000000"}
    ]
    assert assert_problem(order, 422, "ORDER_DENIED")["reasons"] == ["TRADING_HALTED"]
    assert "reconciliation.drift" in [n["event_type"] for n in inbox.json()["items"]]
    assert_problem(theirs, 404, "NOT_FOUND")
    scrape = (await h.client.get("/metrics")).text
    assert "bulwark_reconciliation_drift 1.0" in scrape


async def test_the_kill_switch_over_a_book_halts_every_venue_and_names_the_one_that_did_not_confirm(
    wall_desk: Harness, venues: Venues
) -> None:
    # Arrange: a book over Alpaca, Binance (through ccxt) and Tradier, an order resting at
    # each venue and a position at two; Alpaca fails the cancel of its one. Real time: the
    # venues' runs go on at once, each with its own retries (wall_desk). A Kraken account
    # joins after the halt.
    h = wall_desk
    owner, officer = await h.user(), await h.user(Role.RISK_OFFICER)
    connections, accounts = {}, {}
    for name in ("alpaca", "binance", "tradier", "kraken"):
        created = await connect(h, owner, venues, name)
        connections[name] = created.json()["id"]
        accounts[name] = await account_on(h, owner, connections[name])
    resting = {}
    for name in ("binance", "tradier"):  # a position at two venues, for the flatten
        bought = await submit(h, owner, order_body(accounts[name], quantity="2"))
        assert bought.status_code == 201, bought.text
    for name in ("alpaca", "binance", "tradier"):
        placed = await submit(
            h, owner, order_body(accounts[name], quantity="1", order_type="limit", limit_price="50")
        )
        assert placed.status_code == 201, placed.text
        resting[name] = placed.json()["order"]["client_order_id"]
    members = [accounts[name] for name in ("alpaca", "binance", "tradier")]
    book = await h.client.post(
        "/api/v1/books", json={"name": "desk", "members": members}, headers=owner.headers
    )
    book_id = book.json()["id"]
    venues.alpaca.failing_cancels.add(resting["alpaca"])
    try:
        # Act: pull the book; a member's order after it; Kraken's account joins, and orders
        halted = await h.client.post(
            f"/api/v1/books/{book_id}/kill-switch",
            json={"passcode": PASSCODE, "reason": "desk drill", "flatten": True},
            headers=owner.headers,
        )
        after = await submit(h, owner, order_body(accounts["binance"], quantity="1"))
        joined = await h.client.patch(
            f"/api/v1/books/{book_id}",
            json={"members": [*members, accounts["kraken"]]},
            headers=owner.headers,
        )
        late = await submit(h, owner, order_body(accounts["kraken"], quantity="1"))
    finally:
        venues.alpaca.failing_cancels.clear()
        for order in list(venues.alpaca.orders.values()):
            if order["client_order_id"] == resting["alpaca"]:
                await venues.alpaca._cancel_now(order)
    scope = {"kind": "book", "id": book_id}
    resumed = await h.client.post(
        "/api/v1/kill-switch/resume",
        json={
            "passcode": PASSCODE,
            "scope": scope,
            "approver_username": officer.username,
            "approver_passcode": PASSCODE,
        },
        headers=owner.headers,
    )
    again = await submit(h, owner, order_body(accounts["kraken"], quantity="1"))

    # Assert: one record on the book's scope; every member cancelled at its own venue; the
    # verdict names the venue that kept its order, and only it
    assert halted.status_code == 201, halted.text
    verdict = halted.json()
    assert verdict["event"]["scope"]["key"] == f"book:{book_id}"
    assert verdict["event"]["orders_cancelled"] >= 2
    assert verdict["confirmed"] is False
    assert verdict["unconfirmed"] == [connections["alpaca"]]
    by_account = {m["account_id"]: m for m in verdict["members"]}
    for name in ("binance", "tradier"):  # cancelled, and closed inside the collar: flat
        assert by_account[accounts[name]]["confirmed"] is True, by_account
        assert by_account[accounts[name]]["flat"] is True, by_account
        assert by_account[accounts[name]]["venues"] == [connections[name]]
    assert verdict["flat"] is False  # Alpaca's venue still shows the order it kept
    assert by_account[accounts["alpaca"]]["confirmed"] is False
    assert assert_problem(after, 422, "ORDER_DENIED")["reasons"] == ["TRADING_HALTED"]
    # An account that joined the halted book is halted with it; resuming the book frees it
    assert joined.status_code == 200, joined.text
    assert assert_problem(late, 422, "ORDER_DENIED")["reasons"] == ["TRADING_HALTED"]
    assert resumed.status_code == 200, resumed.text
    assert again.status_code == 201, again.text
