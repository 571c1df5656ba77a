"""A SocialPort over a JSON-lines file of mentions, replayed against the Clock.

One mention a line (the fields: domain/analytics/sentiment/mentions.py):

    {"id": "tw-1", "symbols": ["ACME"], "text": "...", "platform": "x", "author": "@a",
     "posted_at": "2026-03-02T14:30:00Z", "likes": 10, "shares": 2, "comments": 1, "views": 900}

A mention is visible once the clock has reached its `posted_at`, so a simulated clock (a test,
a demo, a backtest) sees the chatter arrive as it did. The file is read again when it changes
(size or mtime), at most once per `recheck_s`, on a worker thread; a malformed line is skipped
and counted (`skipped`, its line number in `problems`), never fatal. At most `max_mentions`
are kept (the oldest dropped first) and a file above MAX_FILE_BYTES is not read.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from pathlib import Path

import structlog

from adapters.watched_file import GONE, WatchedFile
from domain.analytics.sentiment.mentions import Mention, MentionIndex, mention_from
from ports.core.clock import Clock

MAX_PROBLEMS = 20
MAX_FILE_BYTES = 256 * 1024 * 1024
_log = structlog.get_logger("bulwark.social")


class JsonLinesSocial:
    """SocialPort "file" (module doc)."""

    name = "file"

    def __init__(
        self, path: Path, clock: Clock, recheck_s: float = 5.0, max_mentions: int = 200_000
    ) -> None:
        self.path = path
        self._clock = clock
        self._file = WatchedFile(path, recheck_s)
        self._max = max_mentions
        self._index = MentionIndex(max_mentions)
        self._lock = asyncio.Lock()
        self.skipped = 0
        self.problems: list[str] = []

    async def mentions(self, symbol: str, since: datetime, until: datetime) -> list[Mention]:
        await self._reload_if_changed()
        return self._index.between(symbol, since, min(until, self._clock.now()))

    async def counts(self, since: datetime, until: datetime) -> dict[str, int]:
        await self._reload_if_changed()
        return self._index.counts(since, min(until, self._clock.now()))

    async def _reload_if_changed(self) -> None:
        async with self._lock:
            seen = self._file.look()
            if seen is None:
                return
            if seen is GONE:
                self._index = MentionIndex(self._max)
                return
            if seen.st_size > MAX_FILE_BYTES:
                _log.warning("social_file_too_large", file=self.path.name, bytes=seen.st_size)
                self._index = MentionIndex(self._max)
            else:
                self._index, self.skipped, self.problems = await asyncio.to_thread(self._load)
            self._file.read(seen)

    def _load(self) -> tuple[MentionIndex, int, list[str]]:
        index, skipped = MentionIndex(self._max), 0
        problems: list[str] = []
        with self.path.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    index.add(mention_from(json.loads(line)))
                except (ValueError, RecursionError) as exc:  # JSONDecodeError: a ValueError
                    skipped += 1
                    if len(problems) < MAX_PROBLEMS:
                        problems.append(f"line {number}: {str(exc)[:200]}")
        if skipped:
            _log.warning("social_lines_skipped", file=self.path.name, skipped=skipped)
        return index, skipped, problems
