"""Orders attributed over HTTP: the declared algorithm kept on the order and shown, refused when
out of shape; `GET /api/v1/orders/attribution` by role, as CSV and JSON; the audit entries."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("trading", "audit"), pytest.mark.shares_app()]

ORDERS = "/api/v1/orders"
EXPORT = f"{ORDERS}/attribution"
# The harness's fake clock starts on 2026-01-05 (a Monday).
PERIOD = {"from": "2026-01-01", "to": "2026-01-31"}


async def _place(h: Harness, headers: dict[str, str], account: str, **extra: Any) -> Any:
    body = {"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": "1", **extra}
    return await h.client.post(ORDERS, json=body, headers=headers)


async def test_an_agents_declared_model_is_kept_and_shown_with_its_owner(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    key = await market.agent_key(owner, "bot-1", (account,))
    bot_1 = market.id("bot-1")

    # Act
    placed = await _place(
        market, {"X-API-Key": key}, account, algorithm="momentum-llm", algorithm_version="2.3.1"
    )
    read = await market.client.get(
        f"{ORDERS}/{placed.json()['order']['id']}", headers=owner.headers
    )

    # Assert
    assert placed.status_code == 201, placed.text
    assert read.json()["attribution"] == {
        "algorithm": "momentum-llm",
        "algorithm_version": "2.3.1",
        "agent_id": bot_1,
        "strategy_id": None,
        "responsible_id": owner.id,
        "client_id": owner.id,
        "channel": "api",
    }


async def test_a_persons_order_by_hand_names_them_and_no_algorithm(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    placed = await _place(market, owner.headers, account)

    # Assert
    attribution = placed.json()["order"]["attribution"]
    assert (attribution["algorithm"], attribution["responsible_id"]) == (None, owner.id)


@pytest.mark.parametrize(
    ("extra", "status", "code", "field"),
    [
        ({"algorithm": "bot\u202etxt"}, 422, "INVALID_ATTRIBUTION", "algorithm"),
        ({"algorithm": "bot", "algorithm_version": "1\n"}, 422, "INVALID_ATTRIBUTION", None),
        ({"algorithm": "x" * 65}, 400, "VALIDATION_ERROR", None),
        ({"algorithm": ""}, 400, "VALIDATION_ERROR", None),
    ],
)
async def test_a_declared_algorithm_out_of_shape_is_refused(
    market: Harness,
    owner: User,
    extra: dict[str, str],
    status: int,
    code: str,
    field: str | None,
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    refused = await _place(market, owner.headers, account, **extra)

    # Assert
    body = assert_problem(refused, status, code)
    if field is not None:
        assert body["errors"][0]["field"] == field
    listed = await market.client.get(ORDERS, headers=owner.headers)
    assert listed.json()["items"] == []


@pytest.mark.own_app("an officer exports every order of the instance")
async def test_the_export_gives_a_person_their_orders_only_and_an_officer_all(
    market: Harness, owner: User
) -> None:
    # Arrange
    other = await market.user()
    officer = await market.user(Role.RISK_OFFICER)
    mine = await market.account(owner, "acc-1")
    theirs = await market.account(other, "acc-2")
    await _place(market, owner.headers, mine, algorithm="=cmd|' /C calc'!A0")
    await _place(market, other.headers, theirs)

    # Act
    own = await market.client.get(EXPORT, params={**PERIOD, "format": "csv"}, headers=owner.headers)
    everyone = await market.client.get(EXPORT, params=PERIOD, headers=officer.headers)

    # Assert
    assert own.status_code == 200, own.text
    assert own.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(own.text)))
    assert [r["account_id"] for r in rows] == [mine]
    assert rows[0]["algorithm"] == "'=cmd|' /C calc'!A0"  # never a formula
    assert (rows[0]["responsible_id"], rows[0]["client_id"]) == (owner.id, owner.id)
    assert rows[0]["quantity"] == "1" and rows[0]["decision"] == "approved"
    assert everyone.status_code == 200, everyone.text
    assert sorted(r["account_id"] for r in everyone.json()) == [mine, theirs]


async def test_an_agent_may_not_export(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    key = await market.agent_key(owner, "bot-1", (account,))

    # Act
    refused = await market.client.get(EXPORT, params=PERIOD, headers={"X-API-Key": key})

    # Assert
    assert_problem(refused, 403, "FORBIDDEN")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-02-01", "to": "2026-01-01"}, "from"),
        ({"from": "2026-01-01T00:00:00", "to": "2026-01-31"}, "from"),
        ({"from": "2026-01-01", "to": "not-a-day!"}, "to"),
    ],
)
async def test_a_bad_period_is_a_400_naming_the_bound(
    harness: Harness, owner: User, params: dict[str, str], field: str
) -> None:
    # Act
    refused = await harness.client.get(EXPORT, params=params, headers=owner.headers)

    # Assert
    body = assert_problem(refused, 400, "INVALID_EXPORT_PERIOD")
    assert body["errors"][0]["field"] == field


async def test_each_placed_order_leaves_an_audit_entry_its_owner_can_read(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    key = await market.agent_key(owner, "bot-1", (account,))
    bot_1 = market.id("bot-1")
    placed = await _place(market, {"X-API-Key": key}, account, algorithm="m", algorithm_version="1")

    # Act: the entries are written off the order path; wait for them
    await market.container.trading.order_audit().idle()
    listed = await market.client.get(
        "/api/v1/audit", params={"action": "order.placed"}, headers=owner.headers
    )

    # Assert
    assert listed.status_code == 200, listed.text
    [entry] = listed.json()["items"]
    assert (entry["actor"], entry["subject"], entry["outcome"]) == (
        bot_1,
        f"account:{account}",
        "approved",
    )
    assert entry["details"]["order_id"] == placed.json()["order"]["id"]
    assert (entry["details"]["algorithm"], entry["details"]["responsible_id"]) == ("m", owner.id)
