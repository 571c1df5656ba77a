"""Scored news as the strategies read it: a symbol's items with their sentiment scores."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class ScoredNews(Protocol):
    """A symbol's news items published in [start, end], newest first, at most `limit`, each
    as (published_at, score): score p(positive) - p(negative) in [-1, 1] from the sentiment
    model (application/inference/sentiment.py). Never an item published after the clock's
    now. An unknown or malformed symbol raises a DomainError."""

    async def scored_news(
        self, symbol: str, start: datetime, end: datetime, limit: int
    ) -> list[tuple[datetime, float]]: ...
