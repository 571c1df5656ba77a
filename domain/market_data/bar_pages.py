"""Opaque cursors of pages of stored bars: the symbol, timeframe and last bar of a page."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from datetime import datetime

from domain.errors import DomainError
from domain.market_data.bar_calendar import epoch, utc
from domain.market_data.bars import Bar, Timeframe

MAX_CURSOR_LENGTH = 256


class InvalidBarCursor(DomainError):
    """A cursor that no page of these bars gave out."""

    code = "INVALID_CURSOR"


def encode_cursor(symbol: str, timeframe: Timeframe, last: datetime) -> str:
    """The cursor of the page after the bar of `symbol` and `timeframe` that starts at `last`."""
    raw = json.dumps({"s": symbol, "t": timeframe.value, "a": epoch(last)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def resume_after(cursor: str, symbol: str, timeframe: Timeframe) -> datetime:
    """The start of the last bar the cursor's page held; InvalidBarCursor when the text is no
    cursor, or one of another symbol or timeframe."""
    if not cursor or len(cursor) > MAX_CURSOR_LENGTH:
        raise InvalidBarCursor("the cursor is not one this listing gave out", field="cursor")
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        same = data["s"] == symbol and data["t"] == timeframe.value
        after = data["a"]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise InvalidBarCursor(
            "the cursor is not one this listing gave out", field="cursor"
        ) from None
    if not same or not isinstance(after, int) or isinstance(after, bool):
        raise InvalidBarCursor("the cursor belongs to another symbol or timeframe", field="cursor")
    try:
        return utc(after)
    except (OverflowError, ValueError, OSError):
        raise InvalidBarCursor(
            "the cursor is not one this listing gave out", field="cursor"
        ) from None


def page_start(start: datetime, cursor: str | None, symbol: str, timeframe: Timeframe) -> datetime:
    """Where a page begins: `start`, or just after the cursor's bar when that is later."""
    if cursor is None:
        return start
    after = resume_after(cursor, symbol, timeframe)
    return max(start, utc(epoch(after) + 1))


def page_of(
    bars: Sequence[Bar], limit: int, symbol: str, timeframe: Timeframe
) -> tuple[list[Bar], str | None]:
    """The first `limit` of `bars` (read with one more, to know whether more follow) and the
    cursor after them (None when none follow)."""
    shown = list(bars[:limit])
    if len(bars) <= limit or not shown:
        return shown, None
    return shown, encode_cursor(symbol, timeframe, shown[-1].start)
