"""Bar page cursors: they round-trip, and any other text is INVALID_CURSOR, never a crash."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.market_data.bar_pages import InvalidBarCursor, encode_cursor, page_start, resume_after
from domain.market_data.bars import Timeframe

AT = datetime(2024, 3, 1, 14, 30, tzinfo=UTC)


def raw(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def test_a_cursor_resumes_just_after_its_bar() -> None:
    cursor = encode_cursor("AAPL", Timeframe.M1, AT)

    assert resume_after(cursor, "AAPL", Timeframe.M1) == AT
    assert page_start(datetime(2024, 1, 1, tzinfo=UTC), cursor, "AAPL", Timeframe.M1) == AT.replace(
        second=1
    )


@pytest.mark.parametrize(
    "cursor",
    [
        raw({"s": "AAPL", "t": "1m", "a": 10**30}),
        raw({"s": "AAPL", "t": "1m", "a": 1.5}),
        raw({"s": "AAPL", "t": "1m", "a": True}),
        raw({"s": "AAPL", "t": "1d", "a": 0}),
        raw(["AAPL"]),
        raw("text"),
        "é" * 10,
    ],
)
def test_a_cursor_out_of_shape_is_refused(cursor: str) -> None:
    with pytest.raises(InvalidBarCursor):
        resume_after(cursor, "AAPL", Timeframe.M1)


@given(st.text(max_size=300) | st.builds(raw, st.dictionaries(st.text(max_size=2), st.integers())))
def test_any_text_is_a_cursor_or_invalid_cursor(text: str) -> None:
    try:
        at = resume_after(text, "AAPL", Timeframe.M1)
    except InvalidBarCursor:
        return  # the one refusal; anything else raised fails the test
    assert at.tzinfo is not None
