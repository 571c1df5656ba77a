"""The console's new forms in a real browser: the demo owner opens a paper account, registers
an agent on it (its first key shown once), and previews a new rule against the account's
recent orders before creating it. Everything made here is this module's own (a new account,
an agent whose id sorts after the demo agent's, a rule scoped to the new account)."""

from __future__ import annotations

import secrets

from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_OWNER
from tests.browser.browser import Chromium, tab


def test_open_a_paper_account_register_an_agent_and_preview_a_rule(
    chromium: Chromium, console: str
) -> None:
    agent_id = f"forms-bot-{secrets.token_hex(4)}"
    with tab(chromium, console, "console-forms") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        # A paper account: a refused cash first, then the account.
        page.open("/console/accounts")
        page.fill("#paper-name", "Forms practice")
        page.fill("#paper-cash", "plenty")
        page.click("#paper-submit")
        refused = page.wait_for('[data-field="initial_cash"]').text
        page.fill("#paper-cash", "50000")
        page.click("#paper-submit")
        page.wait_text("h1", "Forms practice")
        account_id = page.driver.current_url.rsplit("/", 1)[1]
        page.shot("paper-account")
        # An order on it, for the preview to decide again.
        page.open(f"/console/orders?account_id={account_id}")
        page.fill("#order-symbol", "AAPL")
        page.fill("#order-quantity", "30")
        page.click("#order-submit")
        page.wait_for("#order-placed")
        # An agent on the new account: its first key shown once.
        page.open("/console/agents")
        page.fill("#register-id", agent_id)
        page.fill("#register-threshold", "3600")
        page.click(f'#register-agent input[value="{account_id}"]')
        page.click("#register-submit")
        key = page.wait_for("#new-api-key").text
        page.shot("agent-registered")
        page.open("/console/agents")
        page.wait_for(f"#agent-{agent_id}")
        key_again = key in page.driver.page_source
        # A new rule, previewed on the account's orders, then created.
        page.open("/console/risk/new")
        Select(page.find("#new-type")).select_by_value("MAX_ORDER_QUANTITY")
        Select(page.find("#new-action")).select_by_value("hold")
        Select(page.find("#new-account")).select_by_value(account_id)
        Select(page.find("#preview-account")).select_by_value(account_id)
        page.fill("#new-params", "max_quantity=10")
        page.click("#preview-rule")
        page.wait_for("#rule-preview")
        summary = page.find("#preview-summary").text
        page.shot("rule-preview")
        page.click("#create-rule")
        page.wait_text("h1", "Risk rules")
        page.shot("rule-created")
        errors = page.console_errors()

    assert "initial_cash" in refused
    assert key.startswith("bwk_") and not key_again
    assert "1 held" in summary
    assert errors == [], errors
