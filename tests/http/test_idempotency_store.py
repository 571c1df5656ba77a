"""POST /api/v1/orders with an Idempotency-Key, through the IdempotencyStore port."""

from __future__ import annotations

from typing import Any

import pytest
from structlog.testing import capture_logs

from adapters.http.trading.orders import CLAIM_TTL_SECONDS
from ports.core.idempotency import Claim, IdempotencyStore, IdempotencyUnavailable
from tests.http.core_helpers import assert_problem, order_body, resting_limit, submit
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("review", "trading")

ORDERS = "/api/v1/orders"


class _NeverCompletes:
    """The real store, except that results are never stored: the first request looks as if
    it were still running (on this instance or another) until its claim lapses."""

    def __init__(self, store: IdempotencyStore) -> None:
        self._store = store

    async def claim(self, key: str, fingerprint: str, ttl_seconds: float) -> Claim:
        return await self._store.claim(key, fingerprint, ttl_seconds)

    async def complete(self, key: str, result: bytes, ttl_seconds: float) -> None:
        return None

    async def release(self, key: str) -> None:
        await self._store.release(key)


class _Unreachable:
    """A store whose server is down."""

    async def claim(self, key: str, fingerprint: str, ttl_seconds: float) -> Claim:
        raise IdempotencyUnavailable("down")

    async def complete(self, key: str, result: bytes, ttl_seconds: float) -> None:
        raise IdempotencyUnavailable("down")

    async def release(self, key: str) -> None:
        raise IdempotencyUnavailable("down")


def _use_store(harness: Harness, store: Any) -> None:
    vars(harness.bundle("trading"))["idempotency"] = store  # for this test's app alone


async def test_a_retry_gets_the_stored_answer_even_after_the_order_moved_on(
    market: Harness, owner: User
) -> None:
    # Arrange: a resting order, canceled after the first answer
    account = await market.account(owner, "acc-1")
    body = resting_limit(account)
    first = await submit(market, owner, body, **{"Idempotency-Key": "k-1"})
    order_id = first.json()["order"]["id"]
    canceled = await market.client.delete(f"{ORDERS}/{order_id}", headers=owner.headers)

    # Act
    again = await submit(market, owner, body, **{"Idempotency-Key": "k-1"})

    # Assert: the first answer (with the gate's decision), marked as a replay
    assert first.status_code == 201, first.text
    assert canceled.json()["status"] == "canceled"
    assert again.status_code == 200, again.text
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["content-type"].startswith("application/json")
    replay = again.json()
    assert replay["replayed"] is True
    assert replay["order"] == first.json()["order"]
    assert replay["decision"] == first.json()["decision"]


async def test_a_stored_denial_is_replayed_as_the_same_422(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1", cash="10000")
    body = order_body(account, quantity="1000")
    first = await submit(market, owner, body, **{"Idempotency-Key": "deny-1"})

    # Act
    again = await submit(market, owner, body, **{"Idempotency-Key": "deny-1"})

    # Assert
    denial = assert_problem(first, 422, "ORDER_DENIED")
    replay = assert_problem(again, 422, "ORDER_DENIED")
    assert again.headers["idempotent-replayed"] == "true"
    assert replay == denial


async def test_a_key_still_in_progress_is_409_with_retry_after(
    market: Harness, owner: User
) -> None:
    # Arrange: the first request with the key has claimed it and not finished
    _use_store(market, _NeverCompletes(market.container.idempotency()))
    account = await market.account(owner, "acc-1")
    body = order_body(account)
    first = await submit(market, owner, body, **{"Idempotency-Key": "busy-1"})

    # Act
    busy = await submit(market, owner, body, **{"Idempotency-Key": "busy-1"})
    market.clock.advance(CLAIM_TTL_SECONDS)
    lapsed = await submit(market, owner, body, **{"Idempotency-Key": "busy-1"})

    # Assert: 409 while claimed; once the claim lapsed, the orders table replays the one order
    problem = assert_problem(busy, 409, "IDEMPOTENCY_IN_PROGRESS")
    assert int(busy.headers["retry-after"]) >= 1
    assert problem["retry_after"] >= 1
    assert lapsed.status_code == 200, lapsed.text
    assert lapsed.json()["order"]["id"] == first.json()["order"]["id"]


async def test_a_key_reused_for_another_order_is_409_conflict_and_places_nothing(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    await submit(market, owner, order_body(account), **{"Idempotency-Key": "k-1"})

    # Act
    other = await submit(
        market, owner, order_body(account, symbol="MSFT"), **{"Idempotency-Key": "k-1"}
    )

    # Assert
    assert_problem(other, 409, "CONFLICT")
    listed = await market.client.get(ORDERS, headers=owner.headers)
    assert [o["symbol"] for o in listed.json()["items"]] == ["AAPL"]


async def test_a_failed_request_frees_its_key_for_the_retry(market: Harness, owner: User) -> None:
    # Arrange: the account does not exist yet, so the first request fails (404)
    body = order_body("acc-late")
    missing = await submit(market, owner, body, **{"Idempotency-Key": "late-1"})
    await market.account(owner, "acc-late")

    # Act
    retried = await submit(market, owner, body, **{"Idempotency-Key": "late-1"})

    # Assert
    assert_problem(missing, 404, "NOT_FOUND")
    assert retried.status_code == 201, retried.text


async def test_an_unreachable_store_degrades_to_the_orders_table_with_a_warning(
    market: Harness, owner: User
) -> None:
    # Arrange
    _use_store(market, _Unreachable())
    account = await market.account(owner, "acc-1")
    body = order_body(account)

    # Act
    with capture_logs() as logs:
        first = await submit(market, owner, body, **{"Idempotency-Key": "k-1"})
        again = await submit(market, owner, body, **{"Idempotency-Key": "k-1"})

    # Assert: still one order, replayed by the orders table's unique key
    assert first.status_code == 201, first.text
    assert again.status_code == 200, again.text
    assert again.json()["order"]["id"] == first.json()["order"]["id"]
    warned = [e for e in logs if e["event"] == "idempotency_store_unavailable"]
    assert warned and all(e["log_level"] == "warning" for e in warned)
    listed = await market.client.get(ORDERS, headers=owner.headers)
    assert len(listed.json()["items"]) == 1
