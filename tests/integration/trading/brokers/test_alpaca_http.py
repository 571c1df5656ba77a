"""AlpacaHttp against the local fake server: auth, rate limits, retries, deadlines, errors."""

from __future__ import annotations

import random
import socket
import time
from collections.abc import AsyncIterator

import msgspec
import pytest

from adapters.alpaca.http import (
    AlpacaConnectionError,
    AlpacaCredentials,
    AlpacaHttp,
    AlpacaHttpError,
    AlpacaMalformed,
    AlpacaRateLimited,
    AlpacaTimeout,
    decode,
    trading_stream_url,
    trading_url,
)
from adapters.memory.clock import SystemClock
from tests.alpaca_server import AlpacaServer, Reply

CREDENTIALS = AlpacaCredentials("AKTEST", "s3cr3t-value")
SLACK = 0.25  # seconds of scheduling slack on a shared machine


class _Account(msgspec.Struct):
    id: str


@pytest.fixture
async def server() -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as fake:
        fake.route("GET", "/v2/account", lambda _: Reply(200, {"id": "acc-9"}))
        fake.route("POST", "/v2/orders", lambda _: Reply(200, {"id": "o-1"}))
        yield fake


@pytest.fixture
async def http(server: AlpacaServer) -> AsyncIterator[AlpacaHttp]:
    client = AlpacaHttp(
        server.url,
        CREDENTIALS,
        provider_name="alpaca",
        clock=SystemClock(),
        timeout_s=2.0,
        rng=random.Random(7),
    )
    yield client
    await client.aclose()


def _in(seconds: float) -> float:
    return time.monotonic() + seconds


def test_the_secret_never_shows_in_a_repr() -> None:
    # Act
    text = repr(CREDENTIALS)

    # Assert
    assert "AKTEST" in text
    assert "s3cr3t" not in text


def test_urls_for_paper_live_and_the_trade_stream() -> None:
    assert trading_url(paper=True) == "https://paper-api.alpaca.markets"
    assert trading_url(paper=False) == "https://api.alpaca.markets"
    assert trading_stream_url("https://paper-api.alpaca.markets") == (
        "wss://paper-api.alpaca.markets/stream"
    )
    assert trading_stream_url("http://127.0.0.1:9/") == "ws://127.0.0.1:9/stream"


