"""The trading pages in a real browser: place an order from the form and see it in the table,
see an order's events arrive live on the events page, cancel from the table, and the account
page's charts drawn (uPlot, under the strict CSP: no console errors)."""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.browser.api import API, api_as
from tests.browser.browser import PHONE, Chromium, tab


def _open_row(order_id: str) -> str:
    """The order's row in the open orders' table (by id: the server is shared with other
    modules, so the table's other rows are not this test's to count)."""
    return f'#orders tr[data-order-id="{order_id}"][data-status="accepted"]'


def _api_order(base: str, symbol: str, **terms: str) -> str:
    """An order placed through the API as the demo owner (not the browser): a resting buy
    limit unless `terms` say otherwise."""
    with api_as(base, timeout=10) as client:
        body = {
            "account_id": DEMO_ACCOUNT,
            "symbol": symbol,
            "side": "buy",
            "quantity": "1",
            "order_type": "limit",
            "limit_price": "50",
            **terms,
        }
        placed = client.post(f"{API}/orders", json={k: v for k, v in body.items() if v})
        assert placed.status_code == 201, placed.text
        order_id: str = placed.json()["order"]["id"]
        return order_id


def test_place_watch_live_and_cancel(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "trading") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)

        # Place a resting limit order from the form: it shows as placed and lands in the table.
        page.open("/console/orders")
        page.wait_for("#place-order")
        page.fill("#order-symbol", "AAPL")
        page.fill("#order-quantity", "2")
        Select(page.find("#order-type")).select_by_value("limit")
        page.fill("#order-limit", "100")
        page.shot("order-form")
        page.click("#order-submit")
        placed = page.wait_for("#order-placed").text
        first = page.find("#order-placed code").text
        page.wait_for(_open_row(first))
        page.shot("order-placed")
        orders_errors = page.console_errors()

        # The events page, live: an order placed through the API shows up as it happens.
        page.open("/console/events")
        page.wait_text("#events-status", "live")
        order_id = _api_order(console, "MSFT")
        row = page.wait_for(f'#events-list li[data-order-id="{order_id}"]')
        event_text = row.text
        page.shot("event-arrived")
        page.click("#events-pause")
        paused = page.find("#events-pause").get_attribute("aria-pressed")
        events_errors = page.console_errors()

        # Cancel the first order from the table: its row updates in place.
        page.open("/console/orders")
        page.wait_for(_open_row(order_id))  # both open orders are in the table
        page.wait_for(_open_row(first))
        page.click(f"#order-{first} button.cancel")
        page.wait_for(f'#order-{first}[data-status="canceled"]')
        page.shot("order-canceled")
        # An order placed elsewhere (the API) shows up in the open table by itself.
        third = _api_order(console, "JPM")
        page.wait_for(f"#order-{third}")
        page.shot("table-refreshed-live")

        # The account page: a position (a market order fills at once) and both charts drawn.
        _api_order(console, "NVDA", order_type="market", limit_price="", quantity="10")
        page.open(f"/console/accounts/{DEMO_ACCOUNT}")
        page.wait_until(
            lambda: page.find("#pnl-chart").get_attribute("data-drawn") not in (None, "error"),
            message="the P&L chart drawn",
        )
        page.wait_until(
            lambda: page.find("#exposure-chart").get_attribute("data-drawn") not in (None, "error"),
            message="the exposure chart drawn",
        )
        page.shot("account")
        page.driver.execute_script("document.getElementById('pnl-chart').scrollIntoView()")
        page.shot("account-charts")
        position = page.find("#positions tbody").text
        account_errors = page.console_errors()

    assert "AAPL" in placed
    assert "OrderAccepted" in event_text or "Order" in event_text
    assert DEMO_ACCOUNT in event_text
    assert paused == "true"
    assert "NVDA" in position
    assert orders_errors == [] and events_errors == [] and account_errors == []


def test_the_orders_page_fits_a_phone(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "trading-phone", size=PHONE) as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/orders")
        page.wait_for("#place-order")
        page.shot("orders-phone")
        overflow = page.overflows()
        errors = page.console_errors()

    assert overflow is False
    assert errors == []
