"""Dead letters keep the record as it came and say where it came from and why."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.kafka.dlq import DETAIL_LIMIT, dead_letter, reason_of

AT = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def test_a_dead_letter_keeps_key_and_value_and_names_its_source() -> None:
    # Arrange
    value = b'{"id": "m-1", "payload": ...'

    # Act
    letter = dead_letter(
        "bulwark.commands.orders", 3, 1234, b"acc-1", value, "INVALID_JSON", "bad", "m-1", at=AT
    )

    # Assert
    assert (letter.key, letter.value) == (b"acc-1", value)
    assert dict(letter.headers) == {
        "bulwark-dlq-code": b"INVALID_JSON",
        "bulwark-dlq-detail": b"bad",
        "bulwark-source-topic": b"bulwark.commands.orders",
        "bulwark-source-partition": b"3",
        "bulwark-source-offset": b"1234",
        "bulwark-message-id": b"m-1",
        "bulwark-dlq-at": b"2025-03-01T12:00:00+00:00",
    }
    assert all(isinstance(v, bytes) for _, v in letter.headers)


def test_without_a_message_id_there_is_no_message_id_header() -> None:
    # Act
    letter = dead_letter("t", 0, 0, None, None, "EMPTY_MESSAGE", "no value", at=AT)

    # Assert
    assert (letter.key, letter.value) == (None, None)
    assert "bulwark-message-id" not in dict(letter.headers)


def test_the_time_defaults_to_now_in_utc() -> None:
    # Act
    letter = dead_letter("t", 0, 0, b"k", b"v", "SCHEMA_VIOLATION", "x")

    # Assert
    at = datetime.fromisoformat(dict(letter.headers)["bulwark-dlq-at"].decode())
    assert at.utcoffset() is not None
    assert at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


def test_a_long_detail_is_truncated() -> None:
    # Act
    letter = dead_letter("t", 0, 0, b"k", b"v", "SCHEMA_VIOLATION", "é" * 2000, at=AT)

    # Assert
    assert reason_of(letter.headers) == ("SCHEMA_VIOLATION", "é" * DETAIL_LIMIT)
    assert DETAIL_LIMIT == 500


def test_the_reason_reads_back_from_the_headers() -> None:
    # Arrange
    letter = dead_letter("t", 1, 2, b"k", b"v", "KEY_MISMATCH", "key is not the account", at=AT)
    headers = [("traceparent", b"00-abc"), *letter.headers]

    # Act
    reason = reason_of(headers)

    # Assert
    assert reason == ("KEY_MISMATCH", "key is not the account")


def test_a_record_without_a_code_is_not_a_dead_letter() -> None:
    # Act / Assert
    with pytest.raises(KeyError):
        reason_of([("traceparent", b"00-abc")])
