"""The kill switch in a real browser against a real `bulwark serve --demo`: a resting order,
the confirmation step with its count, the sequence to the broker's confirmation (live over
the WebSocket and as the server rendered it), the overview saying so, and a four-eyes resume.
On a server of its own (`fresh_console`): it halts the demo account, and counts its orders.
"""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER, DEMO_RISK
from tests.browser.api import API, api_as
from tests.browser.browser import PHONE, Chromium, Page, tab

SCOPE = f"account:{DEMO_ACCOUNT}"


def place_resting_order(base: str) -> None:
    """A limit buy far below the market, through the API with the demo owner's token."""
    with api_as(base, timeout=10) as http:
        order = http.post(
            f"{API}/orders",
            json={
                "account_id": DEMO_ACCOUNT,
                "symbol": "AAPL",
                "side": "buy",
                "quantity": "1",
                "order_type": "limit",
                "limit_price": "100",
                "time_in_force": "gtc",
            },
        )
    assert order.status_code == 201, order.text


def state_of(page: Page, scope: str) -> str:
    row = page.find(f'#ks-states tr[data-scope="{scope}"]')
    return str(row.get_attribute("data-state"))


def test_pull_the_kill_switch_watch_it_confirm_and_resume_with_four_eyes(
    chromium: Chromium, fresh_console: str
) -> None:
    place_resting_order(fresh_console)
    with tab(chromium, fresh_console, "killswitch") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/kill-switch")
        page.wait_text("[data-live-status]", "live")
        page.shot("page")

        # Step 1: scope and reason; nothing is sent yet.
        page.select("#ks-scope", SCOPE)
        page.fill("#ks-reason", "browser test: runaway strategy")
        page.click("#ks-pull-button")
        count = page.wait_for("#ks-confirm-count")
        confirm_text = count.text
        open_orders = int(str(count.get_attribute("data-open-orders")))
        state_before = state_of(page, SCOPE)
        page.shot("confirmation")

        # Step 2: the passcode, then the sequence to the broker's confirmation.
        page.fill("#ks-passcode", DEMO_OWNER.passcode)
        page.click("#ks-confirm-button")
        sequence = page.wait_for("#ks-sequence")
        confirmed = sequence.get_attribute("data-confirmed")
        page.wait_until(
            lambda: page.find("#ks-live").get_attribute("data-state") == "confirmed",
            message="the live sequence never reached broker-confirmed",
        )
        live_done = [str(li.get_attribute("data-phase")) for li in page.all("#ks-live li.done")]
        server_done = [
            str(li.get_attribute("data-phase")) for li in page.all("#ks-sequence li.done")
        ]
        page.wait_until(lambda: state_of(page, SCOPE) == "halted", message="state not halted")
        page.shot("broker-confirmed")
        history = page.find("#ks-events tbody tr").text
        errors = page.console_errors()

        # The overview says the account is halted.
        page.open("/console")
        page.wait_for("#overview")
        overview_alerts = page.find("#overview-alerts").text
        page.shot("overview-halted")

        # Resume: the owner's passcode, and the risk officer's approval with theirs.
        page.open("/console/kill-switch")
        page.select("#rs-scope", SCOPE)
        page.fill("#rs-passcode", DEMO_OWNER.passcode)
        page.fill("#rs-approver", DEMO_RISK.username)
        page.fill("#rs-approver-passcode", DEMO_RISK.passcode)
        page.shot("resume-form")
        page.select("#rs-scope", SCOPE)  # again: a late kill-switch event may have reloaded it
        page.click("#rs-button")
        page.wait_for("#ks-resumed")
        page.wait_until(lambda: state_of(page, SCOPE) == "active", message="not resumed")
        page.shot("resumed")
        errors += page.console_errors()

    assert state_before == "active"
    assert open_orders >= 1 and "will be cancelled" in confirm_text
    assert confirmed == "yes"
    assert live_done == ["sent", "halted", "cancels", "confirmed"]
    assert server_done == ["halted", "broadcast", "cancels", "confirmed"]
    assert SCOPE in history and "confirmed" in history
    assert SCOPE in overview_alerts
    assert errors == [], errors


def test_the_desk_sees_the_global_scope_and_the_page_fits_a_phone(
    chromium: Chromium, fresh_console: str
) -> None:
    with tab(chromium, fresh_console, "killswitch-phone", size=PHONE) as page:
        page.login(DEMO_RISK.username, DEMO_RISK.password)
        page.open("/console/kill-switch")
        page.wait_text("[data-live-status]", "live")
        scopes = [o.get_attribute("value") for o in page.all("#ks-scope option")]
        Select(page.find("#ks-scope")).select_by_value("global:*")
        page.click("#ks-pull-button")
        question = page.wait_for("#ks-confirm-title").text
        page.shot("phone-global-confirmation")
        overflow = page.overflows()
        page.click("#ks-cancel")  # nothing was sent: back to the page
        page.wait_for("#ks-review")
        state = state_of(page, "global:*")
        errors = page.console_errors()

    assert scopes[0] == "global:*" and SCOPE in scopes
    assert question == "Halt ALL trading?"
    assert overflow is False
    assert state == "active"
    assert errors == [], errors
