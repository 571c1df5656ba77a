"""The planning page in a real browser: the demo owner simulates a retirement plan and the fan
chart is drawn (a uPlot canvas, five percentile series), under the strict CSP."""

from __future__ import annotations

import json

from bootstrap.demo import DEMO_OWNER
from tests.browser.browser import Chromium, tab


def test_the_planning_page_draws_its_fan_chart(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "quant-planning") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/planning")
        page.wait_text("h1", "Planning")
        page.fill("#plan-paths", "1000")
        page.click("#simulate")
        chart = page.wait_for("#fan-chart canvas", timeout=30)
        drawn = page.wait_until(
            lambda: page.find("#fan-chart").get_attribute("data-series"),
            message="the fan chart was not drawn",
        )
        data = json.loads(page.find("#fan-chart").get_attribute("data-chart-data") or "{}")
        success = page.find("#success").text
        page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
        page.shot("fan-chart")
        displayed = chart.is_displayed()
        errors = page.console_errors()

    assert displayed
    assert drawn == "5"
    assert list(data["series"]) == ["P5", "P25", "P50", "P75", "P95"]
    assert len(data["x"]) == len(data["series"]["P50"]) > 1
    assert success.endswith("%")
    assert errors == [], errors
