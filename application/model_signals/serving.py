"""Model signals at a bar close, and a model's score column for backtests.

At the close of a bar of `timeframe`, `signals_at_close` computes the features of every
symbol of the universe from its last WARMUP_BARS closed bars (one vectorised call over the
universe), runs the model on the defined rows as one block (the scorer batches concurrent
callers), and returns one StrategySignal of kind MODEL per symbol: score tanh(p / scale) in
(-1, 1), price the bar's close, `source_name` the model's name. A symbol with too little
history, or whose last bar is not the bar that just closed, gets no signal.

With a `recorder` (a ScoreSink), every signal is also offered to it as a prediction of the
model (name, the card's version, the feature row as inputs, the bar close as its time); the
sink queues it without waiting, so recording never slows the serving (docs/ai-review.md).

`score_column` is the same arithmetic over a whole series (each row from the rows before it
and itself only), which the backtester replays point in time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from application.strategies.backtest_signals import ModelReplay, dec
from domain.errors import DomainError
from domain.market_data.bars import BarSeries, FloatArray, Timeframe
from domain.model_signals.card import SignalModelCard
from domain.model_signals.features import (
    FEATURE_NAMES,
    WARMUP_BARS,
    feature_tensor,
    latest_features,
)
from domain.strategies.decide import StrategySignal
from domain.strategies.definition import SourceKind, Strategy
from ports.model_records.predictions import ScoreSink
from ports.model_signals.signal_models import (
    Features,
    Predictions,
    SignalModelRegistry,
    SignalScorer,
)

Sentiment = Mapping[str, FloatArray]  # per symbol, aligned with its bars (NaN: unknown)


def scores_of(predictions: Predictions, card: SignalModelCard) -> Predictions:
    return np.tanh(predictions / (card.score_scale or 1.0))


def _check_features(card: SignalModelCard) -> None:
    if tuple(card.features) != FEATURE_NAMES:
        raise ValueError(f"signal model {card.name} reads other features than this pipeline")


@dataclass(eq=False)
class ModelSignals:
    """MODEL signals for the strategy engine (module doc)."""

    registry: SignalModelRegistry
    scorer: SignalScorer
    recorder: ScoreSink | None = None

    async def signals_at_close(
        self,
        model: str,
        timeframe: Timeframe,
        closed_at: datetime,
        universe: Mapping[str, BarSeries],
        sentiment: Sentiment | None = None,
    ) -> list[StrategySignal]:
        card = self.registry.card(model)
        _check_features(card)
        bar_start = closed_at.timestamp() - timeframe.seconds
        names = [
            n for n, s in universe.items()
            if len(s) >= WARMUP_BARS and math.isclose(float(s.start[-1]), bar_start)
        ]  # fmt: skip
        if not names:
            return []
        close = np.stack([universe[n].close[-WARMUP_BARS:] for n in names])
        volume = np.stack([universe[n].volume[-WARMUP_BARS:] for n in names])
        known = None
        if sentiment is not None:
            known = np.stack([_tail(sentiment.get(n), len(universe[n])) for n in names])
        rows, defined = latest_features(close, volume, known)
        chosen = [n for n, ok in zip(names, defined, strict=True) if ok]
        if not chosen:
            return []
        scores = scores_of(await self.scorer.score(model, rows[defined]), card)
        if self.recorder is not None:
            _offer(self.recorder, card, chosen, rows[defined], scores, closed_at)
        stamp = closed_at.strftime("%Y%m%dT%H%M%SZ")
        return [
            StrategySignal(
                id=f"{model}-{name}-{stamp}", kind=SourceKind.MODEL, symbol=name,
                score=float(score), price=dec(universe[name].close[-1]),
                at=closed_at.astimezone(UTC), timeframe=timeframe, source_name=model,
            )
            for name, score in zip(chosen, scores, strict=True)
        ]  # fmt: skip


def _offer(
    recorder: ScoreSink,
    card: SignalModelCard,
    names: list[str],
    rows: Features,
    scores: Predictions,
    closed_at: datetime,
) -> None:
    at = closed_at.astimezone(UTC)
    for name, row, score in zip(names, rows, scores, strict=True):
        inputs = dict(zip(FEATURE_NAMES, (float(v) for v in row), strict=False))
        recorder.offer_score(card.name, card.version, name, float(score), inputs, at)


def _tail(column: FloatArray | None, rows: int) -> FloatArray:
    if column is None or len(column) != rows:
        return np.full(WARMUP_BARS, np.nan)
    return np.asarray(column[-WARMUP_BARS:], dtype=np.float64)


ColumnFeatures = Callable[[BarSeries], Features]


def honest_features(series: BarSeries) -> Features:
    """(bars, features) of one series: the causal pipeline."""
    tensor: Features = feature_tensor(series.close[None, :], series.volume[None, :])[0]
    return tensor


def score_column(
    card: SignalModelCard,
    predict: Callable[[Features], Predictions],
    series: BarSeries,
    features: ColumnFeatures = honest_features,
) -> FloatArray:
    """The model's score at every bar's close (NaN where the features are not defined)."""
    tensor = features(series)
    defined = ~np.isnan(tensor).any(axis=1)
    out = np.full(len(series), np.nan)
    if defined.any():
        out[defined] = scores_of(predict(tensor[defined]), card)
    return out


def model_replays(
    registry: SignalModelRegistry, predict: Callable[[str, Features], Predictions]
) -> Callable[[Strategy], ModelReplay | None]:
    """For a backtest: the stored model the strategy follows (its first `model` source that
    names a stored model), replayed point in time; None when it follows none."""

    def replay(strategy: Strategy) -> ModelReplay | None:
        for source in strategy.sources:
            if source.kind is not SourceKind.MODEL or source.name is None:
                continue
            try:
                card = registry.card(source.name)
            except DomainError:
                continue
            _check_features(card)
            name = card.name

            def column(_: str, series: BarSeries, card: SignalModelCard = card) -> FloatArray:
                return score_column(card, lambda rows: predict(card.name, rows), series)

            return ModelReplay(name, column)
        return None

    return replay
