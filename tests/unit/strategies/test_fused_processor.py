"""Live fusion and sentiment: a weighted strategy decides on the fused score of its sources'
latest readings, its decision names each term, and the sentiment runner delivers a symbol's
news reading when it moves."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from application.strategies.sentiment_signals import SentimentSignalRunner
from domain.strategies.decide import Action, StrategySignal
from domain.strategies.definition import (
    Combine,
    EntryRules,
    SignalSource,
    SourceKind,
    StrategyMode,
)
from ports.strategies.strategies import Decision, Verdict
from tests.unit.strategies.world import T0, World, build_world, signal

PATTERN = SignalSource(SourceKind.PATTERN, frozenset({"AAPL"}), weight=0.5)
SENTIMENT = SignalSource(SourceKind.SENTIMENT, frozenset({"AAPL"}), weight=0.5)
WEIGHTED = EntryRules(min_score=0.75, combine=Combine.WEIGHTED, reading_max_age_hours=2.0)


@pytest.fixture
async def w() -> World:
    return await build_world()


def _sentiment(score: float, at: datetime = T0, key: str = "24h/3") -> StrategySignal:
    return StrategySignal(
        f"sentiment:AAPL:{key}:{at.isoformat()}", SourceKind.SENTIMENT, "AAPL", score,
        signal().price, at, source_name=key,
    )  # fmt: skip


async def test_one_source_alone_stays_below_the_fused_threshold(w: World) -> None:
    # Arrange: pattern +1 alone: 0.5 x 1 = 0.5 < 0.75
    await w.create(StrategyMode.PAPER, sources=(PATTERN, SENTIMENT), entry=WEIGHTED)

    # Act
    decisions = await w.processor.on_signal(signal(score=1.0))

    # Assert
    [decision] = decisions
    assert (decision.action, decision.signal_kind) == (Action.SKIP, "fused")
    assert decision.reason.endswith("fused +0.5000 = 0.5 x pattern(+1.0000)")
    assert await w.strategy_orders() == []


async def test_agreeing_sources_enter_and_the_decision_names_each_term(w: World) -> None:
    # Arrange: pattern +1 then sentiment +0.6: 0.5 x 1 + 0.5 x 0.6 = 0.8 >= 0.75
    strategy = await w.create(StrategyMode.PAPER, sources=(PATTERN, SENTIMENT), entry=WEIGHTED)
    await w.processor.on_signal(signal(score=1.0))

    # Act
    decisions = await w.processor.on_signal(_sentiment(0.6, T0 + timedelta(minutes=30)))

    # Assert
    [decision] = decisions
    assert (decision.action, decision.verdict) == (Action.ENTER, Verdict.APPROVED)
    assert decision.score == pytest.approx(0.8)
    assert "fused +0.8000 = 0.5 x pattern(+1.0000) + 0.5 x sentiment:24h(+0.6000)" in (
        decision.reason
    )
    assert decision.trigger.startswith(f"fused:{strategy.id}:sentiment:AAPL")
    [order] = await w.strategy_orders()
    assert order.origin.id == strategy.id


async def test_a_stale_reading_no_longer_counts(w: World) -> None:
    # Arrange: the pattern reading is 3 hours old when the sentiment arrives (max age 2 h)
    await w.create(StrategyMode.PAPER, sources=(PATTERN, SENTIMENT), entry=WEIGHTED)
    await w.processor.on_signal(signal(score=1.0))

    # Act
    decisions = await w.processor.on_signal(_sentiment(0.6, T0 + timedelta(hours=3)))

    # Assert: 0.5 x 0.6 = 0.3 alone
    [decision] = decisions
    assert decision.action is Action.SKIP
    assert decision.reason.endswith("fused +0.3000 = 0.5 x sentiment:24h(+0.6000)")


async def test_a_sentiment_reading_of_another_window_is_not_followed(w: World) -> None:
    # Arrange: the strategy reads 24 h with 3 items; the reading is of 6 h with 3 items
    await w.create(StrategyMode.SHADOW, sources=(SENTIMENT,))

    # Act
    decisions = await w.processor.on_signal(_sentiment(0.9, key="6h/3"))

    # Assert
    assert decisions == []


class _News:
    """ScoredNews over a list of (published_at, score), as a test states them."""

    def __init__(self, items: list[tuple[datetime, float]]) -> None:
        self.items = items

    async def scored_news(
        self, symbol: str, start: datetime, end: datetime, limit: int
    ) -> list[tuple[datetime, float]]:
        found = [(at, s) for at, s in self.items if symbol == "AAPL" and start <= at <= end]
        return sorted(found, reverse=True)[:limit]


async def test_the_runner_delivers_the_windowed_mean_once_per_change(w: World) -> None:
    # Arrange: a shadow strategy reading AAPL's news of 24 h, at least 3 items; items at
    # -30 h (+1, outside), -3 h (+0.6), -2 h (+0.2), -1 h (+0.4): mean 0.4.
    await w.create(
        StrategyMode.SHADOW, sources=(replace(SENTIMENT, weight=1.0),),
        entry=EntryRules(min_score=0.3),
    )  # fmt: skip
    now = w.e.clock.now()
    news = _News(
        [(now - timedelta(hours=h), s) for h, s in ((30, 1.0), (3, 0.6), (2, 0.2), (1, 0.4))]
    )
    delivered: list[StrategySignal] = []
    decided: list[Decision] = []

    async def deliver(found: StrategySignal) -> None:
        delivered.append(found)
        decided.extend(await w.processor.on_signal(found))

    runner = SentimentSignalRunner(w.strategies, news, w.e.market, deliver, w.e.clock)

    # Act
    await runner.tick()
    await runner.tick()  # nothing moved: nothing delivered again

    # Assert
    [reading] = delivered
    assert (reading.kind, reading.source_name) == (SourceKind.SENTIMENT, "24h/3")
    assert reading.score == pytest.approx(0.4)
    [decision] = decided
    assert (decision.action, decision.verdict) == (Action.ENTER, Verdict.SHADOW)


async def test_the_runner_delivers_nothing_below_the_minimum_count(w: World) -> None:
    # Arrange: two items in the window, three needed
    await w.create(StrategyMode.SHADOW, sources=(SENTIMENT,), entry=EntryRules(min_score=0.3))
    now = w.e.clock.now()
    news = _News([(now - timedelta(hours=1), 0.9), (now - timedelta(hours=2), 0.9)])
    delivered: list[StrategySignal] = []

    async def deliver(found: StrategySignal) -> None:
        delivered.append(found)

    runner = SentimentSignalRunner(w.strategies, news, w.e.market, deliver, w.e.clock)

    # Act
    await runner.tick()

    # Assert
    assert delivered == []
