"""Wire limits at the HTTP boundary: bodies, URLs and headers a handler must never see are 4xx."""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import unquote_to_bytes

import pytest
from litestar import Litestar

from adapters.http.core.ws import CLOSE_BAD_MESSAGE
from adapters.http.limits import MAX_HEADER_BYTES, MAX_URL_BYTES, OFF_LOOP_BYTES
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import Harness, User
from tests.http.test_ws import close_code

pytestmark = [pytest.mark.serves("market_data", "review", "trading"), pytest.mark.shares_app()]

DEEP = b"[" * 5000 + b"]" * 5000


def rule_body(params: bytes) -> bytes:
    return b'{"name": "r", "rule_type": "max_position", "params": ' + params + b"}"


async def post_raw(harness: Harness, user: User, path: str, body: bytes) -> Any:
    headers = {**user.headers, "content-type": "application/json"}
    return await harness.client.post(path, content=body, headers=headers)


async def test_a_body_that_is_not_utf8_is_400_invalid_encoding(
    harness: Harness, owner: User
) -> None:
    # Arrange
    body = b'{"account_id": "acc-1", "symbol": "\xff\xfe", "side": "buy", "quantity": "1"}'

    # Act
    response = await post_raw(harness, owner, "/api/v1/orders", body)

    # Assert
    assert_problem(response, 400, "INVALID_ENCODING")


@pytest.mark.parametrize(
    "path", ["/api/v1/risk-rules", "/api/v1/orders", "/api/v1/auth/login", "/api/v1/user/workspace"]
)
async def test_json_nested_thousands_deep_is_400_json_too_deep(
    harness: Harness, owner: User, path: str
) -> None:
    # Act
    response = await post_raw(harness, owner, path, rule_body(DEEP))

    # Assert
    body = assert_problem(response, 400, "JSON_TOO_DEEP")
    assert "64" in body["detail"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (rule_body(b"[" * 40_000 + b"]" * 40_000), "JSON_TOO_DEEP"),
        (rule_body(b'"' + b"x" * 70_000 + b'"'), "STRING_TOO_LONG"),
        (rule_body(b'"' + b"x" * 70_000 + b'\xff"'), "INVALID_ENCODING"),
    ],
    ids=["deep", "long-string", "not-utf8"],
)
async def test_a_large_body_is_checked_off_the_loop_with_the_same_answers(
    harness: Harness, owner: User, body: bytes, code: str
) -> None:
    # Arrange
    assert len(body) > OFF_LOOP_BYTES

    # Act
    response = await post_raw(harness, owner, "/api/v1/risk-rules", body)

    # Assert
    assert_problem(response, 400, code)


async def test_a_string_over_the_cap_is_400_and_one_at_the_cap_is_decoded() -> None:
    async with harness_with(json_max_string_bytes="100") as harness:
        # Arrange
        owner = await harness.user()
        at_cap = order_body("acc-1", client_order_id="c" * 100)
        over = order_body("acc-1", client_order_id="c" * 101)

        # Act
        allowed = await submit(harness, owner, at_cap)
        refused = await submit(harness, owner, over)

    # Assert: the one at the cap reached the handler (the account is not the caller's)
    assert allowed.json()["code"] != "STRING_TOO_LONG"
    assert_problem(refused, 400, "STRING_TOO_LONG")


async def test_a_workspace_layout_of_32_levels_still_fits_the_depth_cap(
    harness: Harness, owner: User
) -> None:
    # Arrange: the domain allows a layout 32 levels deep; the body adds its own object
    layout: dict[str, Any] = {}
    for _ in range(31):
        layout = {"panel": layout}
    body = {"workspace_name": "deep", "layout_json": layout}

    # Act
    response = await harness.client.post("/api/v1/user/workspace", json=body, headers=owner.headers)

    # Assert
    assert response.status_code in (200, 201), response.text


async def test_a_deep_websocket_message_closes_with_bad_message(
    harness: Harness, owner: User
) -> None:
    # Arrange
    deep = '{"action": "subscribe", "types": ' + "[" * 3000 + "]" * 3000 + "}"
    with await harness.client.websocket_connect(f"/ws/events?token={owner.access_token}") as ws:
        assert ws.receive_json(timeout=5)["type"] == "welcome"

        # Act
        ws.send_text(deep)

        # Assert
        code = close_code(ws)
    assert code == CLOSE_BAD_MESSAGE


async def asgi_call(
    app: Litestar,
    method: str,
    raw_path: bytes,
    query: bytes = b"",
    headers: Any = (),
    *,
    disconnect: bool = False,
) -> tuple[int, bytes]:
    """One request straight through ASGI, so the bytes are exactly what a server could pass."""
    decoded = unquote_to_bytes(raw_path)
    try:
        path = decoded.decode("utf-8")
    except UnicodeDecodeError:
        path = decoded.decode("latin-1")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": raw_path,
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"test"), *headers],
        "client": ("10.0.0.1", 1234),
        "server": ("test", 80),
    }
    sent: list[dict[str, Any]] = []
    delivered = False

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if not delivered:
            delivered = True
            # Disconnecting: half a body, then the client is gone.
            body = b"{" if disconnect else b"{}"
            return {"type": "http.request", "body": body, "more_body": disconnect}
        if disconnect:
            return {"type": "http.disconnect"}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)  # type: ignore[arg-type]
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        (b"limit=\xff\xfe", 400, "INVALID_ENCODING"),
        (b"limit=%ff%fe", 400, "INVALID_ENCODING"),
        (b"limit=%zz", 400, "INVALID_ENCODING"),
        (b"limit=%", 400, "INVALID_ENCODING"),
        (b"cursor=%00", 400, "INVALID_ENCODING"),
        (b"cursor=" + b"A" * MAX_URL_BYTES, 414, "URI_TOO_LONG"),
    ],
    ids=["raw-bytes", "bad-utf8", "bad-percent", "lone-percent", "nul", "huge"],
)
async def test_garbage_query_strings_are_4xx_problems(
    harness: Harness, owner: User, query: bytes, status: int, code: str
) -> None:
    # Arrange
    auth = [(k.lower().encode(), v.encode()) for k, v in owner.headers.items()]

    # Act
    got, body = await asgi_call(harness.app, "GET", b"/api/v1/orders", query, auth)

    # Assert
    assert got == status, body
    assert f'"code":"{code}"'.encode() in body


