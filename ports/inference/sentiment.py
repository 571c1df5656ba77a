"""Sentiment and keyword sources for other features (Fear & Greed, HypeMeter, risk rules)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.inference.keywords import Keyword
from domain.inference.sentiment import SymbolSentiment
from ports.inference.inference import Classification


class SentimentSource(Protocol):
    """Per-symbol news sentiment and text classification (application.inference.sentiment)."""

    async def classify(self, texts: Sequence[str]) -> list[Classification]: ...

    async def symbol_sentiment(self, symbol: str) -> SymbolSentiment: ...


class KeywordSource(Protocol):
    """What a text is about: its keywords, most relevant first (application.inference.keywords)."""

    async def extract_keywords(
        self, text: str, top_n: int = 5, diversity: float = 0.5
    ) -> list[Keyword]: ...
