"""`/api/v1/books`: limits over a group of one owner's accounts, judged on the order path
after each account's own gate; owner-scoped, validated, audited."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, order_body, submit
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "books", "privacy", "identity"),
    pytest.mark.shares_app(),
]

BASE = "/api/v1/books"
NO_LIMIT = "INVALID_BOOK_LIMIT"


def limit(kind: str, value: str, instrument: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "limit": value, **({"instrument": instrument} if instrument else {})}


async def new_book(
    harness: Harness, owner: User, members: list[str], *limits: dict[str, Any], **fields: Any
) -> dict[str, Any]:
    body = {"name": "desk", "members": members, "limits": list(limits), **fields}
    response = await harness.client.post(BASE, json=body, headers=owner.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def two_accounts(market: Harness, owner: User) -> tuple[str, str]:
    """Accounts A (holding 100 AAPL at 190: 19,000 of exposure) and B (flat)."""
    a = await market.account(owner, f"{owner.username}-a")
    b = await market.account(owner, f"{owner.username}-b")
    bought = await submit(market, owner, order_body(a, quantity="100"))
    assert bought.status_code == 201, bought.text
    return a, b


async def test_an_order_in_one_account_is_denied_for_exposure_held_in_another(
    market: Harness, owner: User
) -> None:
    # Arrange: 19,000 held in A; the book caps gross exposure at 25,000 over A and B
    a, b = await two_accounts(market, owner)
    await new_book(market, owner, [a, b], limit("GROSS_EXPOSURE", "25000"))

    # Act: 50 AAPL in B (9,500: 28,500 in all), then 30 (5,700: 24,700)
    over = await submit(market, owner, order_body(b, quantity="50"))
    under = await submit(market, owner, order_body(b, quantity="30"))

    # Assert
    denied = assert_problem(over, 422, "ORDER_DENIED")
    assert denied["reasons"] == ["BOOK_GROSS_EXPOSURE"]
    assert under.status_code == 201, under.text


async def test_one_instrument_across_accounts_is_one_position(market: Harness, owner: User) -> None:
    # Arrange: A holds 100 AAPL; the book holds at most 120 AAPL in all
    a, b = await two_accounts(market, owner)
    await new_book(market, owner, [a, b], limit("POSITION", "120", "AAPL"))

    # Act
    over = await submit(market, owner, order_body(b, quantity="30"))
    other = await submit(market, owner, order_body(b, symbol="MSFT", quantity="30"))
    reducing = await submit(market, owner, order_body(a, side="sell", quantity="40"))

    # Assert: 130 AAPL is over; MSFT is not AAPL; selling brings the book back toward zero
    assert assert_problem(over, 422, "ORDER_DENIED")["reasons"] == ["BOOK_POSITION"]
    assert other.status_code == 201, other.text
    assert reducing.status_code == 201, reducing.text


async def test_orders_per_day_count_every_member(market: Harness, owner: User) -> None:
    # Arrange: A's purchase was before the book; the book allows 2 orders a day
    a, b = await two_accounts(market, owner)
    await new_book(market, owner, [a, b], limit("ORDERS_PER_DAY", "2"))

    # Act
    first = await submit(market, owner, order_body(a, quantity="1"))
    second = await submit(market, owner, order_body(b, quantity="1"))
    third = await submit(market, owner, order_body(a, quantity="1"))

    # Assert
    assert first.status_code == 201, first.text
    assert second.status_code == 201, second.text
    assert assert_problem(third, 422, "ORDER_DENIED")["reasons"] == ["BOOK_ORDERS_PER_DAY"]


async def test_a_book_shows_its_aggregate_and_each_limits_use(market: Harness, owner: User) -> None:
    # Arrange
    a, b = await two_accounts(market, owner)
    book = await new_book(
        market, owner, [a, b], limit("GROSS_EXPOSURE", "25000"), limit("POSITION", "500", "AAPL")
    )

    # Act
    response = await market.client.get(f"{BASE}/{book['id']}", headers=owner.headers)

    # Assert: 100 AAPL at 190 in A; 2,000,000 of equity across the two
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["gross"] == "19000.00"
    assert body["equity"] == "2000000.00"
    assert body["unknown"] == []
    assert {m["account_id"]: m["gross"] for m in body["members"]} == {a: "19000.00", b: "0.00"}
    assert [(x["kind"], x["used"]) for x in body["limits"]] == [
        ("GROSS_EXPOSURE", "19000"),
        ("POSITION", "100"),
    ]


async def test_a_deleted_book_no_longer_limits(market: Harness, owner: User) -> None:
    # Arrange
    a, b = await two_accounts(market, owner)
    book = await new_book(market, owner, [a, b], limit("GROSS_EXPOSURE", "20000"))
    denied = await submit(market, owner, order_body(b, quantity="50"))

    # Act
    deleted = await market.client.delete(f"{BASE}/{book['id']}", headers=owner.headers)
    allowed = await submit(market, owner, order_body(b, quantity="50"))

    # Assert
    assert denied.status_code == 422
    assert deleted.status_code == 204
    assert allowed.status_code == 201, allowed.text


async def test_revised_limits_apply_to_the_next_order(market: Harness, owner: User) -> None:
    # Arrange
    a, b = await two_accounts(market, owner)
    book = await new_book(market, owner, [a, b], limit("GROSS_EXPOSURE", "20000"))

    # Act
    revised = await market.client.patch(
        f"{BASE}/{book['id']}",
        json={"limits": [limit("GROSS_EXPOSURE", "40000")]},
        headers=owner.headers,
    )
    allowed = await submit(market, owner, order_body(b, quantity="50"))

    # Assert
    assert revised.status_code == 200, revised.text
    assert revised.json()["limits"][0]["limit"] == "40000"
    assert allowed.status_code == 201, allowed.text


# -- the negatives ----------------------------------------------------------------------


async def test_another_owners_book_and_accounts_answer_404(market: Harness, owner: User) -> None:
    # Arrange
    other = await market.user(name="other-owner")
    a, b = await two_accounts(market, owner)
    book = await new_book(market, owner, [a, b], limit("GROSS_EXPOSURE", "1"))
    theirs = await market.account(other, "other-owner-a")

    # Act
    read = await market.client.get(f"{BASE}/{book['id']}", headers=other.headers)
    changed = await market.client.patch(
        f"{BASE}/{book['id']}", json={"limits": []}, headers=other.headers
    )
    deleted = await market.client.delete(f"{BASE}/{book['id']}", headers=other.headers)
    listed = await market.client.get(BASE, headers=other.headers)
    with_mine = await market.client.post(
        BASE, json={"name": "x", "members": [theirs, a]}, headers=other.headers
    )
    added = await market.client.patch(
        f"{BASE}/{book['id']}", json={"members": [a, b, theirs]}, headers=owner.headers
    )

    # Assert
    for response in (read, changed, deleted, with_mine, added):
        assert_problem(response, 404, "NOT_FOUND")
    assert listed.json()["books"] == []


async def test_agents_and_viewers_may_not_change_books(market: Harness, owner: User) -> None:
    # Arrange
    viewer = await market.user(Role.VIEWER)
    a, _ = await two_accounts(market, owner)

    # Act
    by_viewer = await market.client.post(
        BASE, json={"name": "x", "members": [a]}, headers=viewer.headers
    )

    # Assert
    assert by_viewer.status_code in (403, 404), by_viewer.text


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name": "x", "members": ["a", "a"]}, "INVALID_BOOK"),
        ({"name": "x", "members": [], "limits": [limit("DRAWDOWN", "1.5")]}, "INVALID_BOOK_LIMIT"),
        (
            {"name": "x", "members": [], "limits": [limit("GROSS_EXPOSURE", "-1")]},
            "INVALID_BOOK_LIMIT",
        ),
        (
            {"name": "x", "members": [], "limits": [limit("LEVERAGE", "2", "AAPL")]},
            "INVALID_BOOK_LIMIT",
        ),
        ({"name": "x", "members": [], "currency": "usd"}, "VALIDATION_ERROR"),
        ({"name": "x", "members": [], "limits": [limit("SPEED", "1")]}, "VALIDATION_ERROR"),
    ],
)
async def test_a_book_that_does_not_hold_is_refused_with_its_code(
    harness: Harness, owner: User, body: dict[str, Any], code: str
) -> None:
    # Act
    response = await harness.client.post(BASE, json=body, headers=owner.headers)

    # Assert
    status = 400 if code == "VALIDATION_ERROR" else 422
    assert_problem(response, status, code)


async def test_erasure_deletes_the_persons_books_and_a_reused_name_sees_none(
    market: Harness, owner: User
) -> None:
    # Arrange
    admin = await market.user(Role.ADMIN)
    person = await market.user(name="erased-trader")
    a, b = await two_accounts(market, person)
    await new_book(market, person, [a, b], limit("GROSS_EXPOSURE", "25000"))

    # Act
    erased = await market.client.post(
        f"/api/v1/privacy/users/{person.id}/erasure",
        json={"confirm": person.username},
        headers=admin.headers,
    )
    successor = await market.user(name="erased-trader")
    listed = await market.client.get(BASE, headers=successor.headers)

    # Assert
    assert erased.status_code == 200, erased.text
    assert erased.json()["books_deleted"] == 1
    assert listed.json()["books"] == []
