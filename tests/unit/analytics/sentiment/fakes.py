"""In-memory sources for the Fear & Greed and HypeMeter use cases: closes, series, sentiment,
keywords (each a working implementation of its port over data the test gives)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from domain.analytics.sentiment.errors import UnknownSeries
from domain.errors import DomainError
from domain.inference.keywords import Keyword
from domain.inference.sentiment import SymbolSentiment
from domain.market_data.bars import Bar, Timeframe
from ports.inference.inference import Classification
from ports.market_data.marketdata import QuoteUnavailable
from ports.markets.fear_greed import SERIES, SeriesPoint
from tests.kit.market_data import BarAsk, OffersNothing


@dataclass
class ClosesMarket(OffersNothing):
    """Daily bars whose closes are `closes[symbol]` (oldest first, the last one today)."""

    closes: dict[str, list[float]] = field(default_factory=dict)
    name: str = "closes"
    calls: int = 0

    async def serve(self, ask: BarAsk) -> list[Bar]:
        self.calls += 1
        if ask.symbol not in self.closes or ask.timeframe is not Timeframe.D1:
            raise QuoteUnavailable(ask.symbol)
        values = self.closes[ask.symbol][-ask.limit :]
        first = datetime(2026, 1, 5, tzinfo=UTC) - timedelta(days=len(values) - 1)
        return [
            Bar(ask.symbol, ask.timeframe, first + timedelta(days=i), p, p, p, p, Decimal(1))
            for i, p in enumerate(Decimal(str(v)) for v in values)
        ]


@dataclass
class Series:
    """A MarketSeriesPort over given points per series."""

    points: dict[str, list[SeriesPoint]] = field(default_factory=dict)
    name: str = "given"
    calls: int = 0

    async def series(self, name: str, start: date, end: date) -> list[SeriesPoint]:
        self.calls += 1
        if name not in SERIES:
            raise UnknownSeries(f"unknown series {name!r}")
        return [p for p in self.points.get(name, []) if start <= p.day <= end]


@dataclass
class Sentiment:
    """A SentimentSource answering given (score, weight) per symbol, or raising `failure`."""

    scores: dict[str, tuple[float | None, float]] = field(default_factory=dict)
    failure: DomainError | None = None

    async def classify(self, texts: Sequence[str]) -> list[Classification]:
        raise NotImplementedError

    async def symbol_sentiment(self, symbol: str) -> SymbolSentiment:
        if self.failure is not None:
            raise self.failure
        score, weight = self.scores.get(symbol, (None, 0.0))
        now = datetime(2026, 1, 5, tzinfo=UTC)
        return SymbolSentiment(symbol, now, score, "neutral", 1, weight, None, {}, ())


@dataclass
class Keywords:
    """A KeywordSource: the text's distinct words of more than four letters, longest first."""

    texts: list[str] = field(default_factory=list)
    failure: DomainError | None = None

    async def extract_keywords(
        self, text: str, top_n: int = 5, diversity: float = 0.5
    ) -> list[Keyword]:
        if self.failure is not None:
            raise self.failure
        self.texts.append(text)
        words = sorted(
            {w.strip(".,!").lower() for w in text.split() if len(w) > 4}, key=lambda w: (len(w), w)
        )
        return [Keyword(w, 1.0 / (i + 1)) for i, w in enumerate(reversed(words[-top_n:]))]
