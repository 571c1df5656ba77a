"""The Form 13F page in a real browser: the keyboard reaches it (g, then Shift+Q), a portfolio
booked through the API shows its reported holdings with their CUSIPs, the largest as bars, the
positions left out with the reason, the total against the $100M threshold and a link to the XML;
it fits a phone and the console logs no error. On the shared demo: it adds a portfolio of its
own (no Official List is imported there: the shipped file master answers)."""

from __future__ import annotations

from bootstrap.demo import DEMO_OWNER
from tests.browser.api import API, api_as
from tests.browser.browser import Chromium, tab


def _portfolio(base: str) -> str:
    """The demo owner's portfolio "Thirteen F" holding 10 AAPL (a 13(f) security of the
    file master) and 10 XOM (not in it)."""
    with api_as(base) as http:
        made = http.post(f"{API}/portfolios", json={"name": "Thirteen F"}).json()
        with_account = http.post(
            f"{API}/portfolios/{made['id']}/accounts",
            json={"kind": "manual", "name": "Brokerage"},
        ).json()
        account = with_account["accounts"][0]["id"]
        for kind, fields in (
            ("deposit", {"amount": "10000"}),
            ("buy", {"symbol": "AAPL", "quantity": "10", "price": "90"}),
            ("buy", {"symbol": "XOM", "quantity": "10", "price": "100"}),
        ):
            booked = http.post(
                f"{API}/portfolios/{made['id']}/transactions",
                json={"account_id": account, "kind": kind, "trade_date": "2025-03-03", **fields},
            )
            assert booked.status_code == 201, booked.text
        return str(made["id"])


def test_the_information_table_of_a_portfolio(chromium: Chromium, console: str) -> None:
    portfolio_id = _portfolio(console)
    with tab(chromium, console, "form-13f") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "Q")  # g, then Shift+Q
        page.wait_text("h1", "Form 13F")
        page.select("#f13-portfolio", portfolio_id)
        page.click("#f13-submit")
        page.wait_for('#f13-table tr[data-cusip="037833100"]', timeout=30)
        issuer = page.find('#f13-table tr[data-cusip="037833100"] th').text
        left_out = page.find('#f13-excluded-table tr[data-symbol="XOM"] td').text
        bars = len(page.all("#f13-bars li.f13-bar"))
        reached = page.find("#f13-threshold").get_attribute("data-reached")
        download = page.find("#f13-download").get_attribute("href") or ""
        page.shot("table")
        page.on_phone(f"/console/form-13f?portfolio_id={portfolio_id}")
        page.wait_for("#f13-table", timeout=30)
        overflow = page.overflows()
        page.shot("phone")
        errors = page.console_errors()

    assert issuer == "APPLE INC"
    assert "security master" in left_out
    assert bars == 1 and reached == "no"
    assert download.endswith(f"/console/form-13f/information-table.xml?portfolio_id={portfolio_id}")
    assert overflow is False
    assert errors == [], errors
