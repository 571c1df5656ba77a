"""HTTP kill switch: activation at the paper broker, passcodes, scope access, four-eyes resume."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names, held_order
from tests.http.harness import PASSCODE, Harness, User

pytestmark = pytest.mark.serves("review", "safety", "trading")

ACTIVATE = "/api/v1/kill-switch/activate"
RESUME = "/api/v1/kill-switch/resume"
STATUS = "/api/v1/kill-switch/status"
EVENTS = "/api/v1/kill-switch/events"


def account_scope(account_id: str) -> dict[str, str]:
    return {"kind": "account", "id": account_id}


async def resting_order(h: Harness, user: User, account_id: str) -> Any:
    """A limit buy far below the market: it rests open at the paper broker."""
    response = await h.client.post(
        "/api/v1/orders",
        json={
            "account_id": account_id,
            "symbol": "AAPL",
            "side": "buy",
            "quantity": "1",
            "order_type": "limit",
            "limit_price": "100",
            "time_in_force": "gtc",
        },
        headers=user.headers,
    )
    assert response.status_code == 201, response.text
    return response


async def activate(h: Harness, user: User, scope: dict[str, str], **extra: Any) -> Any:
    body = {"passcode": PASSCODE, "scope": scope, **extra}
    return await h.client.post(ACTIVATE, json=body, headers=user.headers)


async def resume(
    h: Harness,
    user: User,
    approver: str,
    account_id: str = "acc-1",
    *,
    passcode: str = PASSCODE,
    approver_passcode: str = PASSCODE,
    **extra: Any,
) -> Any:
    """`user` resumes the account's scope with `approver`'s four-eyes approval."""
    body = {
        "passcode": passcode,
        "scope": account_scope(account_id),
        "approver_username": approver,
        "approver_passcode": approver_passcode,
        **extra,
    }
    return await h.client.post(RESUME, json=body, headers=user.headers)


async def halted_account(h: Harness, owner: User, account_id: str = "acc-1") -> str:
    await h.account(owner, account_id)
    response = await activate(h, owner, account_scope(account_id))
    assert response.status_code == 201, response.text
    return account_id


# -- activate ---------------------------------------------------------------------------


async def test_activate_cancels_open_orders_at_the_broker_and_confirms(
    market: Harness, owner: User
) -> None:
    await market.account(owner, "acc-1")
    await resting_order(market, owner, "acc-1")
    await resting_order(market, owner, "acc-1")
    broker = market.container.core.paper_broker()
    assert len(await broker.open_orders("acc-1")) == 2

    response = await activate(market, owner, account_scope("acc-1"), reason="runaway strategy")

    assert response.status_code == 201, response.text
    event = response.json()
    assert event["orders_cancelled"] == 2
    assert event["broker_confirmed"] is True
    assert event["trigger"] == "manual"
    assert event["triggered_by"] == owner.id
    assert event["reason"] == "runaway strategy"
    assert event["scope"] == {"kind": "account", "id": "acc-1", "key": "account:acc-1"}
    [outcome] = event["brokers"]
    assert outcome["broker"] == "paper"
    assert outcome["accounts"] == ["acc-1"]
    assert outcome["confirmed"] is True
    assert outcome["remaining_open"] == 0
    assert event["triggered_at"] and event["confirmed_at"]
    assert await broker.open_orders("acc-1") == []


async def test_orders_after_activation_are_denied_trading_halted(
    market: Harness, owner: User
) -> None:
    await halted_account(market, owner)

    response = await market.client.post(
        "/api/v1/orders",
        json={"account_id": "acc-1", "symbol": "AAPL", "side": "buy", "quantity": "1"},
        headers=owner.headers,
    )

    body = assert_problem(response, 422, "ORDER_DENIED")
    assert "TRADING_HALTED" in body["reasons"]
    assert await market.container.core.paper_broker().open_orders("acc-1") == []


async def held_order_ended_by_the_halt(h: Harness) -> None:
    """An owner's order held for approval, the account halted over REST, resumed with a risk
    officer's approval: the held order is rejected TRADING_HALTED, counted in the verdict (as
    the activation answers and as the store keeps it), and cannot be approved after the
    resume (409 ORDER_NOT_HELD)."""
    owner = await h.user()
    officer = await h.user(Role.RISK_OFFICER)
    await h.account(owner, "acc-1")
    order_id = (await held_order(h, owner, "acc-1"))["order"]["id"]

    halted = await activate(h, owner, account_scope("acc-1"))
    resumed = await resume(h, owner, officer.username)
    approve = await h.client.post(f"/api/v1/orders/{order_id}/approve", headers=officer.headers)
    order = await h.client.get(f"/api/v1/orders/{order_id}", headers=owner.headers)
    events = await h.client.get(EVENTS, headers=owner.headers)
    queue = await h.client.get("/api/v1/orders/held", headers=officer.headers)

    assert halted.status_code == 201, halted.text
    assert (halted.json()["held_rejected"], halted.json()["orders_cancelled"]) == (1, 0)
    assert resumed.status_code == 200, resumed.text
    assert_problem(approve, 409, "ORDER_NOT_HELD")
    assert (order.json()["status"], order.json()["deny_reasons"]) == (
        "canceled",
        ["TRADING_HALTED"],
    )
    assert [e["held_rejected"] for e in events.json()["items"]] == [1]
    assert queue.json()["items"] == []
    entries = await h.container.core.audit().entries(f"order:{order_id}")
    assert [(e.actor, e.action, e.outcome) for e in entries] == [
        (officer.id, "order.approve", "ORDER_NOT_HELD"),
        (owner.id, "order.reject", "canceled"),
    ]
    assert await h.container.core.paper_broker().open_orders("acc-1") == []


async def test_activation_rejects_the_accounts_held_orders_for_good(market: Harness) -> None:
    await held_order_ended_by_the_halt(market)


async def test_wrong_passcode_is_refused_and_audited(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")

    response = await harness.client.post(
        ACTIVATE,
        json={"passcode": "not-my-passcode", "scope": account_scope("acc-1")},
        headers=owner.headers,
    )

    assert_problem(response, 403, "WRONG_PASSCODE")
    entries = await harness.container.core.audit().entries(owner.id)
    [entry] = [e for e in entries if e.action == "kill_switch.activate"]
    assert entry.outcome == "refused: wrong passcode"
    assert "not-my-passcode" not in repr(entry)
    assert await harness.container.safety.killswitch().events() == []


async def test_repeated_wrong_passcodes_lock_activation(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    wrong = {"passcode": "wrong-passcode", "scope": account_scope("acc-1")}
    for _ in range(5):
        assert_problem(
            await harness.client.post(ACTIVATE, json=wrong, headers=owner.headers),
            403,
            "WRONG_PASSCODE",
        )

    response = await activate(harness, owner, account_scope("acc-1"))

    assert_problem(response, 423, "KILL_SWITCH_LOCKED")


async def test_global_scope_is_for_risk_officers_only(harness: Harness, owner: User) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    await harness.account(owner, "acc-1")

    refused = await activate(harness, owner, {"kind": "global"})
    accepted = await activate(harness, officer, {"kind": "global", "id": "*"})

    assert_problem(refused, 403, "FORBIDDEN")
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["scope"]["key"] == "global:*"
    assert accepted.json()["brokers"][0]["accounts"] == ["acc-1"]


async def test_another_users_account_or_agent_is_not_found(harness: Harness, owner: User) -> None:
    other = await harness.user()
    await harness.account(other, "acc-other")
    await harness.agent_key(other, "bot-other", ("acc-other",))

    on_account = await activate(harness, owner, account_scope("acc-other"))
    on_agent = await activate(harness, owner, {"kind": "agent", "id": "bot-other"})

    assert_problem(on_account, 404, "NOT_FOUND")
    assert_problem(on_agent, 404, "NOT_FOUND")
    assert await harness.container.safety.killswitch().events() == []


async def test_agent_scope_cancels_only_that_agents_orders(market: Harness, owner: User) -> None:
    await market.account(owner, "acc-1")
    key = await market.agent_key(owner, "bot-1", ("acc-1",))
    bot = {"X-API-Key": key}
    await resting_order(market, owner, "acc-1")
    agent_order = await market.client.post(
        "/api/v1/orders",
        json={
            "account_id": "acc-1",
            "symbol": "AAPL",
            "side": "buy",
            "quantity": "1",
            "order_type": "limit",
            "limit_price": "101",
            "time_in_force": "gtc",
        },
        headers=bot,
    )
    assert agent_order.status_code == 201, agent_order.text

    response = await activate(market, owner, {"kind": "agent", "id": "bot-1"})

    assert response.status_code == 201, response.text
    assert response.json()["orders_cancelled"] == 1
    assert response.json()["broker_confirmed"] is True
    [left] = await market.container.core.paper_broker().open_orders("acc-1")
    assert left.limit_price == 100


async def test_activation_needs_a_token_and_a_person(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "bot-1", ("acc-1",))
    body = {"passcode": PASSCODE, "scope": account_scope("acc-1")}

    anonymous = await harness.client.post(ACTIVATE, json=body)
    agent = await harness.client.post(ACTIVATE, json=body, headers={"X-API-Key": key})

    assert_problem(anonymous, 401, "UNAUTHENTICATED")
    assert_problem(agent, 403, "FORBIDDEN")


async def test_invalid_bodies_name_the_field(harness: Harness, owner: User) -> None:
    cases = [
        ({"passcode": PASSCODE, "scope": account_scope("a"), "force": True}, "force"),
        ({"passcode": PASSCODE, "scope": {"kind": "planet", "id": "x"}}, "scope.kind"),
        ({"passcode": PASSCODE, "scope": {"kind": "account"}}, "id"),
        ({"passcode": PASSCODE, "scope": {"kind": "global", "id": "acc-1"}}, "scope.id"),
        ({"passcode": PASSCODE, "scope": account_scope("a"), "flatten": "yes"}, "flatten"),
        ({"scope": account_scope("a")}, "passcode"),
    ]
    for body, field in cases:
        response = await harness.client.post(ACTIVATE, json=body, headers=owner.headers)

        error = assert_problem(response, 400, "VALIDATION_ERROR")
        assert field in field_names(error), (body, error)


# -- resume -----------------------------------------------------------------------------


async def test_resume_without_four_eyes_is_refused(harness: Harness, owner: User) -> None:
    await halted_account(harness, owner)

    response = await harness.client.post(
        RESUME,
        json={"passcode": PASSCODE, "scope": account_scope("acc-1")},
        headers=owner.headers,
    )

    assert_problem(response, 403, "FOUR_EYES_REQUIRED")
    [state] = (await harness.client.get(STATUS, headers=owner.headers)).json()["scopes"][1:]
    assert state["state"] == "halted"


async def test_resume_with_a_risk_officers_approval_reopens_trading(
    market: Harness, owner: User
) -> None:
    officer = await market.user(Role.RISK_OFFICER)
    await halted_account(market, owner)

    response = await resume(market, owner, officer.username)

    assert response.status_code == 200, response.text
    assert response.json()["state"] == "active"
    assert response.json()["changed_by"] == owner.id
    order = await resting_order(market, owner, "acc-1")
    assert order.json()["order"]["status"] != "denied"
    # (the order's own `order.placed` entry may land first: written off the order path)
    entries = await market.container.core.audit().entries("account:acc-1")
    [entry, *_] = [e for e in entries if e.action.startswith("kill_switch.")]
    assert (entry.action, entry.outcome) == ("kill_switch.resume", "ok")
    assert entry.details["approver"] == officer.id


async def test_resume_to_reducing(harness: Harness, owner: User) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    await halted_account(harness, owner)

    response = await resume(harness, owner, officer.username, to_state="reducing")

    assert response.status_code == 200, response.text
    assert response.json()["state"] == "reducing"


async def test_resume_approver_must_be_a_real_different_risk_officer(
    harness: Harness, owner: User
) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    trader = await harness.user(Role.TRADER)
    await halted_account(harness, owner)

    assert_problem(await resume(harness, owner, trader.username), 403, "FOUR_EYES_REQUIRED")
    assert_problem(await resume(harness, owner, owner.username), 403, "FOUR_EYES_REQUIRED")
    assert_problem(await resume(harness, owner, "nobody-here"), 403, "FOUR_EYES_REQUIRED")
    wrong = await resume(harness, owner, officer.username, approver_passcode="wrong-passcode")
    assert_problem(wrong, 403, "WRONG_PASSCODE")
    states = await harness.container.safety.killswitch().status()
    assert [s.state.value for s in states] == ["halted"]


async def test_resume_checks_the_callers_passcode_first(harness: Harness, owner: User) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    await halted_account(harness, owner)

    response = await resume(harness, owner, officer.username, passcode="wrong-passcode")

    assert_problem(response, 403, "WRONG_PASSCODE")


async def test_resume_of_another_users_account_is_not_found(harness: Harness, owner: User) -> None:
    other = await harness.user()
    officer = await harness.user(Role.RISK_OFFICER)
    await halted_account(harness, other, "acc-other")

    response = await resume(harness, owner, officer.username, "acc-other")

    assert_problem(response, 404, "NOT_FOUND")


async def test_resume_rejects_unknown_fields_and_states(harness: Harness, owner: User) -> None:
    base = {"passcode": PASSCODE, "scope": account_scope("acc-1")}

    halted = await harness.client.post(
        RESUME, json={**base, "to_state": "halted"}, headers=owner.headers
    )
    unknown = await harness.client.post(
        RESUME, json={**base, "approver": "x"}, headers=owner.headers
    )
    anonymous = await harness.client.post(RESUME, json=base)

    assert "to_state" in field_names(assert_problem(halted, 400, "VALIDATION_ERROR"))
    assert "approver" in field_names(assert_problem(unknown, 400, "VALIDATION_ERROR"))
    assert_problem(anonymous, 401, "UNAUTHENTICATED")


# -- status and events -----------------------------------------------------------------


async def test_status_shows_global_and_the_callers_own_scopes(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    await harness.account(owner, "acc-1")
    await harness.agent_key(owner, "bot-1", ("acc-1",))
    await halted_account(harness, other, "acc-other")

    response = await harness.client.get(STATUS, headers=owner.headers)

    assert response.status_code == 200, response.text
    states = {s["scope"]["key"]: s["state"] for s in response.json()["scopes"]}
    assert states == {"global:*": "active", "account:acc-1": "active", "agent:bot-1": "active"}


async def test_supervisors_see_every_halted_scope(harness: Harness, owner: User) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    await halted_account(harness, owner)

    response = await harness.client.get(STATUS, headers=officer.headers)

    states = {s["scope"]["key"]: s for s in response.json()["scopes"]}
    assert states["global:*"]["state"] == "active"
    assert states["account:acc-1"]["state"] == "halted"
    assert states["account:acc-1"]["changed_by"] == owner.id


async def test_an_agent_sees_itself_and_its_accounts(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    await harness.account(owner, "acc-2")
    key = await harness.agent_key(owner, "bot-1", ("acc-1",))

    response = await harness.client.get(STATUS, headers={"X-API-Key": key})

    keys = [s["scope"]["key"] for s in response.json()["scopes"]]
    assert keys == ["global:*", "account:acc-1", "agent:bot-1"]


async def test_events_are_scoped_to_the_caller_and_newest_first(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    officer = await harness.user(Role.RISK_OFFICER)
    await halted_account(harness, other, "acc-other")
    await halted_account(harness, owner, "acc-1")
    harness.clock.advance(5)
    await harness.account(owner, "acc-2")
    assert (await activate(harness, owner, account_scope("acc-2"))).status_code == 201

    mine = await harness.client.get(EVENTS, headers=owner.headers)
    latest = await harness.client.get(EVENTS, params={"limit": 1}, headers=owner.headers)
    everything = await harness.client.get(EVENTS, headers=officer.headers)

    assert [e["scope"]["id"] for e in mine.json()["items"]] == ["acc-2", "acc-1"]
    assert [e["scope"]["id"] for e in latest.json()["items"]] == ["acc-2"]
    assert len(everything.json()["items"]) == 3


async def test_events_limit_is_validated_and_needs_a_token(harness: Harness, owner: User) -> None:
    bad = await harness.client.get(EVENTS, params={"limit": 0}, headers=owner.headers)
    anonymous = await harness.client.get(EVENTS)

    assert "limit" in field_names(assert_problem(bad, 400, "VALIDATION_ERROR"))
    assert_problem(anonymous, 401, "UNAUTHENTICATED")
