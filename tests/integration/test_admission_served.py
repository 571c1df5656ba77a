"""Admission control in a served app (uvicorn with Bulwark's protocol, on a thread): the server
itself answers an order its worker cannot take in time, 503 OVERLOADED as the app would (the
edge's headers, the request id, Retry-After), keeps the connection, records nothing, counts it
on /metrics and tells the log once; the order sent again once there is room is placed."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import httpx
import pytest
from structlog.testing import capture_logs

from application.core.admission import FLOOR, OrderAdmission, Ticket
from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.kit.served import Served, served_settings, serving

T = TypeVar("T")
ORDER = {
    "account_id": DEMO_ACCOUNT,
    "symbol": "AAPL",
    "side": "buy",
    "quantity": "1",
    "client_order_id": "early-1",
}


@pytest.fixture
def served() -> Iterator[Served]:
    with serving(served_settings("memory://")) as app:
        yield app


def admission_of(served: Served) -> OrderAdmission:
    assert served.container is not None
    admission: OrderAdmission | None = (
        served.container.http_contexts.trading_context().services.admission
    )
    assert admission is not None
    return admission


def on_loop(served: Served, work: Callable[[], T]) -> T:
    """`work()` on the app's own loop (the admission belongs to it), its result here."""

    async def run() -> T:
        return work()

    assert served.loop is not None
    return asyncio.run_coroutine_threadsafe(run(), served.loop).result(10)


def drain(admission: OrderAdmission, tickets: list[Ticket]) -> None:
    for ticket in tickets:
        admission.done(ticket, time.monotonic())


def back_up(admission: OrderAdmission) -> list[Ticket]:
    """The floor's worth of orders in flight, after others completed half a second apart."""
    start = time.monotonic() - 30
    tickets = [admission.admit(start) for _ in range(2 * FLOOR)]
    waiting = [t for t in tickets if isinstance(t, Ticket)]
    for n in range(FLOOR):
        admission.done(waiting.pop(), start + 0.5 * (n + 1))
    return waiting


def test_the_server_refuses_an_order_itself_as_the_app_would_and_keeps_the_connection(
    served: Served,
) -> None:
    # Arrange
    admission = admission_of(served)
    with httpx.Client(base_url=served.api, timeout=10) as client:
        login = client.post(
            "/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
        client.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        waiting = on_loop(served, lambda: back_up(admission))
        headers = {"Idempotency-Key": "early-1", "X-Request-ID": "early-request-1"}

        # Act
        with capture_logs() as logs:
            refused = client.post("/api/v1/orders", json=ORDER, headers=headers)
            health = client.get("/health")  # the same connection, kept
        on_loop(served, lambda: drain(admission, waiting))
        placed = client.post("/api/v1/orders", json=ORDER, headers=headers)
        listed = client.get("/api/v1/orders", params={"account_id": DEMO_ACCOUNT})
        scrape = client.get("/metrics")

    # Assert: the app's problem document and headers, written by the server
    assert refused.status_code == 503, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "OVERLOADED"
    assert refused.json()["retry_after"] == int(refused.headers["retry-after"]) >= 1
    assert refused.headers["x-request-id"] == "early-request-1"
    assert refused.headers["x-content-type-options"] == "nosniff"
    assert refused.headers["content-security-policy"].startswith("default-src 'none'")
    # written by the server (the app's own layer does not tell the log this way)
    assert [e["event"] for e in logs if e["event"] == "orders_refused"] == ["orders_refused"]
    assert health.status_code == 200
    # Nothing was recorded: the same order and key, once there is room, is placed (not replayed)
    assert placed.status_code == 201, placed.text
    keys = [o["client_order_id"] for o in listed.json()["items"]]
    assert keys.count("early-1") == 1
    assert (
        'bulwark_http_requests_total{method="POST",route="/api/v1/orders",status="503"} 1.0'
        in scrape.text
    )
