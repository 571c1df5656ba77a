"""The AI risk reviewer: a language model's advisory reading of a gate decision, and the store
of the reviews.

`ReviewerPort.review` sends the gate's figures (domain.risk.review.gate_figures) and the
order's terms, never an account's or a person's identifier, and answers a `ModelAnswer` whose
every reason names one of the figures it was sent. It raises `ReviewFailed` when the
endpoint fails ("error") or answers off the schema ("invalid answer"), with the transcript
for the audit record (the caller redacts it before it is stored). It may take as long as the
endpoint does: the caller holds the time budget and cancels it (the rules rater answers).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from domain.risk.analysis import RiskRating
from domain.risk.review import Review, ReviewFallback, ReviewReason


@dataclass(frozen=True, slots=True)
class ReviewPrompt:
    """What the model is shown: the gate's figures by name and the order's terms."""

    figures: Mapping[str, str]
    order: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Transcript:
    """What was sent and what came back (stored only once redacted: application/review/)."""

    prompt: str
    answer: str | None = None


@dataclass(frozen=True, slots=True)
class ModelAnswer:
    rating: RiskRating
    reasons: tuple[ReviewReason, ...]
    confidence: float
    transcript: Transcript


class ReviewFailed(Exception):
    """The model gave no usable answer: `reason` is ERROR or INVALID_ANSWER."""

    def __init__(self, reason: ReviewFallback, detail: str, transcript: Transcript) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail
        self.transcript = transcript


class ReviewerPort(Protocol):
    """A language model asked for a review. `model` names it (recorded with each review)."""

    model: str

    async def review(self, prompt: ReviewPrompt) -> ModelAnswer: ...


@dataclass(frozen=True, slots=True)
class StoredReview:
    """A review kept for reading and audit: of a stored order (`order_id`) or of a proposed
    one (`order_id` None), scoped to the account's owner."""

    id: str
    owner_id: str
    account_id: str
    order_id: str | None
    symbol: str
    review: Review
    figures: Mapping[str, str]
    transcript: Transcript
    created_at: datetime
    detail: str = field(default="")  # why the model's answer was not used, redacted


class ReviewStore(Protocol):
    """Reviews by id and by order. `add` keeps every review (a re-review adds one);
    `latest_for_order` answers the newest of an order's, None when it has none."""

    async def add(self, review: StoredReview) -> None: ...

    async def get(self, review_id: str) -> StoredReview | None: ...

    async def latest_for_order(self, order_id: str) -> StoredReview | None: ...
