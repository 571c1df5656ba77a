"""Venue connections and books in a real browser against a real `bulwark serve --demo`: a
connection to a simulated Alpaca added, listed healthy and revoked; a book made from the form
over an account at that venue and a paper account, with its aggregate and a limit's use; the
book's kill switch pulled, its verdict venue by venue.

On the worker's shared server (`console`): everything here is the module's own (its
connections, accounts and books), and the kill switch halts only the module's book.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

from adapters.brokers.simulators import alpaca as alpaca_sim
from bootstrap.demo import DEMO_OWNER
from tests.alpaca_server import AlpacaServer
from tests.browser.api import API, api_as
from tests.browser.browser import Chromium, Page, tab
from tests.browser.test_console_desk import confirm
from tests.kit.fake_server import threaded


@pytest.fixture
def alpaca() -> Iterator[str]:
    """A simulated Alpaca account of the test's own on this host (its own thread); its URL."""
    venue = alpaca_sim.AlpacaSimulator(cash=Decimal(50_000), prices={"AAPL": Decimal(190)})
    with threaded(AlpacaServer()) as server:
        venue.install(server)
        yield server.url


def connection(http: httpx.Client, venue: str, label: str) -> str:
    body = {
        "label": label,
        "kind": "alpaca",
        "key_id": alpaca_sim.KEY_ID,
        "secret": alpaca_sim.SECRET,
        "endpoint": venue,
    }
    made = http.post(f"{API}/connections", json=body)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def account(http: httpx.Client, name: str, **route: str) -> str:
    """An account of the demo owner (on a connection, synced; or paper); its id."""
    body = {"name": name, "base_currency": "USD", "account_type": "taxable"}
    opened = http.post(f"{API}/accounts", json={**body, "trading_type": "cash", **route})
    assert opened.status_code == 201, opened.text
    account_id = str(opened.json()["id"])
    if "connection_id" in route:
        synced = http.post(f"{API}/accounts/{account_id}/sync")
        assert synced.status_code == 200, synced.text
    return account_id


def resting_buy(http: httpx.Client, account_id: str) -> None:
    """10 AAPL at 100, far below the market: 1,000 of gross exposure, left working."""
    order = {"symbol": "AAPL", "side": "buy", "quantity": "10", "order_type": "limit"}
    body = {**order, "account_id": account_id, "limit_price": "100", "time_in_force": "gtc"}
    placed = http.post(f"{API}/orders", json=body)
    assert placed.status_code == 201, placed.text


def paper_account(http: httpx.Client, name: str) -> str:
    return account(http, name, broker="paper", initial_cash="100000")


def desk(base: str, venue: str, name: str) -> tuple[str, str]:
    """(an account at the venue, a paper account), each with a resting buy."""
    with api_as(base) as http:
        venue_id = connection(http, venue, f"{name} venue")
        at_venue = account(http, f"{name} at Alpaca", connection_id=venue_id)
        paper = paper_account(http, f"{name} paper")
        for account_id in (at_venue, paper):
            resting_buy(http, account_id)
    return at_venue, paper


def row_of(page: Page, table: str, text: str) -> str:
    """The id of the row of `table` whose text holds `text`."""
    found = page.wait_until(
        lambda: next((r for r in page.all(f"{table} tbody tr") if text in r.text), None),
        message=f"no row of {table} reads {text!r}",
    )
    return str(found.get_attribute("id"))


def test_add_a_connection_see_it_healthy_and_revoke_it(
    chromium: Chromium, console: str, alpaca: str
) -> None:
    with tab(chromium, console, "connections") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/connections")
        page.wait_text("h1", "Venue connections")
        page.fill("#connection-label", "browser equities")
        page.fill("#connection-kind", "alpaca")
        page.select("#connection-environment", "paper")
        page.fill("#connection-key-id", alpaca_sim.KEY_ID)
        page.fill("#connection-secret", alpaca_sim.SECRET)
        page.fill("#connection-endpoint", alpaca)
        page.click("#add-connection-button")
        row = row_of(page, "#connections", "browser equities")
        state = page.find(f"#{row}").get_attribute("data-state")
        masked = page.find(f"#{row} code.masked").text
        source = page.driver.page_source
        page.shot("added")

        page.click(f"#{row} button.revoke-connection")
        confirm(page)
        page.wait_until(
            lambda: page.find(f"#{row}").get_attribute("data-state") == "revoked",
            message="the connection was not revoked",
        )
        page.shot("revoked")
        errors = page.console_errors()

    assert state == "ok"
    assert "…" in masked and alpaca_sim.KEY_ID not in source
    assert alpaca_sim.SECRET not in source
    assert errors == [], errors


def test_create_a_book_over_two_accounts_and_see_its_aggregate_and_a_limits_use(
    chromium: Chromium, console: str, alpaca: str
) -> None:
    at_venue, paper = desk(console, alpaca, "aggregate")
    with tab(chromium, console, "book") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/books")
        page.fill("#book-name", "browser desk")
        page.click(f'#book-members input[value="{at_venue}"]')
        page.click(f'#book-members input[value="{paper}"]')
        page.select("#limit-kind-0", "GROSS_EXPOSURE")
        page.fill("#limit-value-0", "8000")
        page.click("#create-book-button")
        page.wait_text("h1", "browser desk")
        gross = page.find("#book-gross").text
        use = page.find('#book-limits tr[data-kind="GROSS_EXPOSURE"] .limit-percent').text
        venues = [c.text for c in page.all("#book-members .member-venue")]
        page.shot("book")
        errors = page.console_errors()

    assert gross == "2,000.00"  # 10 AAPL at 100 working at each venue
    assert use == "25.0 %"
    assert sorted(venues) == ["aggregate venue (alpaca, paper)", "paper"]
    assert errors == [], errors


def test_pull_the_books_kill_switch_and_see_each_venue_confirm(
    chromium: Chromium, console: str
) -> None:
    with api_as(console) as http:
        members = [paper_account(http, f"halt {n}") for n in ("one", "two")]
        for account_id in members:
            resting_buy(http, account_id)
        made = http.post(f"{API}/books", json={"name": "halt desk", "members": members})
        assert made.status_code == 201, made.text
    with tab(chromium, console, "book-halt") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open(f"/console/books/{made.json()['id']}")
        page.fill("#book-halt-passcode", DEMO_OWNER.passcode)
        page.fill("#book-halt-reason", "browser drill")
        page.click("#book-halt-button")
        confirm(page)
        verdict = page.wait_for("#book-verdict")
        page.driver.execute_script("arguments[0].scrollIntoView()", verdict)
        confirmed = verdict.get_attribute("data-confirmed")
        venues = [r.text for r in page.all("#book-venues tbody tr")]
        accounts = {
            str(li.get_attribute("data-account")): li.get_attribute("data-confirmed")
            for li in page.all(".halt-member")
        }
        phases = [str(li.get_attribute("data-phase")) for li in page.all("#book-phases li.done")]
        elapsed = page.find("#book-elapsed").text
        page.shot("halted")
        errors = page.console_errors()

    assert confirmed == "yes"
    assert venues == ["paper halt one, halt two 2 of 2 acknowledged yes — nothing"]
    assert accounts == dict.fromkeys(members, "yes")
    assert phases == ["halted", "broadcast", "cancels", "confirmed"]
    assert elapsed.endswith(" ms")
    assert errors == [], errors
