"""/api/v1/analytics/fear-greed and /analytics/hype DTOs (docs/sentiment-indices.md).

Scores are floats rounded to two decimals; raw inputs keep their units (named in
`conventions`). The history is served chart-ready: parallel arrays, one entry per stored day.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import AnalyticOut
from application.markets.fear_greed import ComponentView, FearGreedView, HistoryView, SeriesView
from application.markets.hype import HypeView, MoversView
from domain.analytics.sentiment.fear_greed import BANDS, INPUTS, MAX_WINDOW
from domain.analytics.sentiment.hype import HypeReading

FEAR_GREED_CONVENTIONS = {
    "score": "0 (extreme fear) .. 100 (extreme greed): the weighted mean of the available "
    "inputs' scores, weights renormalised over them",
    "bands": "< 20 extreme_fear, [20, 40) fear, [40, 60] neutral, (60, 80] greed, "
    "> 80 extreme_greed",
    "vix": "vol points (20 = 20% annualised 30-day implied volatility); fear input",
    "put_call": "put volume / call volume; fear input",
    "momentum": "index close / its 125-day simple average - 1; greed input",
    "breadth": "share of the universe closing above its 50-day simple average, 0..1",
    "social": "news sentiment, weighted mean of p(positive) - p(negative), -1..1",
    "normalisation": "percentile: midrank within the trailing window of earlier observations "
    "(at least min_history of them); bounds: linear between the documented bounds, clamped; "
    "fear inputs reversed (100 - p)",
    "coverage": "the weight of the inputs that were available, 0..1",
    "day": "the UTC calendar day",
}
HYPE_CONVENTIONS = {
    "engagement": "likes x w_likes + comments x w_comments + shares x w_shares + views x "
    "w_views, summed over the window's mentions (weights in `engagement_weights`)",
    "velocity": "mentions per hour in the window (as_of - window, as_of]",
    "baseline": "the velocity of each of the baseline_windows windows before the current one, "
    "oldest first",
    "spike": "velocity - mean > sigma x std of the baseline (population std, ddof 0; "
    "exactly sigma is not a spike), with at least min_mentions mentions; a flat baseline "
    "(std 0): any rise above its mean",
    "z": "(velocity - mean) / std; null when the baseline is flat",
}


def _r(value: float | None, places: int = 2) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, places)


def _r6(value: float | None) -> float | None:
    return _r(value, 6)


class ComponentOut(Output):
    name: str
    weight: AnalyticOut
    raw: AnalyticOut | None
    score: AnalyticOut | None
    method: str | None
    observations: int
    as_of: dt.date | None
    source: str
    reason: str | None

    @classmethod
    def from_view(cls, c: ComponentView) -> ComponentOut:
        return cls.from_attributes(c, raw=_r6(c.raw), score=_r(c.score))


class BandOut(Output):
    label: str
    low: AnalyticOut
    high: AnalyticOut


BANDS_OUT = [BandOut(label=b.value, low=lo, high=hi) for b, lo, hi in BANDS]


class FearGreedOut(Output):
    day: dt.date
    as_of: dt.datetime
    score: AnalyticOut
    label: str
    coverage: AnalyticOut
    weights: dict[str, AnalyticOut]
    components: list[ComponentOut]
    missing: list[str]
    bands: list[BandOut]
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: FearGreedView) -> FearGreedOut:
        return cls(
            day=view.day, as_of=view.as_of, score=round(view.score, 2), label=view.band.value,
            coverage=round(view.coverage, 6), weights=dict(view.weights),
            components=[ComponentOut.from_view(c) for c in view.components],
            missing=list(view.missing), bands=BANDS_OUT, conventions=FEAR_GREED_CONVENTIONS,
        )  # fmt: skip


_HISTORY = Annotated[list[float], msgspec.Meta(max_length=MAX_WINDOW)]


class FearGreedIn(Input):
    """Raw inputs (any of vix, put_call, momentum, breadth, social), optional earlier values."""

    inputs: Annotated[
        dict[str, float],
        msgspec.Meta(
            min_length=1,
            max_length=len(INPUTS),
            description="Raw values by input name, in their units (see conventions)",
            examples=[{"vix": 18.5, "put_call": 0.85, "momentum": 0.03, "breadth": 0.55}],
        ),
    ]
    history: Annotated[
        dict[str, _HISTORY],
        msgspec.Meta(
            max_length=len(INPUTS),
            description="Earlier observations per input, oldest first (at most 2520 each); "
            "an input with at least min_history of them is ranked by percentile",
        ),
    ] = msgspec.field(default_factory=dict)
    weights: (
        Annotated[
            dict[str, float],
            msgspec.Meta(
                max_length=len(INPUTS),
                description="Each within [0, 1], summing to 1; an input left out weighs 0 "
                "(default: the configured weights)",
            ),
        ]
        | None
    ) = None


class HistoryOut(Output):
    """Chart-ready: `dates[i]` has `score[i]`, `label[i]` and `components[name][i]`."""

    start: dt.date
    end: dt.date
    count: int
    dates: list[dt.date]
    score: list[AnalyticOut]
    label: list[str]
    coverage: list[AnalyticOut]
    components: dict[str, list[AnalyticOut | None]]
    bands: list[BandOut]
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: HistoryView) -> HistoryOut:
        records = view.records
        scores: dict[str, list[float | None]] = {name: [] for name in INPUTS}
        for record in records:
            by_name = {c.name: c.score for c in record.components}
            for name in INPUTS:
                scores[name].append(_r(by_name.get(name)))
        return cls(
            start=view.start, end=view.end, count=len(records),
            dates=[r.day for r in records], score=[round(r.score, 2) for r in records],
            label=[r.label for r in records], coverage=[round(r.coverage, 6) for r in records],
            components=scores, bands=BANDS_OUT,
            conventions={"components": "each input's 0..100 score that day (null: missing)",
                         **FEAR_GREED_CONVENTIONS},
        )  # fmt: skip


class SeriesOut(Output):
    """One input's raw values per day, chart-ready (`dates[i]` has `values[i]`)."""

    name: str
    start: dt.date
    end: dt.date
    source: str
    dates: list[dt.date]
    values: list[AnalyticOut]
    unit: str

    @classmethod
    def from_view(cls, view: SeriesView) -> SeriesOut:
        return cls.from_attributes(
            view,
            dates=[d for d, _ in view.points],
            values=[round(v, 6) for _, v in view.points],
            unit=FEAR_GREED_CONVENTIONS[view.name],
        )


