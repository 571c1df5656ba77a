"""The console's held-orders queue: who sees it, who decides, and the refusals."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.core_helpers import held_order
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "console"),
    pytest.mark.shares_app(),
]

HELD = "/console/held"


async def _held_by_agent(market: Harness, owner: User, account: str) -> dict[str, Any]:
    """The agent's order of 50 AAPL (9,500) held by a HOLD rule above 5,000 of notional."""
    key = await market.agent_key(owner, "bot-1", (account,))
    order: dict[str, Any] = (await held_order(market, owner, account, {"X-API-Key": key}))["order"]
    return order


async def test_the_owner_sees_the_agents_held_order_and_approves_it(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    order = await _held_by_agent(market, owner, account)

    # Act
    async with signed_in(market, owner.username) as client:
        queue = await client.get(HELD)
        approved = await client.htmx("POST", f"{HELD}/{order['id']}/approve")
        again = await client.htmx("POST", f"{HELD}/{order['id']}/approve")
        after = await client.get(HELD)
        orders = await client.get("/console/orders")

    # Assert
    assert queue.status_code == 200
    assert f'id="held-{order["id"]}"' in queue.text
    assert "MAX_ORDER_NOTIONAL" in queue.text
    assert 'data-origin="agent"' in queue.text and 'data-channel="api"' in queue.text
    assert f'hx-post="{HELD}/{order["id"]}/approve"' in queue.text
    assert approved.status_code == 200, approved.text
    assert 'data-status="filled"' in approved.text
    assert "approved, filled" in approved.text
    assert "MAX_ORDER_NOTIONAL" not in approved.text  # filled: nothing denied it
    assert real_status(again) == 409 and "ORDER_NOT_HELD" in again.text
    assert f'id="held-{order["id"]}"' not in after.text
    assert "No order is waiting." in after.text
    assert 'data-origin="agent"' in orders.text and "bot-1" in orders.text
    assert '<code class="hold-reason">MAX_ORDER_NOTIONAL</code>' in orders.text
    assert "<code>MAX_ORDER_NOTIONAL</code>" not in orders.text  # not among denial reasons
    assert f'approved by <span class="approver">{owner.username}</span>' in orders.text


async def test_a_rejected_order_is_canceled_with_the_reason(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    order = await _held_by_agent(market, owner, account)
    officer = await market.user(Role.RISK_OFFICER)

    # Act
    async with signed_in(market, officer.username) as client:
        queue = await client.get(HELD)
        rejected = await client.htmx(
            "POST", f"{HELD}/{order['id']}/reject", data={"reason": "too big today"}
        )

    # Assert
    assert f'hx-post="{HELD}/{order["id"]}/reject"' in queue.text
    assert 'data-status="canceled"' in rejected.text and "rejected" in rejected.text
    stored = await market.client.get(f"/api/v1/orders/{order['id']}", headers=owner.headers)
    assert (stored.json()["status"], stored.json()["deny_reasons"]) == (
        "canceled",
        ["too big today"],
    )


async def test_a_viewer_sees_the_queue_without_buttons_and_its_post_is_403(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    order = await _held_by_agent(market, owner, account)
    viewer = await market.user(Role.VIEWER)

    # Act
    async with signed_in(market, viewer.username) as client:
        queue = await client.get(HELD)
        posted = await client.post(f"{HELD}/{order['id']}/approve")

    # Assert
    assert f'id="held-{order["id"]}"' in queue.text
    assert "/approve" not in queue.text and "/reject" not in queue.text
    assert posted.status_code == 403
    stored = await market.client.get(f"/api/v1/orders/{order['id']}", headers=owner.headers)
    assert stored.json()["status"] == "held"


async def test_another_owners_held_order_is_unlisted_and_404(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    order = await _held_by_agent(market, owner, account)
    stranger = await market.user(Role.OWNER)

    # Act
    async with signed_in(market, stranger.username) as client:
        queue = await client.get(HELD)
        approve = await client.post(f"{HELD}/{order['id']}/approve")
        reject = await client.htmx("POST", f"{HELD}/{order['id']}/reject", data={"reason": "x"})

    # Assert
    assert f'id="held-{order["id"]}"' not in queue.text
    assert approve.status_code == 404
    assert real_status(reject) == 404 and "NOT_FOUND" in reject.text
    stored = await market.client.get(f"/api/v1/orders/{order['id']}", headers=owner.headers)
    assert stored.json()["status"] == "held"


async def test_with_four_eyes_the_row_counts_approvals_and_a_second_person_releases(
    four_eyes: Harness,
) -> None:
    # Arrange
    owner = await four_eyes.user(name="olga")
    account = await four_eyes.account(owner, "acc-1")
    order = await _held_by_agent(four_eyes, owner, account)
    await four_eyes.user(Role.RISK_OFFICER, name="rita")
    approve = f"{HELD}/{order['id']}/approve"

    # Act
    async with signed_in(four_eyes, "rita") as rita:
        before = await rita.get(HELD)
        first = await rita.htmx("POST", approve)
        twice = await rita.htmx("POST", approve)
    async with signed_in(four_eyes, "olga") as olga:
        queue = await olga.get(HELD)
        second = await olga.htmx("POST", approve)

    # Assert
    assert "0 of 2 approvals" in before.text
    assert first.status_code == 200, first.text
    assert 'data-status="held"' in first.text
    assert "1 of 2 approvals, by rita" in first.text
    assert real_status(twice) == 409 and "SECOND_APPROVER_REQUIRED" in twice.text
    assert "1 of 2 approvals, by rita" in queue.text
    assert "approved, filled" in second.text
