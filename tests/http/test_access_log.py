"""One access line per request, whatever answers it: a route, a 404, the API limit, a refusal."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
import structlog

from tests.http.harness import open_harness
from tests.http.harness import test_settings as settings_with
from tests.http.log_capture import captured_logs

pytestmark = pytest.mark.serves("analytics", "keys", "trading")


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    """Bulwark's logging into a buffer (JSON, info); the previous set-up restored after."""
    with captured_logs("info") as stream:
        yield stream


def access_lines(stream: io.StringIO) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    return [line for line in lines if line.get("logger") == "bulwark.access"]


async def test_each_request_is_logged_once_whoever_answers_it(log_stream: io.StringIO) -> None:
    # Arrange: an API limit of 2 calls a minute (the login is the first)
    h, client = await open_harness(settings_with(api_rate_per_minute="2"))
    async with client:
        user = await h.user()
        log_stream.truncate(0)
        log_stream.seek(0)

        # Act
        answers = [
            await client.get("/health", headers={"X-Request-ID": "a-health"}),
            await client.get("/nowhere", headers={"X-Request-ID": "a-404"}),
            await client.get("/api/v1/accounts", headers={**user.headers, "X-Request-ID": "a-ok"}),
            await client.get("/api/v1/accounts", headers={**user.headers, "X-Request-ID": "a-429"}),
            await client.get("/api/v1/%zz", headers={"X-Request-ID": "a-400"}),
        ]

    # Assert
    assert [a.status_code for a in answers] == [200, 404, 200, 429, 400]
    logged = access_lines(log_stream)
    assert [(line["request_id"], line["status"]) for line in logged] == [
        ("a-health", 200),
        ("a-404", 404),
        ("a-ok", 200),
        ("a-429", 429),
        ("a-400", 400),
    ]
    ok = logged[2]
    assert (ok["method"], ok["path"], ok["level"]) == ("GET", "/api/v1/accounts", "info")
    assert ok["ms"] >= 0 and ok["client"] and "timestamp" in ok


async def test_the_access_log_follows_its_logger_level(log_stream: io.StringIO) -> None:
    # Arrange: an operator quiets the access log alone
    logging.getLogger("bulwark.access").setLevel(logging.WARNING)
    _, client = await open_harness()
    async with client:
        # Act
        response = await client.get("/health")
        structlog.get_logger("bulwark.other").info("still_here")

    # Assert
    assert response.status_code == 200
    assert access_lines(log_stream) == []
    assert "still_here" in log_stream.getvalue()
