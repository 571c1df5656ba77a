"""Joins predictions with their realised outcomes from the stored bars.

A prediction is resolved once `horizon` has passed since it was made: the entry is the close
of the last bar that started before it, the path the closes of the bars that started in
(made_at, made_at + horizon]. Without bars on both sides it stays unresolved (retried on
the next pass until `give_up_after`, then resolved as not judgeable).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.inference.outcomes import (
    DEFAULT_CAUTION_MOVE,
    DEFAULT_DANGER_MOVE,
    InvalidOutcomeInput,
    RealisedMove,
    realised_move,
    realised_rating,
    score_hit,
)
from domain.marketdata.bars import Timeframe
from ports.bar_store import BarStore
from ports.clock import Clock
from ports.predictions import RATING, Prediction, PredictionOutcome, PredictionStore


@dataclass(frozen=True, slots=True)
class OutcomeConfig:
    horizon: timedelta = timedelta(days=5)
    timeframe: Timeframe = Timeframe.D1
    lookback: timedelta = timedelta(days=7)  # how far back the entry bar is looked for
    give_up_after: timedelta = timedelta(days=30)
    caution_move: float = DEFAULT_CAUTION_MOVE
    danger_move: float = DEFAULT_DANGER_MOVE
    batch: int = 500


class OutcomeJoiner:
    def __init__(
        self, store: PredictionStore, bars: BarStore, clock: Clock, config: OutcomeConfig
    ) -> None:
        self._store = store
        self._bars = bars
        self._clock = clock
        self._config = config

    async def resolve_due(self) -> int:
        """Resolve the predictions whose horizon has passed; how many were resolved."""
        now = self._clock.now()
        due = await self._store.unresolved(now - self._config.horizon, self._config.batch)
        resolved = 0
        for prediction in due:
            outcome = await self._outcome(prediction)
            if outcome is None and now - prediction.made_at < self._config.give_up_after:
                continue
            await self._store.resolve(prediction.id, outcome or self._unjudgeable())
            resolved += 1
        return resolved

    def _unjudgeable(self) -> PredictionOutcome:
        return PredictionOutcome(
            int(self._config.horizon.total_seconds()), 0.0, 0.0, None, "no prices",
            self._clock.now(),
        )  # fmt: skip

    async def _outcome(self, p: Prediction) -> PredictionOutcome | None:
        c = self._config
        before = await self._bars.read(
            p.subject, c.timeframe, p.made_at - c.lookback, p.made_at, limit=1000
        )
        after = await self._bars.read(
            p.subject, c.timeframe, p.made_at, p.made_at + c.horizon, limit=1000
        )
        closes = [float(b.close) for b in after.bars if b.start > p.made_at]
        if not before.bars or not closes:
            return None
        try:
            move = realised_move(float(before.bars[-1].close), closes, p.direction)
        except InvalidOutcomeInput:
            return None
        hit, realised = self._judge(p, move)
        return PredictionOutcome(
            int(c.horizon.total_seconds()), move.forward_return, move.drawdown, hit, realised,
            self._clock.now(),
        )  # fmt: skip

    def _judge(self, p: Prediction, move: RealisedMove) -> tuple[bool | None, str]:
        if p.kind == RATING:
            realised = realised_rating(move, self._config.caution_move, self._config.danger_move)
            return p.value == realised, realised
        sign = "up" if move.forward_return > 0 else "down" if move.forward_return < 0 else "flat"
        try:
            score = float(p.value)
        except ValueError:
            return None, sign
        return score_hit(score, move.forward_return), sign