@pytest.mark.parametrize(
    "segment", [b"%ff", b"\xff\xfe", b"%00", b"%c0%af", b"%zz"], ids=lambda s: repr(s)
)
async def test_garbage_path_parameters_are_400_invalid_encoding(
    harness: Harness, owner: User, segment: bytes
) -> None:
    # Arrange
    auth = [(k.lower().encode(), v.encode()) for k, v in owner.headers.items()]

    # Act
    got, body = await asgi_call(harness.app, "GET", b"/api/v1/orders/" + segment, b"", auth)

    # Assert
    assert got == 400, body
    assert b'"code":"INVALID_ENCODING"' in body


async def test_a_plain_request_passes_the_guard(harness: Harness, owner: User) -> None:
    # Arrange
    auth = [(k.lower().encode(), v.encode()) for k, v in owner.headers.items()]

    # Act
    got, body = await asgi_call(harness.app, "GET", b"/api/v1/orders", b"limit=5&x=%C3%A9+y", auth)

    # Assert
    assert got == 200, body


async def test_headers_over_the_cap_are_431(harness: Harness) -> None:
    # Act
    got, body = await asgi_call(
        harness.app, "GET", b"/health", headers=[(b"x-junk", b"a" * MAX_HEADER_BYTES)]
    )

    # Assert
    assert got == 431, body
    assert b'"code":"HEADERS_TOO_LARGE"' in body


async def test_no_route_answers_500_to_garbage() -> None:
    async with harness_with(fear_greed_series="file") as harness:
        # The Fear & Greed index's data in place (its shipped series, the index quoted), so its
        # route answers the garbage rather than the 503 of a server without its data
        await harness.instrument("SPY", "560")
        await every_route_given_garbage_answers_below_500(harness, await harness.user())


async def every_route_given_garbage_answers_below_500(harness: Harness, owner: User) -> None:
    # Arrange: every route, its parameters and query string replaced by garbage, odd headers
    auth = [(k.lower().encode(), v.encode()) for k, v in owner.headers.items()]
    paths = sorted({r.path for r in harness.app.routes if not r.path.startswith("/ws")})
    odd_headers = [
        [(b"authorization", b"Bearer \xff\xfe\x00")],
        [(b"x-api-key", b"\x00\xff")],
        [*auth, (b"idempotency-key", b"\xff" * 300)],
        [*auth, (b"content-type", b"application/json; charset=\xff")],
        [*auth, (b"content-length", b"abc")],
        [*auth, (b"x-request-id", b"\xff\x00" * 100)],
    ]
    failures = []

    # Act
    for path in paths:
        for method in ("GET", "POST", "PUT", "DELETE"):
            raw = re.sub(r"\{[^}]+\}", "%ff", path).encode()
            plain = re.sub(r"\{[^}]+\}", "x", path).encode()
            for target, query, headers in [
                (raw, b"", auth),
                (plain, b"limit=99999999999999999999&cursor=!!&offset=-1", auth),
                (plain, b"limit=nan&since=\xff", auth),
                *((plain, b"", h) for h in odd_headers),
            ]:
                status, body = await asgi_call(harness.app, method, target, query, headers)
                # Outside-account routes on a server with no aggregator configured answer their
                # documented 503 AGGREGATOR_UNAVAILABLE: a stated state, not a crash.
                if status == 503 and b"AGGREGATOR_UNAVAILABLE" in body:
                    continue
                if status >= 500:
                    failures.append((method, target, query, status, body[:120]))

    # Assert
    assert failures == []


async def test_a_client_gone_mid_body_is_a_400_not_a_500(harness: Harness) -> None:
    # Arrange
    headers = [(b"content-type", b"application/json")]

    # Act
    status, body = await asgi_call(
        harness.app, "POST", b"/api/v1/auth/login", headers=headers, disconnect=True
    )

    # Assert
    assert status == 400, body


async def test_a_query_under_the_url_limit_reaches_the_handler_through_the_test_client(
    harness: Harness, owner: User
) -> None:
    # Arrange: 5,000 bytes of query, under MAX_URL_BYTES once and over it if counted twice
    cursor = "A" * 5_000

    # Act
    response = await harness.client.get(
        "/api/v1/orders", params={"cursor": cursor}, headers=owner.headers
    )

    # Assert: the handler's own answer to a cursor it never issued, not the edge's 414
    assert MAX_URL_BYTES < 2 * len(cursor) < 2 * MAX_URL_BYTES
    assert_problem(response, 422, "INVALID_QUERY")
