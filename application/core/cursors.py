"""Opaque keyset-paging cursors: a listing's position as base64url text without its `=`
padding (of compact JSON, or of plain text), and the (time, id) of the last item of a
newest-first page.

Every listing that pages by (created/decided time, id) encodes its cursor here, so the
text a client gets back is one format and the checks on what it sends back are one set.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

MAX_CURSOR_LENGTH = 512


def _padded(cursor: str) -> bytes:
    return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))


def encode_text_cursor(text: str) -> str:
    """`text` (UTF-8) as a cursor's text."""
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_text_cursor(cursor: str) -> str:
    """The text an `encode_text_cursor` cursor stands for; ValueError for other text."""
    return _padded(cursor).decode()


def encode_json_cursor(value: object) -> str:
    """`value` as compact JSON, as a cursor's text."""
    return encode_text_cursor(json.dumps(value, separators=(",", ":")))


def decode_json_cursor(cursor: str) -> Any:
    """The JSON value an `encode_json_cursor` cursor stands for; ValueError for other text."""
    return json.loads(_padded(cursor))


def encode_time_id(at: datetime, item_id: str) -> str:
    """The cursor of the position after the item stamped `at` with id `item_id`."""
    return encode_json_cursor({"t": at.isoformat(), "i": item_id})


def decode_time_id(cursor: str) -> tuple[datetime, str] | None:
    """The (time, id) an `encode_time_id` cursor stands for; None for any other text (empty,
    too long, not base64url JSON, missing parts, an empty id, a time without a zone)."""
    if not cursor or len(cursor) > MAX_CURSOR_LENGTH:
        return None
    try:
        data = decode_json_cursor(cursor)
        at = datetime.fromisoformat(data["t"])
        item_id = data["i"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(item_id, str) or not item_id or at.tzinfo is None:
        return None
    return at, item_id
