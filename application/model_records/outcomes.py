"""Joins predictions with their realised outcomes from the stored bars.

A prediction is resolved once `horizon` has passed since it was made: the entry is the close
of the last bar that started before it, the path the closes of the bars that started in
(made_at, made_at + horizon]. Without bars on both sides it stays unresolved (retried on
the next pass until `give_up_after`, then resolved as not judgeable).

A model with a label horizon in bars (a signal model: its card's `horizon` bars of its
`timeframe`, given by `horizons`) is judged over exactly that: the entry is the close of the
bar the prediction was made at the close of (the last bar that started before it), the
forward return the close `bars` bars later, the path the closes of the bars that started at
or after it. It is due once `bars` bars of time have passed and resolved once those bars are
stored.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
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
from domain.market_data.bars import Timeframe
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore
from ports.model_records.predictions import RATING, Prediction, PredictionOutcome, PredictionStore


@dataclass(frozen=True, slots=True)
class OutcomeConfig:
    horizon: timedelta = timedelta(days=5)
    timeframe: Timeframe = Timeframe.D1
    lookback: timedelta = timedelta(days=7)  # how far back the entry bar is looked for
    give_up_after: timedelta = timedelta(days=30)
    caution_move: float = DEFAULT_CAUTION_MOVE
    danger_move: float = DEFAULT_DANGER_MOVE
    batch: int = 500


CALENDAR_SLACK = 3  # calendar spans per bar read: weekends and holidays between bars


@dataclass(frozen=True, slots=True)
class BarHorizon:
    """A model's label horizon: `bars` bars of `timeframe` after the prediction."""

    bars: int
    timeframe: Timeframe

    @property
    def span(self) -> timedelta:
        return self.timeframe.delta * self.bars


@dataclass(eq=False)
class ModelHorizons:
    """The horizons of the models judged over bars, by model name (None: the default)."""

    lookup: Callable[[str], BarHorizon | None]
    shortest: Callable[[], timedelta | None]


NO_HORIZONS = ModelHorizons(lambda _: None, lambda: None)


@dataclass(eq=False)
class OutcomeJoiner:
    store: PredictionStore
    bars: BarStore
    clock: Clock
    config: OutcomeConfig
    horizons: ModelHorizons = NO_HORIZONS

    async def resolve_due(self) -> int:
        """Resolve the predictions whose horizon has passed; how many were resolved."""
        now = self.clock.now()
        shortest = self.config.horizon
        with contextlib.suppress(Exception):  # the models' folder unreadable: the default
            shortest = min(shortest, self.horizons.shortest() or shortest)
        due = await self.store.unresolved(now - shortest, self.config.batch)
        resolved = 0
        known: dict[str, BarHorizon | None] = {}
        for prediction in due:
            if prediction.model not in known:
                known[prediction.model] = self._horizon_of(prediction.model)
            horizon = known[prediction.model]
            if horizon is not None:
                if now - prediction.made_at < horizon.span:
                    continue
                outcome = await self._bar_outcome(prediction, horizon)
            elif now - prediction.made_at < self.config.horizon:
                continue
            else:
                outcome = await self._outcome(prediction)
            give_up = self.config.give_up_after
            if horizon is not None:  # a long horizon is waited for its bars' calendar span
                give_up = max(give_up, horizon.span * CALENDAR_SLACK)
            if outcome is None and now - prediction.made_at < give_up:
                continue
            await self.store.resolve(prediction.id, outcome or self._unjudgeable())
            resolved += 1
        return resolved

    def _horizon_of(self, model: str) -> BarHorizon | None:
        try:
            return self.horizons.lookup(model)
        except Exception:
            return None

    def _unjudgeable(self) -> PredictionOutcome:
        return PredictionOutcome(
            int(self.config.horizon.total_seconds()), 0.0, 0.0, None, "no prices",
            self.clock.now(),
        )  # fmt: skip

    async def _bar_outcome(self, p: Prediction, h: BarHorizon) -> PredictionOutcome | None:
        reach = h.timeframe.delta * CALENDAR_SLACK
        before = await self.bars.read(
            p.subject, h.timeframe, p.made_at - reach - self.config.lookback, p.made_at,
            limit=1000,
        )  # fmt: skip
        after = await self.bars.read(
            p.subject, h.timeframe, p.made_at, p.made_at + reach * h.bars + reach, limit=1000
        )
        closes = [float(b.close) for b in after.bars[: h.bars]]
        if not before.bars or len(closes) < h.bars:
            return None
        return self._scored(p, float(before.bars[-1].close), closes, h.span)

    async def _outcome(self, p: Prediction) -> PredictionOutcome | None:
        c = self.config
        before = await self.bars.read(
            p.subject, c.timeframe, p.made_at - c.lookback, p.made_at, limit=1000
        )
        after = await self.bars.read(
            p.subject, c.timeframe, p.made_at, p.made_at + c.horizon, limit=1000
        )
        closes = [float(b.close) for b in after.bars if b.start > p.made_at]
        if not before.bars or not closes:
            return None
        return self._scored(p, float(before.bars[-1].close), closes, c.horizon)

    def _scored(
        self, p: Prediction, entry: float, closes: list[float], horizon: timedelta
    ) -> PredictionOutcome | None:
        """The outcome of `p` over `horizon`: from the last close before it to the closes
        after; None when those closes give no move."""
        try:
            move = realised_move(entry, closes, p.direction)
        except InvalidOutcomeInput:
            return None
        hit, realised = self._judge(p, move)
        return PredictionOutcome(
            int(horizon.total_seconds()), move.forward_return, move.drawdown, hit, realised,
            self.clock.now(),
        )  # fmt: skip

    def _judge(self, p: Prediction, move: RealisedMove) -> tuple[bool | None, str]:
        if p.kind == RATING:
            realised = realised_rating(move, self.config.caution_move, self.config.danger_move)
            return p.value == realised, realised
        sign = "up" if move.forward_return > 0 else "down" if move.forward_return < 0 else "flat"
        try:
            score = float(p.value)
        except ValueError:
            return None, sign
        return score_hit(score, move.forward_return), sign
