"""Social mentions: one post's record, its JSON form, and a bounded time index of them.

A mention's JSON object (one line of the replay file, one Kafka record's value):

    {"id": "tw-1", "symbols": ["ACME"], "text": "...", "platform": "x", "author": "@a",
     "posted_at": "2026-03-02T14:30:00Z", "likes": 10, "shares": 2, "comments": 1, "views": 900}

`id`, `symbols`, `text` and `posted_at` (with a time zone) are required; counts default to 0
and must be whole numbers >= 0.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

SYMBOL = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,15}$")
MAX_SYMBOLS = 20
MAX_TEXT = 5_000
MAX_COUNT = 10**12
COUNTS = ("likes", "shares", "comments", "views")


@dataclass(frozen=True, slots=True)
class Mention:
    """One post that mentions `symbols` (upper case), with its engagement counts."""

    id: str
    symbols: tuple[str, ...]
    text: str
    posted_at: datetime  # timezone-aware
    platform: str = "unknown"
    author: str = ""
    likes: int = 0
    shares: int = 0
    comments: int = 0
    views: int = 0


def mention_from(raw: Any) -> Mention:
    """A decoded JSON object as a Mention; ValueError naming the field that is wrong."""
    if not isinstance(raw, Mapping):
        raise ValueError("a mention must be a JSON object")
    ident = raw.get("id")
    if not isinstance(ident, str) or not 1 <= len(ident) <= 200:
        raise ValueError("id: a string of 1 to 200 characters")
    symbols = raw.get("symbols")
    if (
        not isinstance(symbols, list)
        or not 1 <= len(symbols) <= MAX_SYMBOLS
        or not all(isinstance(s, str) and SYMBOL.match(s.strip().upper()) for s in symbols)
    ):
        raise ValueError(f"symbols: 1 to {MAX_SYMBOLS} ticker symbols")
    text = raw.get("text")
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise ValueError(f"text: a string of at most {MAX_TEXT} characters")
    posted = raw.get("posted_at")
    try:
        at = datetime.fromisoformat(str(posted).replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("posted_at: an ISO 8601 timestamp") from None
    if not isinstance(posted, str) or at.utcoffset() is None:
        raise ValueError("posted_at: an ISO 8601 timestamp with a time zone")
    counts = {name: raw.get(name, 0) for name in COUNTS}
    for name, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            raise ValueError(f"{name}: a whole number >= 0")
    return Mention(
        id=ident,
        symbols=tuple(dict.fromkeys(s.strip().upper() for s in symbols)),
        text=text,
        posted_at=at,
        platform=str(raw.get("platform") or "unknown")[:40],
        author=str(raw.get("author") or "")[:100],
        **counts,
    )


class MentionIndex:
    """Mentions by symbol in time order; at most `max_mentions`, none older than `retention`
    before the newest `prune` time. A repeated id is ignored (a replayed record)."""

    def __init__(self, max_mentions: int = 200_000, retention: timedelta | None = None) -> None:
        if max_mentions < 1:
            raise ValueError("max_mentions must be at least 1")
        self._max = max_mentions
        self._retention = retention
        self._by_id: dict[str, Mention] = {}
        # per symbol: sorted (timestamp, id) keys and the mentions in the same order
        self._keys: dict[str, list[tuple[float, str]]] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def add(self, mention: Mention, now: datetime | None = None) -> bool:
        """Adds it unless its id is known or it is older than the retention before `now`."""
        if mention.id in self._by_id:
            return False
        retention = self._retention
        if now is not None and retention is not None and mention.posted_at < now - retention:
            return False
        self._by_id[mention.id] = mention
        key = (mention.posted_at.timestamp(), mention.id)
        for symbol in mention.symbols:
            bisect.insort(self._keys.setdefault(symbol, []), key)
        # 10% slack: an overflow costs one sort of the timestamps, not one per mention
        if len(self._by_id) > self._max + max(1, self._max // 10):
            self._evict(len(self._by_id) - self._max)
        return True

    def extend(self, mentions: Iterable[Mention], now: datetime | None = None) -> int:
        return sum(self.add(m, now) for m in mentions)

    def between(self, symbol: str, since: datetime, until: datetime) -> list[Mention]:
        """The mentions of `symbol` posted in (since, until], oldest first."""
        keys = self._keys.get(symbol.upper(), [])
        lo = bisect.bisect_right(keys, (since.timestamp(), "\U0010ffff"))
        hi = bisect.bisect_right(keys, (until.timestamp(), "\U0010ffff"))
        return [self._by_id[ident] for _, ident in keys[lo:hi]]

    def counts(self, since: datetime, until: datetime) -> dict[str, int]:
        """Mentions per symbol posted in (since, until] (symbols with none left out)."""
        out: dict[str, int] = {}
        low, high = (since.timestamp(), "\U0010ffff"), (until.timestamp(), "\U0010ffff")
        for symbol, keys in self._keys.items():
            found = bisect.bisect_right(keys, high) - bisect.bisect_right(keys, low)
            if found:
                out[symbol] = found
        return out

    def prune(self, now: datetime) -> int:
        """Drops what is older than the retention before `now`; how many were dropped."""
        if self._retention is None:
            return 0
        cutoff = (now - self._retention).timestamp()
        old = [i for i, m in self._by_id.items() if m.posted_at.timestamp() < cutoff]
        self._drop(old)
        return len(old)

    def _evict(self, count: int) -> None:
        oldest = sorted(self._by_id.values(), key=lambda m: (m.posted_at, m.id))[:count]
        self._drop([m.id for m in oldest])

    def _drop(self, ids: list[str]) -> None:
        touched: set[str] = set()
        for ident in ids:
            touched.update(self._by_id.pop(ident).symbols)
        for symbol in touched:
            kept = [k for k in self._keys[symbol] if k[1] in self._by_id]
            if kept:
                self._keys[symbol] = kept
            else:
                del self._keys[symbol]
