"""Caps on a JSON document's size, nesting depth and string length, checked before decoding."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

INVALID_ENCODING = "INVALID_ENCODING"
JSON_TOO_DEEP = "JSON_TOO_DEEP"
STRING_TOO_LONG = "STRING_TOO_LONG"
BODY_TOO_LARGE = "BODY_TOO_LARGE"

DEFAULT_MAX_BYTES = 1_048_576
# The body's own object plus a workspace layout of 32 levels (domain.workspaces) fit well inside.
DEFAULT_MAX_DEPTH = 64
DEFAULT_MAX_STRING_BYTES = 65_536

_QUOTE, _BACKSLASH = 0x22, 0x5C
_OPEN_SQUARE, _CLOSE_SQUARE, _OPEN_CURLY, _CLOSE_CURLY = 0x5B, 0x5D, 0x7B, 0x7D


class JsonLimitError(ValueError):
    """A document refused before decoding; `code` is the stable reason."""

    code = "JSON_LIMIT"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class InvalidEncoding(JsonLimitError):
    """The bytes are not UTF-8."""

    code = INVALID_ENCODING


class JsonTooDeep(JsonLimitError):
    """Arrays and objects nest deeper than allowed."""

    code = JSON_TOO_DEEP


class StringTooLong(JsonLimitError):
    """A string (key or value) is longer than allowed."""

    code = STRING_TOO_LONG


class DocumentTooLarge(JsonLimitError):
    """The whole document is larger than allowed."""

    code = BODY_TOO_LARGE


@dataclass(frozen=True, slots=True)
class JsonShape:
    """What a scan found: the deepest nesting and the longest string (raw bytes in its quotes)."""

    depth: int
    longest_string: int


@dataclass(frozen=True, slots=True)
class JsonLimits:
    """The caps one boundary applies; `check` raises a JsonLimitError for a document over one."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_string_bytes: int = DEFAULT_MAX_STRING_BYTES

    def check(self, raw: bytes | bytearray | memoryview | str) -> None:
        """Refuse `raw` when it breaks a cap; linear in its size, C speed for small documents."""
        data = _utf8(raw)
        if len(data) > self.max_bytes:
            raise DocumentTooLarge(
                f"the document is {len(data)} bytes; at most {self.max_bytes} are allowed"
            )
        # A document cannot nest deeper than its count of openers, nor hold a string longer
        # than itself: most bodies are decided by these C-speed counts alone.
        shallow = data.count(b"[") + data.count(b"{") <= self.max_depth
        if shallow and len(data) <= self.max_string_bytes:
            return
        shape = measure(data)
        if shape.depth > self.max_depth:
            raise JsonTooDeep(f"the JSON nests deeper than {self.max_depth} levels")
        if shape.longest_string > self.max_string_bytes:
            raise StringTooLong(
                f"a JSON string is {shape.longest_string} bytes; "
                f"at most {self.max_string_bytes} are allowed"
            )


def _utf8(raw: bytes | bytearray | memoryview | str) -> bytes:
    if isinstance(raw, str):
        try:
            return raw.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 encodes it
            raise InvalidEncoding("the text is not valid Unicode") from None
    data = bytes(raw)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidEncoding(f"the body is not valid UTF-8 (at byte {exc.start})") from None
    return data


def measure(data: bytes) -> JsonShape:
    """Nesting depth outside strings and the longest string, in one vectorised linear pass.

    Exact for valid JSON; for anything else a bounded estimate that never raises.
    """
    a = np.frombuffer(data, dtype=np.uint8)
    if a.size == 0:
        return JsonShape(0, 0)
    quotes = a == _QUOTE
    backslashes = a == _BACKSLASH
    qpos = np.flatnonzero(quotes)
    if qpos.size and qpos[-1] > 0:
        # A quote is escaped when an odd run of backslashes stands right before it.
        after_backslash = qpos[qpos > 0]
        after_backslash = after_backslash[backslashes[after_backslash - 1]]
        if after_backslash.size:
            escaped = after_backslash[_odd_runs_before(backslashes, after_backslash)]
            quotes[escaped] = False
            qpos = np.flatnonzero(quotes)
    depth = _depth(a, quotes)
    return JsonShape(depth, _longest(qpos, a.size))


def _odd_runs_before(backslashes: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """For each position right after a backslash: whether the run of backslashes is odd."""
    counts = np.cumsum(backslashes, dtype=np.int32)
    # Counts never decrease: their running maximum over the plain bytes is the count
    # before the run that ends at each position.
    before_run = np.maximum.accumulate(np.where(backslashes, 0, counts))
    last = positions - 1
    odd: np.ndarray = ((counts[last] - before_run[last]) & 1) == 1
    return odd


def _depth(a: np.ndarray, quotes: np.ndarray) -> int:
    opens = (a == _OPEN_SQUARE) | (a == _OPEN_CURLY)
    if not opens.any():
        return 0
    closes = (a == _CLOSE_SQUARE) | (a == _CLOSE_CURLY)
    # 1 inside a string: after an odd number of real quotes (a bracket is never a quote).
    inside = np.bitwise_xor.accumulate(quotes.view(np.uint8))
    steps = opens.view(np.int8) - closes.view(np.int8)
    steps[inside.view(np.bool_)] = 0
    return max(0, int(np.cumsum(steps, dtype=np.int32).max()))


def _longest(qpos: np.ndarray, size: int) -> int:
    if qpos.size == 0:
        return 0
    starts, ends = qpos[0::2], qpos[1::2]
    longest = int((ends - starts[: ends.size] - 1).max()) if ends.size else 0
    if starts.size > ends.size:  # unterminated: it runs to the end
        longest = max(longest, size - int(starts[-1]) - 1)
    return longest
