"""The futures page in a real browser: the keyboard reaches it (g, then Shift+U), a product's
curve on a day is drawn (a uPlot canvas) under the strict CSP beside its table, it fits a phone
and the console logs no error. On the shared demo: it reads market data and changes nothing."""

from __future__ import annotations

from bootstrap.demo import DEMO_OWNER
from tests.browser.browser import Chromium, tab


def test_a_curve_is_drawn(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "futures") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "U")  # g, then Shift+U
        page.wait_text("h1", "Futures curves")
        page.select("#futures-root", "CL")
        page.fill('#futures-form input[name="date"]', "2024-06-28")
        page.click("#futures-submit")
        page.wait_text("#futures-as-of", "2024-06-28", timeout=30)
        page.wait_for("#futures-chart canvas", timeout=30)
        drawn = page.wait_until(
            lambda: page.find("#futures-chart").get_attribute("data-drawn"),
            message="the curve was not drawn",
        )
        points = len(page.all("#futures-points tr.futures-point"))
        page.shot("curve")
        page.on_phone("/console/futures?root=CL&date=2024-06-28")
        page.wait_for("#futures-chart canvas", timeout=30)
        overflow = page.overflows()
        page.shot("phone")
        errors = page.console_errors()

    assert int(drawn) >= points > 0
    assert overflow is False
    assert errors == [], errors
