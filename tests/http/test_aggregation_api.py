"""The aggregation API over the real container and a local Plaid: Link, exchange, reads,
sync, removal, the public webhook (verified, idempotent, 400 on a bad signature), owner
scoping, the order gate's refusal, and aggregated holdings in the household's drift."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.http.aggregation_world import World, aggregation_world
from tests.http.core_helpers import assert_problem
from tests.http.harness import User
from tests.plaid_server import PUBLIC_TOKEN

pytestmark = pytest.mark.serves("aggregation", "portfolio", "rebalancing", "review", "trading")

ROOT = "/api/v1/aggregation"


@pytest.fixture
async def world() -> AsyncIterator[World]:
    async with aggregation_world() as opened:
        yield opened


async def link(world: World, owner: User, portfolio_id: str | None = None) -> str:
    client = world.harness.client
    made = await client.post(
        f"{ROOT}/items",
        json={"public_token": PUBLIC_TOKEN, "portfolio_id": portfolio_id},
        headers=owner.headers,
    )
    assert made.status_code == 201, made.text
    item_id: str = made.json()["id"]
    return item_id


async def test_link_exchange_sync_and_read_back(world: World) -> None:
    owner = await world.harness.user()
    client = world.harness.client

    token = await client.post(f"{ROOT}/link-token", headers=owner.headers)
    item_id = await link(world, owner)
    synced = await client.post(f"{ROOT}/items/{item_id}/sync", headers=owner.headers)
    holdings = await client.get(f"{ROOT}/holdings", headers=owner.headers)
    accounts = await client.get(f"{ROOT}/accounts", headers=owner.headers)
    txns = await client.get(f"{ROOT}/items/{item_id}/transactions", headers=owner.headers)

    assert token.status_code == 201 and token.json()["link_token"].startswith("link-sandbox-")
    assert synced.status_code == 200, synced.text
    assert synced.json()["added"] == 3 and synced.json()["has_more"] is False
    by_symbol = {h["symbol"]: h for h in holdings.json()["items"]}
    assert by_symbol["MIPTX"]["quantity"] == "23.56700000"  # a decimal string, no exponent
    assert by_symbol["MIPTX"]["cost_basis"] is None
    assert by_symbol["DBLTX"]["cost_basis"] == "270.50"
    assert all(a["read_only"] for a in accounts.json()["items"])
    assert [t["amount"] for t in txns.json()["items"]] == ["25.00", "72.14"]
    assert world.plaid.access_token not in (synced.text + accounts.text + holdings.text)


async def test_another_users_item_answers_404(world: World) -> None:
    alice = await world.harness.user()
    bob = await world.harness.user()
    client = world.harness.client
    item_id = await link(world, alice)

    for method, path in (
        ("GET", f"{ROOT}/items/{item_id}"),
        ("POST", f"{ROOT}/items/{item_id}/sync"),
        ("GET", f"{ROOT}/items/{item_id}/transactions"),
        ("DELETE", f"{ROOT}/items/{item_id}"),
    ):
        answer = await client.request(method, path, headers=bob.headers)
        assert_problem(answer, 404, "AGGREGATED_ITEM_NOT_FOUND")
    listed = await client.get(f"{ROOT}/items", headers=bob.headers)
    assert listed.json()["items"] == []
    assert (await client.get(f"{ROOT}/items/{item_id}", headers=alice.headers)).status_code == 200


async def test_agents_may_not_link(world: World) -> None:
    owner = await world.harness.user()
    account_id = await world.harness.account(owner, "acc-agent")
    key = await world.harness.agent_key(owner, "agent-1", (account_id,))

    answer = await world.harness.client.post(
        f"{ROOT}/link-token", headers={"Authorization": f"Bearer {key}"}
    )

    assert answer.status_code == 403


async def test_plaid_errors_answer_problems(world: World) -> None:
    owner = await world.harness.user()
    client = world.harness.client
    item_id = await link(world, owner)

    world.plaid.fail("/accounts/get", "error_item_login_required")
    login = await client.post(f"{ROOT}/items/{item_id}/sync", headers=owner.headers)
    world.plaid.fail("/accounts/get", "error_rate_limit_exceeded", status=429)
    limited = await client.post(f"{ROOT}/items/{item_id}/sync", headers=owner.headers)
    bad = await client.post(
        f"{ROOT}/items", json={"public_token": "public-sandbox-nope"}, headers=owner.headers
    )

    assert_problem(login, 409, "ITEM_LOGIN_REQUIRED")
    assert_problem(limited, 429, "AGGREGATOR_RATE_LIMITED")
    assert_problem(bad, 422, "AGGREGATOR_REFUSED")
    item = await client.get(f"{ROOT}/items/{item_id}", headers=owner.headers)
    assert item.json()["status"] == "login_required"


async def test_unlinking_removes_the_item_at_plaid_and_here(world: World) -> None:
    owner = await world.harness.user()
    client = world.harness.client
    item_id = await link(world, owner)

    gone = await client.delete(f"{ROOT}/items/{item_id}", headers=owner.headers)
    again = await client.get(f"{ROOT}/items/{item_id}", headers=owner.headers)

    assert gone.status_code == 204
    assert again.status_code == 404
    assert len(world.plaid.seen("/item/remove")) == 1


async def test_the_webhook_is_public_verified_and_idempotent(world: World) -> None:
    owner = await world.harness.user()
    client = world.harness.client
    await link(world, owner)
    body, _ = world.plaid.signed_webhook("webhook_holdings_default_update")
    now = world.harness.clock.now().timestamp()
    signature = world.plaid.sign(body, iat=now)
    headers = {"Plaid-Verification": signature, "Content-Type": "application/json"}

    first = await client.post(f"{ROOT}/webhook", content=body, headers=headers)
    again = await client.post(f"{ROOT}/webhook", content=body, headers=headers)
    forged = await client.post(
        f"{ROOT}/webhook",
        content=body.replace(b"19", b"91"),
        headers=headers,
    )
    unsigned = await client.post(f"{ROOT}/webhook", content=body)

    assert first.status_code == 200, first.text
    assert first.json() == {"outcome": "holdings_refreshed"}
    assert again.json() == {"outcome": "duplicate"}
    assert_problem(forged, 400, "INVALID_WEBHOOK_SIGNATURE")
    assert_problem(unsigned, 400, "INVALID_WEBHOOK_SIGNATURE")
    assert len(world.plaid.seen("/investments/holdings/get")) == 1


async def test_orders_on_an_aggregated_account_are_refused(world: World) -> None:
    owner = await world.harness.user()
    client = world.harness.client
    await world.harness.instrument("AAPL", "190")
    await link(world, owner)
    account_id = (await client.get(f"{ROOT}/accounts", headers=owner.headers)).json()["items"][0][
        "id"
    ]

    answer = await client.post(
        "/api/v1/orders",
        json={"account_id": account_id, "symbol": "AAPL", "side": "buy", "quantity": "1"},
        headers=owner.headers,
    )

    assert_problem(answer, 403, "AGGREGATED_ACCOUNT_READ_ONLY")


async def test_aggregated_holdings_count_in_the_households_drift(world: World) -> None:
    owner = await world.harness.user()
    client = world.harness.client
    for symbol, price in (("DBLTX", "10.42"), ("MIPTX", "27")):
        await world.harness.instrument(symbol, price)
    made = await client.post("/api/v1/portfolios", json={"name": "Family"}, headers=owner.headers)
    pid = made.json()["id"]
    item_id = await link(world, owner, pid)
    await client.post(f"{ROOT}/items/{item_id}/sync", headers=owner.headers)

    drift = await client.get(f"/api/v1/rebalancing/portfolios/{pid}/drift", headers=owner.headers)

    assert drift.status_code == 200, drift.text
    view = drift.json()
    # 2 DBLTX at 10.42 + 23.567 MIPTX at 27 + 12345.67 cash (the 401k's "cash" security)
    assert view["household"]["value"] == "13002.82"
    assert {s["symbol"] for s in view["household"]["symbols"]} == {"DBLTX", "MIPTX"}
