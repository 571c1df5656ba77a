"""`POST/PATCH /api/v1/accounts`, close and archive: owner-scoped, validated, gated once closed."""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names, harness_with, order_body, submit
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("analytics", "keys", "trading"), pytest.mark.shares_app()]

BASE = "/api/v1/accounts"


def paper(**fields: Any) -> dict[str, Any]:
    return {
        "name": "My paper account",
        "broker": "paper",
        "base_currency": "USD",
        "account_type": "taxable",
        "trading_type": "margin",
        "initial_cash": "100000",
        **fields,
    }


async def open_account(harness: Harness, user: User, **fields: Any) -> dict[str, Any]:
    response = await harness.client.post(BASE, json=paper(**fields), headers=user.headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def allow_one_sector(harness: Harness, owner: User) -> None:
    rule = {"rule_type": "SECTOR_CONCENTRATION", "params": {"max_pct": "1"}}
    response = await harness.client.post("/api/v1/risk-rules", json=rule, headers=owner.headers)
    assert response.status_code == 201, response.text


async def test_a_paper_account_is_created_with_its_profile_and_location(
    harness: Harness, owner: User
) -> None:
    # Act
    response = await harness.client.post(
        BASE,
        json=paper(name="  Roth  ", account_type="roth_ira", trading_type="cash"),
        headers=owner.headers,
    )
    fetched = await harness.client.get(response.headers["location"], headers=owner.headers)

    # Assert
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"{BASE}/{body['id']}"
    assert {k: body[k] for k in ("name", "account_type", "trading_type", "status")} == {
        "name": "Roth",
        "account_type": "roth_ira",
        "trading_type": "cash",
        "status": "open",
    }
    assert (body["owner_id"], body["broker"], body["cash"], body["currency"]) == (
        owner.id,
        "paper",
        "100000.00",
        "USD",
    )
    assert body["buying_power"] == "100000.00"  # a cash account: its cash, no margin credit
    assert body["created_at"] == harness.clock.now().isoformat().replace("+00:00", "Z")
    assert fetched.status_code == 200 and fetched.json() == body


async def test_the_new_paper_account_trades_at_once(market: Harness, owner: User) -> None:
    # Arrange
    account = await open_account(market, owner)

    # Act
    response = await submit(market, owner, order_body(account["id"]))

    # Assert
    assert response.status_code == 201, response.text
    assert response.json()["order"]["status"] == "filled"


@pytest.mark.parametrize(
    ("change", "status", "code", "field"),
    [
        ({"initial_cash": None}, 422, "INVALID_ACCOUNT", "initial_cash"),
        ({"name": ""}, 400, "VALIDATION_ERROR", "name"),
        ({"name": "x" * 101}, 400, "VALIDATION_ERROR", "name"),
        ({"broker": "nosuchbroker"}, 400, "VALIDATION_ERROR", "broker"),
        ({"base_currency": "usd"}, 400, "VALIDATION_ERROR", "base_currency"),
        ({"account_type": "brokerage"}, 400, "VALIDATION_ERROR", "account_type"),
        ({"trading_type": "futures"}, 400, "VALIDATION_ERROR", "trading_type"),
        ({"initial_cash": "-5"}, 400, "VALIDATION_ERROR", "initial_cash"),
        ({"initial_cash": "1e16"}, 400, "VALIDATION_ERROR", "initial_cash"),
        ({"colour": "red"}, 400, "VALIDATION_ERROR", "colour"),
    ],
)
async def test_a_bad_new_account_is_refused_naming_the_field(
    harness: Harness, owner: User, change: dict[str, Any], status: int, code: str, field: str
) -> None:
    # Arrange
    body = {k: v for k, v in paper(**change).items() if v is not None}

    # Act
    response = await harness.client.post(BASE, json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(response, status, code)
    assert field in field_names(problem) or field in problem["detail"]
    listed = await harness.client.get(BASE, headers=owner.headers)
    assert listed.json()["items"] == []


async def test_an_alpaca_account_takes_no_initial_cash_and_needs_alpaca_configured(
    harness: Harness, owner: User
) -> None:
    # Act
    with_cash = await harness.client.post(BASE, json=paper(broker="alpaca"), headers=owner.headers)

    # Assert
    assert field_names(assert_problem(with_cash, 422, "INVALID_ACCOUNT")) == {"initial_cash"}
    body = {k: v for k, v in paper(broker="alpaca").items() if k != "initial_cash"}
    refused = await harness.client.post(BASE, json=body, headers=owner.headers)
    problem = assert_problem(refused, 409, "CAPABILITY_NOT_CONFIGURED")
    assert problem["settings"] == ["BULWARK_BROKER"]
    assert "BULWARK_BROKER=alpaca" in problem["detail"]


async def test_an_alpaca_account_opens_with_no_cash_when_alpaca_is_configured() -> None:
    async with harness_with(broker="alpaca", alpaca_trading_url="http://127.0.0.1:9") as h:
        # Arrange
        owner = await h.user()
        body = {k: v for k, v in paper(broker="alpaca").items() if k != "initial_cash"}

        # Act
        response = await h.client.post(BASE, json=body, headers=owner.headers)

        # Assert
        assert response.status_code == 201, response.text
        assert (response.json()["broker"], response.json()["cash"]) == ("alpaca", "0.00")


async def test_agents_may_not_open_or_change_accounts(harness: Harness, owner: User) -> None:
    # Arrange
    account = await open_account(harness, owner)
    key = {"X-API-Key": await harness.agent_key(owner, "bot-1", (account["id"],))}

    # Act
    answers = [
        await harness.client.post(BASE, json=paper(), headers=key),
        await harness.client.patch(f"{BASE}/{account['id']}", json={"name": "x"}, headers=key),
        await harness.client.post(f"{BASE}/{account['id']}/close", headers=key),
    ]

    # Assert
    assert [a.status_code for a in answers] == [403, 403, 403]


async def test_patch_renames_and_sets_the_target_allocation(harness: Harness, owner: User) -> None:
    # Arrange
    account = await open_account(harness, owner)

    # Act
    response = await harness.client.patch(
        f"{BASE}/{account['id']}",
        json={"name": "Core", "target_allocation": {"vti": "0.6", "BND": "0.3"}},
        headers=owner.headers,
    )
    renamed_only = await harness.client.patch(
        f"{BASE}/{account['id']}", json={"name": "Core 2"}, headers=owner.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "Core"
    assert response.json()["target_allocation"] == {"VTI": "0.6000000000", "BND": "0.3000000000"}
    assert renamed_only.json()["target_allocation"] == {
        "VTI": "0.6000000000",
        "BND": "0.3000000000",
    }
    assert renamed_only.json()["name"] == "Core 2"


@pytest.mark.parametrize(
    ("allocation", "status", "code"),
    [
        ({"VTI": "0.7", "BND": "0.4"}, 422, "INVALID_ACCOUNT"),  # sums to 1.1
        ({"VTI": "1.5"}, 400, "VALIDATION_ERROR"),
        ({"VTI": "-0.1"}, 400, "VALIDATION_ERROR"),
        ({"VTI": "NaN"}, 400, "VALIDATION_ERROR"),
        ({"a b": "0.1"}, 400, "VALIDATION_ERROR"),
    ],
)
async def test_a_bad_target_allocation_is_refused(
    harness: Harness, owner: User, allocation: dict[str, Any], status: int, code: str
) -> None:
    # Arrange
    account = await open_account(harness, owner)

    # Act
    response = await harness.client.patch(
        f"{BASE}/{account['id']}", json={"target_allocation": allocation}, headers=owner.headers
    )

    # Assert
    problem = assert_problem(response, status, code)
    assert "target_allocation" in str(problem)
    fetched = await harness.client.get(f"{BASE}/{account['id']}", headers=owner.headers)
    assert fetched.json()["target_allocation"] == {}


async def test_another_users_account_answers_404_everywhere(harness: Harness, owner: User) -> None:
    # Arrange
    account = await open_account(harness, owner)
    stranger = await harness.user()
    url = f"{BASE}/{account['id']}"

    # Act
    answers = [
        await harness.client.patch(url, json={"name": "mine"}, headers=stranger.headers),
        await harness.client.post(f"{url}/close", headers=stranger.headers),
        await harness.client.post(f"{url}/archive", headers=stranger.headers),
        await harness.client.post(f"{url}/sync", headers=stranger.headers),
        await harness.client.get(url, headers=stranger.headers),
    ]

    # Assert
    for answer in answers:
        assert_problem(answer, 404, "NOT_FOUND")
    kept = await harness.client.get(url, headers=owner.headers)
    assert (kept.json()["name"], kept.json()["status"]) == ("My paper account", "open")


async def test_close_is_refused_while_a_position_or_an_open_order_is_held(
    market: Harness, owner: User
) -> None:
    # Arrange: a filled buy (a position), then a resting limit (an open order)
    account = await open_account(market, owner)
    await submit(market, owner, order_body(account["id"]))

    # Act
    with_position = await market.client.post(f"{BASE}/{account['id']}/close", headers=owner.headers)
    archive = await market.client.post(f"{BASE}/{account['id']}/archive", headers=owner.headers)

    # Assert
    problem = assert_problem(with_position, 409, "ACCOUNT_NOT_EMPTY")
    assert "1 position(s)" in problem["detail"]
    assert_problem(archive, 409, "ACCOUNT_NOT_EMPTY")
    fetched = await market.client.get(f"{BASE}/{account['id']}", headers=owner.headers)
    assert fetched.json()["status"] == "open"


async def test_a_closed_account_is_denied_by_the_gate_and_listed_by_status(
    market: Harness, owner: User
) -> None:
    # Arrange
    closing = await open_account(market, owner, name="Closing")
    kept = await open_account(market, owner, name="Kept")

    # Act
    closed = await market.client.post(f"{BASE}/{closing['id']}/close", headers=owner.headers)
    order = await submit(market, owner, order_body(closing["id"]))
    patched = await market.client.patch(
        f"{BASE}/{closing['id']}", json={"name": "again"}, headers=owner.headers
    )
    archived = await market.client.post(f"{BASE}/{closing['id']}/archive", headers=owner.headers)
    reclosed = await market.client.post(f"{BASE}/{closing['id']}/close", headers=owner.headers)

    # Assert
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    denied = assert_problem(order, 422, "ORDER_DENIED")
    assert denied["reasons"] == ["ACCOUNT_CLOSED"]
    assert_problem(patched, 409, "ACCOUNT_CLOSED")
    assert archived.json()["status"] == "archived"
    assert_problem(reclosed, 409, "ACCOUNT_CLOSED")

    def names(response: Any) -> list[str]:
        return [a["name"] for a in response.json()["items"]]

    everything = await market.client.get(BASE, headers=owner.headers)
    open_only = await market.client.get(BASE, params={"status": "open"}, headers=owner.headers)
    archived_only = await market.client.get(
        BASE, params={"status": "archived"}, headers=owner.headers
    )
    bad = await market.client.get(BASE, params={"status": "gone"}, headers=owner.headers)
    assert sorted(names(everything)) == ["Closing", "Kept"]
    assert names(open_only) == ["Kept"] and kept["name"] == "Kept"
    assert names(archived_only) == ["Closing"]
    assert "status" in str(assert_problem(bad, 400, "VALIDATION_ERROR"))


async def test_a_cash_account_cannot_borrow_or_sell_short(market: Harness, owner: User) -> None:
    # Arrange: 10,000 cash; AAPL at 190; one sector may hold all of it (buying power alone)
    account = await open_account(market, owner, trading_type="cash", initial_cash="10000")
    await allow_one_sector(market, owner)

    # Act
    over_cash = await submit(market, owner, order_body(account["id"], quantity="60"))  # 11,400
    within = await submit(market, owner, order_body(account["id"], quantity="50"))  # 9,500
    borrow = await submit(market, owner, order_body(account["id"], symbol="XOM", quantity="20"))
    short = await submit(market, owner, order_body(account["id"], side="sell", quantity="60"))
    flatten = await submit(market, owner, order_body(account["id"], side="sell", quantity="50"))

    # Assert
    assert "INSUFFICIENT_BUYING_POWER" in assert_problem(over_cash, 422, "ORDER_DENIED")["reasons"]
    assert within.status_code == 201, within.text
    assert assert_problem(borrow, 422, "ORDER_DENIED")["reasons"] == ["INSUFFICIENT_BUYING_POWER"]
    assert assert_problem(short, 422, "ORDER_DENIED")["reasons"] == ["SHORT_NOT_ALLOWED"]
    assert flatten.status_code == 201, flatten.text


async def test_a_margin_account_may_borrow(market: Harness, owner: User) -> None:
    # Arrange: the same 10,000, on margin (50% initial), 9,500 of AAPL held already
    account = await open_account(market, owner, initial_cash="10000")
    await allow_one_sector(market, owner)
    await submit(market, owner, order_body(account["id"], quantity="50"))

    # Act: 2,200 of XOM more: 11,700 held on 10,000 of equity
    response = await submit(market, owner, order_body(account["id"], symbol="XOM", quantity="20"))

    # Assert
    assert response.status_code == 201, response.text


async def test_admins_open_accounts_for_themselves(harness: Harness) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)

    # Act
    account = await open_account(harness, admin)

    # Assert
    assert account["owner_id"] == admin.id
