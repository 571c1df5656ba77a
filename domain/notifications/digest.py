"""Digests: LOW notices held and sent as one message per user per period."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_LINES = 50


def period_end(instant: datetime, minutes: int) -> datetime:
    """The end of the digest period holding `instant` (periods aligned on the UTC epoch)."""
    span = timedelta(minutes=minutes)
    elapsed = instant - _EPOCH
    return _EPOCH + (elapsed // span + 1) * span


def digest_text(titles: Sequence[str]) -> tuple[str, str]:
    """(title, body) of a digest of the given notice titles, oldest first."""
    count = len(titles)
    title = f"{count} notification{'s' if count != 1 else ''} while you were away"
    lines = [f"- {t}" for t in titles[:MAX_LINES]]
    if count > MAX_LINES:
        lines.append(f"... and {count - MAX_LINES} more")
    return title, "\n".join(lines)
