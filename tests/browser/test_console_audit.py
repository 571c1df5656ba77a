"""The audit page in a real browser: the keyboard reaches it (g, then Shift+L); the demo owner
reads their own entries and is shown no chain check; the admin verifies the chain and reads the
answer beside the button; a filter narrows the table; it fits a phone and the console logs no
error. On the shared demo: it reads the log and changes nothing."""

from __future__ import annotations

from bootstrap.demo import DEMO_ADMIN, DEMO_OWNER
from tests.browser.browser import Chromium, tab


def test_an_owner_reads_their_entries_without_the_check(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "audit-owner") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "L")  # g, then Shift+L
        page.wait_text("h1", "Audit log")
        rows = len(page.all("#audit-table tr.entry"))
        verify = page.all("#verify-button")
        page.fill('#audit-filter-form input[name="action"]', "auth.*")
        page.click("#audit-filter-submit")
        page.wait_until(lambda: "action=auth" in page.driver.current_url, message="not filtered")
        page.wait_for("#audit-table")
        actions = {a.text for a in page.all("#audit-table tr.entry td.action code")}
        page.shot("owner")
        errors = page.console_errors()

    assert rows >= 1  # the sign-in itself is an entry of theirs
    assert verify == []
    assert actions and all(a.startswith("auth.") for a in actions)
    assert errors == [], errors


def test_the_admin_verifies_the_chain(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "audit-admin") as page:
        page.login(DEMO_ADMIN.username, DEMO_ADMIN.password)
        page.open("/console/audit")
        page.wait_text("h1", "Audit log")
        page.click("#verify-button")
        ok = page.wait_for("#chain-ok", timeout=30).text
        page.shot("verified")
        page.on_phone("/console/audit")
        page.wait_text("h1", "Audit log")
        overflow = page.overflows()
        page.shot("phone")
        errors = page.console_errors()

    assert ok.startswith("Intact")
    assert overflow is False
    assert errors == [], errors
