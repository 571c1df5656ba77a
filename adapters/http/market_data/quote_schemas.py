"""Wire shapes of the consensus quote, the cheapest fresh quote and the sources' grades."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.http.schemas.common import Output
from adapters.http.wire_format import AnalyticOut, PriceOut, QuantityOut
from application.market_data.quote_quality import ConsensusView, FreshQuote, SourceView
from domain.market_data.source_quality import SourceQuality


class SourceInRoundOut(Output):
    """A source in this consensus read: its mid and age, or why it gave none."""

    source: str
    mid: PriceOut | None
    age_seconds: AnalyticOut | None
    outlier: bool
    deviation_bps: AnalyticOut | None
    error: str | None

    @classmethod
    def from_domain(cls, view: SourceView) -> SourceInRoundOut:
        return cls.from_attributes(
            view,
            age_seconds=view.age_s,
            deviation_bps=None if view.deviation_bps is None else float(view.deviation_bps),
        )


class ConsensusOut(Output):
    """The median of the live sources that agree; outliers are flagged, not counted."""

    symbol: str
    verdict: str  # agreed, too_few, dispersed
    mid: PriceOut
    bid: PriceOut
    ask: PriceOut
    contributors: list[str]
    outliers: list[str]
    threshold_bps: AnalyticOut
    dispersion_bps: AnalyticOut
    sources: list[SourceInRoundOut]

    @classmethod
    def from_domain(cls, view: ConsensusView) -> ConsensusOut:
        c = view.consensus
        return cls.from_attributes(
            c,
            verdict=c.verdict.value,
            contributors=list(c.contributors),
            outliers=[o.provider for o in c.outliers],
            threshold_bps=float(c.threshold_bps),
            dispersion_bps=float(c.dispersion_bps),
            sources=[SourceInRoundOut.from_domain(s) for s in view.sources],
        )


class FreshQuoteOut(Output):
    """The quote of the cheapest source fresh enough, with who gave it and what it cost."""

    symbol: str
    source: str
    bid: PriceOut
    ask: PriceOut
    last: PriceOut
    bid_size: QuantityOut
    ask_size: QuantityOut
    at: datetime
    age_seconds: AnalyticOut
    cost_per_call: PriceOut | None  # a price per call, at 8 places

    @classmethod
    def from_domain(cls, fresh: FreshQuote) -> FreshQuoteOut:
        q = fresh.quote
        return cls.from_attributes(
            q, source=fresh.source, age_seconds=fresh.age_s, cost_per_call=fresh.cost
        )


class SourceQualityOut(Output):
    """A source's data quality over its recent consensus rounds: A (best) to D, or unrated."""

    source: str
    grade: str
    rounds: int
    gap_rate: AnalyticOut
    disagreement_rate: AnalyticOut
    staleness_seconds: AnalyticOut | None

    @classmethod
    def from_domain(cls, quality: SourceQuality) -> SourceQualityOut:
        return cls.from_attributes(
            quality,
            grade=quality.grade.value,
            staleness_seconds=quality.staleness_s,
        )


def data_quality_out(served: Any | None) -> list[SourceQualityOut] | None:
    """/api/status's data-quality line: each source's grade, none where market data is not
    served (`served` is the market-data context's bundle)."""
    quality = None if served is None else served.quote_quality
    return None if quality is None else [SourceQualityOut.from_domain(q) for q in quality.grades()]
