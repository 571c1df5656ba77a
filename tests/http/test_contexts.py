"""An app mounts only the contexts it is given: each with its own routes over its own bundle."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient

from adapters.http.app import create_app
from tests.http.harness import Harness, User


def _app_serving(harness: Harness, *names: str) -> AsyncTestClient[Litestar]:
    contexts = [c for c in harness.container.http_contexts.served() if c.name in names]
    app = create_app(harness.container.http_contexts.edge(), contexts=contexts)
    return AsyncTestClient(app)


async def test_a_context_not_served_has_no_routes(harness: Harness, owner: User) -> None:
    # Arrange: an instance serving identity only
    client = _app_serving(harness, "identity")

    # Act
    async with client:
        workspaces = await client.get("/api/v1/user/workspaces", headers=owner.headers)
        inbox = await client.get("/api/v1/notifications", headers=owner.headers)

    # Assert: the served context answers, the other one is unknown here (404)
    assert workspaces.status_code == 200, workspaces.text
    assert inbox.status_code == 404
    assert inbox.json()["code"] == "NOT_FOUND"


async def test_each_context_reads_its_own_bundle(harness: Harness, owner: User) -> None:
    # Arrange
    served = {c.name: c.services for c in harness.container.http_contexts.served()}

    # Act
    response = await harness.client.get("/api/v1/user/workspaces", headers=owner.headers)

    # Assert: the bundle holds the container's own use case; the API serves every context
    assert response.status_code == 200
    identity = served["identity"]
    assert identity.workspaces is harness.container.identity.workspaces()  # type: ignore[attr-defined]
    assert {"identity", "notifications", "keys", "portfolio", "analytics"} <= set(served)
    assert {"trading", "safety", "core", "health"} <= set(served)


async def test_the_kill_switch_listener_serves_the_kill_switch_and_the_health_checks_only(
    harness: Harness, owner: User
) -> None:
    # Arrange: the lane's app, over the lane's contexts (bootstrap/containers/safety.py)
    safety = harness.container.safety
    app = create_app(safety.lane_edge(), contexts=safety.lane_contexts(), surface="kill-switch")

    # Act
    async with AsyncTestClient(app) as client:
        halt_state = await client.get("/api/v1/kill-switch/status", headers=owner.headers)
        health = await client.get("/health")
        ready = await client.get("/ready")
        succession = await client.get("/api/v1/succession/status", headers=owner.headers)
        orders = await client.get("/api/v1/orders", headers=owner.headers)
        status = await client.get("/api/status")

    # Assert: the kill switch and the probes answer; the rest of safety, trading and core do not
    assert halt_state.status_code == 200, halt_state.text
    assert health.status_code == 200 and ready.status_code == 200
    for unserved in (succession, orders, status):
        assert unserved.status_code == 404
        assert unserved.json()["code"] == "NOT_FOUND"


async def test_the_order_path_reads_the_trading_bundle_of_its_app(
    harness: Harness, owner: User
) -> None:
    # Arrange: an instance serving identity only
    client = _app_serving(harness, "identity")

    # Act
    async with client:
        response = await client.post(
            "/api/v1/orders",
            json={"account_id": "acc-1", "symbol": "AAPL", "side": "buy", "quantity": "1"},
            headers=owner.headers,
        )

    # Assert: no trading context here, so no order route (404), never a 500
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
