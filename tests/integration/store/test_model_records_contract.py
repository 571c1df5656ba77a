"""Reviews and predictions: one contract on memory, SQLite and PostgreSQL (ports/review/reviewer.py,
ports/model_records/predictions.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.memory.reviews import InMemoryPredictionStore, InMemoryReviewStore
from adapters.postgres.reviews import SqlPredictionStore, SqlReviewStore
from domain.risk.analysis import RiskRating
from domain.risk.review import Review, ReviewFallback, ReviewReason, ReviewSource
from ports.model_records.predictions import RATING, Prediction, PredictionOutcome, PredictionStore
from ports.review.reviewer import ReviewStore, StoredReview, Transcript
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)


@pytest.fixture
def reviews(store: StoreUnderTest) -> ReviewStore:
    return InMemoryReviewStore() if store.kind == "memory" else SqlReviewStore(store.engine)


@pytest.fixture
def predictions(store: StoreUnderTest) -> PredictionStore:
    return InMemoryPredictionStore() if store.kind == "memory" else SqlPredictionStore(store.engine)


def stored(
    n: int, order_id: str | None = "ord-1", fallback: ReviewFallback | None = None
) -> StoredReview:
    review = Review(
        RiskRating.CAUTION,
        (ReviewReason("headroom.max_order_quantity.used_fraction", "70% of the limit"),),
        0.625,
        ReviewSource.MODEL if fallback is None else ReviewSource.RULES,
        "local-model",
        fallback,
        12.5,
    )
    return StoredReview(
        f"rev-{n}", "alice", "acc-a", order_id, "AAPL", review,
        {"headroom.max_order_quantity.used_fraction": "0.7", "decision.approved": "true"},
        Transcript('{"figures": {}}', None if fallback else '{"rating": "CAUTION"}'),
        T0 + timedelta(minutes=n), "no answer in 2.0s" if fallback else "",
    )  # fmt: skip


def prediction(n: int, model: str = "ai-reviewer", owner: str | None = "alice") -> Prediction:
    return Prediction(
        f"pred-{n}", model, "local-model", RATING, "AAPL", 1, "SAFE", 0.8, "ab" * 32,
        {"margin.equity_after": 1000.5 + n, "decision.approved": 1.0},
        T0 + timedelta(hours=n), owner,
    )  # fmt: skip


async def test_a_review_reads_back_whole_and_the_newest_of_an_order_answers(
    reviews: ReviewStore,
) -> None:
    # Arrange
    first, second = stored(1), stored(2, fallback=ReviewFallback.TIMEOUT)
    proposed = stored(3, order_id=None)

    # Act
    for review in (second, first, proposed):
        await reviews.add(review)
    await reviews.add(first)  # again: changes nothing

    # Assert
    assert await reviews.get("rev-1") == first
    assert await reviews.get("rev-3") == proposed
    assert await reviews.latest_for_order("ord-1") == second
    assert await reviews.get("rev-missing") is None
    assert await reviews.latest_for_order("ord-none") is None


async def test_predictions_list_by_model_range_and_owner_oldest_first(
    predictions: PredictionStore,
) -> None:
    # Arrange
    for p in (
        prediction(2),
        prediction(0),
        prediction(1, owner="bob"),
        prediction(3, "risk-rater"),
    ):
        await predictions.add(p)
    await predictions.add(prediction(0))

    # Act
    everyone = await predictions.between("ai-reviewer", T0, T0 + timedelta(hours=3))
    alices = await predictions.between("ai-reviewer", T0, T0 + timedelta(hours=3), "alice")
    window = await predictions.between(
        "ai-reviewer", T0 + timedelta(hours=1), T0 + timedelta(hours=2)
    )

    # Assert
    assert [p.id for p in everyone] == ["pred-0", "pred-1", "pred-2"]
    assert [p.id for p in alices] == ["pred-0", "pred-2"]
    assert [p.id for p in window] == ["pred-1"]  # the end is excluded
    assert everyone[0] == prediction(0)


async def test_unresolved_until_resolved_and_the_outcome_reads_back(
    predictions: PredictionStore,
) -> None:
    # Arrange
    for n in range(3):
        await predictions.add(prediction(n))
    outcome = PredictionOutcome(432_000, -0.031, 0.042, False, "CAUTION", T0 + timedelta(days=6))

    # Act
    due_before = await predictions.unresolved(T0 + timedelta(hours=1), 10)
    await predictions.resolve("pred-0", outcome)
    due_after = await predictions.unresolved(T0 + timedelta(hours=5), 10)
    limited = await predictions.unresolved(T0 + timedelta(hours=5), 1)

    # Assert
    assert [p.id for p in due_before] == ["pred-0", "pred-1"]
    assert [p.id for p in due_after] == ["pred-1", "pred-2"]
    assert [p.id for p in limited] == ["pred-1"]
    (resolved,) = await predictions.between("ai-reviewer", T0, T0 + timedelta(minutes=1))
    assert resolved.outcome == outcome
    assert await predictions.unresolved(T0, 0) == []
