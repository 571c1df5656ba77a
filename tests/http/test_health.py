"""Liveness, readiness, component status and the OpenAPI document."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from adapters.http.core import CoreServices
from adapters.http.services import Degrading
from application.trading.in_doubt import DoubtfulOrder
from application.trading.in_doubt_watch import InDoubtSnapshot
from bootstrap.containers.http import REDIS_DEGRADES
from tests.http.harness import Harness

pytestmark = pytest.mark.serves("review", "safety", "trading")


async def test_health_answers_without_credentials(harness: Harness) -> None:
    response = await harness.client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "time": "2026-01-05T14:30:00Z"}


async def test_ready_is_200_when_every_probe_answers(harness: Harness) -> None:
    response = await harness.client.get("/ready")

    assert response.status_code == 200
    assert response.json()["ready"] is True
    components = {c["name"]: c for c in response.json()["components"]}
    assert set(components) == {"store", "connections"}
    # No venue connection routed to yet: listed, nothing in trouble, never required.
    assert components["connections"]["ok"] and not components["connections"]["required"]
    assert components["connections"]["details"] == {"connections": []}


async def test_ready_is_503_when_a_probe_fails_and_says_only_what_failed(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken() -> tuple[bool, Mapping[str, Any]]:
        raise ConnectionError("redis://:sup3rsecret@cache:6379 refused")

    monkeypatch.setitem(harness.container.http_contexts.probes(), "redis", broken)

    ready = await harness.client.get("/ready")
    status = await harness.client.get("/api/status")

    assert ready.status_code == 503
    redis = next(c for c in ready.json()["components"] if c["name"] == "redis")
    assert redis == {
        "name": "redis",
        "ok": False,
        "details": {"error": "ConnectionError"},
        "required": True,
        "degrades": None,
    }
    assert "sup3rsecret" not in ready.text + status.text
    assert status.json()["status"] == "degraded"


async def test_ready_stays_200_without_a_degrading_dependency_and_says_what_degrades(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: Redis configured and down (the instance serves on, degraded)
    async def refused() -> tuple[bool, Mapping[str, Any]]:
        raise ConnectionError("refused")

    probes = harness.container.http_contexts.probes()
    monkeypatch.setitem(probes, "redis", Degrading(refused, REDIS_DEGRADES))

    # Act
    ready = await harness.client.get("/ready")
    status = await harness.client.get("/api/status")

    # Assert
    assert ready.status_code == 200
    assert ready.json()["ready"] is True
    assert ready.json()["degraded"] == ["redis"]
    redis = next(c for c in ready.json()["components"] if c["name"] == "redis")
    assert (redis["ok"], redis["required"]) == (False, False)
    assert "rate limit" in redis["degrades"]
    assert status.json()["status"] == "degraded"
    assert "redis" in {c["name"] for c in status.json()["components"] if not c["ok"]}


async def test_status_lists_components_version_and_a_safe_settings_summary(
    harness: Harness,
) -> None:
    response = await harness.client.get("/api/status")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["version"] == "0.1.0"
    store, connections = body["components"]
    assert (store["name"], store["ok"]) == ("store", True)
    assert (connections["name"], connections["ok"]) == ("connections", True)
    assert store["details"]["kind"] in ("memory", "sqlite", "postgresql")
    assert body["settings"]["store"] == "memory"
    assert body["settings"]["broker"] == "paper"
    assert not any("secret" in key or "key" in key for key in body["settings"])


async def test_openapi_documents_orders_with_their_error_responses(harness: Harness) -> None:
    response = await harness.client.get("/schema/openapi.json")

    assert response.status_code == 200
    document = response.json()
    submit = document["paths"]["/api/v1/orders"]["post"]
    assert submit["tags"] == ["trading"]
    assert submit["operationId"] == "placeOrder"
    assert set(submit["responses"]) >= {"201", "400", "401", "404", "409", "413", "422", "429"}
    denied = submit["responses"]["422"]
    assert "ORDER_DENIED" in denied["description"]
    assert denied["content"]["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"
    }
    cancel = document["paths"]["/api/v1/orders/{order_id}"]["delete"]
    assert set(cancel["responses"]) >= {"200", "401", "404", "409"}
    assert "code" in document["components"]["schemas"]["Problem"]["properties"]
    assert {"BearerToken", "ApiKey"} <= set(document["components"]["securitySchemes"])


async def test_openapi_documents_kill_switch_refusals_as_problem_json(harness: Harness) -> None:
    # Act
    schema = (await harness.client.get("/schema/openapi.json")).json()

    # Assert
    responses = schema["paths"]["/api/v1/kill-switch/activate"]["post"]["responses"]
    for status in ("401", "403", "423", "429"):
        assert "application/problem+json" in responses[status]["content"], status


async def test_status_counts_the_orders_still_in_doubt_without_naming_them(
    harness: Harness,
) -> None:
    # Arrange
    services: CoreServices = harness.bundle("core")
    at = services.clock.now()
    doubtful = DoubtfulOrder("o-1", "c-o-1", "acc-1", "paper", "BROKER_UNAVAILABLE: lookup")
    services.in_doubt.snapshot = InDoubtSnapshot((doubtful,), at)

    # Act: /api/status answers without a token
    response = await harness.client.get("/api/status")

    # Assert: the count and the broker, never an order's id
    assert response.status_code == 200
    assert "o-1" not in response.text
    assert response.json()["orders_in_doubt"] == {
        "count": 1,
        "brokers": ["paper"],
        "checked_at": "2026-01-05T14:30:00Z",
    }
