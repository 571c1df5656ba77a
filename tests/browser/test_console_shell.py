"""The console's shell in a real browser: sign in, the overview, the keyboard, a phone screen,
a strict CSP that the pages live with (no console errors), sign out."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys

from adapters.http.console.pages import NAV
from bootstrap.demo import DEMO_OWNER, DEMO_RISK, DEMO_VIEWER
from tests.browser.browser import PHONE, Chromium, tab


def test_sign_in_see_the_overview_and_sign_out(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "shell-desktop") as page:
        page.open("/console")
        page.wait_for("#login-form")
        page.shot("login")

        page.login(DEMO_RISK.username, DEMO_RISK.password)
        page.wait_text("h1", "Overview")
        role = page.find(".who .badge").text
        page.shot("overview")
        errors = page.console_errors()
        page.click("header.top form button")
        page.wait_for("#login-form")

    assert role == "risk officer"
    assert errors == [], errors


def test_a_wrong_password_says_so_and_keeps_you_out(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "shell-wrong-password") as page:
        page.open("/console/login")
        page.fill("#username", DEMO_OWNER.username)
        page.fill("#password", "not-my-password")
        page.click("#login-form button[type=submit]")
        error = page.wait_for("#login-error").text
        page.shot("refused")
        cookies = {c["name"] for c in page.driver.get_cookies()}

    assert "UNAUTHENTICATED" in error
    assert "bulwark_access" not in cookies


def test_the_keyboard_reaches_every_page(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "shell-keyboard") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        body = page.find("body")
        body.send_keys("?")
        help_open = page.wait_for("#keys-help").is_displayed()
        body.send_keys(Keys.ESCAPE)
        page.shot("help")
        # Tab from the top: the skip link comes first, then the brand.
        first = page.driver.switch_to.active_element
        first.send_keys(Keys.TAB)
        focused = page.driver.switch_to.active_element.get_attribute("class")
        # The menu in its groups, each page with its letter; g then Shift+H: the held orders.
        groups = [g.text for g in page.all(".menu .nav-group-label")]
        keyed = len(page.all(".menu nav a[data-key]"))
        page.find("body").send_keys("g", Keys.SHIFT, "H")
        page.wait_text("h1", "Held orders")
        page.shot("held-by-keyboard")

    assert help_open
    assert focused == "skip"
    assert groups == ["TRADING AND SAFETY", "WEALTH", "MARKETS", "ADMIN"]
    assert keyed == len(NAV)


def test_the_console_fits_a_phone_screen(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "shell-phone", size=PHONE) as page:
        page.login(DEMO_RISK.username, DEMO_RISK.password)
        nav_hidden = not page.find(".menu nav").is_displayed()
        page.click(".menu > summary")
        nav_shown = page.wait_for(".menu nav").is_displayed()
        page.shot("phone-menu")
        overflow = page.overflows()

    assert nav_hidden and nav_shown
    assert overflow is False


def test_a_viewer_sees_the_kill_switch_state_but_no_button(
    chromium: Chromium, console: str
) -> None:
    with tab(chromium, console, "shell-viewer") as page:
        page.login(DEMO_VIEWER.username, DEMO_VIEWER.password)
        page.open("/console/kill-switch")
        page.wait_for("#ks-states")
        page.shot("viewer-kill-switch")
        buttons = page.all("#ks-pull-button") + page.all("#rs-button")
        badge = page.find(".who .badge").text
        errors = page.console_errors()

    assert buttons == []
    assert badge == "viewer"
    assert errors == [], errors