async def test_sends_the_key_headers_and_returns_the_answer(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Act
    response = await http.request("GET", "/v2/account", params={"x": "1"})

    # Assert
    assert decode(response, msgspec.json.Decoder(_Account)).id == "acc-9"
    [request] = server.requests
    assert request.headers["apca-api-key-id"] == "AKTEST"
    assert request.headers["apca-api-secret-key"] == "s3cr3t-value"
    assert request.params == {"x": "1"}


async def test_tracks_the_rate_limit_headers(http: AlpacaHttp, server: AlpacaServer) -> None:
    # Arrange
    headers = {"X-RateLimit-Limit": "200", "X-RateLimit-Remaining": "150"}
    headers["X-RateLimit-Reset"] = "1767225600"
    server.fail(Reply(200, {"id": "acc-9"}, headers))
    assert http.rate_limit() is None

    # Act
    await http.request("GET", "/v2/account")

    # Assert
    usage = http.rate_limit()
    assert usage is not None
    assert (usage.limit, usage.remaining) == (200, 150)
    assert usage.used_fraction == pytest.approx(0.25)
    assert usage.resets_at is not None
    assert usage.resets_at.timestamp() == 1767225600


async def test_a_429_whose_wait_fits_the_deadline_is_waited_out_and_retried(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    server.rate_limit(times=1, retry_after=0.2)
    started = time.monotonic()

    # Act
    response = await http.request("GET", "/v2/account", deadline=_in(1.5))

    # Assert
    assert response.status_code == 200
    assert len(server.requests) == 2
    assert time.monotonic() - started >= 0.2


async def test_a_429_whose_wait_passes_the_deadline_fails_at_once(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    server.rate_limit(times=5, retry_after=3)
    started = time.monotonic()

    # Act
    with pytest.raises(AlpacaRateLimited) as caught:
        await http.request("DELETE", "/v2/orders", deadline=_in(1.5))

    # Assert
    assert time.monotonic() - started < SLACK
    assert caught.value.retry_after == 3.0
    assert caught.value.status == 429
    assert caught.value.retryable
    assert len(server.requests) == 1


async def test_a_429_without_retry_after_waits_for_the_rate_limit_reset(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    server.rate_limit(times=5, reset_in=30)

    # Act
    with pytest.raises(AlpacaRateLimited) as caught:
        await http.request("GET", "/v2/account", deadline=_in(1.0))

    # Assert
    assert caught.value.retry_after is not None
    assert 28 <= caught.value.retry_after <= 31


async def test_without_a_deadline_a_long_429_wait_is_not_waited(
    server: AlpacaServer,
) -> None:
    # Arrange
    client = AlpacaHttp(server.url, CREDENTIALS, provider_name="p", clock=SystemClock())
    server.rate_limit(times=1, retry_after=60)

    # Act / Assert
    with pytest.raises(AlpacaRateLimited):
        await client.request("GET", "/v2/account")
    await client.aclose()


async def test_a_503_on_a_get_is_retried_with_backoff(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(Reply(503, {"message": "busy"}), times=2)

    # Act
    response = await http.request("GET", "/v2/account", deadline=_in(1.5))

    # Assert
    assert response.status_code == 200
    assert len(server.requests) == 3


async def test_transient_failures_stop_after_max_attempts(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(Reply(504, {"message": "gateway timeout"}), times=10)

    # Act
    with pytest.raises(AlpacaHttpError) as caught:
        await http.request("GET", "/v2/account")

    # Assert
    assert caught.value.status == 504
    assert caught.value.retryable
    assert len(server.requests) == 3


async def test_a_502_on_a_post_is_not_resent(http: AlpacaHttp, server: AlpacaServer) -> None:
    # Arrange: the order may have been placed; resending could place it twice
    server.fail(Reply(502, {"message": "bad gateway"}), times=1)

    # Act
    with pytest.raises(AlpacaHttpError) as caught:
        await http.request("POST", "/v2/orders", json={"symbol": "AAPL"})

    # Assert
    assert caught.value.status == 502
    assert len(server.requests) == 1


async def test_a_client_error_carries_alpacas_code_and_message(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    body = {"code": 40310000, "message": "insufficient buying power"}
    server.fail(Reply(403, body))

    # Act
    with pytest.raises(AlpacaHttpError) as caught:
        await http.request("POST", "/v2/orders", json={})

    # Assert
    error = caught.value
    assert (error.status, error.code, error.message) == (403, 40310000, body["message"])
    assert not error.retryable


async def test_a_non_json_error_body_becomes_the_message(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    server.fail(Reply(500, raw=b"<html>oops</html>"))

    # Act
    with pytest.raises(AlpacaHttpError) as caught:
        await http.request("POST", "/v2/orders", json={})

    # Assert
    assert caught.value.message == "<html>oops</html>"
    assert caught.value.retryable


async def test_a_malformed_body_raises_malformed_not_msgspecs_error(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    server.malformed()
    response = await http.request("GET", "/v2/account")

    # Act / Assert
    with pytest.raises(AlpacaMalformed):
        decode(response, msgspec.json.Decoder(_Account))


async def test_a_slow_answer_times_out_within_the_deadline(
    http: AlpacaHttp, server: AlpacaServer
) -> None:
    # Arrange
    server.slow(5.0, times=5)
    started = time.monotonic()

    # Act
    with pytest.raises(AlpacaTimeout):
        await http.request("GET", "/v2/account", deadline=_in(0.4))

    # Assert
    assert time.monotonic() - started < 0.4 + SLACK


async def test_a_passed_deadline_sends_nothing(http: AlpacaHttp, server: AlpacaServer) -> None:
    # Act
    with pytest.raises(AlpacaTimeout):
        await http.request("GET", "/v2/account", deadline=_in(-0.1))

    # Assert
    assert server.requests == []


async def test_a_refused_connection_is_a_connection_error() -> None:
    # Arrange: a port nobody listens on
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = AlpacaHttp(
        f"http://127.0.0.1:{port}",
        CREDENTIALS,
        provider_name="alpaca",
        clock=SystemClock(),
        backoff_s=0.01,
    )

    # Act / Assert
    with pytest.raises(AlpacaConnectionError) as caught:
        await client.request("POST", "/v2/orders", json={}, deadline=_in(1.0))
    assert caught.value.retryable
    await client.aclose()
