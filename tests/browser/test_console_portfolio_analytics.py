"""The analytics pages in a real browser, under the strict CSP, at 1280x800 and on a phone:
attribution of the demo owner's portfolio (reached with g then shift+A) draws its effects
chart, the fixed-income page prices a bond and builds a ladder with its cash-flow chart and
shows a bad field beside it, the efficient frontier draws the frontier with the chosen
portfolio; no page overflows a phone's width and the console logs no error."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.browser.api import API, api_as, portfolio_over_the_demo_account
from tests.browser.browser import Chromium, Page, tab

# What sticks out past the screen's right edge (outside a scrolling table's card), to name it.
STICKING_OUT = """
const out = [];
document.querySelectorAll("main *").forEach(function (el) {
  if (el.closest(".scroll")) { return; }
  const right = el.getBoundingClientRect().right;
  if (right > window.innerWidth + 1) { out.push(el.tagName + "#" + el.id + "." + el.className); }
});
return out.slice(0, 8);
"""


def _portfolio(base: str) -> str:
    """The demo owner's portfolio over the demo account, with AAPL and XOM bought 200 days ago
    (its ledger: what attribution reads)."""
    bought = (datetime.now(UTC) - timedelta(days=200)).date().isoformat()
    with api_as(base) as http:
        portfolio_id = portfolio_over_the_demo_account(http, "Core")
        for symbol, quantity, price in (("AAPL", "10", "180"), ("XOM", "30", "100")):
            booked = http.post(
                f"{API}/portfolios/{portfolio_id}/transactions",
                json={"account_id": DEMO_ACCOUNT, "kind": "buy", "trade_date": bought,
                      "symbol": symbol, "quantity": quantity, "price": price},
            )  # fmt: skip
            assert booked.status_code == 201, booked.text
        return portfolio_id


def _on_a_phone(page: Page, path: str, fill: dict[str, str], submit: str, chart: str) -> bool:
    """The page opened afresh on a phone's screen, the form sent, the chart drawn: whether
    anything is wider than the screen (what is, named in the failure)."""
    page.on_phone(path)
    for css, value in fill.items():
        page.fill(css, value)
    page.click(submit)
    _drawn(page, chart)
    _into_view(page, chart)
    overflow: bool = page.overflows()
    assert not overflow, page.driver.execute_script(STICKING_OUT)
    return overflow


def _into_view(page: Page, css: str) -> None:
    page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", page.find(css))


def _drawn(page: Page, css: str) -> str:
    page.wait_for(f"{css} canvas", timeout=60)
    drawn: str = page.wait_until(
        lambda: page.find(css).get_attribute("data-drawn"), message=f"{css} was not drawn"
    )
    return drawn


def test_attribution_draws_its_effects(chromium: Chromium, console: str) -> None:
    portfolio_id = _portfolio(console)
    with tab(chromium, console, "attribution") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        body = page.find("body")
        body.send_keys("g")
        body.send_keys("A")  # shift + a
        page.wait_text("h1", "Attribution")
        # The owner's first portfolio is chosen; other modules sharing the server may have
        # made some too, so this test picks its own.
        offered = [o.get_attribute("value") for o in page.all("#attribution-portfolio option")]
        chosen = page.find("#attribution-portfolio").get_attribute("value")
        Select(page.find("#attribution-portfolio")).select_by_value(portfolio_id)
        page.fill("#attribution-benchmark", "AAPL 0.5\nXOM 0.5")
        page.click("#attribute")
        drawn = _drawn(page, "#effects-chart")
        sectors = [r.get_attribute("data-sector") or "" for r in page.all("#effects tr.sector")]
        linking = page.find("#linking").text
        _into_view(page, "#effects-chart")
        page.shot("effects")

        overflow = _on_a_phone(
            page, f"/console/attribution?portfolio_id={portfolio_id}",
            {"#attribution-benchmark": "AAPL 0.5\nXOM 0.5"}, "#attribute", "#effects-chart",
        )  # fmt: skip
        page.shot("phone")
        errors = page.console_errors()

    assert chosen == offered[0] and portfolio_id in offered
    assert sorted(sectors) == ["Energy", "Tech"] and drawn == "2"
    assert linking == "Carino"
    assert overflow is False
    assert errors == [], errors


def test_fixed_income_prices_a_bond_and_a_ladder(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "fixed-income") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/fixed-income")
        page.wait_text("h1", "Fixed income")
        page.click("#bond-submit")
        page.wait_for("#bond-answer", timeout=30)
        day_count = page.find("#bond-day-count").text
        page.click("#ladder-submit")
        flows = _drawn(page, "#ladder-flows-chart")
        rows = len(page.all("#ladder-flows tr.flow"))
        _into_view(page, "#ladder-flows-chart")
        page.shot("ladder")
        page.fill('#bond-form input[name="face"]', "oops")
        page.click("#bond-submit")
        refused = page.wait_for('#calc-bond .field-error[data-field="face"]', timeout=20).text

        overflow = _on_a_phone(
            page, "/console/fixed-income", {}, "#ladder-submit", "#ladder-flows-chart"
        )
        page.shot("phone")
        errors = page.console_errors()

    assert day_count == "30/360 US"
    assert int(flows) == rows > 5
    assert "must be a number" in refused
    assert overflow is False
    assert errors == [], errors


def test_the_frontier_marks_the_chosen_portfolio(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "frontier") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/frontier")
        page.wait_text("h1", "Efficient frontier")
        page.click("#optimise")
        points = _drawn(page, "#frontier-chart")
        weights = [r.get_attribute("data-asset") for r in page.all("#weights tr.weight")]
        _into_view(page, "#frontier-chart")
        page.shot("frontier")

        overflow = _on_a_phone(page, "/console/frontier", {}, "#optimise", "#frontier-chart")
        page.shot("phone")
        errors = page.console_errors()

    assert int(points) >= 3
    assert weights == ["AAPL", "MSFT", "XOM", "JPM", "JNJ"]
    assert overflow is False
    assert errors == [], errors
