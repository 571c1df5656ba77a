"""The label horizons of the stored signal models, for judging their signals by outcomes:
a model's signals are judged over its card's `horizon` bars of its `timeframe`."""

from __future__ import annotations

from datetime import timedelta

from application.model_records.outcomes import BarHorizon, ModelHorizons
from domain.errors import DomainError
from domain.market_data.bars import Timeframe
from domain.model_signals.card import SignalModelCard
from ports.model_signals.signal_models import SignalModelRegistry


def _horizon(card: SignalModelCard) -> BarHorizon:
    return BarHorizon(card.horizon, Timeframe(card.timeframe))


def signal_model_horizons(registry: SignalModelRegistry) -> ModelHorizons:
    def lookup(model: str) -> BarHorizon | None:
        try:
            return _horizon(registry.card(model))
        except (DomainError, ValueError):
            return None

    def shortest() -> timedelta | None:
        spans = [_horizon(card).span for card in registry.cards()]
        return min(spans) if spans else None

    return ModelHorizons(lookup, shortest)
