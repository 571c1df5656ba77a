"""The broad per-client API limit (token bucket on the RateLimiter port)."""

from __future__ import annotations

import pytest

from tests.http.harness import open_harness
from tests.http.harness import test_settings as settings_with

pytestmark = pytest.mark.serves("analytics", "keys", "trading")


async def test_the_api_limit_answers_429_problem_with_retry_after_and_spares_health() -> None:
    # Arrange
    h, client = await open_harness(settings_with(api_rate_per_minute="3"))
    async with client:
        user = await h.user()  # logging in is one API call
        calls = [await client.get("/api/v1/accounts", headers=user.headers) for _ in range(3)]

        # Act
        health = await client.get("/health")
        h.clock.advance(20.5)
        after_refill = await client.get("/api/v1/accounts", headers=user.headers)

    # Assert
    assert [c.status_code for c in calls] == [200, 200, 429]
    refused = calls[-1]
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["code"] == "RATE_LIMITED"
    assert int(refused.headers["retry-after"]) >= 1
    assert health.status_code == 200
    assert after_refill.status_code == 200


async def test_a_browser_reads_the_429_the_edge_writes_with_cors_headers() -> None:
    # Arrange: CORS on; the API limit is written by the edge, outside Litestar's CORS layer
    origin = "https://app.example.com"
    h, client = await open_harness(settings_with(api_rate_per_minute="2", cors_origins=origin))
    async with client:
        user = await h.user()
        allowed = await client.get("/api/v1/accounts", headers={**user.headers, "Origin": origin})

        # Act
        refused = await client.get("/api/v1/accounts", headers={**user.headers, "Origin": origin})

    # Assert
    assert (allowed.status_code, refused.status_code) == (200, 429)
    assert refused.headers["access-control-allow-origin"] == origin
    assert (
        refused.headers["access-control-allow-origin"]
        == allowed.headers["access-control-allow-origin"]
    )
    assert refused.headers["x-request-id"] and refused.headers["x-content-type-options"]
