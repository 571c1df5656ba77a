"""The README's console walkthrough, all in the browser, as a newcomer does it after
`make run DEMO=1`: sign in as the demo owner, keep the live events open in one tab, place an
order from the form in another and see its event arrive, pull the kill switch on the account
and watch it reach the broker's confirmation (and the events tab hear it), then resume with
the four-eyes approval of the risk officer. Screenshots of every step: test-artifacts/browser/.
On a server of its own (`fresh_console`): it halts the demo account.
"""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER, DEMO_RISK
from tests.browser.browser import Chromium, Page, tab

SCOPE = f"account:{DEMO_ACCOUNT}"


def _events(page: Page, category: str) -> list[str]:
    return [
        str(li.get_attribute("data-event"))
        for li in page.all(f'#events-list li[data-category="{category}"]')
    ]


def _state(page: Page) -> str:
    return str(page.find(f'#ks-states tr[data-scope="{SCOPE}"]').get_attribute("data-state"))


def test_the_console_walkthrough(chromium: Chromium, fresh_console: str) -> None:
    with tab(chromium, fresh_console, "walkthrough") as page:
        driver = page.driver
        # 1. Sign in as the demo owner; the overview opens.
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.wait_text("h1", "Overview")
        page.shot("overview")

        # 2. The live events in the first tab.
        page.open("/console/events")
        page.wait_text("#events-status", "live")
        events_tab = driver.current_window_handle

        # 3. A second tab: place a resting limit order from the form.
        driver.switch_to.new_window("tab")
        work_tab = driver.current_window_handle
        page.open("/console/orders")
        page.fill("#order-symbol", "AAPL")
        page.fill("#order-quantity", "3")
        Select(page.find("#order-type")).select_by_value("limit")
        page.fill("#order-limit", "100")
        page.click("#order-submit")
        placed = page.wait_for("#order-placed").text
        page.shot("order-placed")

        # 4. Its event arrived live in the first tab.
        driver.switch_to.window(events_tab)
        page.wait_until(lambda: _events(page, "order"), message="no order event arrived")
        order_events = _events(page, "order")
        page.shot("order-event-live")

        # 5. Pull the kill switch on the account: confirm with the passcode, watch it confirm.
        driver.switch_to.window(work_tab)
        page.open("/console/kill-switch")
        page.wait_text("[data-live-status]", "live")
        Select(page.find("#ks-scope")).select_by_value(SCOPE)
        page.fill("#ks-reason", "walkthrough: practise the drill")
        page.click("#ks-pull-button")
        question = page.wait_for("#ks-confirm-count").text
        page.shot("kill-switch-confirm")
        page.fill("#ks-passcode", DEMO_OWNER.passcode)
        page.click("#ks-confirm-button")
        page.wait_until(
            lambda: page.find("#ks-live").get_attribute("data-state") == "confirmed",
            message="the kill switch never reached broker-confirmed",
        )
        page.wait_until(lambda: _state(page) == "halted", message="the account is not halted")
        page.shot("kill-switch-confirmed")

        # 6. The events tab heard it.
        driver.switch_to.window(events_tab)
        page.wait_until(lambda: _events(page, "kill_switch"), message="no kill-switch event")
        page.shot("kill-switch-event-live")
        kill_events = _events(page, "kill_switch")

        # 7. Resume: the owner's passcode and the risk officer's approval (four eyes).
        driver.switch_to.window(work_tab)
        Select(page.find("#rs-scope")).select_by_value(SCOPE)
        page.fill("#rs-passcode", DEMO_OWNER.passcode)
        page.fill("#rs-approver", DEMO_RISK.username)
        page.fill("#rs-approver-passcode", DEMO_RISK.passcode)
        page.click("#rs-button")
        page.wait_for("#ks-resumed")
        page.wait_until(lambda: _state(page) == "active", message="the account did not resume")
        page.shot("resumed")
        errors = page.console_errors()
        driver.switch_to.window(events_tab)
        errors += page.console_errors()

    assert "AAPL" in placed
    assert order_events
    assert "will be cancelled" in question
    assert kill_events
    assert errors == [], errors
