"""Errors and limits: problem+json everywhere, 404/405/413/429/500, security headers, ids."""

from __future__ import annotations

import httpx
import pytest

from application.trading.accounts import OrderPage, OrderQuery
from domain.principals import Principal, Role
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import PASSWORD, Harness, User

SECRET_DETAIL = "db at postgresql://bulwark:hunter2@db.internal/prod exploded"


async def test_every_error_is_a_problem_document(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")
    stranger = await market.user()
    client = market.client
    cases = [
        (await client.get("/api/v1/orders"), 401, "UNAUTHENTICATED"),
        (await client.get("/api/v1/auth/me", headers={"X-API-Key": "bwk_x.y"}), 401, None),
        (await client.get("/no/such/route"), 404, "NOT_FOUND"),
        (await client.get("/api/v1/nothing-here", headers=owner.headers), 404, "NOT_FOUND"),
        (await client.put("/api/v1/orders", headers=owner.headers), 405, "METHOD_NOT_ALLOWED"),
        (await client.post("/health"), 405, "METHOD_NOT_ALLOWED"),
        (await submit(market, owner, order_body(account, side="up")), 400, "VALIDATION_ERROR"),
        (await submit(market, stranger, order_body(account)), 404, "NOT_FOUND"),
        (await submit(market, owner, order_body(account, quantity="1e5")), 422, "ORDER_DENIED"),
        (await submit(market, owner, order_body(account, quantity="1e9")), 422, "INVALID_QUANTITY"),
    ]

    for response, status, code in cases:
        body = assert_problem(response, status, code or "UNAUTHENTICATED")
        assert body["type"].startswith("https://"), body
        assert body["instance"] == response.request.url.path


async def test_an_unknown_route_is_a_404_problem_with_headers_and_request_id(
    harness: Harness,
) -> None:
    response = await harness.client.get("/nope", headers={"X-Request-ID": "trace-404"})

    assert_problem(response, 404, "NOT_FOUND")
    assert response.headers["x-request-id"] == "trace-404"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_a_body_over_the_limit_is_413() -> None:
    async with harness_with(max_body_bytes="512") as harness:
        owner = await harness.user()
        huge = order_body("acc-1", client_order_id="x" * 2048)
        big_login = {"username": "someone", "password": "p" * 2048}

        order = await submit(harness, owner, huge)
        login = await harness.client.post("/api/v1/auth/login", json=big_login)
        small = await harness.client.get("/api/v1/auth/me", headers=owner.headers)

    assert_problem(order, 413, "BODY_TOO_LARGE")
    assert_problem(login, 413, "BODY_TOO_LARGE")
    assert small.status_code == 200


async def test_logins_over_the_rate_limit_get_429_with_retry_after() -> None:
    async with harness_with(login_rate_per_minute="3") as harness:
        await harness.container.core.auth().create_user("carol", PASSWORD, Role.TRADER)
        credentials = {"username": "carol", "password": PASSWORD}
        allowed = [
            await harness.client.post("/api/v1/auth/login", json=credentials) for _ in range(3)
        ]

        limited = await harness.client.post("/api/v1/auth/login", json=credentials)
        token = allowed[0].json()["access_token"]
        elsewhere = await harness.client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}
        )

    assert [r.status_code for r in allowed] == [200, 200, 200]
    body = assert_problem(limited, 429, "RATE_LIMITED")
    assert int(limited.headers["retry-after"]) >= 1
    assert body["retry_after"] >= 1
    assert elsewhere.status_code == 200


async def test_an_unexpected_error_is_a_500_without_internals(
    harness: Harness, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def explode(principal: Principal, query: OrderQuery) -> OrderPage:
        raise RuntimeError(SECRET_DETAIL)

    monkeypatch.setattr(harness.container.trading.accounts(), "orders", explode)

    response = await harness.client.get(
        "/api/v1/orders", headers={**owner.headers, "X-Request-ID": "trace-500"}
    )

    body = assert_problem(response, 500, "INTERNAL_ERROR")
    assert body["title"] == "Internal server error"
    for leak in ("hunter2", "RuntimeError", "postgresql", "Traceback", "explode"):
        assert leak not in response.text
    assert response.headers["x-request-id"] == "trace-500"
    assert response.headers["x-frame-options"] == "DENY"


def assert_security_headers(response: httpx.Response) -> None:
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


async def test_security_headers_on_every_kind_of_response(harness: Harness, owner: User) -> None:
    responses = [
        await harness.client.get("/health"),
        await harness.client.get("/api/v1/auth/me", headers=owner.headers),
        await harness.client.get("/api/v1/auth/me"),
        await harness.client.get("/nowhere"),
        await harness.client.post("/api/v1/auth/login", json={"nope": 1}),
    ]

    for response in responses:
        assert_security_headers(response)
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert responses[1].headers["cache-control"] == "no-store"


async def test_the_docs_get_a_csp_that_lets_the_ui_load(harness: Harness) -> None:
    response = await harness.client.get("/schema/swagger")

    assert response.status_code == 200
    assert_security_headers(response)
    assert "script-src 'self'" in response.headers["content-security-policy"]


async def test_a_sane_request_id_is_echoed_and_a_bad_one_replaced(harness: Harness) -> None:
    echoed = await harness.client.get("/health", headers={"X-Request-ID": "abc-123.x_y"})
    replaced = await harness.client.get("/health", headers={"X-Request-ID": "bad id\r\nx: 1"})
    made = await harness.client.get("/health")

    assert echoed.headers["x-request-id"] == "abc-123.x_y"
    assert replaced.headers["x-request-id"] != "bad id\r\nx: 1"
    assert len(replaced.headers["x-request-id"]) == 32
    assert len(made.headers["x-request-id"]) == 32
    assert made.headers["x-request-id"] != replaced.headers["x-request-id"]


@pytest.mark.parametrize("host", ["v:P_aZ{nHV9W'Esg", "a b", "h<o>st"])
async def test_a_malformed_host_header_is_a_400_problem_not_a_crash(
    market: Harness, owner: User, host: str
) -> None:
    # Act
    response = await market.client.get("/api/v1/auth/me", headers={**owner.headers, "Host": host})

    # Assert
    assert response.status_code == 400
    body = response.json()
    assert body["instance"] == "/api/v1/auth/me"
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("host", ["example.com:abc", "x:y", "host:99999999", "[::1"])
async def test_an_odd_but_routable_host_header_does_not_break_a_request(
    market: Harness, owner: User, host: str
) -> None:
    # Act
    found = await market.client.get("/api/v1/auth/me", headers={**owner.headers, "Host": host})
    missing = await market.client.get("/api/v1/nothing", headers={**owner.headers, "Host": host})

    # Assert
    assert found.status_code == 200, found.text
    assert missing.status_code == 404
    assert missing.json()["instance"] == "/api/v1/nothing"
