"""A module's `serves` marker: its apps mount those contexts, and a request for a route of a
context left out fails the test instead of answering a 404 that could pass for a handler's."""

from __future__ import annotations

import pytest

from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading")


async def test_a_route_of_a_context_left_out_fails_the_test(harness: Harness, owner: User) -> None:
    # Act / Assert
    with pytest.raises(AssertionError, match=r"GET /api/v1/wealth/profile belongs to a context"):
        await harness.client.get("/api/v1/wealth/profile", headers=owner.headers)


async def test_a_route_of_a_served_context_answers(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.get("/api/v1/accounts", headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text


async def test_a_path_no_context_routes_still_answers_404(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.get("/api/v1/no-such-resource", headers=owner.headers)

    # Assert
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
