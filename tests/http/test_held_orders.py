"""Orders held for a person over HTTP: POST answers 202 held, the queue, approve, reject."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, held_order
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading")

ORDERS = "/api/v1/orders"
HELD = f"{ORDERS}/held"


async def test_a_held_order_is_queued_then_approved_and_filled_by_the_paper_broker(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    officer = await market.user(Role.RISK_OFFICER)

    # Act
    placed = await held_order(market, owner, account)
    queue = await market.client.get(HELD, headers=officer.headers)
    order_id = placed["order"]["id"]
    approved = await market.client.post(f"{ORDERS}/{order_id}/approve", headers=officer.headers)
    again = await market.client.post(f"{ORDERS}/{order_id}/approve", headers=owner.headers)

    # Assert
    assert placed["order"]["status"] == "held"
    assert placed["order"]["deny_reasons"] == []
    assert placed["decision"]["holds"] == ["MAX_ORDER_NOTIONAL"]
    assert queue.status_code == 200, queue.text
    [item] = queue.json()["items"]
    assert (item["order"]["id"], item["reasons"]) == (order_id, ["MAX_ORDER_NOTIONAL"])
    assert item["expires_at"] == "2026-01-05T14:45:00Z"
    assert approved.status_code == 200, approved.text
    assert approved.json()["order"]["status"] == "filled"
    assert_problem(again, 409, "ORDER_NOT_HELD")
    after = await market.client.get(HELD, headers=owner.headers)
    assert after.json()["items"] == []


async def test_an_approved_and_filled_order_carries_its_hold_reasons_and_no_deny_reasons(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    officer = await market.user(Role.RISK_OFFICER)
    order_id = (await held_order(market, owner, account))["order"]["id"]
    approved = await market.client.post(f"{ORDERS}/{order_id}/approve", headers=officer.headers)
    assert approved.status_code == 200, approved.text

    # Act
    one = await market.client.get(f"{ORDERS}/{order_id}", headers=owner.headers)
    listed = await market.client.get(ORDERS, headers=owner.headers)

    # Assert: filled, nothing denied it; what held it and who approved it stay with it
    assert one.status_code == 200, one.text
    order = one.json()
    assert order["status"] == "filled"
    assert order["deny_reasons"] == []
    assert order["hold_reasons"] == ["MAX_ORDER_NOTIONAL"]
    [approval] = order["approvals"]
    assert approval["approver_id"] == officer.principal.id
    [item] = [o for o in listed.json()["items"] if o["id"] == order_id]
    assert (item["deny_reasons"], item["hold_reasons"]) == ([], ["MAX_ORDER_NOTIONAL"])


async def test_a_held_order_is_held_not_denied(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    placed = await held_order(market, owner, account)
    queue = await market.client.get(HELD, headers=owner.headers)

    # Assert
    assert (placed["order"]["deny_reasons"], placed["order"]["hold_reasons"]) == (
        [],
        ["MAX_ORDER_NOTIONAL"],
    )
    [item] = queue.json()["items"]
    assert item["reasons"] == item["order"]["hold_reasons"] == ["MAX_ORDER_NOTIONAL"]
    assert item["order"]["deny_reasons"] == []


async def test_a_held_order_a_block_rule_denies_on_approval_keeps_its_hold_reasons(
    market: Harness, owner: User
) -> None:
    # Arrange: after the hold, a BLOCK cap on the quantity is set (the order is 50)
    account = await market.account(owner, "acc-1")
    order_id = (await held_order(market, owner, account))["order"]["id"]
    rule = {
        "rule_type": "MAX_ORDER_QUANTITY",
        "params": {"max_quantity": "10"},
        "action": "block",
        "account_id": account,
    }
    created = await market.client.post("/api/v1/risk-rules", json=rule, headers=owner.headers)
    assert created.status_code == 201, created.text

    # Act
    denied = await market.client.post(f"{ORDERS}/{order_id}/approve", headers=owner.headers)

    # Assert
    body = assert_problem(denied, 422, "ORDER_DENIED")
    assert body["reasons"] == ["MAX_ORDER_QUANTITY"]
    stored = (await market.client.get(f"{ORDERS}/{order_id}", headers=owner.headers)).json()
    assert stored["status"] == "denied"
    assert (stored["deny_reasons"], stored["hold_reasons"]) == (
        ["MAX_ORDER_QUANTITY"],
        ["MAX_ORDER_NOTIONAL"],
    )


async def test_a_rejected_order_is_canceled_with_the_reason(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    order_id = (await held_order(market, owner, account))["order"]["id"]

    # Act
    empty = await market.client.post(
        f"{ORDERS}/{order_id}/reject", json={"reason": ""}, headers=owner.headers
    )
    rejected = await market.client.post(
        f"{ORDERS}/{order_id}/reject", json={"reason": "not today"}, headers=owner.headers
    )

    # Assert
    assert_problem(empty, 400, "VALIDATION_ERROR")
    assert rejected.status_code == 200, rejected.text
    assert (rejected.json()["status"], rejected.json()["deny_reasons"]) == (
        "canceled",
        ["not today"],
    )
    assert rejected.json()["hold_reasons"] == ["MAX_ORDER_NOTIONAL"]


async def test_another_owners_held_order_is_404_and_unlisted(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    stranger = await market.user()
    order_id = (await held_order(market, owner, account))["order"]["id"]

    # Act
    queue = await market.client.get(HELD, headers=stranger.headers)
    approve = await market.client.post(f"{ORDERS}/{order_id}/approve", headers=stranger.headers)
    reject = await market.client.post(
        f"{ORDERS}/{order_id}/reject", json={"reason": "mine now"}, headers=stranger.headers
    )

    # Assert
    assert queue.json()["items"] == []
    assert_problem(approve, 404, "NOT_FOUND")
    assert_problem(reject, 404, "NOT_FOUND")


async def test_a_viewer_and_an_agent_cannot_approve(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    viewer = await market.user(Role.VIEWER)
    agent = {"X-API-Key": await market.agent_key(owner, "bot-1", (account,))}
    order_id = (await held_order(market, owner, account))["order"]["id"]

    # Act
    by_viewer = await market.client.post(f"{ORDERS}/{order_id}/approve", headers=viewer.headers)
    by_agent = await market.client.post(f"{ORDERS}/{order_id}/approve", headers=agent)
    agent_queue = await market.client.get(HELD, headers=agent)

    # Assert
    assert_problem(by_viewer, 403, "FORBIDDEN")
    assert_problem(by_agent, 403, "INSUFFICIENT_SCOPE")  # approve is never an agent's scope
    assert_problem(agent_queue, 403, "FORBIDDEN")


async def test_an_expired_hold_cannot_be_approved(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    order_id = (await held_order(market, owner, account))["order"]["id"]
    market.clock.advance(16 * 60)  # past the 15 min hold (and the access token: log in again)
    headers = {"Authorization": f"Bearer {(await market.login(owner.username))['access_token']}"}

    # Act
    response = await market.client.post(f"{ORDERS}/{order_id}/approve", headers=headers)

    # Assert
    assert_problem(response, 409, "HOLD_EXPIRED")
    stored = await market.client.get(f"{ORDERS}/{order_id}", headers=headers)
    assert stored.json()["status"] == "expired"
    assert (stored.json()["deny_reasons"], stored.json()["hold_reasons"]) == (
        [],
        ["MAX_ORDER_NOTIONAL"],
    )


async def test_with_four_eyes_two_different_people_approve(four_eyes: Harness) -> None:
    # Arrange
    owner = await four_eyes.user(name="olga")
    account = await four_eyes.account(owner, "acc-1")
    officer = await four_eyes.user(Role.RISK_OFFICER, name="rita")
    order_id = (await held_order(four_eyes, owner, account))["order"]["id"]

    # Act
    first = await four_eyes.client.post(f"{ORDERS}/{order_id}/approve", headers=officer.headers)
    twice = await four_eyes.client.post(f"{ORDERS}/{order_id}/approve", headers=officer.headers)
    queue = await four_eyes.client.get(HELD, headers=owner.headers)
    second = await four_eyes.client.post(f"{ORDERS}/{order_id}/approve", headers=owner.headers)

    # Assert: the first approval is recorded, the order still held, one more needed
    assert first.status_code == 202, first.text
    body = first.json()
    assert body["order"]["status"] == "held"
    assert (body["approvals_required"], body["approvals_missing"]) == (2, 1)
    [approval] = body["approvals"]
    assert (approval["approver_id"], approval["name"]) == (officer.principal.id, "rita")
    assert approval["at"] == "2026-01-05T14:30:00Z"
    assert_problem(twice, 409, "SECOND_APPROVER_REQUIRED")
    [item] = queue.json()["items"]
    assert [a["name"] for a in item["approvals"]] == ["rita"]
    assert item["approvals_missing"] == 1
    assert second.status_code == 200, second.text
    assert second.json()["order"]["status"] == "filled"


async def test_with_four_eyes_one_rejection_after_an_approval_rejects(four_eyes: Harness) -> None:
    # Arrange
    owner = await four_eyes.user()
    account = await four_eyes.account(owner, "acc-1")
    officer = await four_eyes.user(Role.RISK_OFFICER)
    order_id = (await held_order(four_eyes, owner, account))["order"]["id"]
    first = await four_eyes.client.post(f"{ORDERS}/{order_id}/approve", headers=officer.headers)

    # Act
    rejected = await four_eyes.client.post(
        f"{ORDERS}/{order_id}/reject", json={"reason": "no"}, headers=owner.headers
    )
    late = await four_eyes.client.post(f"{ORDERS}/{order_id}/approve", headers=owner.headers)

    # Assert
    assert first.status_code == 202, first.text
    assert rejected.json()["status"] == "canceled"
    assert_problem(late, 409, "ORDER_NOT_HELD")
