"""The personal pages in a real browser: the notifications inbox (a new-device notice, mark
read, the header's unread badge), the preferences form's inline field error, and the devices
page (rename, revoke); no console error under the strict CSP, and a phone screen fits."""

from __future__ import annotations

from bootstrap.demo import DEMO_OWNER, DEMO_RISK
from tests.browser.browser import Chromium, Page, tab
from tests.browser.test_console_desk import confirm


def _sign_in_from_a_new_device(page: Page, username: str, password: str) -> None:
    """Sign in, then forget every cookie (the device's too) and sign in again as another
    browser (another User-Agent): a new device, which leaves a security notice in the inbox."""
    page.login(username, password)
    # Leave the console first: a fragment its page still loads without the cookies would be
    # sent to the login with itself as `next`, racing the second sign-in below.
    page.driver.get("about:blank")
    page.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})  # type: ignore[attr-defined]
    page.driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Network.setUserAgentOverride",
        {"userAgent": "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"},
    )
    page.login(username, password)


def _open_inbox(page: Page) -> tuple[str, int]:
    """The inbox, opened until the header's badge (fetched after the page) agrees with the
    page's own count: a notification that lands in between (another module's, on the shared
    server) is counted at the next look. The badge's text, and how many are listed unread."""

    def look() -> tuple[str, int] | None:
        page.open("/console/notifications")
        badge = page.wait_for("#unread-count").text
        listed = len(page.all("#inbox li.unread"))
        agreed = page.find("#unread-total").text == f"{badge.split()[0]} unread"
        return (badge, listed) if agreed else None

    found: tuple[str, int] = page.wait_until(look, message="the badge never agreed")
    return found


def test_the_inbox_marks_read_and_the_preferences_say_what_is_wrong(
    chromium: Chromium, console: str
) -> None:
    with tab(chromium, console, "personal-notifications") as page:
        _sign_in_from_a_new_device(page, DEMO_OWNER.username, DEMO_OWNER.password)
        badge_before, unread_before = _open_inbox(page)
        page.shot("inbox")
        marked = page.find("#inbox li.unread").get_attribute("id")
        page.click(f"#{marked} .mark-read")
        page.wait_for(f"#{marked}.read")  # the page again, the notification read
        total_after = page.find("#unread-total").text
        unread_after = len(page.all("#inbox li.unread"))

        page.open("/console/notifications/preferences")
        page.driver.execute_script(
            "document.getElementById('quiet_start').value = '22:00';"
            "document.getElementById('quiet_end').value = '07:00';"
        )
        page.fill("#time_zone", "Mars/Olympus")
        page.click("#save-preferences")
        field_error = page.wait_for("#time_zone-error").text
        page.shot("preferences-error")
        page.fill("#time_zone", "Europe/Paris")
        page.click("#save-preferences")
        saved = page.wait_for("#saved").text
        kept = page.find("#quiet_start").get_attribute("value")

        page.on_phone("/console/notifications")
        page.wait_text("h1", "Notifications")
        page.shot("inbox-phone")
        overflow = page.overflows()
        errors = page.console_errors()

    assert int(badge_before.split()[0]) == unread_before >= 1
    assert total_after == f"{unread_after} unread"
    assert field_error == "not an IANA time zone"
    assert saved == "Preferences saved."
    assert kept == "22:00"
    assert overflow is False
    assert errors == [], errors


def test_the_devices_page_renames_and_revokes(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "personal-devices") as page:
        _sign_in_from_a_new_device(page, DEMO_RISK.username, DEMO_RISK.password)
        page.open("/console/devices")
        page.wait_text("h1", "Devices")
        this_device = page.all("#devices tr.this-device")
        other = next(
            r
            for r in page.all("#devices tbody tr")
            if "this-device" not in (r.get_attribute("class") or "")
        )
        row_id = other.get_attribute("id")
        page.fill(f"#{row_id} input[name=name]", "Old laptop")
        page.click(f"#{row_id} form.rename button")
        page.wait_text(f"#{row_id} th", "Old laptop")
        page.click(f"#{row_id} button.revoke")
        confirm(page)
        page.wait_text(f"#{row_id}", "revoked")
        page.shot("devices")

        page.on_phone("/console/devices")
        page.wait_text("h1", "Devices")
        overflow = page.overflows()
        errors = page.console_errors()

    assert len(this_device) == 1
    assert overflow is False
    assert errors == [], errors
