"""The illiquid-assets page in a real browser: the keyboard reaches it (g, then Shift+W); an
asset added from the form opens its page, whose value chart is drawn (a uPlot canvas) under the
strict CSP; a valuation recorded from the form adds a point; a refused field is shown beside it;
it fits a phone and the console logs no error. On the shared demo: it adds a portfolio and an
asset of its own and counts only those."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bootstrap.demo import DEMO_OWNER
from tests.browser.api import API, api_as
from tests.browser.browser import Chromium, tab


def _portfolio(base: str) -> str:
    with api_as(base) as http:
        made = http.post(f"{API}/portfolios", json={"name": "Alternatives"})
        assert made.status_code == 201, made.text
        return str(made.json()["id"])


def test_an_asset_added_valued_and_charted(chromium: Chromium, console: str) -> None:
    portfolio_id = _portfolio(console)
    acquired = (datetime.now(UTC) - timedelta(days=800)).date().isoformat()
    valued = (datetime.now(UTC) - timedelta(days=30)).date().isoformat()
    with tab(chromium, console, "illiquid") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "W")  # g, then Shift+W
        page.wait_text("h1", "Illiquid assets")
        page.select("#illiquid-portfolio", portfolio_id)
        page.fill("#illiquid-name", "Cabin by the lake")
        page.select("#illiquid-kind", "real_estate")
        page.driver.execute_script(
            "document.getElementById('illiquid-acquired').value = arguments[0]", acquired
        )
        page.fill("#illiquid-cost", "250000")
        page.click("#illiquid-submit")
        page.wait_text("#asset-name", "Cabin by the lake", timeout=30)
        first = page.wait_until(
            lambda: page.find("#value-chart").get_attribute("data-drawn"),
            message="the value chart was not drawn",
        )
        page.driver.execute_script(
            "document.getElementById('valuation-as-of').value = arguments[0]", valued
        )
        page.fill("#valuation-value", "oops")
        page.click("#valuation-submit")
        error = page.wait_for('.field-error[data-field="value"]', timeout=20).text
        page.fill("#valuation-value", "310000")
        page.click("#valuation-submit")
        page.wait_text("#asset-latest", "310000", timeout=30)
        page.wait_for("#value-chart canvas", timeout=30)
        second = page.wait_until(
            lambda: page.find("#value-chart").get_attribute("data-drawn") == "2" and "2",
            message="the valuation's point was not drawn",
        )
        page.shot("asset")
        page.on_phone(page.driver.current_url.removeprefix(console))
        page.wait_for("#value-chart canvas", timeout=30)
        overflow = page.overflows()
        page.shot("phone")
        errors = page.console_errors()

    assert first == "1"  # the cost point
    assert "value: must be a number" in error
    assert second == "2"
    assert overflow is False
    assert errors == [], errors
