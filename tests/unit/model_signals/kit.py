"""Bars in a memory store, a card, the training use case wired with the real adapters, and a
strategy that follows models."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.clock import FakeClock
from adapters.memory.signal_models import InMemorySignalModelRegistry
from adapters.signal_models.onnx_scorer import predict_once
from adapters.signal_models.trainers import SignalModelFitter
from application.model_signals.training import TrainSignalModel
from domain.market_data.bars import BarSeries, Timeframe
from domain.model_signals.card import SignalModelCard
from domain.model_signals.features import FEATURE_NAMES
from domain.model_signals.walk_forward import FoldMetrics
from domain.strategies.definition import SignalSource, SizingMethod, SizingPolicy, Strategy
from ports.model_signals.signal_models import SignalModelRegistry
from tests.kit.strategies import a_strategy
from tools.backtest_data import generate

FIRST = datetime(2020, 1, 1, tzinfo=UTC)
END = datetime(2030, 1, 1, tzinfo=UTC)


def bars(symbols: int = 4, count: int = 400, seed: int = 5) -> dict[str, BarSeries]:
    specs = tuple((f"S{i}", 1.0, 0.05, 0.25) for i in range(symbols))
    return {
        c.symbol: BarSeries(c.start, c.open, c.high, c.low, c.close, c.volume)
        for c in generate(specs, bars=count, seed=seed, first=FIRST)
    }


async def stored(series: dict[str, BarSeries]) -> InMemoryBarStore:
    store = InMemoryBarStore()
    for name, s in series.items():
        await store.write_series(name, Timeframe.D1, s)
    return store


def trainer(
    store: InMemoryBarStore, registry: SignalModelRegistry | None = None
) -> TrainSignalModel:
    return TrainSignalModel(
        store, SignalModelFitter(trees=40), registry or InMemorySignalModelRegistry(),
        FakeClock(datetime(2030, 2, 1, tzinfo=UTC)), predict_once,
    )  # fmt: skip


def card(name: str = "m1", scale: float = 0.01) -> SignalModelCard:
    return SignalModelCard(
        name=name, version="20300201T000000Z", kind="linear", features=FEATURE_NAMES, horizon=5,
        timeframe="1d", symbols=("S0", "S1"), train_from=FIRST, train_to=END,
        trained_at=datetime(2030, 2, 1, tzinfo=UTC), rows=1000, data_hash="ab" * 32,
        onnx_sha256="cd" * 32, score_scale=scale,
        folds=(FoldMetrics(0, 500, 100, 0.52, 0.03), FoldMetrics(1, 600, 100, 0.5, -0.01)),
    )  # fmt: skip


def follower(*sources: SignalSource, **changes: Any) -> Strategy:
    """A strategy of owner u on account a that follows `sources`, 1,000 a trade; `changes`
    over it."""
    fields: dict[str, Any] = {
        "id": "st",
        "owner_id": "u",
        "name": "model follower",
        "account_ids": ("a",),
        "sources": sources,
        "sizing": SizingPolicy(SizingMethod.FIXED_NOTIONAL, notional=Decimal(1000)),
        **changes,
    }
    return a_strategy(**fields)
