"""The URL guard: what a well-formed client sends passes; garbage is refused, never raised."""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import quote, quote_plus

from hypothesis import given
from hypothesis import strategies as st
from litestar.types import Scope

from adapters.http.limits import MAX_HEADER_BYTES, MAX_URL_BYTES, refuse_url

LIMIT = MAX_URL_BYTES


def scope(
    path: bytes = b"/api/v1/orders", query: bytes = b"", headers: list[Any] | None = None
) -> Scope:
    decoded = path.decode("latin-1")
    raw = {
        "type": "http",
        "path": decoded,
        "raw_path": path,
        "query_string": query,
        "headers": headers or [],
    }
    return cast(Scope, raw)


@given(st.text(max_size=200).filter(lambda t: "\x00" not in t))
def test_any_text_a_client_percent_encodes_passes(text: str) -> None:
    # Arrange
    query = f"q={quote_plus(text)}&p={quote(text, safe='')}".encode()
    path = b"/api/v1/orders/" + quote(text, safe="").encode()

    # Act
    verdict = refuse_url(scope(path, query), LIMIT)

    # Assert
    assert verdict is None


@given(st.binary(max_size=300), st.binary(max_size=300))
def test_arbitrary_bytes_get_a_verdict_never_an_exception(path: bytes, query: bytes) -> None:
    # Act
    verdict = refuse_url(scope(b"/" + path, query), LIMIT)

    # Assert
    assert verdict is None or (400 <= verdict[0] < 500 and verdict[1])


def test_a_nul_anywhere_is_refused() -> None:
    # Act
    in_query = refuse_url(scope(query=b"a=%00"), LIMIT)
    in_path = refuse_url(scope(path=b"/api/%00x"), LIMIT)

    # Assert
    assert in_query is not None and in_query[:2] == (400, "INVALID_ENCODING")
    assert in_path is not None and in_path[:2] == (400, "INVALID_ENCODING")


def test_sizes_at_the_caps_pass_and_one_byte_more_is_refused() -> None:
    # Arrange
    path = b"/x"
    at_cap = b"a=" + b"b" * (LIMIT - len(path) - 2)
    header_at_cap = [(b"x", b"y" * (MAX_HEADER_BYTES - 1))]

    # Act
    url_ok = refuse_url(scope(path, at_cap), LIMIT)
    url_over = refuse_url(scope(path, at_cap + b"c"), LIMIT)
    headers_ok = refuse_url(scope(headers=header_at_cap), LIMIT)
    headers_over = refuse_url(scope(headers=[(b"x", b"y" * MAX_HEADER_BYTES)]), LIMIT)

    # Assert
    assert url_ok is None
    assert url_over is not None and url_over[:2] == (414, "URI_TOO_LONG")
    assert headers_ok is None
    assert headers_over is not None and headers_over[:2] == (431, "HEADERS_TOO_LARGE")
