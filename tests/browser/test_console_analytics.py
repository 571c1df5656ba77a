"""The crypto, ESG and giving pages in a real browser: the keyboard reaches them (g, then Shift
and the letter), the impermanent-loss curve is drawn (a uPlot canvas) under the strict CSP, a
bad field is shown beside it, the ESG lookup and analysis answer, a donation is recorded and
deleted after the confirmation, the deduction is estimated; each fits a phone and the console
logs no error."""

from __future__ import annotations

from typing import Any

from selenium.common.exceptions import NoAlertPresentException

from bootstrap.demo import DEMO_OWNER
from tests.browser.browser import Chromium, Page, tab


def _phone_fits(page: Page, path: str, ready: str) -> bool:
    page.on_phone(path)
    page.wait_for(ready)
    overflow: bool = page.overflows()
    return not overflow


def _alert(page: Page) -> Any:
    try:
        return page.driver.switch_to.alert
    except NoAlertPresentException:
        return None


def test_crypto_draws_the_impermanent_loss_curve(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "crypto") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "C")  # g, then Shift+C
        page.wait_text("h1", "Crypto")
        page.click("#il-submit")
        page.wait_for("#il-chart canvas", timeout=30)
        drawn = page.wait_until(
            lambda: page.find("#il-chart").get_attribute("data-drawn"),
            message="the impermanent-loss curve was not drawn",
        )
        page.fill('#il-form input[name="ratios"]', "1, -2")
        page.click("#il-submit")
        error = page.wait_for('#calc-impermanent-loss .field-error[data-field="ratios"]').text
        page.fill(
            '#wallet-form input[name="address"]', "0x00000000000000000000000000000000000a11ce"
        )
        page.click("#wallet-submit")
        total = page.wait_for("#wallet-total", timeout=20).text
        page.shot("crypto")
        fits = _phone_fits(page, "/console/crypto", "#chain-list")
        page.shot("crypto-phone")
        errors = page.console_errors()

    assert drawn == "13"  # the default ratios
    assert "value 2" in error
    assert total
    assert fits
    assert errors == [], errors


def test_esg_looks_up_an_issuer_and_analyses_holdings(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "esg") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "E")
        page.wait_text("h1", "ESG")
        page.fill('#issuer-form input[name="symbol"]', "XOM")
        page.click("#issuer-submit")
        name = page.wait_for("#issuer-name").text
        page.click("#esg-submit")
        score = page.wait_for("#esg-score", timeout=20).text
        excluded = [r.text for r in page.all("#esg-excluded tbody tr")]
        page.shot("esg")
        fits = _phone_fits(page, "/console/esg?symbol=AAPL", "#issuer-answer")
        page.shot("esg-phone")
        errors = page.console_errors()

    assert name.startswith("XOM")
    assert score and score != "—"
    assert any(row.startswith("SMKY") for row in excluded)
    assert fits
    assert errors == [], errors


def test_giving_records_deletes_and_estimates(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "giving") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.find("body").send_keys("g", "G")
        page.wait_text("h1", "Giving")
        page.driver.execute_script(
            "arguments[0].value = '2025-03-01'", page.find('#donation-form [name="donated_on"]')
        )
        page.fill('#donation-form [name="donee"]', "Food Bank")
        page.fill('#donation-form [name="amount"]', "1200.50")
        page.click("#record-donation-button")
        row = page.wait_for("#donation-list tbody tr[id^='donation-']", timeout=20).text
        page.fill('#deduction-form [name="tax_year"]', "2025")
        page.fill('#deduction-form [name="agi"]', "100000")
        page.click("#deduction-submit")
        total = page.wait_for("#deduction-total", timeout=20).text
        page.shot("giving")
        page.click(".delete-donation")
        page.wait_until(lambda: _alert(page), message="no confirmation dialog").accept()
        page.wait_for("#no-donations", timeout=20)
        fits = _phone_fits(page, "/console/giving", "#donations")
        page.shot("giving-phone")
        errors = page.console_errors()

    assert "Food Bank" in row and "1200.5" in row
    assert total == "1200.5"
    assert fits
    assert errors == [], errors
