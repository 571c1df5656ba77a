"""Errors and limits: problem+json everywhere, 404/405/413/429/500, security headers, ids."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from adapters.http.problems import title_for
from application.trading.accounts import OrderPage, OrderQuery
from domain.errors import DomainError
from domain.principals import Principal, Role
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import PASSWORD, Harness, User

pytestmark = [pytest.mark.serves("review", "trading"), pytest.mark.shares_app()]

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


async def test_an_empty_or_missing_body_names_what_to_send(harness: Harness, owner: User) -> None:
    # Arrange
    json_headers = {**owner.headers, "Content-Type": "application/json"}

    # Act
    missing = await harness.client.post("/api/v1/orders", headers=owner.headers)
    empty = await harness.client.post("/api/v1/orders", content=b"", headers=json_headers)

    # Assert
    for response in (missing, empty):
        body = assert_problem(response, 400, "VALIDATION_ERROR")
        assert body["detail"].startswith("the request has no body: send a JSON object"), body
        assert "account_id, symbol, side and quantity" in body["detail"]
        assert body["errors"] == [{"field": "body", "message": "a JSON body is required"}]
        assert "'data'" not in response.text


async def test_text_that_is_not_json_is_malformed_json_in_a_sentence(
    harness: Harness, owner: User
) -> None:
    # Arrange
    headers = {**owner.headers, "Content-Type": "application/json"}

    # Act
    response = await harness.client.post("/api/v1/orders", content=b"buy 10 AAPL", headers=headers)

    # Assert
    body = assert_problem(response, 400, "MALFORMED_JSON")
    assert body["title"] == "The body is not valid JSON"
    assert body["detail"].startswith("the request body is not valid JSON (")
    assert body["detail"].endswith("send a JSON object")


async def test_a_json_body_that_is_not_an_object_says_so(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.post("/api/v1/orders", json=[1, 2], headers=owner.headers)

    # Assert
    body = assert_problem(response, 400, "VALIDATION_ERROR")
    assert body["detail"] == "the body must be a JSON object, not an array"
    assert [error["field"] for error in body["errors"]] == ["body"]


async def test_field_errors_read_as_phrases_naming_the_field(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    missing = order_body(account)
    del missing["side"]

    # Act
    absent = await submit(market, owner, missing)
    wrong_type = await submit(market, owner, order_body(account, symbol=3))
    not_listed = await submit(market, owner, order_body(account, side="up"))

    # Assert
    assert assert_problem(absent, 400, "VALIDATION_ERROR")["detail"] == "side is required"
    assert (
        assert_problem(wrong_type, 400, "VALIDATION_ERROR")["detail"]
        == "symbol must be a string, not an integer"
    )
    assert assert_problem(not_listed, 400, "VALIDATION_ERROR")["detail"].startswith(
        "side cannot be 'up'"
    )


@pytest.mark.parametrize(
    ("kind", "media"),
    [
        ({"data": {"account_id": "acc-1", "symbol": "AAPL"}}, "application/x-www-form-urlencoded"),
        ({"files": {"file": ("order.txt", b"buy")}}, "multipart/form-data"),
        (
            {"content": b"", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
            "application/x-www-form-urlencoded",
        ),
    ],
)
async def test_a_form_sent_to_a_json_endpoint_is_415_asking_for_json(
    harness: Harness, owner: User, kind: dict[str, Any], media: str
) -> None:
    # Arrange
    headers = {**owner.headers, **kind.pop("headers", {})}

    # Act
    response = await harness.client.post("/api/v1/orders", headers=headers, **kind)

    # Assert
    body = assert_problem(response, 415, "UNSUPPORTED_MEDIA_TYPE")
    assert media in body["detail"]
    assert "application/json" in body["detail"]


async def test_a_domain_refusal_is_titled_with_a_phrase_not_a_class_name(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    response = await submit(market, owner, order_body(account, quantity="1e9"))

    # Assert
    body = assert_problem(response, 422, "INVALID_QUANTITY")
    assert body["title"] == "Invalid quantity"


def test_every_domain_code_has_a_title_a_person_reads() -> None:
    # Arrange
    codes = {cls.code for cls in _subclasses(DomainError)} | {"MFA_REQUIRED", "CSV_INVALID"}

    # Act
    titles = {code: title_for(code) for code in codes}

    # Assert: a capital, then words; no CamelCase, no underscores
    for code, title in titles.items():
        assert title[:1].isupper() and "_" not in title, (code, title)
        assert not re.search(r"[a-z][A-Z]", title), (code, title)
    assert titles["CSV_INVALID"] == "CSV invalid"
    assert titles["NOT_FOUND"] == "Not found"


def _subclasses(cls: type[DomainError]) -> set[type[DomainError]]:
    found = set(cls.__subclasses__())
    return found.union(*(_subclasses(sub) for sub in found))
