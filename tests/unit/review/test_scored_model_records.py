"""Every model judged by outcomes: the signal models' and the sentiment's scores recorded off
the serving path through a bounded queue, joined over the model's label horizon in bars."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.news import InMemoryNews
from adapters.memory.reviews import InMemoryPredictionStore
from application.inference.sentiment import SENTIMENT_MODEL, SentimentService
from application.model_records.outcomes import (
    BarHorizon,
    ModelHorizons,
    OutcomeConfig,
    OutcomeJoiner,
)
from application.model_records.queued import QueuedRecorder
from application.model_records.record import ModelRecords
from domain.inference.sentiment import NewsItem
from domain.market_data.bars import Bar, Timeframe
from domain.principals import Principal, Role
from ports.inference.inference import Classification, ModelInfo
from ports.model_records.predictions import Prediction

DAY = timedelta(days=1)
MONDAY = datetime(2026, 3, 2, tzinfo=UTC)
CLOSE = MONDAY + DAY  # the close of Monday's daily bar: when the signals are made
VIEWER = Principal("vera", Role.VIEWER)


def day_bars(symbol: str, closes: Sequence[str]) -> list[Bar]:
    return [
        Bar(symbol, Timeframe.D1, MONDAY + d * DAY, *(Decimal(c),) * 4, Decimal(1000))
        for d, c in enumerate(closes)
    ]


def alpha_horizon() -> ModelHorizons:
    three_days = BarHorizon(3, Timeframe.D1)
    return ModelHorizons(lambda m: three_days if m == "alpha" else None, lambda: 3 * DAY)


async def test_a_signal_model_is_judged_over_its_label_horizon_in_bars() -> None:
    # Arrange: three signals at Monday's close, entry Monday's close, horizon three bars
    store, bars = InMemoryPredictionStore(), InMemoryBarStore()
    await bars.write("AAPL", Timeframe.D1, day_bars("AAPL", ["100", "102", "101", "104", "90"]))
    await bars.write("MSFT", Timeframe.D1, day_bars("MSFT", ["50", "49", "48", "47.5", "60"]))
    await bars.write("NVDA", Timeframe.D1, day_bars("NVDA", ["20", "19", "18", "19", "30"]))
    recorder = QueuedRecorder(store, SequentialIds())
    recorder.offer_score("alpha", "v3", "AAPL", 0.8, {"ret_1": 0.01}, CLOSE)  # up 4%: right
    recorder.offer_score("alpha", "v3", "MSFT", 0.3, {"ret_1": 0.02}, CLOSE)  # down 5%: wrong
    recorder.offer_score("alpha", "v3", "NVDA", -0.6, {"ret_1": 0.03}, CLOSE)  # down 5%: right
    await recorder.flush()
    clock = FakeClock(CLOSE + 10 * DAY)
    joiner = OutcomeJoiner(store, bars, clock, OutcomeConfig(horizon=5 * DAY), alpha_horizon())

    # Act
    resolved = await joiner.resolve_due()
    record = await ModelRecords(store, clock).record(VIEWER, "alpha")

    # Assert: the fifth bar (after the horizon) is not read; ECE (0.2 + 0.3 + 0.4) / 3
    assert resolved == 3
    aapl, msft, nvda = await store.between("alpha", CLOSE, CLOSE + DAY)
    assert aapl.outcome is not None and round(aapl.outcome.forward_return, 9) == 0.04
    assert aapl.outcome.horizon_s == 3 * 86_400
    assert msft.outcome is not None and round(msft.outcome.forward_return, 9) == -0.05
    assert (aapl.outcome.hit, msft.outcome.hit) == (True, False)
    assert nvda.outcome is not None and nvda.outcome.hit is True
    (row,) = record.rows
    assert (row.version, row.predictions, row.resolved, row.judged) == ("v3", 3, 3, 3)
    assert row.hit_rate is not None and abs(row.hit_rate - 2 / 3) < 1e-9
    assert row.calibration_error is not None and abs(row.calibration_error - 0.3) < 1e-9


async def test_a_signal_waits_for_its_horizon_bars_before_it_is_judged() -> None:
    # Arrange: only two of the three bars after the signal are stored
    store, bars = InMemoryPredictionStore(), InMemoryBarStore()
    await bars.write("AAPL", Timeframe.D1, day_bars("AAPL", ["100", "102", "101"]))
    recorder = QueuedRecorder(store, SequentialIds())
    recorder.offer_score("alpha", "v3", "AAPL", 0.8, {}, CLOSE)
    await recorder.flush()
    joiner = OutcomeJoiner(
        store, bars, FakeClock(CLOSE + 4 * DAY), OutcomeConfig(), alpha_horizon()
    )

    # Act
    resolved = await joiner.resolve_due()

    # Assert
    assert resolved == 0
    (p,) = await store.between("alpha", CLOSE, CLOSE + DAY)
    assert p.outcome is None


async def test_the_recorder_never_blocks_and_counts_what_a_full_queue_drops() -> None:
    # Arrange: a store that never answers, a queue of two
    class StuckStore(InMemoryPredictionStore):
        async def add(self, prediction: Prediction) -> None:
            await asyncio.Event().wait()

    recorder = QueuedRecorder(StuckStore(), SequentialIds(), capacity=2, batch=1)
    writing = asyncio.create_task(recorder.flush())
    await asyncio.sleep(0)

    # Act: offer_score is synchronous: it cannot wait on the stuck store
    taken = [recorder.offer_score("alpha", "v1", "AAPL", 0.5, {}, CLOSE) for _ in range(5)]

    # Assert
    assert taken == [True, True, False, False, False]
    assert (recorder.offered, recorder.dropped, recorder.queued) == (2, 3, 2)
    writing.cancel()


async def test_the_drain_writes_every_queued_score_in_batches_and_on_stop() -> None:
    # Arrange
    store = InMemoryPredictionStore()
    recorder = QueuedRecorder(store, SequentialIds(), capacity=100, batch=4)
    for n in range(10):
        recorder.offer_score("alpha", "v1", "AAPL", n / 10, {"x": float(n)}, CLOSE)
    stop = asyncio.Event()

    # Act
    task = asyncio.create_task(recorder.run(60.0, stop))
    await asyncio.sleep(0.01)
    stop.set()
    await asyncio.wait_for(task, 1.0)

    # Assert
    stored = await store.between("alpha", CLOSE, CLOSE + DAY)
    assert (len(stored), recorder.written, recorder.queued) == (10, 10, 0)
    assert stored[3].confidence == 0.3 and stored[3].inputs == {"x": 3.0}


class Classifier:
    """An InferencePort's classifier: every text positive with the given probability."""

    def __init__(self, positive: float) -> None:
        self.positive = positive

    def models(self) -> list[ModelInfo]:
        return [ModelInfo("sentiment", "minilm-2", "classifier", "0" * 64, (), ())]

    async def classify(self, model: str, texts: Sequence[str]) -> list[Classification]:
        p = self.positive
        return [Classification("positive", {"positive": p, "negative": 1 - p}) for _ in texts]


