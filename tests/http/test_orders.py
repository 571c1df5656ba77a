"""Orders over HTTP: submit through the gate, idempotency, listing with a cursor, read, cancel."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest

from application.safety.killswitch import ActivateKillSwitch
from application.trading.risk import RuleDraft
from domain.killswitch.state import Scope
from domain.principals import Role
from domain.risk.gate import Policy
from domain.risk.rules import RuleType
from domain.trading.accounts import Account
from ports.core.unit_of_work import UnitOfWork
from tests.http.core_helpers import (
    assert_problem,
    field_names,
    order_body,
    resting_limit,
    submit,
)
from tests.http.harness import PASSCODE, Harness, User

pytestmark = [pytest.mark.serves("review", "trading"), pytest.mark.shares_app()]

ORDERS = "/api/v1/orders"


async def test_submit_is_201_with_the_order_and_the_gate_decision(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")

    response = await submit(market, owner, order_body(account, quantity="12"))

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["replayed"] is False
    assert body["decision"]["approved"] is True
    assert body["decision"]["quantity"] == "12.00000000"
    assert {v["control"] for v in body["decision"]["verdicts"]} >= {"BuyingPower"}
    order = body["order"]
    assert (order["account_id"], order["symbol"], order["side"]) == (account, "AAPL", "buy")
    assert order["quantity"] == "12.00000000"
    assert order["origin_kind"] == "user" and order["origin_id"] == owner.id
    assert order["created_at"] == "2026-01-05T14:30:00Z"
    stored = await market.client.get(f"{ORDERS}/{order['id']}", headers=owner.headers)
    assert stored.status_code == 200
    assert stored.json()["id"] == order["id"]


async def test_an_idempotent_retry_replays_the_first_order(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    body = order_body(account)
    first = await submit(market, owner, body, **{"Idempotency-Key": "retry-1"})

    second = await submit(market, owner, body, **{"Idempotency-Key": "retry-1"})

    assert first.status_code == 201, first.text
    assert second.status_code == 200, second.text
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json()["replayed"] is True
    assert second.json()["order"]["id"] == first.json()["order"]["id"]
    listed = await market.client.get(ORDERS, headers=owner.headers)
    assert [o["id"] for o in listed.json()["items"]] == [first.json()["order"]["id"]]


async def test_an_idempotency_key_reused_for_another_order_is_409(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    await submit(market, owner, order_body(account), **{"Idempotency-Key": "k-1"})

    response = await submit(
        market, owner, order_body(account, quantity="11"), **{"Idempotency-Key": "k-1"}
    )

    assert_problem(response, 409, "CONFLICT")


async def test_a_gate_denial_is_422_order_denied_with_reasons(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1", cash="10000")

    response = await submit(market, owner, order_body(account, quantity="1000"))

    body = assert_problem(response, 422, "ORDER_DENIED")
    assert "INSUFFICIENT_BUYING_POWER" in body["reasons"]
    assert body["order"]["status"] == "denied"
    assert body["order"]["deny_reasons"] == body["reasons"]
    denied = await market.client.get(ORDERS, params={"status": "denied"}, headers=owner.headers)
    assert [o["id"] for o in denied.json()["items"]] == [body["order"]["id"]]


async def test_a_replayed_denial_is_the_same_denial(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1", cash="10000")
    body = order_body(account, quantity="1000")
    first = await submit(market, owner, body, **{"Idempotency-Key": "deny-1"})

    again = await submit(market, owner, body, **{"Idempotency-Key": "deny-1"})

    assert_problem(first, 422, "ORDER_DENIED")
    replay = assert_problem(again, 422, "ORDER_DENIED")
    assert again.headers["idempotent-replayed"] == "true"
    assert replay["order"]["id"] == first.json()["order"]["id"]
    listed = await market.client.get(ORDERS, headers=owner.headers)
    assert len(listed.json()["items"]) == 1


@pytest.mark.own_app("a global halt stops every account of the instance")
async def test_a_halt_denies_with_trading_halted(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    risk = await market.user(Role.RISK_OFFICER)
    await market.container.safety.killswitch().activate(
        ActivateKillSwitch(risk.principal, PASSCODE, Scope.global_(), reason="test")
    )

    response = await submit(market, owner, order_body(account))

    assert "TRADING_HALTED" in assert_problem(response, 422, "ORDER_DENIED")["reasons"]


@pytest.mark.own_app("it moves the clock")
async def test_orders_page_with_a_cursor_newest_first(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    placed = []
    for _ in range(5):
        response = await submit(market, owner, order_body(account, quantity="1"))
        placed.append(response.json()["order"]["id"])
        market.clock.advance(timedelta(seconds=1))

    pages: list[list[str]] = []
    cursor: str | None = None
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        response = await market.client.get(ORDERS, params=params, headers=owner.headers)
        assert response.status_code == 200, response.text
        pages.append([o["id"] for o in response.json()["items"]])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            break

    assert pages == [placed[4:2:-1], placed[2:0:-1], placed[:1]]


@pytest.mark.own_app("it moves the clock")
async def test_a_page_cursor_stays_valid_while_orders_arrive(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    old = [
        (await submit(market, owner, order_body(account, quantity="1"))).json()["order"]["id"]
        for _ in range(3)
    ]
    first = await market.client.get(ORDERS, params={"limit": "2"}, headers=owner.headers)
    market.clock.advance(timedelta(seconds=1))
    await submit(market, owner, order_body(account, quantity="2"))

    rest = await market.client.get(
        ORDERS, params={"limit": "2", "cursor": first.json()["next_cursor"]}, headers=owner.headers
    )

    seen = [o["id"] for o in first.json()["items"] + rest.json()["items"]]
    assert sorted(seen) == sorted(old)
    assert rest.json()["next_cursor"] is None


async def test_a_forged_cursor_is_a_422_invalid_query(market: Harness, owner: User) -> None:
    response = await market.client.get(
        ORDERS, params={"cursor": "not-a-cursor"}, headers=owner.headers
    )

    assert_problem(response, 422, "INVALID_QUERY")


async def test_orders_filter_by_status_symbol_and_account(market: Harness, owner: User) -> None:
    one = await market.account(owner, "acc-1")
    two = await market.account(owner, "acc-2")
    filled = (await submit(market, owner, order_body(one))).json()["order"]
    resting = (await submit(market, owner, resting_limit(one))).json()["order"]
    msft = (await submit(market, owner, order_body(two, symbol="MSFT"))).json()["order"]

    async def ids(**params: str) -> set[str]:
        response = await market.client.get(ORDERS, params=params, headers=owner.headers)
        assert response.status_code == 200, response.text
        return {o["id"] for o in response.json()["items"]}

    assert filled["status"] == "filled" and resting["status"] == "accepted"
    assert await ids() == {filled["id"], resting["id"], msft["id"]}
    assert await ids(status="accepted") == {resting["id"]}
    assert await ids(symbol="msft") == {msft["id"]}
    assert await ids(account_id=one) == {filled["id"], resting["id"]}
    assert await ids(account_id=one, status="filled") == {filled["id"]}


async def test_another_users_orders_and_accounts_answer_404(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    order = (await submit(market, owner, resting_limit(account))).json()["order"]
    stranger = await market.user()
    await market.account(stranger, "acc-s")

    read = await market.client.get(f"{ORDERS}/{order['id']}", headers=stranger.headers)
    listed = await market.client.get(
        ORDERS, params={"account_id": account}, headers=stranger.headers
    )
    placed = await submit(market, stranger, order_body(account))
    canceled = await market.client.delete(f"{ORDERS}/{order['id']}", headers=stranger.headers)
    everything = await market.client.get(ORDERS, headers=stranger.headers)

    assert_problem(read, 404, "NOT_FOUND")
    assert_problem(listed, 404, "NOT_FOUND")
    assert_problem(placed, 404, "NOT_FOUND")
    assert_problem(canceled, 404, "NOT_FOUND")
    assert everything.json()["items"] == []
    mine = await market.client.get(f"{ORDERS}/{order['id']}", headers=owner.headers)
    assert mine.json()["status"] == "accepted"


@pytest.mark.own_app("a risk officer lists every order of the instance")
async def test_a_risk_officer_sees_every_users_orders(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    order = (await submit(market, owner, order_body(account))).json()["order"]
    officer = await market.user(Role.RISK_OFFICER)

    read = await market.client.get(f"{ORDERS}/{order['id']}", headers=officer.headers)
    listed = await market.client.get(ORDERS, headers=officer.headers)

    assert read.status_code == 200
    assert [o["id"] for o in listed.json()["items"]] == [order["id"]]


async def test_unknown_order_is_404(harness: Harness, owner: User) -> None:
    response = await harness.client.get(f"{ORDERS}/ord-missing", headers=owner.headers)

    assert_problem(response, 404, "NOT_FOUND")


async def test_delete_cancels_a_resting_limit_and_a_second_delete_is_409(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    order = (await submit(market, owner, resting_limit(account))).json()["order"]

    first = await market.client.delete(f"{ORDERS}/{order['id']}", headers=owner.headers)
    second = await market.client.delete(f"{ORDERS}/{order['id']}", headers=owner.headers)

    assert first.status_code == 200, first.text
    assert first.json()["status"] == "canceled"
    assert_problem(second, 409, "CONFLICT")
    assert await market.container.core.paper_broker().open_orders(account) == []


async def test_orders_need_credentials(harness: Harness) -> None:
    for response in (
        await harness.client.get(ORDERS),
        await harness.client.post(ORDERS, json=order_body("acc-1")),
        await harness.client.delete(f"{ORDERS}/ord-1"),
    ):
        assert_problem(response, 401, "UNAUTHENTICATED")


async def test_invalid_bodies_are_400_naming_the_field(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    cases = {
        "bogus": order_body(account, bogus=1),
        "quantity": order_body(account, quantity="-5"),
        "side": order_body(account, side="sideways"),
        "order_type": order_body(account, order_type="iceberg"),
        "reduce_only": order_body(account, reduce_only="yes"),
        "limit_price": order_body(account, order_type="limit", limit_price="0"),
        "symbol": order_body(account, symbol="AA PL;"),
    }
    missing = order_body(account)
    del missing["side"]
    cases["side "] = missing

    for field, body in cases.items():
        response = await submit(market, owner, body)
        problem = assert_problem(response, 400, "VALIDATION_ERROR")
        assert field.strip() in field_names(problem), (field, problem)
        assert field.strip() in problem["detail"]

    listed = await market.client.get(ORDERS, headers=owner.headers)
    assert listed.json()["items"] == []


async def test_an_inconsistent_order_is_422_invalid_order(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")

    response = await submit(market, owner, order_body(account, order_type="limit"))

    assert_problem(response, 422, "INVALID_ORDER")


async def test_malformed_json_is_a_400_problem(harness: Harness, owner: User) -> None:
    response = await harness.client.post(
        ORDERS,
        content=b'{"account_id": "acc-1", ',
        headers={**owner.headers, "Content-Type": "application/json"},
    )

    assert "not valid JSON" in assert_problem(response, 400, "MALFORMED_JSON")["detail"]


async def test_bad_query_parameters_are_400_naming_the_parameter(
    harness: Harness, owner: User
) -> None:
    status = await harness.client.get(ORDERS, params={"status": "bogus"}, headers=owner.headers)
    limit = await harness.client.get(ORDERS, params={"limit": "0"}, headers=owner.headers)

    problem = assert_problem(status, 400, "VALIDATION_ERROR")
    assert field_names(problem) == {"status"}
    assert problem["errors"][0]["source"] == "query"
    assert field_names(assert_problem(limit, 400, "VALIDATION_ERROR")) == {"limit"}


async def test_concurrent_orders_cannot_share_one_limit(
    market: Harness, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await market.account(owner, "acc-1")
    await market.container.trading.risk().create(
        owner.principal,
        RuleDraft(RuleType.MAX_POSITION_SIZE, {"max_quantity": "150"}, account_id=account),
    )
    policies = market.container.core.policies()
    cached = policies.policy_for

    async def slow_policy(uow: UnitOfWork, account: Account, revision: int | None = None) -> Policy:
        # Between the snapshot and the verdict, as a database read would: the two requests
        # interleave here, so only the per-account lock keeps them from sharing the limit.
        await asyncio.sleep(0.02)
        return await cached(uow, account, revision)

    monkeypatch.setattr(policies, "policy_for", slow_policy)
    body = order_body(account, quantity="100")
    # Straight to the ASGI app in this event loop, so both requests really run at once.
    transport = httpx.ASGITransport(app=market.app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://bulwark") as client:
        responses = await asyncio.gather(
            client.post(ORDERS, json=body, headers=owner.headers),
            client.post(ORDERS, json=body, headers=owner.headers),
        )

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201, 422], [r.text for r in responses]
    denied = next(r for r in responses if r.status_code == 422)
    assert "MAX_POSITION" in denied.json()["reasons"]
    positions = market.container.core.paper_broker()
    assert sum(o.quantity for o in await positions.open_orders(account)) == 0
    listed = await market.client.get(ORDERS, params={"status": "filled"}, headers=owner.headers)
    assert len(listed.json()["items"]) == 1
