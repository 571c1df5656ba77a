"""The rebalancing page in a real browser: the demo owner's household (the demo account with a
target allocation, in a portfolio, set up through the API) draws its drift chart (a uPlot
canvas) under the strict CSP, PROPOSE shows the dry run's trades, the execute step asks for
confirmation first, a phone fits, and the console logs no error. The wealth page answers a
calculation and shows a bad field beside it, the outside-accounts page fits a phone, both
without a console error. On a server of its own (`fresh_console`): the proposal's two buys
follow from the demo account holding nothing (another module's buys booked there would add
sells), and it sets the account's target allocation."""

from __future__ import annotations

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.browser.api import API, api_as, portfolio_over_the_demo_account
from tests.browser.browser import Chromium, tab


def _household(base: str) -> str:
    """The demo owner's portfolio over the demo account, targeting AAPL and MSFT (held: none,
    so both are out of band and the proposal buys them with the account's cash)."""
    with api_as(base) as http:
        target = http.patch(
            f"{API}/accounts/{DEMO_ACCOUNT}",
            json={"target_allocation": {"AAPL": "0.3", "MSFT": "0.2"}},
        )
        assert target.status_code == 200, target.text
        return portfolio_over_the_demo_account(http, "Household")


def test_drift_chart_and_a_proposal(chromium: Chromium, fresh_console: str) -> None:
    portfolio_id = _household(fresh_console)
    with tab(chromium, fresh_console, "rebalancing") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/rebalancing")
        page.wait_text("h1", "Rebalancing")
        page.click(f'a[href="/console/rebalancing/portfolios/{portfolio_id}"]')
        page.wait_text("h1", "Household")
        page.wait_for("#drift-chart-household canvas", timeout=30)
        drawn = page.wait_until(
            lambda: page.find("#drift-chart-household").get_attribute("data-drawn"),
            message="the drift chart was not drawn",
        )
        page.click("#propose-button")
        page.wait_for("#trades", timeout=30)
        trades = [r.text for r in page.all("#trades tr.trade")]
        page.click("#execute-start")
        page.wait_for("#execute-form", timeout=10)
        page.shot("rebalancing")

        page.on_phone(f"/console/rebalancing/portfolios/{portfolio_id}")
        page.wait_for("#drift-chart-household canvas", timeout=30)
        overflow = page.overflows()
        page.shot("rebalancing-phone")
        errors = page.console_errors()

    assert drawn == "2"
    assert len(trades) == 2 and all(" buy " in f" {t} " for t in trades)
    assert overflow is False
    assert errors == [], errors


def test_wealth_and_outside_accounts_pages_load_clean(
    chromium: Chromium, fresh_console: str
) -> None:
    with tab(chromium, fresh_console, "wealth") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/wealth")
        page.wait_text("h1", "Wealth")
        page.fill('#estate-form input[name="gross_estate"]', "20000000")
        page.click("#estate-form button")
        page.wait_for("#estate-tax", timeout=20)
        page.fill('#rmd-form input[name="balance"]', "oops")
        page.click("#rmd-form button")
        page.wait_for('#calc-rmd .field-error[data-field="balance"]', timeout=20)
        page.on_phone("/console/aggregation")
        page.wait_text("h1", "Outside accounts")
        overflow = page.overflows()
        page.shot("aggregation-phone")
        errors = page.console_errors()

    assert overflow is False
    assert errors == [], errors
