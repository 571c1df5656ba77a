"""Reviews after the gate's decisions: noted from the bus while the order is decided, reviewed
afterwards on their own, readable beside the order (the decision is never changed)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from application.review.after_decision import AfterDecision, ReviewAfterDecision
from application.review.service import ReviewNotFound
from application.trading.risk import RuleDraft
from domain.risk.analysis import RiskRating
from domain.risk.rules import RuleType
from tests.integration.review.kit import ALICE, desk, place

EVER, FOREVER = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


async def test_a_denied_order_is_reviewed_after_its_decision_and_an_accepted_one_is_not() -> None:
    # Arrange
    d = await desk(None)
    await d.e.risk.create(ALICE, RuleDraft(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 100}))
    after = ReviewAfterDecision(d.reviews, AfterDecision.DENIED)
    for event_type in after.events:
        d.e.bus.subscribe(event_type, after.on_event)

    # Act
    denied = await place(d.e, 150)
    accepted = await place(d.e, 10)
    noted_before_review = len(await d.predictions.between("ai-reviewer", EVER, FOREVER))
    reviewed = await after.drain()

    # Assert
    assert noted_before_review == 0  # deciding never waited for a review
    assert reviewed == 1 and after.failed == 0
    stored = await d.reviews.order_review(ALICE, denied)
    assert stored.review.rating is RiskRating.DANGER
    assert stored.figures["decision.approved"] == "false"
    with pytest.raises(ReviewNotFound):
        await d.reviews.order_review(ALICE, accepted)


async def test_a_full_queue_skips_reviews_rather_than_wait() -> None:
    # Arrange
    d = await desk(None)
    await d.e.risk.create(ALICE, RuleDraft(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 1}))
    after = ReviewAfterDecision(d.reviews, AfterDecision.ALL, capacity=2)
    for event_type in after.events:
        d.e.bus.subscribe(event_type, after.on_event)

    # Act
    for _ in range(4):
        await place(d.e, 5)

    # Assert
    assert after.skipped == 2
    assert await after.drain() == 2
