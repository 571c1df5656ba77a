"""The console's shared rules in a real browser: one WebSocket per page (the events page on
console.js's socket), a refused action shown without a console error, and the HTML 404."""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.browser.browser import Chromium, Page, tab

# Counts the page's WebSockets: installed before any of the page's scripts run (CDP), so it
# is not subject to the page's CSP (the page itself has no inline script).
COUNT_SOCKETS = """
(function () {
  const Native = window.WebSocket;
  window.__bulwarkSockets = 0;
  window.WebSocket = function (url, protocols) {
    window.__bulwarkSockets += 1;
    return protocols === undefined ? new Native(url) : new Native(url, protocols);
  };
  window.WebSocket.prototype = Native.prototype;
  window.WebSocket.OPEN = Native.OPEN;
  window.WebSocket.CONNECTING = Native.CONNECTING;
  window.WebSocket.CLOSING = Native.CLOSING;
  window.WebSocket.CLOSED = Native.CLOSED;
})();
"""


def _sockets(page: Page) -> int:
    return int(page.driver.execute_script("return window.__bulwarkSockets;"))


def test_one_socket_a_quiet_refusal_and_the_console_404(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "review") as page:
        page.driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": COUNT_SOCKETS}
        )
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)

        # The events page: live on the page's one socket; a filter change resubscribes on it.
        page.open("/console/events")
        page.wait_text("#events-status", "live")
        page.click('#events-filters input[value="heartbeat"]')
        page.wait_text("#events-filter-state", "Showing:")
        filter_state = page.find("#events-filter-state").text
        events_sockets = _sockets(page)
        page.shot("events-live-filtered")

        # A refused action (a wrong passcode): shown in the page, no console error.
        page.open("/console/kill-switch")
        page.wait_text("[data-live-status]", "live")
        Select(page.find("#ks-scope")).select_by_value(f"account:{DEMO_ACCOUNT}")
        page.click("#ks-pull-button")
        page.wait_for("#ks-confirm-count")
        page.fill("#ks-passcode", "not-the-passcode")
        page.click("#ks-confirm-button")
        page.wait_text("#flash", "WRONG_PASSCODE")
        refused = page.find("#flash .problem")
        refused_status = refused.get_attribute("data-status")
        page.shot("refused-wrong-passcode")
        errors = page.console_errors()

        # An unknown console path: the console's own 404 page, with its navigation.
        page.open("/console/no-such-page")
        page.wait_for("header.top")
        not_found = page.find("main").text
        page.shot("not-found")

    assert events_sockets == 1
    assert "order" in filter_state and "heartbeat" not in filter_state
    assert refused_status == "403"
    assert errors == []
    assert "NOT_FOUND" in not_found
