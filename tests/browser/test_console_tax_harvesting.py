"""The tax-loss harvesting page in a real browser: the keyboard reaches it (g, then Shift+T), a
lot of the demo account bought above today's mark is a candidate with its wash-sale window, and
SELL places the order through the gate and shows the gate's decision beside it; it fits a phone
and the console logs no error. On a server of its own (`fresh_console`): the sale changes the
demo account's holdings, which other modules read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.browser.api import API, api_as, portfolio_over_the_demo_account
from tests.browser.browser import Chromium, tab


def _a_loser(base: str) -> tuple[str, str]:
    """A portfolio over the demo account holding 3 AAPL bought 60 days ago far above any mark:
    the portfolio's id and the lot's."""
    day = (datetime.now(UTC) - timedelta(days=60)).date().isoformat()
    with api_as(base) as http:
        portfolio_id = portfolio_over_the_demo_account(http, "Harvest")
        booked = http.post(
            f"{API}/portfolios/{portfolio_id}/transactions",
            json={"account_id": DEMO_ACCOUNT, "kind": "buy", "trade_date": day,
                  "symbol": "AAPL", "quantity": "3", "price": "9000"},
        )  # fmt: skip
        assert booked.status_code == 201, booked.text
        return portfolio_id, str(booked.json()["id"])


def test_a_candidate_sold_through_the_gate(chromium: Chromium, fresh_console: str) -> None:
    portfolio_id, lot_id = _a_loser(fresh_console)
    with tab(chromium, fresh_console, "tax-harvesting") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "T")  # g, then Shift+T
        page.wait_text("h1", "Tax-loss harvesting")
        page.select("#harvest-portfolio", portfolio_id)
        page.click("#harvest-submit")
        row = page.wait_for(f"#candidate-{lot_id}", timeout=30)
        window = row.find_element("css selector", "[data-window]").text
        page.shot("candidates")
        page.click(f"#sell-{lot_id}")
        page.wait_until(
            lambda: page.find(f"#sale-{lot_id}").text.strip() != "",
            timeout=30,
            message="no decision was shown",
        )
        decision = page.find(f"#sale-{lot_id} p").get_attribute("id")
        sale = page.find(f"#sale-{lot_id}").text
        page.shot("sold")
        page.on_phone(f"/console/tax-harvesting?portfolio_id={portfolio_id}")
        page.wait_text("h1", "Tax-loss harvesting")
        overflow = page.overflows()
        page.shot("phone")
        errors = page.console_errors()
    with api_as(fresh_console) as http:
        orders = http.get(f"{API}/orders", params={"account_id": DEMO_ACCOUNT}).json()["items"]

    assert "to" in window and "buy back from" in window
    (order,) = [o for o in orders if o["symbol"] == "AAPL" and o["side"] == "sell"]
    assert order["id"] in sale and order["quantity"].startswith("3")
    expected = {"denied": "order-denied", "rejected": "order-rejected"}
    assert decision == expected.get(order["status"], "order-placed")
    assert overflow is False
    assert errors == [], errors
