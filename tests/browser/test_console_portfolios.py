"""The portfolios page in a real browser: a portfolio booked through the API shows its open
tax lots and draws their timeline (a uPlot canvas) under the strict CSP; a phone fits."""

from __future__ import annotations

from bootstrap.demo import DEMO_OWNER
from tests.browser.api import API, api_as
from tests.browser.browser import Chromium, tab


def _portfolio_with_lots(base: str) -> str:
    """The demo owner's portfolio with two AAPL lots, booked through the API."""
    with api_as(base) as http:
        made = http.post(f"{API}/portfolios", json={"name": "Family"}).json()
        with_account = http.post(
            f"{API}/portfolios/{made['id']}/accounts",
            json={"kind": "manual", "name": "Brokerage"},
        ).json()
        account = with_account["accounts"][0]["id"]
        for kind, day, fields in (
            ("deposit", "2024-01-02", {"amount": "10000"}),
            ("buy", "2024-03-01", {"symbol": "AAPL", "quantity": "10", "price": "90"}),
            ("buy", "2025-06-02", {"symbol": "AAPL", "quantity": "5", "price": "100"}),
        ):
            booked = http.post(
                f"{API}/portfolios/{made['id']}/transactions",
                json={"account_id": account, "kind": kind, "trade_date": day, **fields},
            )
            assert booked.status_code == 201, booked.text
        return str(made["id"])


def test_a_portfolio_shows_its_lots_and_draws_their_timeline(
    chromium: Chromium, console: str
) -> None:
    portfolio_id = _portfolio_with_lots(console)
    with tab(chromium, console, "portfolios") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/portfolios")
        page.wait_text("h1", "Portfolios")
        action = page.find("#form-8949").get_attribute("action")
        csv = page.driver.execute_async_script(  # what "Download CSV" fetches, with the session
            "const done = arguments[arguments.length - 1];"
            "fetch('/console/portfolios/form-8949.csv?year=2025')"
            ".then(r => r.text().then(t => done([r.status, r.headers.get('content-type'), t])));"
        )
        page.click(f"#portfolio-{portfolio_id} a")
        page.wait_text("h1", "Family")
        page.wait_for("#lots-chart canvas", timeout=30)
        drawn = page.wait_until(
            lambda: page.find("#lots-chart").get_attribute("data-series"),
            message="the lots' timeline was not drawn",
        )
        lots = [r.text for r in page.all("tr.lot")]
        page.shot("portfolio")

        page.on_phone(f"/console/portfolios/{portfolio_id}")
        page.wait_for("#lots-chart canvas", timeout=30)
        overflow = page.overflows()
        page.shot("portfolio-phone")
        errors = page.console_errors()

    assert drawn == "2"
    assert len(lots) == 2 and "2024-03-01" in lots[0]
    assert action and action.endswith("/console/portfolios/form-8949.csv")
    assert (
        csv[0] == 200
        and csv[1].startswith("text/csv")
        and csv[2].startswith("part,box,(a) description")
    )
    assert overflow is False
    assert errors == [], errors
