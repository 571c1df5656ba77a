"""A NewsPort over a JSON-lines file, replayed against the Clock.

One item a line:

    {"id": "n-1", "symbols": ["ACME"], "headline": "...", "source": "newswire",
     "published_at": "2026-03-02T14:30:00Z", "body": "...", "url": "https://..."}

An item is visible once the clock has reached its `published_at`, so a backtest's simulated
clock (or a demo's) sees news arrive as it would have. The file is read when it changes (size or
mtime), at most once per `recheck_s`; a malformed line is skipped and counted in `skipped`
(with its line number in `problems`), never fatal, so one bad line from a feed does not silence
the rest.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from adapters.watched_file import GONE, WatchedFile
from domain.inference.sentiment import NewsItem
from ports.core.clock import Clock

MAX_PROBLEMS = 20


class JsonLinesNews:
    """NewsPort: the items of a JSON-lines file published by the clock's now (module doc)."""

    def __init__(self, path: Path, clock: Clock, recheck_s: float = 5.0) -> None:
        self.path = path
        self._clock = clock
        self._file = WatchedFile(path, recheck_s)
        self._by_symbol: dict[str, list[NewsItem]] = {}
        self.skipped = 0
        self.problems: list[str] = []

    async def items_for(self, symbol: str, since: datetime, limit: int = 200) -> list[NewsItem]:
        self._reload_if_changed()
        now = self._clock.now()
        items = [
            item
            for item in self._by_symbol.get(symbol.upper(), [])
            if since <= item.published_at <= now
        ]
        return items[:limit]

    def _reload_if_changed(self) -> None:
        seen = self._file.look()
        if seen is GONE:
            self._by_symbol = {}
        elif seen is not None:
            self._load()
            self._file.read(seen)

    def _load(self) -> None:
        by_symbol: dict[str, list[NewsItem]] = {}
        self.skipped, self.problems = 0, []
        with self.path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    item = parse_item(json.loads(line))
                except (ValueError, TypeError, KeyError) as exc:
                    self.skipped += 1
                    if len(self.problems) < MAX_PROBLEMS:
                        self.problems.append(f"line {number}: {exc}")
                    continue
                for symbol in item.symbols:
                    by_symbol.setdefault(symbol, []).append(item)
        for items in by_symbol.values():
            items.sort(key=lambda i: (i.published_at, i.id), reverse=True)
        self._by_symbol = by_symbol


def parse_item(raw: Any) -> NewsItem:
    """One JSON object as a NewsItem; ValueError/KeyError/TypeError naming what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("an item must be a JSON object")
    symbols = raw["symbols"]
    if not isinstance(symbols, list) or not symbols or not all(isinstance(s, str) for s in symbols):
        raise ValueError("symbols must be a non-empty list of strings")
    published = datetime.fromisoformat(str(raw["published_at"]).replace("Z", "+00:00"))
    if published.utcoffset() is None:
        raise ValueError("published_at needs a time zone")
    headline = str(raw["headline"]).strip()
    if not headline:
        raise ValueError("headline must not be empty")
    return NewsItem(
        id=str(raw["id"]),
        symbols=tuple(s.strip().upper() for s in symbols),
        headline=headline,
        source=str(raw.get("source") or "unknown"),
        published_at=published,
        body=str(raw.get("body") or ""),
        url=raw.get("url"),
    )
