"""A NewsPort that merges several sources (the vendors' news and the file) into one feed.

- Each source is asked for a symbol at most once per `refresh_s` (its answers are kept), so the
  sentiment engine may ask as often as it likes without spending the vendors' budgets; a
  source with `refresh_s` 0 (the JSON-lines file) is read on every ask.
- `run` polls the symbols asked in the last `follow_s` every `refresh_s`, so news keeps
  arriving between asks (a continuous feed).
- Items are deduplicated across sources by URL (scheme and host lower-cased, fragment and
  trailing slash dropped), else by id: the first one kept wins (within one refresh, the
  first source listed).
- A failing source (rate limited, down, malformed answer) is logged and counted in
  `failures`; the others and what was already kept still answer.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

import structlog

from domain.inference.sentiment import NewsItem
from ports.core.clock import Clock
from ports.inference.news import NewsPort

_log = structlog.get_logger("bulwark.news")

MAX_KEPT = 2000  # items kept per symbol


@dataclass(frozen=True, slots=True)
class NewsSource:
    """A named source and how often it may be asked about one symbol (0: every time)."""

    name: str
    news: NewsPort
    refresh_s: float = 60.0


def dedup_key(item: NewsItem) -> str:
    if item.url:
        parts = urlsplit(item.url.strip())
        path = parts.path.rstrip("/")
        return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))
    return item.id


class MergedNews:
    """NewsPort over `sources` (module doc)."""

    def __init__(
        self,
        sources: Sequence[NewsSource],
        clock: Clock,
        *,
        lookback_s: float = 7 * 86_400,
        follow_s: float = 3600.0,
        refresh_s: float = 60.0,
    ) -> None:
        self._sources = list(sources)
        self._clock = clock
        self._lookback_s = lookback_s
        self._follow_s = follow_s
        self._refresh_s = refresh_s
        self._kept: dict[str, dict[str, NewsItem]] = {}
        self._asked_at: dict[tuple[int, str], float] = {}
        self._interest: dict[str, float] = {}
        self.failures: dict[str, int] = {}

    @property
    def names(self) -> list[str]:
        return [source.name for source in self._sources]

    async def items_for(self, symbol: str, since: datetime, limit: int = 200) -> list[NewsItem]:
        key = symbol.upper()
        self._interest[key] = self._clock.monotonic()
        await self._refresh(key, since)
        now = self._clock.now()
        items = [i for i in self._kept.get(key, {}).values() if since <= i.published_at <= now]
        items.sort(key=lambda i: (i.published_at, i.id), reverse=True)
        return items[:limit]

    async def poll_once(self) -> None:
        """Refresh every symbol asked about in the last `follow_s`."""
        now = self._clock.monotonic()
        followed = [s for s, at in self._interest.items() if now - at <= self._follow_s]
        for symbol in [s for s in self._interest if s not in followed]:
            del self._interest[symbol]
        since = self._clock.now().timestamp() - self._lookback_s
        since_at = datetime.fromtimestamp(since, tz=self._clock.now().tzinfo)
        for symbol in followed:
            await self._refresh(symbol, since_at)

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set."""
        while not stop.is_set():
            await self.poll_once()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._refresh_s)

    async def aclose(self) -> None:
        """Close the sources that hold connections."""
        for source in self._sources:
            close = getattr(source.news, "aclose", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    await close()

    async def _refresh(self, symbol: str, since: datetime) -> None:
        now = self._clock.monotonic()
        due = [
            (index, source)
            for index, source in enumerate(self._sources)
            if source.refresh_s <= 0
            or now - self._asked_at.get((index, symbol), float("-inf")) >= source.refresh_s
        ]
        if not due:
            return
        for index, _source in due:
            self._asked_at[(index, symbol)] = now
        answers = await asyncio.gather(
            *(source.news.items_for(symbol, since, MAX_KEPT) for _i, source in due),
            return_exceptions=True,
        )
        kept = self._kept.setdefault(symbol, {})
        for (_index, source), answer in zip(due, answers, strict=True):
            if isinstance(answer, BaseException):
                if not isinstance(answer, Exception):
                    raise answer
                name = source.name
                self.failures[name] = self.failures.get(name, 0) + 1
                _log.warning("news_source_failed", source=name, symbol=symbol, error=str(answer))
                continue
            for item in answer:
                kept.setdefault(dedup_key(item), item)
        if len(kept) > MAX_KEPT:
            newest = sorted(kept.items(), key=lambda kv: kv[1].published_at, reverse=True)
            self._kept[symbol] = dict(newest[:MAX_KEPT])
