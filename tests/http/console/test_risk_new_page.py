"""A new risk rule from the console: previewed against the account's recent orders (nothing
saved), created, its refusals beside their fields."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.core_helpers import order_body, submit
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading", "safety", "market_data", "devices", "console")

NEW = "/console/risk/new"


def _rule(account: str, **fields: str) -> dict[str, str]:
    return {
        "rule_type": "MAX_ORDER_QUANTITY",
        "name": "Small orders",
        "action": "hold",
        "scope": "account",
        "account_id": account,
        "is_active": "on",
        "params": "max_quantity=20",
        "preview_account": account,
        **fields,
    }


async def _rules(harness: Harness, user: User) -> list[dict[str, object]]:
    listed = await harness.client.get("/api/v1/risk-rules", headers=user.headers)
    items: list[dict[str, object]] = listed.json()["items"]
    return items


async def test_the_preview_decides_the_recent_orders_again_and_saves_nothing(
    market: Harness, owner: User
) -> None:
    # Arrange: a small order and a large one, both filled before the rule.
    account = await market.account(owner, "acc-1")
    small = (await submit(market, owner, order_body(account, quantity="10"))).json()["order"]
    large = (await submit(market, owner, order_body(account, quantity="50"))).json()["order"]

    # Act
    async with signed_in(market, owner.username) as client:
        await client.get(NEW)
        preview = await client.post(f"{NEW}/preview", _rule(account))

    # Assert
    assert preview.status_code == 200, preview.text
    assert f'data-order-id="{small["id"]}" data-outcome="approved"' in preview.text
    assert f'data-order-id="{large["id"]}" data-outcome="held"' in preview.text
    assert "1 held" in preview.text and "1 approved" in preview.text
    assert await _rules(market, owner) == []


async def test_a_rule_is_created_and_then_holds_the_large_order(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    async with signed_in(market, owner.username) as client:
        await client.get(NEW)
        created = await client.post(NEW, _rule(account))
    placed = await submit(market, owner, order_body(account, quantity="50"))

    # Assert
    assert created.status_code == 303, created.text
    [rule] = await _rules(market, owner)
    assert created.headers["location"] == f"/console/risk#rule-{rule['id']}"
    assert (rule["rule_type"], rule["action"], rule["params"]) == (
        "MAX_ORDER_QUANTITY",
        "hold",
        {"max_quantity": "20"},
    )
    assert placed.status_code == 202 and placed.json()["order"]["status"] == "held"


async def test_a_rule_that_does_not_validate_is_refused_beside_its_field(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")

    async with signed_in(market, owner.username) as client:
        await client.get(NEW)
        bad_param = await client.post(NEW, _rule(account, params="max_quantity=-5"))
        bad_line = await client.htmx(
            "POST", f"{NEW}/preview", data={**_rule(account, params="max_quantity"), "_csrf": ""}
        )
        bad_type = await client.post(NEW, _rule(account, rule_type="NO_SUCH_RULE"))

    assert bad_param.status_code == 422
    assert 'data-field="params.max_quantity"' in bad_param.text
    assert "max_quantity=-5" in bad_param.text  # what was typed stays
    assert real_status(bad_line) == 422 and 'data-field="params"' in bad_line.text
    assert bad_type.status_code == 422 and 'data-field="rule_type"' in bad_type.text
    assert await _rules(market, owner) == []


async def test_a_global_rule_is_the_desks_and_the_viewer_may_not_post(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    viewer = await market.user(Role.VIEWER)

    async with signed_in(market, owner.username) as client:
        form = await client.get(NEW)
        global_rule = await client.post(NEW, _rule(account, scope="global", account_id=""))
    async with signed_in(market, viewer.username) as client:
        seen = await client.get(NEW)
        by_viewer = await client.post(NEW, _rule(account))

    assert 'value="global"' not in form.text
    assert global_rule.status_code == 403
    assert 'id="create-rule"' not in seen.text
    assert by_viewer.status_code == 403
    assert await _rules(market, owner) == []
