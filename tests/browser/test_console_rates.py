"""The rates page in a real browser: the keyboard reaches it (g, then Shift+Y), the Treasury
curve of a day is drawn (a uPlot canvas) under the strict CSP beside its table, a refused day
is shown beside its field, it fits a phone and the console logs no error. On the shared demo:
it reads market data and changes nothing."""

from __future__ import annotations

from bootstrap.demo import DEMO_OWNER
from tests.browser.browser import Chromium, tab


def test_the_curve_is_drawn(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "rates") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "Y")  # g, then Shift+Y
        page.wait_text("h1", "Rates")
        page.fill('#rates-form input[name="date"]', "2024-06-28")
        page.click("#rates-submit")
        page.wait_text("#curve-as-of", "2024-06-28", timeout=30)
        page.wait_for("#curve-chart canvas", timeout=30)
        drawn = page.wait_until(
            lambda: page.find("#curve-chart").get_attribute("data-drawn"),
            message="the curve was not drawn",
        )
        points = len(page.all("#curve-table tr.curve-point"))
        page.shot("curve")
        page.fill('#rates-form input[name="date"]', "someday")
        page.click("#rates-submit")
        error = page.wait_for('.field-error[data-field="date"]', timeout=20).text
        page.on_phone("/console/rates?date=2024-06-28")
        page.wait_for("#curve-chart canvas", timeout=30)
        overflow = page.overflows()
        page.shot("phone")
        errors = [e for e in page.console_errors() if "/console/rates?date=someday" not in e]

    assert int(drawn) >= points > 0
    assert error.startswith("date: ")
    assert overflow is False
    assert errors == [], errors
