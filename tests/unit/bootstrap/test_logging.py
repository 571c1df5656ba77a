"""Logging: JSON lines with context, stdlib routed through structlog, secrets never written."""

from __future__ import annotations

import io
import json
import logging
import time
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
import structlog
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bootstrap import logging as logging_module
from bootstrap.logging import configure_logging, is_sensitive_key, mask_text

JWT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1LTEiLCJleHAiOjE3MDB9.c2lnbmF0dXJlLXNpZw_-x"
API_KEY = "bwk_live_Qx7Ks9Lm2Np4Rt6Vw8Yz"
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def out() -> Iterator[io.StringIO]:
    """A captured stream; logging and structlog are put back as they were afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    stream = io.StringIO()
    yield stream
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(False)
    structlog.contextvars.clear_contextvars()
    structlog.reset_defaults()


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line]


def test_json_line_has_level_timestamp_logger_and_fields(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "json", stream=out)

    # Act
    structlog.get_logger("bulwark.orders").info("order decided", account="A-1", approved=True)

    # Assert
    [line] = lines(out)
    assert line["event"] == "order decided"
    assert line["level"] == "info"
    assert line["logger"] == "bulwark.orders"
    assert line["account"] == "A-1"
    assert line["approved"] is True
    assert line["timestamp"].endswith("Z")
    assert "T" in line["timestamp"]


def test_auto_format_is_json_when_the_stream_is_not_a_tty(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "auto", stream=out)

    # Act
    structlog.get_logger().info("hello")

    # Assert
    assert lines(out)[0]["event"] == "hello"


def test_console_format_is_not_json(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "console", stream=out)

    # Act
    structlog.get_logger().info("hello", user="bob", password=PASSWORD)

    # Assert
    text = out.getvalue()
    assert "hello" in text
    assert "user=bob" in text
    assert PASSWORD not in text
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


def test_level_filters_lower_records(out: io.StringIO) -> None:
    # Arrange
    configure_logging("warning", "json", stream=out)
    log = structlog.get_logger()

    # Act
    log.info("quiet")
    log.warning("loud")
    logging.getLogger("lib").info("quiet too")

    # Assert
    assert [line["event"] for line in lines(out)] == ["loud"]


def test_http_clients_request_lines_are_not_logged_at_info(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "json", stream=out)

    # Act: what httpx and httpcore write for every request, then one of their warnings
    logging.getLogger("httpx").info("HTTP Request: GET https://venue.example/v1 200 OK")
    logging.getLogger("httpcore.connection").debug("connect_tcp.started")
    logging.getLogger("httpx").warning("retrying")

    # Assert
    assert [line["event"] for line in lines(out)] == ["retrying"]


def test_bound_context_appears_on_every_line_including_stdlib(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "json", stream=out)
    structlog.contextvars.bind_contextvars(request_id="req-42")

    # Act
    structlog.get_logger().info("from structlog")
    logging.getLogger("uvicorn.access").info("GET %s %d", "/health", 200)

    # Assert
    first, second = lines(out)
    assert first["request_id"] == second["request_id"] == "req-42"
    assert second["event"] == "GET /health 200"
    assert second["logger"] == "uvicorn.access"


def test_configuring_again_does_not_duplicate_lines(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "json", stream=out)
    configure_logging("info", "json", stream=out)

    # Act
    structlog.get_logger().info("once")
    logging.getLogger("lib").info("once too")

    # Assert
    assert [line["event"] for line in lines(out)] == ["once", "once too"]


def test_unknown_level_or_format_is_refused() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="level"):
        configure_logging("trace", "json")
    with pytest.raises(ValueError, match="format"):
        configure_logging("info", "xml")


@pytest.mark.parametrize(
    "key",
    [
        "password",
        "new_password",
        "Password",
        "passcode",
        "access_token",
        "refresh_token",
        "client_secret",
        "api_key",
        "X-Api-Key",
        "apikey",
        "Authorization",
        "cookie",
        "set-cookie",
        "totp_secret",
        "code",
        "totp_code",
        "mfa_code",
        "backup_codes",
        "private_key",
        "jwt_private_key_pem",
    ],
)
def test_sensitive_keys_are_recognised(key: str) -> None:
    # Act / Assert
    assert is_sensitive_key(key)


@pytest.mark.parametrize(
    "key", ["user", "account", "reason_codes", "status_code", "error_code", "symbol", "event"]
)
def test_operational_keys_are_kept(key: str) -> None:
    # Act / Assert
    assert not is_sensitive_key(key)


def test_sensitive_keys_are_masked_at_any_depth(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "json", stream=out)

    # Act
    structlog.get_logger().info(
        "login",
        user="alice",
        password=PASSWORD,
        mfa_code=123456,
        request={"headers": {"Authorization": f"Bearer {JWT}", "accept": "json"}},
        recovery={"backup_codes": ["aaaa-1111", "bbbb-2222"]},
        reason_codes=["MAX_ORDER_NOTIONAL"],
    )

    # Assert
    raw = out.getvalue()
    for secret in (PASSWORD, "123456", JWT, "aaaa-1111", "bbbb-2222"):
        assert secret not in raw
    [line] = lines(out)
    assert line["password"] == "***"
    assert line["mfa_code"] == "***"
    assert line["request"]["headers"] == {"Authorization": "***", "accept": "json"}
    assert line["recovery"] == {"backup_codes": "***"}
    assert line["user"] == "alice"
    assert line["reason_codes"] == ["MAX_ORDER_NOTIONAL"]


def test_tokens_and_keys_in_text_are_masked_wherever_they_appear(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "json", stream=out)
    log = structlog.get_logger()

    # Act
    log.info(f"issued {JWT} to alice")
    log.info("agent call", header=f"Bearer {JWT}", note=f"used {API_KEY}", items=[API_KEY, (JWT,)])
    logging.getLogger("uvicorn.access").info("GET /ws/orders?token=%s 101", JWT)
    logging.getLogger("lib").warning("retry with key %s", API_KEY)

    # Assert
    raw = out.getvalue()
    assert JWT not in raw
    assert API_KEY not in raw
    assert "Qx7Ks9Lm2Np4Rt6Vw8Yz" not in raw
    first, second, third, fourth = lines(out)
    assert first["event"] == "issued *** to alice"
    assert second["header"] == "Bearer ***"
    assert second["note"] == "used bwk_***"
    assert third["event"] == "GET /ws/orders?token=*** 101"
    assert fourth["event"] == "retry with key bwk_***"


def test_secrets_inside_exception_tracebacks_are_masked(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "json", stream=out)

    # Act
    try:
        raise RuntimeError(f"broker rejected {API_KEY} and {JWT}")
    except RuntimeError:
        structlog.get_logger().exception("broker call failed")
        logging.getLogger("lib").exception("stdlib saw it too")

    # Assert
    raw = out.getvalue()
    assert API_KEY not in raw
    assert JWT not in raw
    first, second = lines(out)
    assert "RuntimeError: broker rejected bwk_*** and ***" in first["exception"]
    assert "RuntimeError" in second["exception"]


def test_console_tracebacks_do_not_show_local_variables(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "console", stream=out)

    # Act
    def login(password: str) -> None:
        raise ValueError("wrong passcode")

    try:
        login(PASSWORD)
    except ValueError:
        structlog.get_logger().exception("login failed")

    # Assert
    assert "wrong passcode" in out.getvalue()
    assert PASSWORD not in out.getvalue()


def test_url_passwords_and_key_value_pairs_in_text_are_masked() -> None:
    # Act
    masked = [
        mask_text("connect postgresql+asyncpg://bulwark:s3cr3t-pw@db/bulwark failed"),
        mask_text('body {"password": "hunter2", "user": "bob"}'),
        mask_text("passcode=9911 totp_code: 123456 user=bob"),
        mask_text("bearer token missing"),
    ]

    # Assert
    assert masked[0] == "connect postgresql+asyncpg://bulwark:***@db/bulwark failed"
    assert masked[1] == 'body {"password": "***", "user": "bob"}'
    assert masked[2] == "passcode=*** totp_code: *** user=bob"
    assert masked[3] == "bearer token missing"


def test_warnings_are_routed_through_logging(out: io.StringIO) -> None:
    # Arrange
    configure_logging("info", "json", stream=out)

    # Act
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(f"deprecated call with {API_KEY}", DeprecationWarning, stacklevel=1)

    # Assert
    [line] = lines(out)
    assert line["logger"] == "py.warnings"
    assert API_KEY not in out.getvalue()


def _mask_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        mask_text(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(
    "unit", ["eyJa", "://a:", "bearer ", "password ", "a_"], ids=lambda u: u.strip()
)
def test_masking_is_linear_on_adversarial_text(unit: str) -> None:
    # Arrange: log lines carry client strings; 4 KiB and 64 KiB of the same pattern
    small, large = unit * (4096 // len(unit)), unit * (65_536 // len(unit))

    # Act
    small_s, large_s = _mask_seconds(small), _mask_seconds(large)

    # Assert: 16x the text, about 16x the time (a quadratic pattern costs 256x: seconds here)
    assert large_s < max(small_s, 1e-3) * 96
    assert large_s < 0.5


_FRAGMENTS = ["eyJ", "EYj", "bwk_", "Bearer ", "://", "u:p@", "password", "PassCode", "token",
              "secret", "api_key", "ApiKey", "totp", "mfa_code", "backup_codes", "=", ": ",
              "\"", "x", "9", ".", "-", " ", "ſ", "\u212a", "ı", "İ"]  # fmt: skip


def _mask_every_pattern(text: str) -> str:
    for pattern, replacement in logging_module._TEXT_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


_WORDS = ["password", "passwd", "PassCode", "token", "secret", "api_key", "apikey", "totp",
          "mfa_code", "otp_codes", "recovery_code", "my_token",
          "apı_key", "paſsword", "to\u212aen", "SECRET", "Api_Key"]  # fmt: skip
_SEPARATORS = ["=", ": ", '": "', " = "]
_PAIRS = st.builds(
    lambda w, s: f"{w}{s}v4lue", st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)
)


# Each pattern's smallest match, so a hint left out is found on every run, not by chance.
@example("eyJa.b.c")
@example("bwk_x")
@example("Bearer abcdefgh12")
@example("db://u:pw@h")
@example("apikey=v")
@example("mfa_code: 1")
@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_FRAGMENTS) | _PAIRS | st.text(max_size=4), max_size=12).map("".join)
)
def test_the_quick_scan_never_skips_text_a_pattern_would_mask(text: str) -> None:
    # Arrange: mask_text returns text unchanged when its one quick scan finds no hint of a
    # secret; the patterns themselves, run on every text, are the reference.

    # Act
    masked = mask_text(text)

    # Assert
    assert masked == _mask_every_pattern(text)


def test_without_a_stream_lines_go_to_whatever_stderr_is_when_written(
    out: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: configured on one stderr, which is then replaced and closed (a harness's capture)
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stderr", first)
    configure_logging("info", "json")
    monkeypatch.setattr("sys.stderr", second)
    first.close()

    # Act
    structlog.get_logger("bulwark.access").info("request", status=200)
    logging.getLogger("uvicorn.error").info("Shutting down")

    # Assert
    assert [line["event"] for line in lines(second)] == ["request", "Shutting down"]
