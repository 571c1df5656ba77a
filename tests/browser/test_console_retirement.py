"""The retirement page in a real browser: the demo owner opens a paper account of this module's
own, finds it on the Retirement page without a plan, keeps a traditional IRA's plan through the
form (a missing birth date refused beside its field first), and sees the RMD with its divisor
and the chart drawn; no console error under the strict CSP."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from selenium.webdriver.support.ui import Select

from adapters.http.console.filters import money
from bootstrap.demo import DEMO_OWNER
from domain.retirement.rmd import required_minimum_distribution
from tests.browser.browser import Chromium, tab

BORN = date(1951, 3, 10)  # beginning age 73: an RMD every year from 2024


def test_keep_an_iras_plan_and_see_its_rmd(chromium: Chromium, console: str) -> None:
    with tab(chromium, console, "console-retirement") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/accounts")
        page.fill("#paper-name", "Retirement practice")
        page.fill("#paper-cash", "50000")
        page.click("#paper-submit")
        page.wait_text("h1", "Retirement practice")
        account_id = page.driver.current_url.rsplit("/", 1)[1]

        page.open("/console/retirement")
        page.wait_for(f'[id="retirement-{account_id}"] .no-plan')
        page.click(f'[id="retirement-{account_id}"] a')
        page.wait_for("#no-plan")
        Select(page.find("#plan-form [name=kind]")).select_by_value("ira")
        page.click("#keep-plan")
        refused = page.wait_for('[data-field="birth_date"]').text
        page.driver.execute_script(
            "document.querySelector('#plan-form [name=birth_date]').value = arguments[0];",
            BORN.isoformat(),
        )
        page.click("#keep-plan")
        page.wait_text("#plan-kind", "ira")
        year = int(page.find("#year-form [name=year]").get_attribute("value") or "0")
        amount = page.find("#rmd-amount").text
        divisor = page.find("#rmd-divisor").text
        drawn = page.wait_for("#rmd-chart[data-drawn]").get_attribute("data-drawn")
        page.shot("retirement-plan-kept")
        page.driver.execute_script("document.getElementById('retire-rmd').scrollIntoView();")
        page.shot("retirement-rmd")
        errors = page.console_errors()

    expected = required_minimum_distribution(Decimal(50000), BORN, year)
    assert "birth_date: required" in refused
    assert year == datetime.now(UTC).year
    assert amount == money(expected.amount) and divisor == str(expected.distribution_period)
    assert drawn is not None and int(drawn) > 20
    assert errors == [], errors
