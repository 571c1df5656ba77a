"""Helpers of the HTTP core tests: problem assertions, harnesses with settings, order bodies,
orders held for a person."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from adapters.memory.clock import FakeClock
from tests.http.harness import Harness, User, open_harness, test_settings

PROBLEM_JSON = "application/problem+json"


def bearer(token: str) -> dict[str, str]:
    """The headers that send `token` as a bearer token."""
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status and code; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON), response.headers
    body: dict[str, Any] = response.json()
    assert body["status"] == status, body
    assert body["code"] == code, body
    assert body["title"], body
    return body


def field_names(problem: dict[str, Any]) -> set[str]:
    """The fields a VALIDATION_ERROR problem names."""
    return {error["field"] for error in problem.get("errors") or []}


@asynccontextmanager
async def harness_with(clock: FakeClock | None = None, **settings: str) -> AsyncIterator[Harness]:
    """A fresh harness whose settings override the test defaults (BULWARK_<NAME>=value); its
    clock a FakeClock unless given (tests/kit/clocks.py: WallClock, where waits must be real)."""
    harness, client = await open_harness(test_settings(**settings), clock=clock)
    async with client:
        yield harness


def order_body(account_id: str, **fields: Any) -> dict[str, Any]:
    """A small market buy of AAPL unless fields say otherwise."""
    return {"account_id": account_id, "symbol": "AAPL", "side": "buy", "quantity": "10", **fields}


def resting_limit(account_id: str, **fields: Any) -> dict[str, Any]:
    """A buy limit far below AAPL's mark (190): the paper broker keeps it open."""
    return order_body(account_id, order_type="limit", limit_price="100", **fields)


async def submit(
    harness: Harness, user: User | dict[str, str], body: dict[str, Any], **headers: str
) -> httpx.Response:
    base = user.headers if isinstance(user, User) else user
    return await harness.client.post("/api/v1/orders", json=body, headers={**base, **headers})


async def held_order(
    harness: Harness, owner: User, account_id: str, placed_by: dict[str, str] | None = None
) -> dict[str, Any]:
    """A HOLD rule on the account's orders above 5,000 of notional, and an order of 50 AAPL
    (9,500 at 190) it holds, placed with `placed_by`'s headers (the owner's unless given):
    the 202's body."""
    rule = {
        "rule_type": "MAX_ORDER_NOTIONAL",
        "params": {"max_notional": "5000"},
        "action": "hold",
        "account_id": account_id,
    }
    created = await harness.client.post("/api/v1/risk-rules", json=rule, headers=owner.headers)
    assert created.status_code == 201, created.text
    response = await submit(harness, placed_by or owner, order_body(account_id, quantity="50"))
    assert response.status_code == 202, response.text
    body: dict[str, Any] = response.json()
    return body
