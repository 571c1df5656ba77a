"""Every model's predictions, kept to be judged by what happened afterwards.

A prediction is stored when it is made, with the model's name and version, the hash of its
inputs, the numeric inputs themselves (for drift) and its time; its outcome is joined later,
once the horizon has passed, from the stored bars (application/model_records/).

Contract:
- `add` is idempotent by id (a second add of the same id changes nothing).
- `unresolved(before, limit)` lists predictions made at or before `before` without an
  outcome, oldest first, at most `limit`.
- `resolve(id, outcome)` attaches the outcome once; resolving again replaces it (a re-run).
- `between(model, start, end, owner_id)` lists a model's predictions made in [start, end),
  oldest first, of one owner when `owner_id` is given (else every owner's).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

RATING = "rating"  # a SAFE / CAUTION / DANGER call, judged against the realised excursion
SCORE = "score"  # a signed score (sentiment, a signal), judged against the move's sign


@dataclass(frozen=True, slots=True)
class PredictionOutcome:
    """What happened over `horizon_s` seconds after the prediction."""

    horizon_s: int
    forward_return: float
    drawdown: float
    hit: bool | None  # None: not judgeable (a score of 0, no move)
    realised: str  # the realised rating, or the move's sign ("up", "down", "flat")
    resolved_at: datetime


@dataclass(frozen=True, slots=True)
class Prediction:
    id: str
    model: str
    version: str
    kind: str  # RATING or SCORE
    subject: str  # the symbol it is about
    direction: int  # +1 a buy, -1 a sell, 0 the price itself
    value: str  # the rating, or the score as a decimal string
    confidence: float | None
    inputs_hash: str
    inputs: Mapping[str, float]
    made_at: datetime
    owner_id: str | None = None
    outcome: PredictionOutcome | None = field(default=None)


class ScoreSink(Protocol):
    """Takes a model's signed score about a symbol to be recorded off the serving path.
    `offer_score` never blocks and never raises: False when the score was not taken (the
    queue was full, or the score not a finite number)."""

    def offer_score(
        self,
        model: str,
        version: str,
        symbol: str,
        score: float,
        inputs: Mapping[str, float],
        made_at: datetime,
    ) -> bool: ...


class PredictionStore(Protocol):
    async def add(self, prediction: Prediction) -> None: ...

    async def unresolved(self, before: datetime, limit: int) -> list[Prediction]: ...

    async def resolve(self, prediction_id: str, outcome: PredictionOutcome) -> None: ...

    async def between(
        self, model: str, start: datetime, end: datetime, owner_id: str | None = None
    ) -> list[Prediction]: ...
