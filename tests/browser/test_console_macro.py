"""The macro and insiders page in a real browser: the keyboard reaches it (g, then Shift+N), the
dashboard of a day and the insiders of a window answer, it fits a phone and the console logs no
error. On the shared demo: it reads market data and changes nothing."""

from __future__ import annotations

from bootstrap.demo import DEMO_OWNER
from tests.browser.browser import Chromium, tab


def test_the_dashboard_and_the_insiders(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "macro") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "N")  # g, then Shift+N
        page.wait_text("h1", "Macro and insiders")
        page.fill('#macro-form input[name="date"]', "2024-12-31")
        page.click("#macro-submit")
        page.wait_text("#macro-date", "2024-12-31", timeout=30)
        page.fill('#insiders-form input[name="start"]', "2024-01-01")
        page.fill('#insiders-form input[name="end"]', "2024-12-31")
        page.click("#insiders-submit")
        page.wait_for("#insiders-table", timeout=30)
        series = len(page.all("#macro-table tr.macro-series"))
        insiders = len(page.all("#insiders-table tr.insider"))
        page.shot("macro")
        page.on_phone("/console/macro?date=2024-12-31&start=2024-01-01&end=2024-12-31")
        page.wait_for("#insiders-table", timeout=30)
        overflow = page.overflows()
        page.shot("phone")
        errors = page.console_errors()

    assert series > 0 and insiders > 0
    assert overflow is False
    assert errors == [], errors
