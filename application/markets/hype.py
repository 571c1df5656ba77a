"""HypeMeter use cases: a symbol's engagement, velocity and spike, what its mentions talk
about, and the top movers (docs/sentiment-indices.md; the math: domain/analytics/sentiment/hype).

Mentions come from the SocialPort (a replayed file or a Kafka topic). Windows: 5 minutes to a
day; baseline: 3 to 168 windows; the whole lookback (window x (baseline + 1)) within what the
source keeps (`max_lookback`). Keywords come from the KeywordSource over the
window's most engaging mentions; when it is off or cannot run, the reading comes without them
and says why (`keywords_reason`).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime, timedelta

from domain.analytics.sentiment.errors import InvalidSentimentInput
from domain.analytics.sentiment.hype import (
    EngagementWeights,
    HypeReading,
    HypeSettings,
    engagement,
    hype_reading,
)
from domain.analytics.sentiment.mentions import SYMBOL, Mention
from domain.errors import DomainError
from domain.inference.keywords import Keyword
from ports.core.clock import Clock
from ports.inference.sentiment import KeywordSource
from ports.markets.social import SocialPort

WINDOW_MINUTES = (5, 1440)
BASELINE_WINDOWS = (3, 168)
MAX_MOVERS = 50
MAX_CANDIDATES = 200
KEYWORD_CHARS = 5_000
KEYWORDS_TOP = 8


@dataclass(frozen=True, slots=True)
class HypeView:
    reading: HypeReading
    settings: HypeSettings
    keywords: tuple[Keyword, ...] | None  # None: not asked, off, or could not run
    keywords_reason: str | None
    source: str


@dataclass(frozen=True, slots=True)
class MoversView:
    as_of: datetime
    settings: HypeSettings
    candidates: int  # symbols mentioned in the window (the ranked ones are the busiest)
    items: tuple[HypeReading, ...]
    source: str


def valid_symbol(text: str) -> str:
    symbol = text.strip().upper()
    if not SYMBOL.match(symbol):
        raise InvalidSentimentInput(f"{text[:40]!r} is not a symbol", field="symbol")
    return symbol


def rank_key(reading: HypeReading) -> tuple[bool, float, float, str]:
    """Spikes first, then by z (a flat baseline's rise counts as infinite), then velocity."""
    spike = reading.spike
    if spike.z is not None:
        z = spike.z
    else:
        z = math.inf if spike.velocity > spike.baseline_mean else 0.0
    return (not spike.spike, -z, -spike.velocity, reading.symbol)


@dataclass(eq=False)
class HypeService:
    social: SocialPort
    clock: Clock
    keywords: KeywordSource | None = None
    _: KW_ONLY
    weights: EngagementWeights = field(default_factory=EngagementWeights)
    defaults: HypeSettings = field(default_factory=HypeSettings)
    max_lookback: timedelta = timedelta(hours=48)

    def settings_for(
        self, window_minutes: int | None, baseline_windows: int | None
    ) -> HypeSettings:
        """The defaults with the asked window and baseline, checked (422 naming the field)."""
        default_minutes = round(self.defaults.window.total_seconds() / 60)
        minutes = default_minutes if window_minutes is None else window_minutes
        windows = self.defaults.baseline_windows if baseline_windows is None else baseline_windows
        if not WINDOW_MINUTES[0] <= minutes <= WINDOW_MINUTES[1]:
            raise InvalidSentimentInput(
                f"window_minutes must be within [{WINDOW_MINUTES[0]}, {WINDOW_MINUTES[1]}]",
                field="window_minutes",
            )
        if not BASELINE_WINDOWS[0] <= windows <= BASELINE_WINDOWS[1]:
            raise InvalidSentimentInput(
                f"baseline_windows must be within [{BASELINE_WINDOWS[0]}, {BASELINE_WINDOWS[1]}]",
                field="baseline_windows",
            )
        settings = HypeSettings(
            timedelta(minutes=minutes), windows, self.defaults.sigma, self.defaults.min_mentions
        )
        if settings.lookback > self.max_lookback:
            hours = self.max_lookback.total_seconds() / 3600
            raise InvalidSentimentInput(
                f"window_minutes x (baseline_windows + 1) reaches back further than the "
                f"{hours:g} hours the social source keeps",
                field="baseline_windows",
            )
        return settings

    async def reading(
        self,
        symbol: str,
        window_minutes: int | None = None,
        baseline_windows: int | None = None,
        *,
        keywords: bool = True,
    ) -> HypeView:
        wanted = valid_symbol(symbol)
        settings = self.settings_for(window_minutes, baseline_windows)
        now = self.clock.now()
        mentions = await self.social.mentions(wanted, now - settings.lookback, now)
        reading = await asyncio.to_thread(
            hype_reading, wanted, mentions, now, settings, self.weights
        )
        found: tuple[Keyword, ...] | None = None
        reason: str | None = "NOT_ASKED"
        if keywords:
            found, reason = await self._keywords_of(mentions, now - settings.window)
        return HypeView(reading, settings, found, reason, self.social.name)

    async def movers(
        self,
        limit: int | None = None,
        window_minutes: int | None = None,
        baseline_windows: int | None = None,
    ) -> MoversView:
        """The busiest symbols of the window (at most MAX_CANDIDATES), ranked by `rank_key`."""
        count = 10 if limit is None else limit
        if not 1 <= count <= MAX_MOVERS:
            raise InvalidSentimentInput(f"limit must be within [1, {MAX_MOVERS}]", field="limit")
        settings = self.settings_for(window_minutes, baseline_windows)
        now = self.clock.now()
        counts = await self.social.counts(now - settings.window, now)
        busiest = sorted(counts, key=lambda s: (-counts[s], s))[:MAX_CANDIDATES]
        since = now - settings.lookback
        found = {s: await self.social.mentions(s, since, now) for s in busiest}

        def readings() -> list[HypeReading]:
            done = [hype_reading(s, m, now, settings, self.weights) for s, m in found.items()]
            return sorted(done, key=rank_key)[:count]

        ranked = await asyncio.to_thread(readings)
        return MoversView(now, settings, len(counts), tuple(ranked), self.social.name)

    async def _keywords_of(
        self, mentions: Sequence[Mention], window_start: datetime
    ) -> tuple[tuple[Keyword, ...] | None, str | None]:
        if self.keywords is None:
            return None, "KEYWORDS_OFF"
        recent = [m for m in mentions if m.posted_at > window_start] or list(mentions[-20:])
        if not recent:
            return (), "NO_MENTIONS"
        ordered = sorted(recent, key=lambda m: (-engagement(m, self.weights), m.id))
        text, used = "", set()
        for mention in ordered:
            body = " ".join(mention.text.split())
            if not body or body in used:
                continue
            used.add(body)
            text = f"{text} {body}".strip() if text else body
            if len(text) >= KEYWORD_CHARS:
                break
        if not text:
            return (), "NO_TEXT"
        try:
            found = await self.keywords.extract_keywords(text[:KEYWORD_CHARS], KEYWORDS_TOP)
        except DomainError as exc:
            return None, exc.code
        return tuple(found), None
