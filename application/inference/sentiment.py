"""Sentiment: classify texts, and a symbol's news sentiment (domain.inference.sentiment).

A symbol's items come from the NewsPort (at most `max_items`, newest first, within the
settings' max age); each item's headline (and the start of its body) is classified by the
sentiment model through the InferencePort, whose batcher runs them together. Classifications
are remembered per item id (at most `memo_items`, oldest dropped first), so a symbol polled
every few seconds costs one model call per new item, not per poll.

With a `recorder` (a ScoreSink), every scored aggregate is offered to it as a prediction of
the model SENTIMENT_MODEL ("sentiment"), version the sentiment model's manifest version,
inputs the aggregate's figures: the sink queues it without waiting (docs/ai-review.md).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from domain.inference.errors import InvalidModelInput
from domain.inference.sentiment import NewsItem, SentimentSettings, SymbolSentiment, aggregate
from ports.core.clock import Clock
from ports.inference.inference import Classification, InferencePort
from ports.inference.news import NewsPort
from ports.model_records.predictions import ScoreSink

SYMBOL = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,14}$")
BODY_CHARS = 300
SENTIMENT_MODEL = "sentiment"  # the name its predictions are recorded under


class SentimentService:
    """SentimentSource over the inference port and a news port (module doc)."""

    def __init__(
        self,
        inference: InferencePort,
        news: NewsPort,
        clock: Clock,
        settings: SentimentSettings | None = None,
        *,
        model: str = "sentiment",
        max_items: int = 200,
        memo_items: int = 5_000,
        recorder: ScoreSink | None = None,
    ) -> None:
        self._inference = inference
        self._news = news
        self._clock = clock
        self.settings = settings or SentimentSettings()
        self.model = model
        self._max_items = max_items
        self._memo_items = memo_items
        self._memo: OrderedDict[str, Classification] = OrderedDict()
        self._recorder = recorder

    async def classify(self, texts: Sequence[str]) -> list[Classification]:
        return await self._inference.classify(self.model, texts)

    async def symbol_sentiment(self, symbol: str) -> SymbolSentiment:
        wanted = symbol.strip().upper()
        if not SYMBOL.match(wanted):
            raise InvalidModelInput(f"{symbol!r} is not a symbol", field="symbol")
        now = self._clock.now()
        since = now - timedelta(hours=self.settings.max_age_hours)
        items = await self._news.items_for(wanted, since, self._max_items)
        known = await self._classified(items)
        triples: list[tuple[NewsItem, str, Mapping[str, float]]] = [
            (item, known[item.id].label, known[item.id].probabilities) for item in items
        ]
        found = aggregate(wanted, triples, now, self.settings)
        if self._recorder is not None and found.score is not None:
            self._recorder.offer_score(
                SENTIMENT_MODEL, self._version(), wanted, found.score, _figures(found), now
            )
        return found

    async def scored_news(
        self, symbol: str, start: datetime, end: datetime, limit: int
    ) -> list[tuple[datetime, float]]:
        """The symbol's news items published in [start, end] (at most `limit`, newest first;
        never one the news port does not hold by the clock's now), each with its score
        p(positive) - p(negative) in [-1, 1] as the sentiment model classifies it."""
        wanted = symbol.strip().upper()
        if not SYMBOL.match(wanted):
            raise InvalidModelInput(f"{symbol!r} is not a symbol", field="symbol")
        found = await self._news.items_for(wanted, start, limit)
        items = [item for item in found if start <= item.published_at <= end]
        known = await self._classified(items)
        return [(item.published_at, _signed(known[item.id].probabilities)) for item in items]

    def _version(self) -> str:
        """The sentiment model's manifest version (its name when the port cannot say)."""
        try:
            infos = self._inference.models()
        except Exception:  # recording never fails the answer
            return self.model
        return next((i.version for i in infos if i.name == self.model), self.model)

    async def _classified(self, items: Sequence[NewsItem]) -> dict[str, Classification]:
        fresh = [item for item in items if item.id not in self._memo]
        if fresh:
            texts = [_text_of(item) for item in fresh]
            for item, answer in zip(fresh, await self.classify(texts), strict=True):
                self._memo[item.id] = answer
            while len(self._memo) > self._memo_items:
                self._memo.popitem(last=False)
        return {item.id: self._memo[item.id] for item in items}


def _signed(probabilities: Mapping[str, float]) -> float:
    return float(probabilities.get("positive", 0.0)) - float(probabilities.get("negative", 0.0))


def _figures(found: SymbolSentiment) -> dict[str, float]:
    figures = {"items": float(found.items), "weight": found.weight}
    if found.authenticity is not None:
        figures["authenticity"] = found.authenticity
    figures.update({f"share_{label}": share for label, share in found.shares.items()})
    return figures


def _text_of(item: NewsItem) -> str:
    body = item.body.strip()
    text = item.headline.strip() or body
    if body and item.headline.strip():
        text = f"{text}. {body[:BODY_CHARS]}"
    return text[:5_000]
