"""Per-symbol sentiment from classified news: source weights, recency decay, authenticity.

Each news item mentioning a symbol is classified (positive / negative / neutral probabilities,
by the sentiment model behind the InferencePort); its signed score is p(positive) - p(negative)
in [-1, 1]. The symbol's score is the weighted mean of its items' scores with

    weight = source_weight(source) * 0.5 ** (age_hours / half_life_hours) * authenticity

so a wire service counts more than an anonymous post, yesterday's news half as much as
today's (default half-life 24 h), and a pumped post (all caps, a string of cashtags, "to the
moon", the same text posted many times) barely at all. Items older than `max_age_hours` and
items dated in the future (beyond a small clock skew) are left out. The label is positive at a
score >= +0.15, negative at <= -0.15, neutral between.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

LABELS = ("negative", "neutral", "positive")
LABEL_THRESHOLD = 0.15
FUTURE_SKEW = timedelta(minutes=5)

# Phrases of paid promotion and pump campaigns; each one found lowers authenticity.
_PROMOTION = re.compile(
    r"to the moon|\b\d{2,}x\b|guaranteed|can't lose|cannot lose|next \w+ to explode|"
    r"buy now|don't miss|act fast|100% sure|easy money|🚀",
    re.IGNORECASE,
)
_CASHTAG = re.compile(r"\$[A-Za-z]{1,6}\b")


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One article or post as a NewsPort gives it; `symbols` it is about, upper case."""

    id: str
    symbols: tuple[str, ...]
    headline: str
    source: str
    published_at: datetime  # timezone-aware
    body: str = ""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class SentimentSettings:
    """How items are weighed; `source_weights` maps a source to its weight (default for others)."""

    source_weights: Mapping[str, float] = field(default_factory=dict)
    default_source_weight: float = 0.5
    half_life_hours: float = 24.0
    max_age_hours: float = 24.0 * 7

    def __post_init__(self) -> None:
        if not self.half_life_hours > 0 or not self.max_age_hours > 0:
            raise ValueError("half_life_hours and max_age_hours must be > 0")
        if self.default_source_weight < 0 or any(w < 0 for w in self.source_weights.values()):
            raise ValueError("source weights must be >= 0")


@dataclass(frozen=True, slots=True)
class ScoredItem:
    """One item's classification and what it weighed in the aggregate."""

    item: NewsItem
    label: str
    probabilities: Mapping[str, float]
    score: float  # p(positive) - p(negative)
    authenticity: float  # 0..1
    weight: float  # source weight * recency decay * authenticity


@dataclass(frozen=True, slots=True)
class SymbolSentiment:
    """A symbol's aggregate at `as_of`; score None (label "neutral") when no item counted."""

    symbol: str
    as_of: datetime
    score: float | None
    label: str
    items: int
    weight: float
    authenticity: float | None  # weight-free mean of the counted items' authenticity
    shares: Mapping[str, float]  # weighted share of each label among the counted items
    top: tuple[ScoredItem, ...]  # the heaviest items, most weight first


def authenticity(item: NewsItem, repeats: int = 1) -> float:
    """0..1: how much an item looks like reporting rather than promotion (module doc).

    Factors multiply: promotion phrases (x0.5 each, at most three), more than three cashtags
    (x0.6), a headline mostly in capitals (x0.7), exclamation marks beyond one (x0.8), and the
    same text seen `repeats` times in the batch (x 1/sqrt(repeats)).
    """
    text = f"{item.headline} {item.body}"
    score = 0.5 ** min(3, len(_PROMOTION.findall(text)))
    if len(_CASHTAG.findall(text)) > 3:
        score *= 0.6
    letters = [c for c in item.headline if c.isalpha()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        score *= 0.7
    if text.count("!") > 1:
        score *= 0.8
    if repeats > 1:
        score /= math.sqrt(repeats)
    return round(score, 4)


def aggregate(
    symbol: str,
    classified: Sequence[tuple[NewsItem, str, Mapping[str, float]]],
    as_of: datetime,
    settings: SentimentSettings,
    top: int = 5,
) -> SymbolSentiment:
    """The symbol's sentiment from (item, label, probabilities) triples (module doc)."""
    repeats = Counter(_fingerprint(item) for item, _, _ in classified)
    scored: list[ScoredItem] = []
    for item, label, probs in classified:
        age_h = (as_of - item.published_at).total_seconds() / 3600.0
        if age_h > settings.max_age_hours or item.published_at - as_of > FUTURE_SKEW:
            continue
        decay = 0.5 ** (max(age_h, 0.0) / settings.half_life_hours)
        source = settings.source_weights.get(item.source, settings.default_source_weight)
        real = authenticity(item, repeats[_fingerprint(item)])
        signed = float(probs.get("positive", 0.0)) - float(probs.get("negative", 0.0))
        scored.append(ScoredItem(item, label, probs, signed, real, source * decay * real))
    total = sum(s.weight for s in scored)
    if not scored or total <= 0.0:
        return SymbolSentiment(symbol, as_of, None, "neutral", len(scored), 0.0, None, {}, ())
    score = sum(s.weight * s.score for s in scored) / total
    shares = {
        label: round(sum(s.weight for s in scored if s.label == label) / total, 4)
        for label in LABELS
    }
    mean_real = sum(s.authenticity for s in scored) / len(scored)
    heaviest = tuple(sorted(scored, key=lambda s: (-s.weight, s.item.id))[:top])
    return SymbolSentiment(
        symbol, as_of, round(score, 4), label_of(score), len(scored), round(total, 6),
        round(mean_real, 4), shares, heaviest,
    )  # fmt: skip


def label_of(score: float) -> str:
    if score >= LABEL_THRESHOLD:
        return "positive"
    if score <= -LABEL_THRESHOLD:
        return "negative"
    return "neutral"


def _fingerprint(item: NewsItem) -> str:
    return " ".join(item.headline.lower().split())
