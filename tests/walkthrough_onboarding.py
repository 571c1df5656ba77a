"""The onboarding walkthrough (docs/onboarding.md) as code: a newcomer puts their own paper
account under the gate, imports instruments, backtests a strategy, switches it to paper mode
and watches an agent's signal become a gated STRATEGY order. Run in-process and against a
real server process."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path
from typing import Any

from bootstrap.demo import DEMO_ADMIN, DEMO_OWNER
from tests.walkthrough import Client

API = "/api/v1"
INSTRUMENTS_CSV = (
    Path(__file__).resolve().parent.parent / "data" / "instruments" / ("backtest-symbols.csv")
)
BACKTEST_SYMBOLS = ["ACME", "BOLT", "CRUX", "DYNO", "EPIC", "GRID"]
AGENT = "my-signal-bot"


async def _login(client: Client, username: str, password: str) -> dict[str, str]:
    answer = await client.post(
        f"{API}/auth/login", json={"username": username, "password": password}
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def onboarding(client: Client, *, poll_seconds: float = 0.05) -> list[str]:
    """Returns the steps it saw, asserting each (see docs/onboarding.md)."""
    steps: list[str] = []
    me = await _login(client, DEMO_OWNER.username, DEMO_OWNER.password)

    # 1. my own paper account
    opened = await client.post(
        f"{API}/accounts",
        json={
            "name": "My paper account",
            "broker": "paper",
            "base_currency": "USD",
            "account_type": "taxable",
            "trading_type": "margin",
            "initial_cash": "100000",
        },
        headers=me,
    )
    assert opened.status_code == 201, opened.text
    account_id = opened.json()["id"]
    assert Decimal(opened.json()["cash"]) == 100_000
    steps.append("account opened")

    # 2. instruments (reference data is an admin's: the demo has one)
    admin = await _login(client, DEMO_ADMIN.username, DEMO_ADMIN.password)
    imported = await client.post(
        f"{API}/instruments/import",
        content=INSTRUMENTS_CSV.read_bytes(),
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert imported.status_code == 200, imported.text
    found = await client.get(f"{API}/instruments", params={"q": "ACME"}, headers=me)
    assert [i["symbol"] for i in found.json()["items"]] == ["ACME"], found.text
    steps.append("instruments imported")

    # 3. a strategy, in shadow mode for now: EMA crossovers, and my agent's signals
    created = await client.post(
        f"{API}/strategies",
        json={
            "name": "Trend follower",
            "account_ids": [account_id],
            "sources": [
                {"kind": "pattern", "pattern": "ema_crossover", "timeframe": "1d"},
                {"kind": "external", "name": AGENT},
            ],
            "sizing": {"method": "fixed_fraction", "risk_fraction": "0.01"},
            "entry": {"min_score": 0.5},
            "exit": {"stop_loss_fraction": "0.05", "take_profit_fraction": "0.10"},
            "mode": "shadow",
        },
        headers=me,
    )
    assert created.status_code == 201, created.text
    strategy = created.json()
    steps.append("strategy created (shadow)")

    # 4. a backtest over the shipped daily bars, through the real gate and paper broker
    started = await client.post(
        f"{API}/backtests",
        json={
            "strategy_id": strategy["id"],
            "symbols": BACKTEST_SYMBOLS,
            "from": "2019-06-01",
            "to": "2024-06-30",
            "starting_cash": "100000",
            "commission": {"per_share": "0.005"},
            "slippage_bps": "5",
        },
        headers=me,
    )
    assert started.status_code == 202, started.text
    run = started.json()
    for _ in range(2_000):
        if run["status"] in ("succeeded", "failed", "canceled"):
            break
        await asyncio.sleep(poll_seconds)
        polled = await client.get(f"{API}/backtests/{run['id']}", headers=me)
        assert polled.status_code == 200, polled.text
        run = polled.json()
    assert run["status"] == "succeeded", run
    assert run["percent"] == 100
    result: dict[str, Any] = run["result"]
    assert result["metrics"]["trades"] > 0, result["metrics"]
    assert len(result["equity"]) > 1000  # one point a trading day
    assert result["denied_total"] < result["orders_sent"], result["denied"][:5]
    steps.append("backtest succeeded")

    # 5. paper mode, then my agent (registered on the account) sends a bullish signal
    switched = await client.patch(
        f"{API}/strategies/{strategy['id']}",
        json={"mode": "paper", "version": strategy["version"]},
        headers=me,
    )
    assert switched.status_code == 200, switched.text
    registered = await client.post(
        f"{API}/agents", json={"agent_id": AGENT, "account_ids": [account_id]}, headers=me
    )
    assert registered.status_code == 201, registered.text
    key = await client.post(f"{API}/agents/{AGENT}/keys", json={"label": "bot"}, headers=me)
    assert key.status_code == 201, key.text
    signal = await client.post(
        f"{API}/strategies/signals",
        json={"symbol": "AAPL", "score": 0.8, "id": "onboarding-1"},
        headers={"X-API-Key": key.json()["api_key"]},
    )
    assert signal.status_code in (200, 201, 202), signal.text
    [decision] = signal.json()["decisions"]
    assert (decision["action"], decision["verdict"]) == ("enter", "approved"), decision
    steps.append("signal became a gated order")

    # 6. the order is the strategy's, on my account; the decision log says why
    order = await client.get(f"{API}/orders/{decision['order_id']}", headers=me)
    assert order.status_code == 200, order.text
    assert order.json()["account_id"] == account_id
    assert (order.json()["origin_kind"], order.json()["origin_id"]) == ("strategy", strategy["id"])
    log = await client.get(f"{API}/strategies/{strategy['id']}/decisions", headers=me)
    assert log.json()["items"][0]["order_id"] == decision["order_id"]
    steps.append(f"order {order.json()['status']}")

    # 7. the account's performance: its stored daily equity curve, against a benchmark
    performance = await client.get(
        f"{API}/accounts/{account_id}/performance", params={"benchmark": "SPY"}, headers=me
    )
    assert performance.status_code == 200, performance.text
    return steps
