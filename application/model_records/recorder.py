"""Records predictions as they are made: model, version, inputs' hash, numeric inputs, time."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from domain.risk.analysis import TradeAnalysis
from domain.risk.review import ReviewSource, gate_figures
from domain.trading.orders import Order
from ports.core.clock import Clock, IdGenerator
from ports.model_records.predictions import RATING, SCORE, Prediction, PredictionStore
from ports.review.reviewer import StoredReview

REVIEWER_MODEL = "ai-reviewer"
RISK_RATER_MODEL = "risk-rater"
SENTIMENT_MODEL = "sentiment"


def inputs_hash(inputs: Mapping[str, object]) -> str:
    """SHA-256 of the inputs as canonical JSON (keys sorted)."""
    canonical = json.dumps(inputs, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def numeric_inputs(figures: Mapping[str, str]) -> dict[str, float]:
    """The figures that are numbers (flags as 0/1), for drift: text figures are left out."""
    numbers: dict[str, float] = {}
    for name, text in figures.items():
        if text in ("true", "false"):
            numbers[name] = 1.0 if text == "true" else 0.0
            continue
        try:
            value = float(text)
        except ValueError:
            continue
        if math.isfinite(value):
            numbers[name] = value
    return numbers


def score_prediction(
    ids: IdGenerator,
    model: str,
    version: str,
    symbol: str,
    score: float,
    inputs: dict[str, float],
    made_at: datetime,
) -> Prediction:
    """A signed score about a symbol (sentiment, a model signal); confidence |score|."""
    return Prediction(
        id=ids.new("pred-"),
        model=model,
        version=version,
        kind=SCORE,
        subject=symbol,
        direction=0,
        value=repr(score),
        confidence=min(1.0, abs(score)),
        inputs_hash=inputs_hash(inputs),
        inputs=inputs,
        made_at=made_at,
    )


@dataclass(eq=False)
class PredictionRecorder:
    """Writes predictions to the store; a failure to record never fails the caller's answer
    (the record is for judging models, not for deciding)."""

    store: PredictionStore
    clock: Clock
    ids: IdGenerator
    # Predictions that could not be stored (the store was down).
    failures: int = field(init=False, default=0)

    async def record(self, prediction: Prediction) -> None:
        try:
            await self.store.add(prediction)
        except Exception:
            self.failures += 1

    async def record_review(self, stored: StoredReview, order: Order) -> None:
        """The review's rating, with the gate figures it was given as inputs."""
        review = stored.review
        version = review.model if review.source is ReviewSource.MODEL else "rules-fallback"
        await self._rating(
            REVIEWER_MODEL, version, review.rating.value, review.confidence, stored.figures,
            order, stored.owner_id, stored.created_at,
        )  # fmt: skip

    async def record_rating(self, analysis: TradeAnalysis, order: Order, owner_id: str) -> None:
        """The risk rater's rating of a pre-trade analysis (version: `rules` or `model:<name>`);
        confidence: a model's probability of its rating, 1 for the rules."""
        assessment = analysis.assessment
        confidence = float(dict(assessment.probabilities).get(assessment.rating, 1.0))
        await self._rating(
            RISK_RATER_MODEL, assessment.rater, assessment.rating.value, confidence,
            gate_figures(analysis.facts), order, owner_id, self.clock.now(),
        )  # fmt: skip

    async def _rating(
        self,
        model: str,
        version: str,
        rating: str,
        confidence: float,
        figures: Mapping[str, str],
        order: Order,
        owner_id: str,
        at: datetime,
    ) -> None:
        figures = dict(figures)
        await self.record(
            Prediction(
                id=self.ids.new("pred-"),
                model=model,
                version=version,
                kind=RATING,
                subject=order.symbol,
                direction=order.side.sign,
                value=rating,
                confidence=confidence,
                inputs_hash=inputs_hash(figures),
                inputs=numeric_inputs(figures),
                made_at=at,
                owner_id=owner_id,
            )
        )

    async def record_score(
        self, model: str, version: str, symbol: str, score: float, inputs: Mapping[str, float]
    ) -> None:
        """A signed score about a symbol (sentiment, a model signal); confidence |score|."""
        now = self.clock.now()
        await self.record(
            score_prediction(self.ids, model, version, symbol, float(score), dict(inputs), now)
        )
