"""What the MCP tests arrange through Bulwark's REST API as people do: the demo owner's agents,
keys, rules and halts, and an order of another owner's."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from bootstrap.demo import DEMO_ACCOUNT, DEMO_ADMIN, DEMO_OWNER
from tests.kit.served import Served, served_settings, serving

_serial = itertools.count(1)
_PAPER_ACCOUNT = {
    "name": "A paper account",
    "broker": "paper",
    "base_currency": "USD",
    "account_type": "taxable",
    "trading_type": "cash",
    "initial_cash": "100000",
}


@dataclass
class AgentKey:
    agent_id: str
    key_id: str
    api_key: str


@dataclass
class Desk:
    """The demo owner at the REST API of a served app (and its admin, for a second owner)."""

    api: str
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=f"{self.api}/api/v1", timeout=30)
        self.client.headers["Authorization"] = (
            f"Bearer {self._login(DEMO_OWNER.username, DEMO_OWNER.password)}"
        )

    def close(self) -> None:
        self.client.close()

    def _login(self, username: str, password: str) -> str:
        answer = httpx.post(
            f"{self.api}/api/v1/auth/login",
            json={"username": username, "password": password},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        token: str = answer.json()["access_token"]
        return token

    def _ok(self, answer: httpx.Response) -> Any:
        assert answer.status_code < 300, answer.text
        return answer.json() if answer.content else None

    def agent(
        self, accounts: tuple[str, ...] = (DEMO_ACCOUNT,), scopes: list[str] | None = None
    ) -> AgentKey:
        """A fresh agent of the demo owner on these of its accounts, with a key (of these
        scopes; every scope an agent may have when None)."""
        agent_id = f"mcp-agent-{next(_serial)}"
        self._ok(
            self.client.post("/agents", json={"agent_id": agent_id, "account_ids": list(accounts)})
        )
        body: dict[str, Any] = (
            {"label": "mcp"} if scopes is None else {"label": "mcp", "scopes": scopes}
        )
        created = self._ok(self.client.post(f"/agents/{agent_id}/keys", json=body))
        return AgentKey(agent_id, created["key_id"], created["api_key"])

    def paper_account(self) -> str:
        """A second paper account of the demo owner's: its id."""
        account = self._ok(self.client.post("/accounts", json=_PAPER_ACCOUNT))
        account_id: str = account["id"]
        return account_id

    def limit_notional(self, agent_id: str, max_notional: str, action: str = "block") -> str:
        """A MAX_ORDER_NOTIONAL rule that binds only this agent's orders (`action`: block,
        warn, reduce or hold)."""
        rule = self._ok(
            self.client.post(
                "/risk-rules",
                json={
                    "rule_type": "MAX_ORDER_NOTIONAL",
                    "params": {"max_notional": max_notional},
                    "scope": "agent",
                    "agent_id": agent_id,
                    "account_id": DEMO_ACCOUNT,
                    "action": action,
                },
            )
        )
        rule_id: str = rule["id"]
        return rule_id

    def halt(self, agent_id: str) -> None:
        """The kill switch pulled on this agent's scope only."""
        self._ok(
            self.client.post(
                "/kill-switch/activate",
                json={"passcode": DEMO_OWNER.passcode, "scope": {"kind": "agent", "id": agent_id}},
            )
        )

    def revoke(self, key: AgentKey) -> None:
        self._ok(self.client.delete(f"/agents/{key.agent_id}/keys/{key.key_id}"))

    def _another_owner(self) -> httpx.Client:
        """A client logged in as a fresh owner (the caller closes it)."""
        name = f"other-owner-{next(_serial)}"
        password = "another-password-1"
        admin = httpx.Client(base_url=f"{self.api}/api/v1", timeout=30)
        admin.headers["Authorization"] = (
            f"Bearer {self._login(DEMO_ADMIN.username, DEMO_ADMIN.password)}"
        )
        with admin:
            self._ok(
                admin.post("/users", json={"username": name, "password": password, "role": "owner"})
            )
        other = httpx.Client(base_url=f"{self.api}/api/v1", timeout=30)
        other.headers["Authorization"] = f"Bearer {self._login(name, password)}"
        return other

    def account_of_another_owner(self) -> str:
        """A paper account another owner opened: its id."""
        with self._another_owner() as other:
            account = self._ok(other.post("/accounts", json=_PAPER_ACCOUNT))
        account_id: str = account["id"]
        return account_id

    def order_of_another_owner(self) -> str:
        """An order placed by another owner on their own account: its id."""
        with self._another_owner() as other:
            account = self._ok(other.post("/accounts", json=_PAPER_ACCOUNT))
            placed = self._ok(
                other.post(
                    "/orders",
                    json={
                        "account_id": account["id"],
                        "symbol": "MSFT",
                        "side": "buy",
                        "quantity": "1",
                    },
                )
            )
        order_id: str = placed["order"]["id"]
        return order_id


# The served demo the agents' ways in (MCP, the Python client) are tested against: one per
# module; each conftest takes these fixtures by name.
@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with serving(
        served_settings(
            "memory://",
            {
                "BULWARK_KILL_SWITCH_LANE": "false",
                "BULWARK_SURVEILLANCE": "off",
                "BULWARK_LOOP_WATCHDOG_MS": "0",
                "BULWARK_GC_FREEZE": "false",
                "BULWARK_COMPUTE_WARMUP": "false",
                "BULWARK_INFERENCE_WARMUP": "false",
            },
        )
    ) as app:
        yield app


@pytest.fixture(scope="module")
def desk(served: Served) -> Iterator[Desk]:
    people = Desk(served.api)
    try:
        yield people
    finally:
        people.close()
