"""Reviews and predictions on `model_reviews` and `model_predictions`, one short transaction
per call (ports/review/reviewer.py, ports/model_records/predictions.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from adapters.postgres.repos.base import insert_ignore
from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.model_records import model_predictions, model_reviews
from domain.risk.analysis import RiskRating
from domain.risk.review import Review, ReviewFallback, ReviewReason, ReviewSource
from ports.model_records.predictions import Prediction, PredictionOutcome
from ports.review.reviewer import StoredReview, Transcript


def review_json(review: Review) -> dict[str, Any]:
    return {
        "rating": review.rating.value,
        "reasons": [{"figure": r.figure, "text": r.text} for r in review.reasons],
        "confidence": review.confidence,
        "source": review.source.value,
        "model": review.model,
        "fallback": review.fallback.value if review.fallback else None,
        "elapsed_ms": review.elapsed_ms,
    }


def review_of(data: dict[str, Any]) -> Review:
    fallback = data.get("fallback")
    return Review(
        rating=RiskRating(data["rating"]),
        reasons=tuple(ReviewReason(str(r["figure"]), str(r["text"])) for r in data["reasons"]),
        confidence=float(data["confidence"]),
        source=ReviewSource(data["source"]),
        model=str(data["model"]),
        fallback=ReviewFallback(fallback) if fallback else None,
        elapsed_ms=float(data.get("elapsed_ms", 0.0)),
    )


class SqlReviewStore(EngineStore):
    async def add(self, review: StoredReview) -> None:
        row = row_of(
            review,
            model_reviews,
            review=review_json(review.review),
            figures=dict(review.figures),
            prompt=review.transcript.prompt,
            answer=review.transcript.answer,
        )
        await self._write(lambda conn: insert_ignore(conn, model_reviews, row))

    async def get(self, review_id: str) -> StoredReview | None:
        return await self._one(select(model_reviews).where(model_reviews.c.id == review_id))

    async def latest_for_order(self, order_id: str) -> StoredReview | None:
        t = model_reviews
        query = select(t).where(t.c.order_id == order_id).order_by(t.c.created_at.desc()).limit(1)
        return await self._one(query)

    async def _one(self, query: Any) -> StoredReview | None:
        rows = await self._read(query)
        if not rows:
            return None
        row = rows[0]
        return record(
            StoredReview,
            row,
            review=review_of(row.review),
            figures=dict(row.figures),
            transcript=Transcript(row.prompt, row.answer),
        )


def _outcome_json(o: PredictionOutcome) -> dict[str, Any]:
    return {
        "horizon_s": o.horizon_s,
        "forward_return": o.forward_return,
        "drawdown": o.drawdown,
        "hit": o.hit,
        "realised": o.realised,
        "resolved_at": o.resolved_at.isoformat(),
    }


def _outcome_of(data: dict[str, Any] | None) -> PredictionOutcome | None:
    if data is None:
        return None
    hit = data.get("hit")
    return PredictionOutcome(
        int(data["horizon_s"]), float(data["forward_return"]), float(data["drawdown"]),
        None if hit is None else bool(hit), str(data["realised"]),
        datetime.fromisoformat(data["resolved_at"]),
    )  # fmt: skip


def _prediction_of(row: Any) -> Prediction:
    return record(
        Prediction,
        row,
        direction=int(row.direction),
        confidence=None if row.confidence is None else float(row.confidence),
        inputs={k: float(v) for k, v in row.inputs.items()},
        outcome=_outcome_of(row.outcome),
    )


class SqlPredictionStore(EngineStore):
    async def add(self, prediction: Prediction) -> None:
        outcome = prediction.outcome
        row = row_of(
            prediction,
            model_predictions,
            inputs=dict(prediction.inputs),
            outcome=None if outcome is None else _outcome_json(outcome),
            resolved=0 if outcome is None else 1,
        )
        await self._write(lambda conn: insert_ignore(conn, model_predictions, row))

    async def unresolved(self, before: datetime, limit: int) -> list[Prediction]:
        if limit <= 0:
            return []
        t = model_predictions
        query = (
            select(t)
            .where(t.c.resolved == 0, t.c.made_at <= before)
            .order_by(t.c.made_at, t.c.id)
            .limit(limit)
        )
        return await self._many(query)

    async def resolve(self, prediction_id: str, outcome: PredictionOutcome) -> None:
        t = model_predictions
        statement = (
            update(t)
            .where(t.c.id == prediction_id)
            .values(outcome=_outcome_json(outcome), resolved=1)
        )
        await self._change(statement)

    async def between(
        self, model: str, start: datetime, end: datetime, owner_id: str | None = None
    ) -> list[Prediction]:
        t = model_predictions
        query = select(t).where(t.c.model == model, t.c.made_at >= start, t.c.made_at < end)
        if owner_id is not None:
            query = query.where(t.c.owner_id == owner_id)
        return await self._many(query.order_by(t.c.made_at, t.c.id))

    async def _many(self, query: Any) -> list[Prediction]:
        return [_prediction_of(row) for row in await self._read(query)]
