"""The README's walkthrough as code, run in-process and against a real server process."""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER, DEMO_RISK


class Response(Protocol):
    status_code: int

    def json(self) -> Any: ...

    @property
    def text(self) -> str: ...


class Client(Protocol):
    async def post(self, url: str, **kwargs: Any) -> Response: ...

    async def get(self, url: str, **kwargs: Any) -> Response: ...

    async def patch(self, url: str, **kwargs: Any) -> Response: ...


def _order(side: str = "buy", quantity: str = "10") -> dict[str, str]:
    return {"account_id": DEMO_ACCOUNT, "symbol": "AAPL", "side": side, "quantity": quantity}


async def walkthrough(client: Client) -> list[str]:
    """login -> order accepted -> kill switch -> order denied TRADING_HALTED -> four-eyes resume
    -> order accepted. Returns the steps it saw, asserting each."""
    steps: list[str] = []
    login = await client.post(
        "/api/v1/auth/login",
        json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
    )
    assert login.status_code == 200, login.text
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
    steps.append("login")

    placed = await client.post("/api/v1/orders", json=_order(), headers=auth)
    assert placed.status_code == 201, placed.text
    assert placed.json()["decision"]["approved"] is True
    steps.append(f"order {placed.json()['order']['status']}")

    told = await _notified(client, auth, "order.filled", placed.json()["order"]["id"])
    assert told["data"]["status"] == "filled", told
    steps.append("notified order.filled")
    devices = await client.get("/api/v1/devices", headers=auth)
    assert devices.status_code == 200, devices.text
    assert [d["current"] for d in devices.json()["items"]] == [True], devices.text
    steps.append("device listed")

    halted = await client.post(
        "/api/v1/kill-switch/activate",
        json={
            "passcode": DEMO_OWNER.passcode,
            "scope": {"kind": "account", "id": DEMO_ACCOUNT},
            "flatten": False,
        },
        headers=auth,
    )
    assert halted.status_code in (200, 201), halted.text
    assert halted.json()["broker_confirmed"] is True
    steps.append("kill switch confirmed")

    denied = await client.post("/api/v1/orders", json=_order(), headers=auth)
    assert denied.status_code == 422, denied.text
    assert denied.json()["code"] == "ORDER_DENIED"
    assert "TRADING_HALTED" in denied.json()["reasons"]
    steps.append("order denied TRADING_HALTED")

    alone = await client.post(
        "/api/v1/kill-switch/resume",
        json={"passcode": DEMO_OWNER.passcode, "scope": {"kind": "account", "id": DEMO_ACCOUNT}},
        headers=auth,
    )
    assert alone.status_code == 403, alone.text
    assert alone.json()["code"] == "FOUR_EYES_REQUIRED"
    resumed = await client.post(
        "/api/v1/kill-switch/resume",
        json={
            "passcode": DEMO_OWNER.passcode,
            "scope": {"kind": "account", "id": DEMO_ACCOUNT},
            "approver_username": DEMO_RISK.username,
            "approver_passcode": DEMO_RISK.passcode,
        },
        headers=auth,
    )
    assert resumed.status_code == 200, resumed.text
    steps.append("four-eyes resume")

    again = await client.post("/api/v1/orders", json=_order("sell"), headers=auth)
    assert again.status_code == 201, again.text
    steps.append(f"order {again.json()['order']['status']}")
    return steps


async def _notified(
    client: Client, auth: dict[str, str], kind: str, order_id: str
) -> dict[str, Any]:
    """The in-app notification of `kind` about the order (the inbox may hold others): fills are
    told off the order path, in turns a quarter of a second apart, so it is looked for for up
    to 5 s."""
    for _ in range(50):
        inbox = await client.get("/api/v1/notifications", headers=auth)
        assert inbox.status_code == 200, inbox.text
        found = [
            n
            for n in inbox.json()["items"]
            if n["event_type"] == kind and n["data"].get("order_id") == order_id
        ]
        if found:
            return dict(found[0])
        await asyncio.sleep(0.1)
    raise AssertionError(f"no {kind} notification within 5 s")
