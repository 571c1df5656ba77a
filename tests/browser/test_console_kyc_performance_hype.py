"""The KYC documents, performance and hype meter pages in a real browser: the demo owner
uploads a document (a disguised file is refused beside its field first), opens it and deletes
it; an account's performance draws its equity and drawdown charts; the hype meter draws a
symbol's velocity and is reached from Fear & Greed. No console error under the strict CSP,
and a phone fits each page."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.browser.browser import Chromium, Page, tab
from tests.browser.test_console_desk import confirm
from tests.http.kyc_samples import ELF, PDF


def _on_a_phone(page: Page, path: str, ready: str) -> bool:
    page.on_phone(path)
    page.wait_for(ready)
    overflow: bool = page.overflows()
    return overflow


def test_upload_open_and_delete_a_kyc_document(
    chromium: Chromium, console: str, tmp_path: Path
) -> None:
    (tmp_path / "renamed.pdf").write_bytes(ELF)
    (tmp_path / "licence.pdf").write_bytes(PDF)
    with tab(chromium, console, "kyc") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/kyc")
        page.wait_for("#no-documents")
        page.find("#file").send_keys(str(tmp_path / "renamed.pdf"))
        page.click("#upload-button")
        refused = page.wait_for("#file-error").text
        page.shot("refused")

        Select(page.find("#kind")).select_by_value("driving_licence")
        page.find("#file").send_keys(str(tmp_path / "licence.pdf"))
        page.click("#upload-button")
        metadata = page.wait_for("#kyc-metadata").text
        page.shot("uploaded")

        overflow = _on_a_phone(page, "/console/kyc", "#kyc-documents tbody tr[id^=doc-]")
        page.shot("kyc-phone")
        page.click("#kyc-documents button.delete-document")
        confirm(page)
        page.wait_text("#kyc-documents tbody", "deleted")
        errors = page.console_errors()

    assert "PDF, PNG or JPEG" in refused
    assert "driving licence" in metadata and "pending" in metadata
    assert overflow is False
    assert errors == [], errors


def test_an_accounts_performance_draws_equity_and_drawdown(
    chromium: Chromium, console: str
) -> None:
    with tab(chromium, console, "performance") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open(f"/console/accounts/{DEMO_ACCOUNT}")
        page.click("#performance-link")
        page.wait_text("h1", "Performance of")
        figures = page.wait_for("#performance-figures").text
        drawn = [
            page.wait_until(lambda n=name: page.find(f"#{n}").get_attribute("data-series"))
            for name in ("equity-chart", "drawdown-chart")
        ]
        page.shot("performance")

        overflow = _on_a_phone(page, f"/console/performance/{DEMO_ACCOUNT}", "#equity-chart")
        page.wait_until(lambda: page.find("#drawdown-chart").get_attribute("data-series"))
        page.shot("performance-phone")
        errors = page.console_errors()

    assert "Time-weighted return" in figures
    assert drawn == ["1", "1"]
    assert overflow is False
    assert errors == [], errors


def test_the_hype_meter_from_fear_and_greed(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "hype") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/fear-greed")
        page.click("#hype-link")
        page.wait_text("h1", "Hype meter")
        page.fill("#hype-symbol", "acme")
        page.click("#hype-form button[type=submit]")
        page.wait_until(lambda: "symbol=acme" in page.driver.current_url)
        velocity = page.wait_for("#hype-velocity").text
        series = page.wait_until(lambda: page.find("#hype-chart").get_attribute("data-series"))
        page.shot("hype")

        overflow = _on_a_phone(page, "/console/hype?symbol=ACME", "#hype-chart")
        page.wait_until(lambda: page.find("#hype-chart").get_attribute("data-series"))
        page.shot("hype-phone")
        errors = page.console_errors()

    assert velocity == "0.00"  # the demo's social source holds no mention
    assert series == "3"
    assert overflow is False
    assert errors == [], errors
