"""The console's strategy and backtest forms in a real browser: the demo owner creates a
strategy (a refused notional first, shown beside its field), starts a backtest of it and lands
on the run's page, which follows the run to its result charts. The strategy is this module's
own (a fresh name); it is created off, so it never trades."""

from __future__ import annotations

import secrets

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_OWNER
from tests.browser.browser import Chromium, tab


def test_create_a_strategy_and_backtest_it_to_its_charts(chromium: Chromium, console: str) -> None:
    name = f"browser trend {secrets.token_hex(3)}"
    with tab(chromium, console, "console-backtest-forms") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/backtests")
        page.fill("#strategy-name", name)
        Select(page.find("#strategy-sizing")).select_by_value("fixed_notional")
        page.click("#strategy-submit")
        refused = page.wait_for('[data-field="notional"]').text
        page.fill("#strategy-notional", "10000")
        page.click("#strategy-submit")
        page.wait_for("#new-backtest")
        chosen = Select(page.find("#backtest-strategy")).first_selected_option.text
        page.click("#backtest-submit")
        page.wait_text("#status", "succeeded", timeout=60)
        page.wait_for("#equity-chart canvas", timeout=30)
        page.shot("backtest-run")
        errors = page.console_errors()

    assert "notional" in refused
    assert chosen == name
    assert errors == [], errors
