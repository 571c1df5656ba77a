"""Wire shapes of reviews and model records (docs/ai-review.md)."""

from __future__ import annotations

from datetime import datetime

from adapters.http.schemas.common import Output, attributes
from adapters.http.wire_format import AnalyticOut
from application.model_records.record import ModelRecord, PeriodRecord
from ports.review.reviewer import StoredReview


class ReviewReasonOut(Output):
    figure: str  # a key of `figures`
    text: str


class ReviewOut(Output):
    """An advisory review. `source`: "model" or "rules"; `fallback`: why the rules answered
    ("timeout", "error", "invalid answer", "not configured"), null when the model did."""

    id: str
    order_id: str | None
    account_id: str
    symbol: str
    rating: str
    reasons: list[ReviewReasonOut]
    confidence: AnalyticOut
    source: str
    fallback: str | None
    model: str
    elapsed_ms: AnalyticOut
    figures: dict[str, str]
    created_at: datetime

    @classmethod
    def from_domain(cls, stored: StoredReview) -> ReviewOut:
        r = stored.review
        return cls.from_attributes(
            stored,
            **attributes(r, "confidence", "model"),
            rating=r.rating.value,
            reasons=[ReviewReasonOut.from_attributes(x) for x in r.reasons],
            source=r.source.value,
            fallback=r.fallback.value if r.fallback else None,
            elapsed_ms=round(r.elapsed_ms, 3),
            figures=dict(stored.figures),
        )


class BinOut(Output):
    low: AnalyticOut
    high: AnalyticOut
    count: int
    mean_confidence: AnalyticOut | None
    hit_rate: AnalyticOut | None


class DriftOut(Output):
    psi: AnalyticOut | None
    feature: str | None
    reference_count: int


class PeriodRecordOut(Output):
    version: str
    period_start: datetime
    predictions: int
    resolved: int
    judged: int
    hit_rate: AnalyticOut | None
    calibration_error: AnalyticOut | None
    bins: list[BinOut]
    drift: DriftOut

    @classmethod
    def from_domain(cls, row: PeriodRecord) -> PeriodRecordOut:
        return cls.from_attributes(
            row,
            bins=[BinOut.from_attributes(b) for b in row.bins],
            drift=DriftOut(
                psi=row.drift.psi,
                feature=row.drift.feature,
                reference_count=row.drift.reference_count,
            ),
        )


class ModelRecordOut(Output):
    model: str
    start: datetime
    end: datetime
    period: str
    rows: list[PeriodRecordOut]

    @classmethod
    def from_domain(cls, record: ModelRecord) -> ModelRecordOut:
        return cls(
            model=record.model,
            start=record.start,
            end=record.end,
            period=record.period.value,
            rows=[PeriodRecordOut.from_domain(row) for row in record.rows],
        )
