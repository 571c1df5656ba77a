"""The execution throttle over HTTP: an agent's key that keeps running into its ORDER_RATE rule
is halted by the kill switch (trigger `throttle`); it cannot resume itself (403); a person
resumes with a risk officer's approval and the agent trades again."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, harness_with, resting_limit, submit
from tests.http.harness import PASSCODE, Harness, User
from tests.http.test_killswitch import EVENTS, RESUME, STATUS

pytestmark = pytest.mark.serves("safety", "trading")

AGENT = "bot-1"
SCOPE = {"kind": "agent", "id": AGENT}
BREACHES = 3


@pytest.fixture
async def throttled() -> AsyncIterator[Harness]:
    """The throttle on (off in the other tests): 3 ORDER_RATE breaches within 60 s."""
    async with harness_with(
        throttle="true", throttle_breaches=str(BREACHES), throttle_window_seconds="60"
    ) as h:
        await h.instrument("AAPL", "190")
        yield h


async def agent_state(h: Harness, owner: User) -> str:
    states = (await h.client.get(STATUS, headers=owner.headers)).json()["scopes"]
    return next((s["state"] for s in states if s["scope"]["key"] == f"agent:{AGENT}"), "active")


async def halted_within(h: Harness, owner: User, seconds: float = 10.0) -> bool:
    """The throttle counts on a task of its own: wait (real time) for its halt."""
    for _ in range(int(seconds / 0.02)):
        if await agent_state(h, owner) == "halted":
            return True
        await asyncio.sleep(0.02)
    return False


async def order(h: Harness, bot: dict[str, str], quantity: int) -> Any:
    return await submit(h, bot, resting_limit("acc-1", quantity=str(quantity)))


async def test_an_agent_past_its_order_rate_again_and_again_is_halted_until_a_person_resumes(
    throttled: Harness,
) -> None:
    # Arrange: the owner's agent on acc-1, limited to one order a second; a risk officer
    h = throttled
    owner = await h.user()
    officer = await h.user(Role.RISK_OFFICER)
    await h.account(owner, "acc-1")
    bot = {"X-API-Key": await h.agent_key(owner, AGENT, ("acc-1",))}
    rule = {
        "rule_type": "ORDER_RATE",
        "params": {"per_second": 1},
        "scope": "agent",
        "agent_id": AGENT,
    }
    created = await h.client.post("/api/v1/risk-rules", json=rule, headers=owner.headers)
    assert created.status_code == 201, created.text

    # Act: three seconds, two orders in each: the second is denied ORDER_RATE every time
    denials = []
    for second in range(BREACHES):
        h.clock.advance(timedelta(seconds=1.1))
        first = await order(h, bot, 2 * second + 1)
        assert first.status_code == 201, first.text
        denials.append(await order(h, bot, 2 * second + 2))
    halted = await halted_within(h, owner)
    h.clock.advance(timedelta(seconds=1.1))
    while_halted = await order(h, bot, 100)
    events = (await h.client.get(EVENTS, headers=owner.headers)).json()["items"]
    body = {"passcode": PASSCODE, "scope": SCOPE}
    by_the_agent = await h.client.post(RESUME, json=body, headers=bot)
    approved = {**body, "approver_username": officer.username, "approver_passcode": PASSCODE}
    by_the_owner = await h.client.post(RESUME, json=approved, headers=owner.headers)
    h.clock.advance(timedelta(seconds=1.1))
    after_resume = await order(h, bot, 101)

    # Assert
    for denied in denials:
        assert assert_problem(denied, 422, "ORDER_DENIED")["reasons"] == ["ORDER_RATE"]
    assert halted
    assert "TRADING_HALTED" in assert_problem(while_halted, 422, "ORDER_DENIED")["reasons"]
    (event,) = [e for e in events if e["scope"]["key"] == f"agent:{AGENT}"]
    assert (event["trigger"], event["triggered_by"]) == ("throttle", "system")
    assert f"{BREACHES} ORDER_RATE breaches within 60s by agent:{AGENT}" in event["reason"]
    assert_problem(by_the_agent, 403, "FORBIDDEN")
    assert by_the_owner.status_code == 200, by_the_owner.text
    assert by_the_owner.json()["state"] == "active"
    assert after_resume.status_code == 201, after_resume.text
