"""The evidence pack's HTML page in a real Chromium: the digest it shows is the SHA-256 of the
pack's canonical content, the charts draw one bar a day of denials and one a drill, and the
page loads nothing from elsewhere (it is opened from a file, offline)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from adapters.http.compliance.evidence_html import render_pack
from application.compliance.evidence import EvidenceQuery, digest_of
from tests.browser.browser import start_chromium
from tests.unit.compliance.test_evidence import ALICE, SINCE, UNTIL, Desk


@pytest.fixture
def driver(binaries: tuple[str, str]) -> Iterator[WebDriver]:
    started = start_chromium(*binaries)
    try:
        yield started
    finally:
        with contextlib.suppress(WebDriverException):
            started.quit()


async def test_the_page_shows_the_digest_of_its_content_and_draws_its_charts(
    driver: WebDriver, tmp_path: Path
) -> None:
    # Arrange: a pack issued over the in-memory desk, written as the file a supervisor gets
    desk = Desk()
    await desk.seed()
    pack = await desk.packs.issue(ALICE, EvidenceQuery(SINCE, UNTIL))
    page = tmp_path / "evidence.html"
    page.write_text(render_pack(pack), encoding="utf-8")

    # Act
    driver.get(page.as_uri())

    # Assert
    shown = driver.find_element(By.ID, "digest").text.strip()
    assert shown == pack.digest == digest_of(pack.content)
    days = driver.find_elements(By.CSS_SELECTOR, "#breaches-chart rect.bar")
    drills = driver.find_elements(By.CSS_SELECTOR, "#drills-chart rect.bar")
    assert len(days) == len(pack.content["breaches"]["per_day"]) == 2
    assert len(drills) == len(pack.content["drills"]["runs"]) == 1
    assert all(bar.size["height"] > 0 for bar in days)
    loaded = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert loaded == []
