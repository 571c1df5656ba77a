"""In-process reviews and predictions (the embedded store; lost on restart)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ports.model_records.predictions import Prediction, PredictionOutcome
from ports.review.reviewer import StoredReview


class InMemoryReviewStore:
    """A ReviewStore in a dict; an order's reviews in the order they were added."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredReview] = {}
        self._by_order: dict[str, list[str]] = {}

    async def add(self, review: StoredReview) -> None:
        if review.id in self._by_id:
            return
        self._by_id[review.id] = review
        if review.order_id is not None:
            self._by_order.setdefault(review.order_id, []).append(review.id)

    async def get(self, review_id: str) -> StoredReview | None:
        return self._by_id.get(review_id)

    async def latest_for_order(self, order_id: str) -> StoredReview | None:
        ids = self._by_order.get(order_id)
        if not ids:
            return None
        return max((self._by_id[i] for i in ids), key=lambda r: r.created_at)


class InMemoryPredictionStore:
    """A PredictionStore in a dict by id."""

    def __init__(self) -> None:
        self._by_id: dict[str, Prediction] = {}

    async def add(self, prediction: Prediction) -> None:
        self._by_id.setdefault(prediction.id, prediction)

    async def unresolved(self, before: datetime, limit: int) -> list[Prediction]:
        due = [p for p in self._by_id.values() if p.outcome is None and p.made_at <= before]
        return sorted(due, key=lambda p: (p.made_at, p.id))[: max(limit, 0)]

    async def resolve(self, prediction_id: str, outcome: PredictionOutcome) -> None:
        current = self._by_id.get(prediction_id)
        if current is not None:
            self._by_id[prediction_id] = replace(current, outcome=outcome)

    async def between(
        self, model: str, start: datetime, end: datetime, owner_id: str | None = None
    ) -> list[Prediction]:
        found = [
            p
            for p in self._by_id.values()
            if p.model == model
            and start <= p.made_at < end
            and (owner_id is None or p.owner_id == owner_id)
        ]
        return sorted(found, key=lambda p: (p.made_at, p.id))
