"""The control inventory through the API: requirements met by the rules configured (and a gap
where they are not), the last breach from a denied order, the kill switch never drilled, books,
the CSV variant; an owner sees only their own, the desk and the viewer every owner's, an agent
is refused and another owner's account answers 404."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, order_body, submit
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "books", "account_rules", "compliance", "identity"),
    pytest.mark.shares_app(),
]

CONTROLS = "/api/v1/compliance/controls"


async def rule(
    harness: Harness, owner: User, rule_type: str, params: dict[str, Any], account: str
) -> None:
    body = {"rule_type": rule_type, "params": params, "action": "block", "account_id": account}
    created = await harness.client.post("/api/v1/risk-rules", json=body, headers=owner.headers)
    assert created.status_code == 201, created.text


async def inventory(harness: Harness, user: User, **params: str) -> dict[str, Any]:
    response = await harness.client.get(CONTROLS, params=params, headers=user.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def requirement(account: dict[str, Any], requirement_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in account["requirements"] if r["id"] == requirement_id)
    return found


def control(judged: dict[str, Any], kind: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in judged["controls"] if c["control"] == kind)
    return found


async def test_erroneous_order_controls_configured_meet_the_requirement_and_show_their_breach(
    market: Harness, owner: User
) -> None:
    # Arrange: price, size and duplicate controls on the account; an order over the size
    account = await market.account(owner, "acc-erroneous")
    await rule(market, owner, "PRICE_COLLAR", {"max_pct": "0.05"}, account)
    await rule(market, owner, "MAX_ORDER_QUANTITY", {"max_quantity": "100"}, account)
    await rule(market, owner, "MAX_ORDER_NOTIONAL", {"max_notional": 250000.5}, account)
    await rule(market, owner, "DUPLICATE_ORDER", {"window_seconds": "5"}, account)
    denied = await submit(market, owner, order_body(account, quantity="500"))
    assert_problem(denied, 422, "ORDER_DENIED")

    # Act
    body = await inventory(market, owner)

    # Assert
    [listed] = body["accounts"]
    judged = requirement(listed, "sec-15c3-5-c1ii")
    assert judged["status"] == "met" and judged["gaps"] == []
    size = control(judged, "MAX_ORDER_QUANTITY")
    assert size["configured"] == "full" and size["last_breach"] is not None
    notional = control(judged, "MAX_ORDER_NOTIONAL")
    assert notional["settings"][0]["values"] == {"max_notional": "250000.5"}
    assert notional["last_breach"] is None
    kill = control(requirement(listed, "rts6-art12"), "KILL_SWITCH")
    assert kill["configured"] == "full" and kill["last_test"] is None


async def test_controls_not_configured_for_the_account_are_a_gap_named(
    market: Harness, owner: User
) -> None:
    # Arrange: an account with no rule of its own
    await market.account(owner, "acc-bare")

    # Act
    body = await inventory(market, owner)

    # Assert
    judged = requirement(body["accounts"][0], "sec-15c3-5-c1ii")
    assert judged["status"] == "gap"
    assert any("PRICE_COLLAR" in gap for gap in judged["gaps"])
    art15 = requirement(body["accounts"][0], "rts6-art15")
    assert any("repeated automated execution throttles" in gap for gap in art15["gaps"])
    assert body["denials_read"] > 0 and body["truncated"] is False


async def test_a_books_limits_count_for_its_members_and_the_book_is_listed(
    market: Harness, owner: User
) -> None:
    # Arrange: two accounts in a book with a gross exposure limit
    a = await market.account(owner, "acc-book-a")
    b = await market.account(owner, "acc-book-b")
    book = {
        "name": "desk", "members": [a, b],
        "limits": [{"kind": "GROSS_EXPOSURE", "limit": "500000"}],
    }  # fmt: skip
    made = await market.client.post("/api/v1/books", json=book, headers=owner.headers)
    assert made.status_code == 201, made.text

    # Act
    body = await inventory(market, owner, account_id=a)

    # Assert
    [listed] = body["accounts"]
    gross = control(requirement(listed, "rts6-art17"), "BOOK_GROSS_EXPOSURE")
    assert gross["configured"] == "full"
    assert gross["settings"][0]["values"]["limit"] == "500000"
    [shown] = body["books"]
    assert shown["members"] == sorted([a, b])
    assert {r["id"] for r in shown["requirements"]} >= {"rts6-art12", "sec-15c3-5-c1i"}


async def test_the_csv_variant_by_format_and_by_accept(market: Harness, owner: User) -> None:
    # Arrange
    acc_csv = await market.account(owner, "acc-csv")

    # Act
    by_format = await market.client.get(CONTROLS, params={"format": "csv"}, headers=owner.headers)
    by_accept = await market.client.get(CONTROLS, headers={**owner.headers, "Accept": "text/csv"})

    # Assert
    assert by_format.headers["content-type"].startswith("text/csv")
    assert by_accept.text == by_format.text
    rows = list(csv.DictReader(io.StringIO(by_format.text)))
    kill = next(
        r for r in rows if r["requirement"] == "rts6-art12" and r["control"] == "KILL_SWITCH"
    )
    assert kill["subject_id"] == acc_csv and kill["last_test"] == "never"


@pytest.mark.own_app("the desk and the viewer see every owner of the instance")
async def test_an_owner_sees_only_their_own_and_the_desk_and_viewer_see_every_owner(
    market: Harness, owner: User
) -> None:
    # Arrange
    other = await market.user()
    acc_mine = await market.account(owner, "acc-mine")
    acc_theirs = await market.account(other, "acc-theirs")
    officer = await market.user(Role.RISK_OFFICER)
    viewer = await market.user(Role.VIEWER)

    # Act
    own = await inventory(market, owner)
    desk = await inventory(market, officer)
    narrowed = await inventory(market, officer, owner_id=other.id)
    observed = await inventory(market, viewer)

    # Assert
    assert [a["account_id"] for a in own["accounts"]] == [acc_mine]
    assert {a["account_id"] for a in desk["accounts"]} == {acc_mine, acc_theirs}
    assert [a["account_id"] for a in narrowed["accounts"]] == [acc_theirs]
    assert {a["account_id"] for a in observed["accounts"]} == {acc_mine, acc_theirs}


async def test_another_owners_account_or_owner_answers_404(market: Harness, owner: User) -> None:
    # Arrange
    other = await market.user()
    theirs = await market.account(other, "acc-other")

    # Act
    by_account = await market.client.get(
        CONTROLS, params={"account_id": theirs}, headers=owner.headers
    )
    by_owner = await market.client.get(
        CONTROLS, params={"owner_id": other.id}, headers=owner.headers
    )

    # Assert
    assert_problem(by_account, 404, "NOT_FOUND")
    assert_problem(by_owner, 404, "NOT_FOUND")


async def test_an_agent_is_refused(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-agent")
    key = await market.agent_key(owner, "bot-1", (account,))

    # Act
    response = await market.client.get(CONTROLS, headers={"X-API-Key": key})

    # Assert
    assert_problem(response, 403, "FORBIDDEN")