class MentionOut(Output):
    id: str
    platform: str
    author: str
    posted_at: dt.datetime
    text: str
    likes: int
    shares: int
    comments: int
    views: int
    engagement: AnalyticOut


class HypeKeywordOut(Output):
    phrase: str
    score: AnalyticOut


class HypeOut(Output, omit_defaults=True):
    symbol: str
    as_of: dt.datetime
    window_minutes: int
    baseline_windows: int
    mentions: int
    velocity: AnalyticOut
    engagement: AnalyticOut
    engagement_per_hour: AnalyticOut
    baseline_mean: AnalyticOut
    baseline_std: AnalyticOut
    z: AnalyticOut | None
    spike: bool
    sigma: AnalyticOut
    min_mentions: int
    baseline: list[AnalyticOut]
    top_mentions: list[MentionOut]
    keywords: list[HypeKeywordOut] | None = None
    keywords_reason: str | None = None

    @classmethod
    def from_reading(
        cls, r: HypeReading, baseline_windows: int, sigma: float, min_mentions: int
    ) -> HypeOut:
        s = r.spike
        return cls(
            symbol=r.symbol, as_of=r.as_of, window_minutes=round(r.window.total_seconds() / 60),
            baseline_windows=baseline_windows, mentions=r.mentions, velocity=round(r.velocity, 6),
            engagement=round(r.engagement, 4), engagement_per_hour=round(r.engagement_per_hour, 4),
            baseline_mean=round(s.baseline_mean, 6), baseline_std=round(s.baseline_std, 6),
            z=_r(s.z, 4), spike=s.spike, sigma=sigma, min_mentions=min_mentions,
            baseline=[round(v, 6) for v in r.baseline_velocities],
            top_mentions=[
                MentionOut.from_attributes(m, text=m.text[:500], engagement=round(score, 4))
                for m, score in r.top
            ],
        )  # fmt: skip


class HypeReadingOut(Output):
    reading: HypeOut
    source: str
    engagement_weights: dict[str, AnalyticOut]
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: HypeView, weights: dict[str, float]) -> HypeReadingOut:
        st = view.settings
        out = HypeOut.from_reading(view.reading, st.baseline_windows, st.sigma, st.min_mentions)
        out.keywords = (
            None if view.keywords is None
            else [HypeKeywordOut(phrase=k.phrase, score=round(k.score, 4)) for k in view.keywords]
        )  # fmt: skip
        out.keywords_reason = view.keywords_reason
        return cls(
            reading=out, source=view.source, engagement_weights=weights,
            conventions=HYPE_CONVENTIONS,
        )  # fmt: skip


class MoversOut(Output):
    as_of: dt.datetime
    window_minutes: int
    baseline_windows: int
    candidates: int
    items: list[HypeOut]
    source: str
    engagement_weights: dict[str, AnalyticOut]
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: MoversView, weights: dict[str, float]) -> MoversOut:
        st = view.settings
        return cls(
            as_of=view.as_of, window_minutes=round(st.window.total_seconds() / 60),
            baseline_windows=st.baseline_windows, candidates=view.candidates,
            items=[
                HypeOut.from_reading(r, st.baseline_windows, st.sigma, st.min_mentions)
                for r in view.items
            ],
            source=view.source, engagement_weights=weights, conventions=HYPE_CONVENTIONS,
        )  # fmt: skip
