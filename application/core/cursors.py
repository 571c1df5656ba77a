"""Opaque keyset-paging cursors: the (time, id) of the last item of a newest-first page.

Every listing that pages by (created/decided time, id) encodes its cursor here, so the
text a client gets back is one format and the checks on what it sends back are one set.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime

MAX_CURSOR_LENGTH = 512


def encode_time_id(at: datetime, item_id: str) -> str:
    """The cursor of the position after the item stamped `at` with id `item_id`."""
    raw = json.dumps({"t": at.isoformat(), "i": item_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_time_id(cursor: str) -> tuple[datetime, str] | None:
    """The (time, id) an `encode_time_id` cursor stands for; None for any other text (empty,
    too long, not base64url JSON, missing parts, an empty id, a time without a zone)."""
    if not cursor or len(cursor) > MAX_CURSOR_LENGTH:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        at = datetime.fromisoformat(data["t"])
        item_id = data["i"]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        return None
    if not isinstance(item_id, str) or not item_id or at.tzinfo is None:
        return None
    return at, item_id
