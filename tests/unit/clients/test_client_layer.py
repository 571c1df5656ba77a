"""The Python client's hand-written layer without a server: problems mapped to typed errors,
retries only where repeating is safe, and the events URL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from bulwark_client import (
    Bulwark,
    BulwarkError,
    CapabilityNotConfigured,
    Conflict,
    NotFound,
    OrderDenied,
    RateLimited,
    RetryPolicy,
    ServerError,
    ValidationFailed,
)
from bulwark_client.errors import error_for
from bulwark_client.events import events_url
from bulwark_client.retries import AsyncRetryingTransport, RetryingTransport, retry_after

NO_WAIT = RetryPolicy(attempts=3, backoff=0.0)


def _problem(status: int, code: str, **extra: object) -> bytes:
    return json.dumps(
        {"type": "about:blank", "title": "A title", "status": status, "code": code, **extra}
    ).encode()


@pytest.mark.parametrize(
    ("status", "code", "kind"),
    [
        (400, "VALIDATION_ERROR", ValidationFailed),
        (404, "NOT_FOUND", NotFound),
        (409, "CAPABILITY_NOT_CONFIGURED", CapabilityNotConfigured),
        (409, "CONFLICT", Conflict),
        (422, "ORDER_DENIED", OrderDenied),
        (429, "RATE_LIMITED", RateLimited),
        (503, "UNAVAILABLE", ServerError),
        (418, "TEAPOT", BulwarkError),
    ],
)
def test_a_problem_is_raised_as_its_codes_or_statuses_error(
    status: int, code: str, kind: type[BulwarkError]
) -> None:
    # Act
    error = error_for(status, _problem(status, code, detail="what to change"))

    # Assert
    assert type(error) is kind
    assert (error.status, error.code, error.title, error.detail) == (
        status,
        code,
        "A title",
        "what to change",
    )


def test_field_errors_reasons_and_retry_after_are_carried() -> None:
    # Act
    field_error = {"field": "quantity", "message": "must be positive"}
    invalid = error_for(400, _problem(400, "VALIDATION_ERROR", errors=[field_error]))
    denied = error_for(422, _problem(422, "ORDER_DENIED", reasons=["KILL_SWITCH_ACTIVE"]))
    limited = error_for(429, _problem(429, "RATE_LIMITED", retry_after=3))

    # Assert
    assert [(e.field, e.message) for e in invalid.errors] == [("quantity", "must be positive")]
    assert isinstance(denied, OrderDenied) and denied.reasons == ["KILL_SWITCH_ACTIVE"]
    assert limited.retry_after == 3.0


def test_an_answer_that_is_not_a_problem_still_raises_with_its_text() -> None:
    # Act
    error = error_for(502, b"<html>Bad gateway</html>")

    # Assert
    assert isinstance(error, ServerError)
    assert (error.code, error.detail) == ("HTTP_502", "<html>Bad gateway</html>")


def _flaky(answers: list[int | Exception], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return httpx.Response(answer, json={})

    return httpx.MockTransport(handle)


def _client(answers: list[int | Exception], seen: list[httpx.Request]) -> httpx.Client:
    return httpx.Client(
        base_url="http://bulwark.test", transport=RetryingTransport(_flaky(answers, seen), NO_WAIT)
    )


def test_a_get_is_retried_on_503_and_a_lost_connection() -> None:
    # Arrange
    seen: list[httpx.Request] = []
    refused = httpx.ConnectError("refused")

    # Act
    with _client([503, refused, 200], seen) as client:
        answer = client.get("/api/v1/orders")

    # Assert
    assert (answer.status_code, len(seen)) == (200, 3)


def test_a_post_with_an_idempotency_key_is_retried_and_one_without_is_not() -> None:
    # Arrange
    keyed: list[httpx.Request] = []
    plain: list[httpx.Request] = []

    # Act
    with _client([504, 201], keyed) as client:
        retried = client.post("/api/v1/orders", json={}, headers={"Idempotency-Key": "k1"})
    with _client([504, 201], plain) as client:
        once = client.post("/api/v1/kill-switch/activate", json={})

    # Assert
    assert (retried.status_code, len(keyed)) == (201, 2)
    assert (once.status_code, len(plain)) == (504, 1)


def test_retries_stop_after_the_policys_attempts_and_never_on_a_clients_mistake() -> None:
    # Arrange
    outage: list[httpx.Request] = []
    mistake: list[httpx.Request] = []

    # Act
    with _client([503, 503, 503], outage) as client:
        last = client.get("/api/v1/orders")
    with _client([400, 200], mistake) as client:
        refused = client.get("/api/v1/orders")

    # Assert
    assert (last.status_code, len(outage)) == (503, 3)
    assert (refused.status_code, len(mistake)) == (400, 1)


async def test_the_async_transport_retries_a_get_and_not_a_plain_post() -> None:
    # Arrange
    seen: list[httpx.Request] = []
    answers = [502, 200, 502]

    async def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(answers.pop(0), json={})

    transport = AsyncRetryingTransport(httpx.MockTransport(handle), NO_WAIT)

    # Act
    async with httpx.AsyncClient(base_url="http://bulwark.test", transport=transport) as client:
        got = await client.get("/api/v1/orders")
        posted = await client.post("/api/v1/kill-switch/activate", json={})

    # Assert
    assert (got.status_code, posted.status_code, len(seen)) == (200, 502, 3)


def _told(answers: list[tuple[int, str | None]], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status, after = answers.pop(0)
        return httpx.Response(status, json={}, headers={"Retry-After": after} if after else {})

    return httpx.MockTransport(handle)


def test_an_overloaded_answer_is_retried_after_the_wait_it_asks_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: 503 OVERLOADED with Retry-After 1, then 429 with Retry-After 2, then accepted
    seen: list[httpx.Request] = []
    waits: list[float] = []
    monkeypatch.setattr("bulwark_client.retries.time.sleep", waits.append)
    transport = RetryingTransport(_told([(503, "1"), (429, "2"), (201, None)], seen), NO_WAIT)

    # Act
    with httpx.Client(base_url="http://bulwark.test", transport=transport) as client:
        answer = client.post("/api/v1/orders", json={}, headers={"Idempotency-Key": "k1"})

    # Assert
    assert (answer.status_code, len(seen)) == (201, 3)
    assert waits == [1.0, 2.0]


def test_a_429_without_retry_after_and_a_wait_past_the_limit_are_answered_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    waits: list[float] = []
    monkeypatch.setattr("bulwark_client.retries.time.sleep", waits.append)
    untold: list[httpx.Request] = []
    too_long: list[httpx.Request] = []
    policy = RetryPolicy(attempts=3, backoff=0.0, max_retry_after=5.0)

    # Act
    with httpx.Client(transport=RetryingTransport(_told([(429, None)], untold), policy)) as c:
        first = c.get("http://bulwark.test/api/v1/orders")
    with httpx.Client(transport=RetryingTransport(_told([(503, "60")], too_long), policy)) as c:
        second = c.get("http://bulwark.test/api/v1/orders")

    # Assert
    assert (first.status_code, len(untold)) == (429, 1)
    assert (second.status_code, len(too_long)) == (503, 1)
    assert waits == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [("3", 3.0), ("0.5", 0.5), ("-4", 0.0), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after_reads_seconds_or_an_http_date(header: str, expected: float | None) -> None:
    # Arrange
    response = httpx.Response(503, headers={"Retry-After": header})

    # Act
    asked = retry_after(response)

    # Assert
    assert asked == expected


def test_retry_after_as_a_future_http_date_is_the_seconds_until_then() -> None:
    # Arrange: a date two minutes from now, to the second
    when = datetime.now(UTC) + timedelta(minutes=2)
    response = httpx.Response(503, headers={"Retry-After": format_datetime(when, usegmt=True)})

    # Act
    asked = retry_after(response)

    # Assert: between 118 s and 120 s (the date is whole seconds; the test takes < 1 s)
    assert asked is not None and 118.0 <= asked <= 120.0


def test_the_client_sends_exactly_one_credential() -> None:
    # Act
    with Bulwark("http://bulwark.test", api_key="bk_1") as by_key:
        key_headers = dict(by_key.http.headers)
    with Bulwark("http://bulwark.test", token="t0k") as by_token:
        token_headers = dict(by_token.http.headers)

    # Assert
    assert key_headers["x-api-key"] == "bk_1" and "authorization" not in key_headers
    assert token_headers["authorization"] == "Bearer t0k" and "x-api-key" not in token_headers
    with pytest.raises(ValueError, match="exactly one"):
        Bulwark("http://bulwark.test")


def test_the_events_url_follows_the_apis_scheme_and_carries_the_filters() -> None:
    # Act
    plain = events_url("http://localhost:8000", ["order", "kill_switch"], ["a1"])
    secure = events_url("https://bulwark.example/")

    # Assert
    assert plain == "ws://localhost:8000/ws/events?types=order%2Ckill_switch&accounts=a1"
    assert secure == "wss://bulwark.example/ws/events"
