"""Webhook signatures, Stripe style: `Bulwark-Signature: t=<unix ts>,v1=<hex HMAC-SHA256>`.

The MAC covers `f"{t}.{raw body}"`, so a receiver that checks it knows the body is ours and
unchanged, and, by refusing timestamps older than a tolerance, that it is not a recording
replayed later. This module is the standard library only, so receivers can copy it as is.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from datetime import datetime

SCHEME = "v1"
DEFAULT_TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of `<timestamp>.<body>` under `secret`."""
    signed = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    """The `Bulwark-Signature` header value for `body` sent at `timestamp`."""
    return f"t={timestamp},{SCHEME}={signature(secret, timestamp, body)}"


def verify_signature(
    secret: str,
    header: str,
    body: bytes | str,
    now: float | datetime | None = None,
    tolerance: float = DEFAULT_TOLERANCE_SECONDS,
) -> bool:
    """True when `header` signs exactly `body` under `secret`, within `tolerance` seconds.

    `body` must be the raw bytes received (parse the JSON after). Several `v1=` entries are
    accepted (any one matching is enough); the comparison is constant time. Refused: a
    malformed header, a timestamp further than `tolerance` from `now` (either way: clocks
    drift), a body other than the one signed, another secret.
    """
    raw = body.encode("utf-8") if isinstance(body, str) else body
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            return False
        if key == "t":
            if not value.isascii() or not value.isdigit() or len(value) > 12:
                return False
            timestamp = int(value)
        elif key == SCHEME:
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    current = now.timestamp() if isinstance(now, datetime) else time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, raw).encode("ascii")
    matched = False
    for candidate in candidates:
        # Non-ASCII would make compare_digest raise on str: compare bytes, never short-circuit.
        matched |= hmac.compare_digest(expected, candidate.encode("utf-8", "replace"))
    return matched
