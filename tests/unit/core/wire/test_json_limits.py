"""The JSON limits scanner: exact on valid documents, bounded and linear on anything else."""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.wire.json_limits import (
    DocumentTooLarge,
    InvalidEncoding,
    JsonLimitError,
    JsonLimits,
    JsonTooDeep,
    StringTooLong,
    measure,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)


def reference_depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((reference_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((reference_depth(v) for v in value.values()), default=0)
    return 0


def reference_longest(value: Any, ensure_ascii: bool) -> int:
    def raw(text: str) -> int:
        return len(json.dumps(text, ensure_ascii=ensure_ascii)[1:-1].encode())

    if isinstance(value, str):
        return raw(value)
    if isinstance(value, list):
        return max((reference_longest(v, ensure_ascii) for v in value), default=0)
    if isinstance(value, dict):
        return max(
            (max(raw(k), reference_longest(v, ensure_ascii)) for k, v in value.items()),
            default=0,
        )
    return 0


@given(json_values, st.booleans())
def test_the_scan_agrees_with_a_decoded_reference_on_valid_documents(
    value: Any, ensure_ascii: bool
) -> None:
    # Arrange
    document = json.dumps(value, ensure_ascii=ensure_ascii).encode()

    # Act
    shape = measure(document)

    # Assert
    assert shape.depth == reference_depth(json.loads(document))
    assert shape.longest_string == reference_longest(value, ensure_ascii)


@given(json_values, st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=12))
def test_check_refuses_a_valid_document_exactly_when_the_reference_breaks_a_cap(
    value: Any, max_depth: int, max_string: int
) -> None:
    # Arrange
    document = json.dumps(value).encode()
    limits = JsonLimits(max_depth=max_depth, max_string_bytes=max_string)
    too_deep = reference_depth(value) > max_depth
    too_long = reference_longest(value, ensure_ascii=True) > max_string

    # Act
    try:
        limits.check(document)
        refused = None
    except JsonLimitError as exc:
        refused = exc.code

    # Assert: depth is checked first
    if too_deep:
        assert refused == "JSON_TOO_DEEP"
    elif too_long:
        assert refused == "STRING_TOO_LONG"
    else:
        assert refused is None


@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_nothing_but_limit_errors(data: bytes) -> None:
    # Arrange
    limits = JsonLimits(max_bytes=200, max_depth=3, max_string_bytes=5)

    codes = {"INVALID_ENCODING", "JSON_TOO_DEEP", "STRING_TOO_LONG", "BODY_TOO_LARGE"}

    # Act
    try:
        limits.check(data)
        refused = None
    except JsonLimitError as exc:
        refused = exc.code

    # Assert: any other exception type fails the test by propagating
    assert refused is None or refused in codes


@given(st.text(max_size=200))
def test_arbitrary_text_measures_without_raising(text: str) -> None:
    # Act
    shape = measure(text.encode("utf-8", "surrogatepass"))

    # Assert
    assert shape.depth >= 0 and shape.longest_string >= 0


def test_brackets_and_escaped_quotes_inside_strings_do_not_count() -> None:
    # Arrange: a string full of brackets and an escaped quote, then a real nesting of 2
    document = rb'{"a": "[[[{{{\"]]]\\", "b": [1]}'

    # Act
    shape = measure(document)

    # Assert
    assert shape.depth == 2
    assert shape.longest_string == len(rb"[[[{{{\"]]]\\")


def test_a_document_within_every_cap_passes() -> None:
    # Arrange
    limits = JsonLimits(max_bytes=100, max_depth=2, max_string_bytes=3)

    # Act / Assert: no exception
    limits.check(b'{"abc": [1, "xyz"]}')


def test_deep_nesting_is_refused_with_its_code() -> None:
    # Arrange
    limits = JsonLimits(max_depth=32)
    document = b"[" * 33 + b"]" * 33

    # Act
    with pytest.raises(JsonTooDeep) as caught:
        limits.check(document)

    # Assert
    assert caught.value.code == "JSON_TOO_DEEP"


def test_nesting_at_the_cap_passes_even_with_many_brackets_in_strings() -> None:
    # Arrange: more openers than the cap, all inside a string
    limits = JsonLimits(max_depth=2)
    document = b'[["' + b"[" * 50 + b'"]]'

    # Act / Assert: no exception
    limits.check(document)


def test_a_long_string_is_refused_and_a_long_document_of_short_strings_is_not() -> None:
    # Arrange
    limits = JsonLimits(max_string_bytes=10)
    short = json.dumps(["0123456789"] * 20).encode()
    long = json.dumps(["01234567890"]).encode()

    # Act
    limits.check(short)
    with pytest.raises(StringTooLong) as caught:
        limits.check(long)

    # Assert
    assert caught.value.code == "STRING_TOO_LONG"


def test_an_unterminated_string_counts_to_the_end() -> None:
    # Act
    shape = measure(b'["abc')

    # Assert
    assert shape.longest_string == 3


@pytest.mark.parametrize(
    "data",
    [b'{"a": "\xff"}', b"\xc3\x28", b"\xed\xa0\x80", b'"\xf0\x9f\x98"'],
    ids=["ff", "bad-continuation", "surrogate", "truncated"],
)
def test_invalid_utf8_is_refused(data: bytes) -> None:
    # Act / Assert
    with pytest.raises(InvalidEncoding):
        JsonLimits().check(data)


def test_a_lone_surrogate_in_text_is_refused() -> None:
    # Act / Assert
    with pytest.raises(InvalidEncoding):
        JsonLimits().check('{"a": "\ud800"}')


def test_a_document_over_the_byte_cap_is_refused() -> None:
    # Act / Assert
    with pytest.raises(DocumentTooLarge) as caught:
        JsonLimits(max_bytes=10).check(b'"' + b"a" * 10 + b'"')
    assert caught.value.code == "BODY_TOO_LARGE"


def _seconds(data: bytes, limits: JsonLimits) -> float:
    """The best of five runs, in this thread's CPU time: what the scan costs, not how long other
    processes on a busy machine kept it waiting (wall time measured them too)."""
    best = float("inf")
    for _ in range(5):
        started = time.thread_time()
        with contextlib.suppress(JsonLimitError):
            limits.check(data)
        best = min(best, time.thread_time() - started)
    return best


@pytest.mark.parametrize(
    "unit",
    [b'"\\', b"[", b'["', b"\\\\", b'{"a":'],
    ids=["escaped-quotes", "brackets", "bracket-quote", "backslashes", "keys"],
)
def test_adversarial_inputs_scan_in_linear_time(unit: bytes) -> None:
    # Arrange: the same pattern at 256 KiB and at 4 MiB (16 times larger)
    limits = JsonLimits(max_bytes=8 * 1_048_576, max_depth=8, max_string_bytes=16)
    small = unit * (262_144 // len(unit))
    large = unit * (4_194_304 // len(unit))

    # Act
    small_s, large_s = _seconds(small, limits), _seconds(large, limits)

    # Assert: 16x the input costs about 16x, where a quadratic scan would cost 256x (and
    # take minutes at this size); the bounds are loose so a busy machine does not fail them
    assert large_s < max(small_s, 1e-3) * 96
    assert large_s < 2.0