async def test_sentiment_scores_are_recorded_and_judged_by_the_move_sign() -> None:
    # Arrange: good news on Monday evening; AAPL rises over the next five days
    clock = FakeClock(CLOSE)
    news = InMemoryNews(clock)
    news.add(NewsItem("n1", ("AAPL",), "Apple beats", "reuters", CLOSE - timedelta(hours=2)))
    store, bars = InMemoryPredictionStore(), InMemoryBarStore()
    await bars.write("AAPL", Timeframe.D1, day_bars("AAPL", ["100", "101", "103", "102", "105"]))
    recorder = QueuedRecorder(store, SequentialIds())
    service = SentimentService(Classifier(0.9), news, clock, recorder=recorder)  # type: ignore[arg-type]

    # Act
    found = await service.symbol_sentiment("aapl")
    await recorder.flush()
    clock.advance(10 * DAY)
    await OutcomeJoiner(store, bars, clock, OutcomeConfig(horizon=3 * DAY)).resolve_due()
    record = await ModelRecords(store, clock).record(VIEWER, SENTIMENT_MODEL)

    # Assert
    (p,) = await store.between(SENTIMENT_MODEL, CLOSE, CLOSE + DAY)
    assert found.score is not None and float(p.value) == found.score > 0
    assert (p.version, p.subject, p.inputs["items"]) == ("minilm-2", "AAPL", 1.0)
    assert p.outcome is not None and round(p.outcome.forward_return, 9) == 0.02
    assert p.outcome.hit is True
    assert record.rows[0].hit_rate == 1.0


def test_a_stored_signal_models_horizon_is_its_cards_bars_of_its_timeframe() -> None:
    # Arrange
    from adapters.memory.signal_models import InMemorySignalModelRegistry
    from application.model_signals.horizons import signal_model_horizons
    from domain.model_signals.card import SignalModelCard
    from domain.model_signals.features import FEATURE_NAMES

    registry = InMemorySignalModelRegistry()
    for name, horizon, timeframe in (("alpha", 3, "1d"), ("beta", 12, "1h")):
        registry.save(
            SignalModelCard(
                name, "v1", "linear", FEATURE_NAMES, horizon, timeframe, ("AAPL",), MONDAY,
                MONDAY, MONDAY, 100, "0" * 64, "0" * 64, 0.01, (),
            ),
            b"onnx",
        )  # fmt: skip

    # Act
    horizons = signal_model_horizons(registry)

    # Assert
    assert horizons.lookup("alpha") == BarHorizon(3, Timeframe.D1)
    assert horizons.lookup("beta") == BarHorizon(12, Timeframe.H1)
    assert horizons.lookup("sentiment") is None and horizons.lookup("Not A Name!") is None
    assert horizons.shortest() == timedelta(hours=12)
