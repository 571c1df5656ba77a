"""The API-key vault page in a real browser: the demo owner adds a key (shown masked, the
secret never on the page), rotates it and deletes it; no console error, and a phone fits."""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_OWNER
from tests.browser.browser import Chromium, tab
from tests.browser.test_console_desk import confirm

KEY_ID = "POLY1234567890ABCDEF"
SECRET = "browser-s3cr3t-0123456789"


def test_add_rotate_and_delete_an_api_key(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "vault") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/vault")
        page.wait_text("h1", "API keys")
        Select(page.find("#provider")).select_by_value("polygon")
        page.fill("#label", "Market data")
        page.click("input[name=scopes][value=market_data]")
        page.fill("#key_id", KEY_ID)
        page.fill("#secret", SECRET)
        page.click("#add-key-button")
        row = page.wait_for("#vault-keys tbody tr[id^=key-]")
        row_id = row.get_attribute("id")
        masked = page.find(f"#{row_id} code.masked").text
        source = page.driver.page_source
        page.shot("added")

        page.click(f"#{row_id} details.rotate > summary")
        page.fill(f"#{row_id} details.rotate input[name=new_key_id]", "POLYROTATED00000WXYZ")
        page.fill(f"#{row_id} details.rotate input[name=secret]", "rotated-s3cr3t-987654")
        page.click(f"#{row_id} details.rotate button[type=submit]")
        page.wait_text(f"#{row_id} code.masked", "PO…XYZ")

        page.on_phone("/console/vault")
        page.wait_text("h1", "API keys")
        overflow = page.overflows()
        page.click(f"#{row_id} button.delete-key")
        confirm(page)
        page.wait_for("#no-keys")
        page.shot("deleted")
        errors = page.console_errors()

    assert masked == "PO…DEF"
    assert KEY_ID not in source and SECRET not in source
    assert overflow is False
    assert errors == [], errors
