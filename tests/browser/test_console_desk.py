"""The desk pages in a real browser: a risk officer edits a rule and dry-runs a sample order,
sees the providers' breakers and fails over by hand; the demo owner checks in on succession.
Every page lives with the strict CSP (no console errors)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.support.ui import Select

from bootstrap.demo import DEMO_ACCOUNT, DEMO_AGENT, DEMO_OWNER, DEMO_RISK
from tests.browser.api import API, api_as
from tests.browser.browser import PHONE, Chromium, Page, tab


@pytest.fixture
def desk_rule(console: str) -> Iterator[dict[str, Any]]:
    """A global size cap of 10, created through the API as the demo risk officer, and deleted
    after the test: a global rule would reach every module sharing the server."""
    with api_as(console, DEMO_RISK) as http:
        created = http.post(
            f"{API}/risk-rules",
            json={
                "rule_type": "MAX_ORDER_QUANTITY",
                "params": {"max_quantity": "10"},
                "scope": "global",
                "name": "Desk size cap",
            },
        )
        assert created.status_code == 201, created.text
        body: dict[str, Any] = created.json()
        yield body
        deleted = http.delete(f"{API}/risk-rules/{body['id']}")
    assert deleted.status_code == 204, deleted.text


def confirm(page: Page) -> None:
    """Accept the data-confirm dialog the form raised."""
    page.wait_until(lambda: _alert(page), message="no confirmation dialog").accept()


def _alert(page: Page) -> Any:
    try:
        return page.driver.switch_to.alert
    except Exception:
        return False


def test_a_risk_officer_edits_a_rule_and_dry_runs_an_order(
    chromium: Chromium, console: str, desk_rule: dict[str, Any]
) -> None:
    card = f"#rule-{desk_rule['id']}"
    with tab(chromium, console, "desk-risk") as page:
        page.login(DEMO_RISK.username, DEMO_RISK.password)
        page.open("/console/risk")
        page.wait_text("h1", "Risk rules")
        page.shot("rules")
        # An edit that does not validate: the error sits beside the field, with its code.
        page.fill(f"{card} input[data-param=max_quantity]", "-5")
        page.click(f"{card} button.primary")
        shown = page.wait_for(f'{card} [data-field="params.max_quantity"]')
        error = shown.text
        page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", shown)
        page.shot("invalid-edit")
        # The sample order against the current rules: 50 over a cap of 10.
        Select(page.find("#dry-account")).select_by_value(DEMO_ACCOUNT)
        page.fill("#dry-symbol", "AAPL")
        page.fill("#dry-quantity", "50")
        page.click("#dry-run-current")
        page.wait_for("#dry-run-outcome")
        current = page.find("#dry-run-outcome .decision").text
        reasons = page.find("#dry-run-outcome").text
        page.shot("dry-run-current")
        # The same order against the rule as edited (a cap of 100), then saved.
        page.fill(f"{card} input[data-param=max_quantity]", "100")
        page.click(f"{card} button.dry-edit")
        page.wait_text("#dry-run-outcome", "as edited")
        edited = page.find("#dry-run-outcome .decision").text
        page.shot("dry-run-edited")
        page.click(f"{card} button.primary")
        page.wait_text(card, "saved")
        saved = page.find(f"{card} input[data-param=max_quantity]").get_attribute("value")
        page.wait_text("#risk-rules", "max_quantity=100")  # the table above follows the save
        page.shot("saved")
        errors = page.console_errors()

    assert "INVALID_RULE" in error and "params.max_quantity" in error
    assert current == "denied" and "MAX_ORDER_QUANTITY" in reasons
    assert "Nothing was placed" in reasons
    assert edited == "approved"
    assert saved == "100"
    assert errors == [], errors


def test_a_risk_officer_sees_the_breakers_and_fails_over_by_hand(
    chromium: Chromium, console: str
) -> None:
    with tab(chromium, console, "desk-providers") as page:
        page.login(DEMO_RISK.username, DEMO_RISK.password)
        page.open("/console/providers")
        breaker = page.wait_for("#provider-synthetic .breaker").text
        page.shot("providers")
        # The demo feed has one provider: pinning it is the failover it allows.
        page.click("#provider-synthetic .pin-provider")
        confirm(page)
        page.wait_for("#failover-result")
        pinned = page.find("#pinned-provider").text
        page.shot("pinned")
        page.click("#failover-restore")
        confirm(page)
        page.wait_text("#failover-result", "restored")
        restored = not page.all("#pinned-provider")
        page.shot("restored")
        errors = page.console_errors()

    assert breaker == "closed"
    assert pinned == "synthetic"
    assert restored
    assert errors == [], errors


def test_the_demo_owner_checks_in_and_reads_the_desk_pages(
    chromium: Chromium, console: str
) -> None:
    with tab(chromium, console, "desk-owner") as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/succession")
        page.wait_for("#enrol-form")
        page.shot("not-enrolled")
        page.click("#enrol-form button[type=submit]")
        confirm(page)
        first = page.wait_for("#last-check-in").text
        page.shot("enrolled")
        page.click("#check-in")
        page.wait_for("#checked-in")
        state = page.find("#succession-state").text
        page.shot("checked-in")
        page.open("/console/agents")
        agent = page.wait_for("#agents-table tbody th").text
        page.fill("#issue-label", "laptop")
        page.click("#issue-key button[type=submit]")
        key = page.wait_for("#new-api-key").text
        page.shot("agent-key-once")
        page.open("/console/agents")
        page.wait_text("#agents-table", "laptop")
        shown_again = key in page.driver.page_source
        page.shot("agents")
        page.open("/console/signals")
        page.wait_for("#signal-filters")
        page.open("/console/risk")
        no_save = not page.all(".rule-card button.primary")
        page.shot("risk-read-only")
        errors = page.console_errors()

    assert first
    assert state == "active"
    assert "demo-agent" in agent
    assert key.startswith("bwk_") and not shown_again
    assert no_save
    assert errors == [], errors


def test_the_agents_page_fits_a_phone_and_follows_a_heartbeat(
    chromium: Chromium, console: str
) -> None:
    with api_as(console) as api, tab(chromium, console, "desk-phone", size=PHONE) as page:
        page.login(DEMO_OWNER.username, DEMO_OWNER.password)
        page.open("/console/agents")
        page.wait_for("#agents-table")
        page.wait_text("[data-live-status]", "live")
        beat = api.post(f"{API}/agents/{DEMO_AGENT}/heartbeat", json={"status": "ok"})
        # The demo agent's threshold is short: it may already read stale, but not pending.
        page.wait_until(
            lambda: page.find(f"#agent-{DEMO_AGENT}").get_attribute("data-state") != "pending",
            message="the heartbeat did not show",
        )
        page.shot("agents-phone")
        overflow = page.overflows()
        errors = page.console_errors()

    assert beat.status_code == 200, beat.text
    assert overflow is False
    assert errors == [], errors
