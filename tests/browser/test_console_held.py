"""Held orders in a real browser: a HOLD rule holds an agent's orders; the desk's risk officer
approves one in the console (it goes on to the paper broker and fills) and rejects the other
(it ends canceled with the reason); the orders page names the agent as their origin.

The agent trades on a paper account of its own, opened for this module, so the demo account's
holdings stay as other modules read them; the rule (scoped to this agent) is deleted after."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import httpx
import pytest

from bootstrap.demo import DEMO_OWNER, DEMO_RISK
from tests.browser.api import API, api_as
from tests.browser.browser import Chromium, tab


@dataclass(frozen=True)
class HeldSetup:
    account_id: str
    agent_id: str
    held: tuple[str, str]  # two orders of the agent, held


@pytest.fixture(scope="module")
def held_orders(console: str) -> Iterator[HeldSetup]:
    agent_id = f"held-bot-{secrets.token_hex(4)}"
    with api_as(console, DEMO_OWNER) as http:
        opened = http.post(
            f"{API}/accounts",
            json={
                "name": "Held orders (browser test)",
                "broker": "paper",
                "base_currency": "USD",
                "account_type": "taxable",
                "trading_type": "cash",
                "initial_cash": "100000",
            },
        )
        assert opened.status_code == 201, opened.text
        account_id = opened.json()["id"]
        registered = http.post(
            f"{API}/agents",
            json={
                "agent_id": agent_id,
                "name": "Held-orders bot",
                "account_ids": [account_id],
                "heartbeat_threshold_seconds": 86_400,
            },
        )
        assert registered.status_code == 201, registered.text
        key = http.post(f"{API}/agents/{agent_id}/keys", json={"label": "held test"})
        assert key.status_code == 201, key.text
        rule = http.post(
            f"{API}/risk-rules",
            json={
                "rule_type": "MAX_ORDER_QUANTITY",
                "params": {"max_quantity": "1"},
                "scope": "agent",
                "agent_id": agent_id,
                "action": "hold",
                "name": "Hold the bot's larger orders",
            },
        )
        assert rule.status_code == 201, rule.text
        with httpx.Client(base_url=console, timeout=30) as agent:
            agent.headers["X-API-Key"] = key.json()["api_key"]
            held = tuple(_held(agent, account_id, symbol) for symbol in ("AAPL", "MSFT"))
        yield HeldSetup(account_id, agent_id, (held[0], held[1]))
        deleted = http.delete(f"{API}/risk-rules/{rule.json()['id']}")
    assert deleted.status_code == 204, deleted.text


def _held(agent: httpx.Client, account_id: str, symbol: str) -> str:
    body = {"account_id": account_id, "symbol": symbol, "side": "buy", "quantity": "2"}
    placed = agent.post(f"{API}/orders", json=body)
    assert placed.status_code == 202, placed.text
    order_id: str = placed.json()["order"]["id"]
    return order_id


def test_the_desk_approves_one_held_order_and_rejects_another(
    chromium: Chromium, console: str, held_orders: HeldSetup
) -> None:
    approve, reject = held_orders.held
    with tab(chromium, console, "held-orders") as page:
        page.login(DEMO_RISK.username, DEMO_RISK.password)
        page.open("/console/held")
        page.wait_text("h1", "Held orders")
        page.wait_for(f"#held-{approve}")
        held_by = page.find(f"#held-{approve} .reason").text
        origin = page.find(f"#held-{approve} .origin").text
        page.shot("queue")
        page.click(f"#held-{approve} button.approve")
        page.wait_for(f'#held-{approve}[data-status="filled"]')
        approved = page.find(f"#held-{approve}").text
        page.shot("approved")
        page.fill(f"#reason-{reject}", "not this one")
        page.click(f"#held-{reject} button.reject")
        page.wait_for(f'#held-{reject}[data-status="canceled"]')
        page.shot("rejected")
        page.open(f"/console/orders?account_id={held_orders.account_id}")
        page.wait_for(f'#order-{approve}[data-status="filled"]')
        origin_in_orders = page.find(f"#order-{approve} .origin").text
        agent_in_orders = page.find(f"#order-{approve} .origin-id").text
        page.shot("orders-origin")
        errors = page.console_errors()

    with api_as(console, DEMO_RISK) as http:
        first = http.get(f"{API}/orders/{approve}").json()
        second = http.get(f"{API}/orders/{reject}").json()
    assert held_by == "MAX_ORDER_QUANTITY"
    assert origin == "agent"
    assert "approved, filled" in approved
    assert (first["status"], Decimal(first["filled_quantity"])) == ("filled", Decimal(2))
    assert (second["status"], second["deny_reasons"]) == ("canceled", ["not this one"])
    assert (origin_in_orders, agent_in_orders) == ("agent", held_orders.agent_id)
    assert errors == [], errors
