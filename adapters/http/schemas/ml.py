"""DTOs of /api/v1/ml/* and /api/v1/sentiment (docs/inference.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec

from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import AnalyticOut
from domain.inference.keywords import Keyword
from domain.inference.sentiment import ScoredItem, SymbolSentiment
from ports.inference.inference import Classification, InferenceInfo, ModelInfo, TensorSpec

SCORE_CONVENTION = (
    "score = weighted mean of p(positive) - p(negative) over the symbol's news, in [-1, 1]; "
    "weight = source weight x 0.5^(age / half-life) x authenticity; label positive at >= 0.15, "
    "negative at <= -0.15"
)
KEYWORD_METHOD = (
    "candidate 1..max_ngram-grams without leading or trailing stop words, embedded with the "
    "sentence encoder; chosen by maximal marginal relevance: (1 - diversity) x cos(phrase, text) "
    "- diversity x max cos(phrase, chosen); score = cos(phrase, text)"
)


class TensorOut(Output):
    name: str
    dtype: str
    shape: list[int | str]

    @classmethod
    def from_domain(cls, spec: TensorSpec) -> TensorOut:
        return cls(name=spec.name, dtype=spec.dtype, shape=list(spec.shape))


class ModelOut(Output):
    name: str
    version: str
    kind: str
    sha256: str
    provider: str
    inputs: list[TensorOut]
    outputs: list[TensorOut]
    labels: list[str]
    metrics: dict[str, AnalyticOut]
    encoder: str | None
    description: str
    loaded: bool  # False: not used yet; its checks run at its first use

    @classmethod
    def from_domain(cls, info: ModelInfo) -> ModelOut:
        return cls.from_attributes(
            info,
            inputs=[TensorOut.from_domain(s) for s in info.inputs],
            outputs=[TensorOut.from_domain(s) for s in info.outputs],
            labels=list(info.labels),
            metrics=dict(info.metrics),
        )


class InferenceOut(Output):
    """What serves the models (BULWARK_INFERENCE_PROVIDER, docs/inference.md)."""

    runtime: str
    provider: str
    device: str
    reason: str
    encoder: str
    batch_size: int
    wait_ms: AnalyticOut
    queue_bound: int
    models: int
    problems: list[str]

    @classmethod
    def from_domain(cls, info: InferenceInfo) -> InferenceOut:
        return cls.from_attributes(info, problems=list(info.problems))


class ModelsOut(Output):
    models: list[ModelOut]
    inference: InferenceOut


class PredictIn(Input):
    """Each input by name as a nested list of numbers whose first axis is the batch."""

    inputs: dict[str, list[Any]]


class PredictOut(Output):
    model: str
    outputs: dict[str, list[Any]]


class SentimentIn(Input):
    texts: Annotated[list[str], msgspec.Meta(min_length=1, max_length=256)]


class SentimentResultOut(Output):
    label: str
    probabilities: dict[str, AnalyticOut]

    @classmethod
    def from_domain(cls, answer: Classification) -> SentimentResultOut:
        return cls(label=answer.label, probabilities=dict(answer.probabilities))


class SentimentOut(Output):
    model: str
    results: list[SentimentResultOut]


class NewsItemOut(Output):
    id: str
    headline: str
    source: str
    published_at: datetime
    url: str | None
    label: str
    score: AnalyticOut
    authenticity: AnalyticOut
    weight: AnalyticOut

    @classmethod
    def from_domain(cls, scored: ScoredItem) -> NewsItemOut:
        item = scored.item
        return cls.from_attributes(
            item,
            label=scored.label,
            score=round(scored.score, 4),
            authenticity=scored.authenticity,
            weight=round(scored.weight, 6),
        )


class SymbolSentimentOut(Output):
    symbol: str
    as_of: datetime
    score: AnalyticOut | None
    label: str
    items: int
    weight: AnalyticOut
    authenticity: AnalyticOut | None
    shares: dict[str, AnalyticOut]
    top: list[NewsItemOut]
    half_life_hours: AnalyticOut
    max_age_hours: AnalyticOut
    convention: str = SCORE_CONVENTION

    @classmethod
    def from_domain(
        cls, found: SymbolSentiment, half_life_hours: float, max_age_hours: float
    ) -> SymbolSentimentOut:
        return cls(
            symbol=found.symbol, as_of=found.as_of, score=found.score, label=found.label,
            items=found.items, weight=found.weight, authenticity=found.authenticity,
            shares=dict(found.shares), top=[NewsItemOut.from_domain(s) for s in found.top],
            half_life_hours=half_life_hours, max_age_hours=max_age_hours,
        )  # fmt: skip


class KeywordsIn(Input):
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=5_000)]
    top_n: int = 5
    diversity: float = 0.5
    max_ngram: int = 3


class KeywordOut(Output):
    phrase: str
    score: AnalyticOut


class KeywordsOut(Output):
    keywords: list[KeywordOut]
    method: str = KEYWORD_METHOD

    @classmethod
    def from_domain(cls, found: list[Keyword]) -> KeywordsOut:
        return cls(keywords=[KeywordOut.from_attributes(k) for k in found])
