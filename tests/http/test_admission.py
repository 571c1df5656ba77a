"""Admission control of the order path over HTTP: a worker whose order path is backed up past
its bound answers a new order 503 OVERLOADED (problem+json, Retry-After) before reading it,
records nothing, and serves the health checks, the kill switch and reads as usual; the same
order sent again with its Idempotency-Key once there is room is placed once."""

from __future__ import annotations

import time

import pytest

from application.core.admission import FLOOR, OrderAdmission, Ticket
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import PASSCODE, Harness, User

# Each test backs its worker's order path up: an app of its own per test (never `shares_app`).
pytestmark = pytest.mark.serves("safety", "trading")

ORDERS = "/api/v1/orders"


def admission_of(harness: Harness) -> OrderAdmission:
    admission: OrderAdmission | None = harness.bundle("trading").admission
    assert admission is not None
    return admission


def back_up(admission: OrderAdmission) -> list[Ticket]:
    """The worker's order path backed up: the floor's worth of orders in flight, after others
    completed half a second apart (what the admission layer tells it, on its clock): ~8 s of
    work ahead."""
    start = time.monotonic() - 30
    tickets = [admission.admit(start) for _ in range(2 * FLOOR)]
    waiting = [t for t in tickets if isinstance(t, Ticket)]
    for n in range(FLOOR):
        admission.done(waiting.pop(), start + 0.5 * (n + 1))
    assert admission.in_flight == FLOOR and admission.expected_wait() > admission.max_wait
    return waiting


def drain(admission: OrderAdmission, tickets: list[Ticket]) -> None:
    for ticket in tickets:
        admission.done(ticket, time.monotonic())


async def listed(harness: Harness, owner: User, account: str) -> list[str]:
    page = await harness.client.get(ORDERS, params={"account_id": account}, headers=owner.headers)
    assert page.status_code == 200, page.text
    return [order["id"] for order in page.json()["items"]]


async def test_a_backed_up_worker_refuses_an_order_503_overloaded_and_records_nothing(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    admission = admission_of(market)
    back_up(admission)

    # Act
    refused = await submit(market, owner, order_body(account), **{"Idempotency-Key": "k-1"})

    # Assert
    body = assert_problem(refused, 503, "OVERLOADED")
    wait = int(refused.headers["retry-after"])
    assert wait >= 1 and body["retry_after"] == wait
    assert body["instance"] == ORDERS
    assert "Idempotency-Key" in body["detail"]
    assert refused.headers["x-request-id"]  # the edge's headers, as on every answer
    assert refused.headers["x-content-type-options"] == "nosniff"
    assert admission.refused == 1
    assert await listed(market, owner, account) == []


async def test_a_backed_up_worker_still_serves_health_the_kill_switch_and_reads(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    back_up(admission_of(market))
    scope = {"kind": "account", "id": account}

    # Act
    health = await market.client.get("/health")
    ready = await market.client.get("/ready")
    orders = await market.client.get(ORDERS, headers=owner.headers)
    halted = await market.client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": PASSCODE, "scope": scope},
        headers=owner.headers,
    )

    # Assert
    assert (health.status_code, ready.status_code, orders.status_code) == (200, 200, 200)
    assert halted.status_code == 201, halted.text
    assert halted.json()["broker_confirmed"] is True


async def test_the_refused_order_sent_again_with_its_key_is_placed_once(
    market: Harness, owner: User
) -> None:
    # Arrange: refused while backed up, then the backlog clears
    account = await market.account(owner, "acc-1")
    admission = admission_of(market)
    waiting = back_up(admission)
    body, key = order_body(account), {"Idempotency-Key": "retry-me"}
    refused = await submit(market, owner, body, **key)
    drain(admission, waiting)

    # Act
    placed = await submit(market, owner, body, **key)
    again = await submit(market, owner, body, **key)

    # Assert
    assert refused.status_code == 503
    assert placed.status_code == 201, placed.text
    assert again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
    assert again.json()["order"]["id"] == placed.json()["order"]["id"]
    assert await listed(market, owner, account) == [placed.json()["order"]["id"]]
    assert admission.in_flight == 0  # each admitted order is counted out when answered


async def test_a_browser_reads_the_503_with_cors_headers() -> None:
    # Arrange: CORS on; the refusal is written outside Litestar's CORS layer
    origin = "https://app.example.com"
    async with harness_with(cors_origins=origin) as harness:
        await harness.instrument("AAPL", "190")
        owner = await harness.user()
        account = await harness.account(owner, "acc-1")
        back_up(admission_of(harness))

        # Act
        refused = await submit(harness, owner, order_body(account), Origin=origin)

    # Assert
    assert refused.status_code == 503
    assert refused.headers["access-control-allow-origin"] == origin


async def test_the_refusal_is_counted_on_the_order_route_in_metrics(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    back_up(admission_of(market))
    await submit(market, owner, order_body(account))

    # Act
    scrape = await market.client.get("/metrics")

    # Assert
    assert scrape.status_code == 200
    assert (
        'bulwark_http_requests_total{method="POST",route="/api/v1/orders",status="503"} 1.0'
        in scrape.text
    )


async def test_with_the_bound_at_zero_there_is_no_admission_control() -> None:
    # Arrange
    async with harness_with(admission_max_wait_ms="0") as harness:
        await harness.instrument("AAPL", "190")
        owner = await harness.user()
        account = await harness.account(owner, "acc-1")

        # Act
        placed = await submit(harness, owner, order_body(account))

    # Assert
    assert harness.bundle("trading").admission is None
    assert placed.status_code == 201, placed.text
