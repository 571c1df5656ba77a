"""Two instances on one SQLite file and one Redis share the order-rate throttle."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from domain.risk.rules import RiskRule, RuleType
from tests.http import harness as h_
from tests.http.harness import Harness, open_harness
from tests.kit.ports import free_port as _closed_port

PER_SECOND = 2
EXTRA = 4  # orders beyond the limit, across the two instances


@pytest.fixture
async def pair(sqlite_url: str, redis_url: str) -> AsyncIterator[tuple[Harness, Harness]]:
    settings = h_.test_settings(database_url=sqlite_url, redis_url=redis_url)
    a, client_a = await open_harness(settings)
    b, client_b = await open_harness(settings, reset=False)
    async with client_a, client_b:
        yield a, b


async def test_orders_across_two_instances_are_approved_at_most_the_shared_limit(
    pair: tuple[Harness, Harness],
) -> None:
    # Arrange: one account with a rule of PER_SECOND orders a second, quoted on both. The
    # rule's per-minute limit of the same size keeps a slow machine from refilling the
    # per-second bucket during the burst; either limit, counted per instance, lets
    # 2 x PER_SECOND through.
    a, b = pair
    owner = await a.user()
    account = await a.account(owner, "acc-rate")
    b.container.core.paper_broker().seed_account(account, Decimal(1_000_000))
    async with a.container.core.uow_factory()() as uow:
        await uow.risk_rules.add(
            RiskRule(
                "rate-1",
                owner.id,
                RuleType.ORDER_RATE,
                {"per_second": PER_SECOND, "per_minute": PER_SECOND},
            )
        )
        await uow.commit()
    for h in (a, b):
        await h.instrument("AAPL", "190")
    token_b = (await b.login(owner.username))["access_token"]

    async def order(h: Harness, n: int) -> tuple[int, dict[str, object]]:
        body = {
            "account_id": account,
            "symbol": "AAPL",
            "side": "buy",
            "quantity": str(n + 1),  # no two alike
            "order_type": "limit",
            "limit_price": "100",  # far below the mark: the order rests
        }
        token = owner.access_token if h is a else token_b
        response = await h.client.post(
            "/api/v1/orders", json=body, headers={"Authorization": f"Bearer {token}"}
        )
        return response.status_code, response.json()

    # Act: each instance alone would approve PER_SECOND of its share
    answers = await asyncio.gather(
        *(order(a if n % 2 else b, n) for n in range(PER_SECOND + EXTRA))
    )

    # Assert
    approved = [body for status, body in answers if status == 201]
    denied = [body for status, body in answers if status == 422]
    assert 1 <= len(approved) <= PER_SECOND, answers
    assert len(approved) + len(denied) == len(answers), answers
    assert all(body["reasons"] == ["ORDER_RATE"] for body in denied), denied


async def test_with_redis_down_the_api_answers_and_the_throttle_fails_closed(
    sqlite_url: str,
) -> None:
    # Arrange: Redis configured but not reachable; a rate rule on the account
    down = f"redis://127.0.0.1:{_closed_port()}/0"
    h, client = await open_harness(h_.test_settings(database_url=sqlite_url, redis_url=down))
    async with client:
        owner = await h.user()
        account = await h.account(owner, "acc-rate")
        await h.instrument("AAPL", "190")
        async with h.container.core.uow_factory()() as uow:
            await uow.risk_rules.add(
                RiskRule("rate-1", owner.id, RuleType.ORDER_RATE, {"per_second": 10})
            )
            await uow.commit()
        body = {"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": "1"}
        headers = {**owner.headers, "Idempotency-Key": "k-1"}

        # Act
        listed = await h.client.get("/api/v1/accounts", headers=owner.headers)
        placed = await h.client.post("/api/v1/orders", json=body, headers=headers)

    # Assert: the API limit fell back to the process; the order is denied, not sent
    assert listed.status_code == 200, listed.text
    assert placed.status_code == 422, placed.text
    assert placed.json()["reasons"] == ["RISK_CHECK_ERROR"]
