"""A newcomer's strategy on the demo data, over HTTP: a paper strategy follows the demo agent,
the agent's signal becomes a gated STRATEGY order, and once the account is halted the next
signal is a denied decision and no order reaches the broker."""

from __future__ import annotations

import pytest

from bootstrap.demo import DEMO_ACCOUNT, DEMO_AGENT, DEMO_OWNER, load_demo
from tests.http.harness import Harness

pytestmark = pytest.mark.serves("safety", "strategies", "trading")

STRATEGIES = "/api/v1/strategies"


async def test_a_signal_becomes_a_gated_order_and_a_halt_denies_the_next(
    harness: Harness,
) -> None:
    # Arrange: the demo owner's session and the demo agent's key
    demo = await load_demo(harness.container)
    assert demo.agent_key is not None
    agent = {"X-API-Key": demo.agent_key.api_key}
    login = await harness.client.post(
        "/api/v1/auth/login",
        json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
    )
    owner = {"Authorization": f"Bearer {login.json()['access_token']}"}
    created = await harness.client.post(
        STRATEGIES,
        json={
            "name": "follow the demo agent",
            "account_ids": [DEMO_ACCOUNT],
            "sources": [{"kind": "external", "name": DEMO_AGENT, "symbols": ["AAPL"]}],
            "sizing": {"method": "fixed_fraction", "risk_fraction": "0.001"},
            "exit": {"stop_loss_fraction": "0.02", "take_profit_fraction": "0.04"},
            "mode": "paper",
        },
        headers=owner,
    )
    assert created.status_code == 201, created.text
    strategy_id = created.json()["id"]

    # Act 1: a bullish signal
    entered = await harness.client.post(
        f"{STRATEGIES}/signals", json={"symbol": "AAPL", "score": 0.9, "id": "w-1"}, headers=agent
    )

    # Assert 1: approved, and the order is the strategy's
    [decision] = entered.json()["decisions"]
    assert (decision["action"], decision["verdict"]) == ("enter", "approved"), decision
    order = await harness.client.get(f"/api/v1/orders/{decision['order_id']}", headers=owner)
    assert (order.json()["origin_kind"], order.json()["origin_id"]) == ("strategy", strategy_id)

    # Act 2: a second later, the owner halts the account; a bearish signal asks for the exit
    harness.clock.advance(1)
    halted = await harness.client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": DEMO_OWNER.passcode, "scope": {"kind": "account", "id": DEMO_ACCOUNT}},
        headers=owner,
    )
    assert halted.status_code in (200, 201), halted.text
    open_before = await harness.container.core.paper_broker().open_orders(DEMO_ACCOUNT)
    exited = await harness.client.post(
        f"{STRATEGIES}/signals", json={"symbol": "AAPL", "score": -0.9, "id": "w-2"}, headers=agent
    )

    # Assert 2: decided, denied by the gate (halted), nothing new at the broker
    [denied] = exited.json()["decisions"]
    assert (denied["action"], denied["verdict"]) == ("exit", "denied"), denied
    assert any("HALT" in reason for reason in denied["verdict_reasons"]), denied
    assert await harness.container.core.paper_broker().open_orders(DEMO_ACCOUNT) == open_before
    log = await harness.client.get(f"{STRATEGIES}/{strategy_id}/decisions", headers=owner)
    assert [d["verdict"] for d in log.json()["items"]] == ["denied", "approved"]
