"""The surveillance and Fear & Greed pages in a real browser: the risk officer filters the
alerts (the demo has none: the list says so) and reads the index, with no console error under
the strict CSP; a phone fits."""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_RISK
from tests.browser.browser import Chromium, tab


def test_the_desk_filters_the_alerts(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "surveillance") as page:
        page.login(DEMO_RISK.username, DEMO_RISK.password)
        page.open("/console/surveillance")
        page.wait_text("h1", "Surveillance")
        Select(page.find("#filter-severity")).select_by_value("high")
        page.fill("#filter-symbol", "acme")
        page.click("#alert-filters button[type=submit]")
        page.wait_until(lambda: "severity=high" in page.driver.current_url)
        empty = page.wait_for("#no-alerts").text
        kept = page.find("#filter-symbol").get_attribute("value")
        page.shot("filtered")

        page.on_phone("/console/surveillance")
        page.wait_text("h1", "Surveillance")
        overflow = page.overflows()
        errors = page.console_errors()

    assert empty == "No alert matches these filters."
    assert kept == "ACME"
    assert overflow is False
    assert errors == [], errors


def test_the_fear_and_greed_page_loads_cleanly(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "fear-greed") as page:
        page.login(DEMO_RISK.username, DEMO_RISK.password)
        page.open("/console/fear-greed")
        page.wait_text("h1", "Fear & Greed")
        today = page.all("#fg-score") or page.all("#fg-unavailable")
        chart = page.all("#fg-history") or page.all("#fg-no-history")
        page.shot("fear-greed")
        errors = page.console_errors()

    assert len(today) == 1 and len(chart) == 1
    assert errors == [], errors
