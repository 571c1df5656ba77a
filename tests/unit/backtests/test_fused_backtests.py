"""Sentiment and fused strategies in backtests: the fused strategy trades where its sources
agree and not where one alone would, and a sentiment reading never reads a later item."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from application.strategies.backtest_signals import NewsScores
from domain.backtests.model import BacktestResult
from domain.market_data.bars import BarSeries
from domain.market_data.signals import Pattern
from domain.strategies.definition import Combine, EntryRules, SignalSource, SourceKind, Strategy
from tests.kit.backtests import cut, oracle_same_bar, run, series_of, strategy

DAY = 86_400.0
TURN = 150  # the news turns from good to bad at this bar
PATTERN = SignalSource(SourceKind.PATTERN, pattern=Pattern.EMA_CROSSOVER, weight=0.5)


def _news(series: BarSeries, *, turn: int = TURN) -> NewsScores:
    """One item per bar, published an hour before its close: +1 before `turn`, -1 from it."""
    published = series.start + DAY - 3600.0
    scores = np.where(np.arange(len(series)) < turn, 1.0, -1.0)
    return NewsScores(published, scores)


def _sentiment(symbol: str, weight: float = 1.0) -> SignalSource:
    return SignalSource(
        SourceKind.SENTIMENT, frozenset({symbol}), weight=weight, window_hours=24.0, min_items=1
    )


def _long_only(base: Strategy, *sources: SignalSource, fused: bool = False) -> Strategy:
    entry = EntryRules(
        min_score=0.75 if fused else 0.5,
        combine=Combine.WEIGHTED if fused else Combine.EACH,
        reading_max_age_hours=24.0 * 365,
    )
    return replace(base, sources=sources, entry=entry)


@pytest.fixture(scope="module")
def one() -> dict[str, BarSeries]:
    return series_of(symbols=1, bars=300, seed=5)


async def _run(series: dict[str, BarSeries], strat: Strategy, news: NewsScores) -> BacktestResult:
    return await run(series, strat=strat, scores=oracle_same_bar, news={"T0": news})


def _entry_rows(result: BacktestResult, series: BarSeries) -> list[int]:
    """The rows whose close decided each entry (the entry fills at the next bar's open)."""
    starts = list(series.start)
    return [starts.index(t.entry_at.timestamp()) - 1 for t in result.trades]


async def test_the_fused_strategy_enters_only_where_both_sources_agree(
    one: dict[str, BarSeries],
) -> None:
    # Arrange: pattern +1 on every up bar, -1 on every down bar; sentiment +1 before TURN and
    # -1 from it. Fused 0.5 x pattern + 0.5 x sentiment reaches 0.75 only on up bars before
    # TURN; the pattern alone enters on up bars on both sides; sentiment alone enters once.
    series = one["T0"]
    news = _news(series)
    base = strategy()
    up = series.close > series.open

    # Act
    fused = await _run(one, _long_only(base, PATTERN, _sentiment("T0", 0.5), fused=True), news)
    pattern_alone = await _run(one, _long_only(base, PATTERN), news)
    sentiment_alone = await _run(one, _long_only(base, _sentiment("T0")), news)

    # Assert
    fused_rows = _entry_rows(fused, series)
    assert fused_rows and all(row < TURN and up[row] for row in fused_rows)
    assert any(row >= TURN for row in _entry_rows(pattern_alone, series))
    assert _entry_rows(sentiment_alone, series) == [0]
    assert fused.trades != pattern_alone.trades


async def test_a_fused_strategy_with_a_contrarian_weight_mirrors_the_sentiment(
    one: dict[str, BarSeries],
) -> None:
    # Arrange: sentiment weighted -0.5 (contrarian): the fused score reaches +0.75 only on up
    # bars from TURN on, where the news is bad.
    series = one["T0"]
    strat = _long_only(strategy(), PATTERN, _sentiment("T0", -0.5), fused=True)

    # Act
    result = await _run(one, strat, _news(series))

    # Assert
    rows = _entry_rows(result, series)
    assert rows and all(row >= TURN for row in rows)


@pytest.mark.parametrize("fused", [False, True])
async def test_items_published_after_the_last_decision_change_nothing(
    one: dict[str, BarSeries], fused: bool
) -> None:
    # Arrange: the run ends at bar 200 (decisions up to bar 199's close); a burst of strongly
    # bad news published after bar 199's close is added to the store.
    series = cut(one, 200)
    last_close = float(series["T0"].start[199]) + DAY
    news = _news(series["T0"], turn=10_000)
    later = NewsScores(np.full(50, last_close + 1.0), np.full(50, -1.0))
    with_later = NewsScores(
        np.concatenate((news.published, later.published)),
        np.concatenate((news.scores, later.scores)),
    )
    sources = (PATTERN, _sentiment("T0", 0.5)) if fused else (_sentiment("T0"),)
    strat = replace(
        _long_only(strategy(), *sources, fused=fused),
        entry=EntryRules(
            min_score=0.75 if fused else 0.5, allow_short=True,
            combine=Combine.WEIGHTED if fused else Combine.EACH,
            reading_max_age_hours=24.0 * 365,
        ),
    )  # fmt: skip

    # Act
    honest = await _run(series, strat, news)
    offered_later = await _run(series, strat, with_later)

    # Assert
    assert honest.trades == offered_later.trades
    assert honest.open_positions == offered_later.open_positions


async def test_the_same_burst_published_before_the_close_does_change_the_run(
    one: dict[str, BarSeries],
) -> None:
    # Arrange: the control of the test above: the burst an hour before bar 150's close
    # (50 items at -1 against one at +1 in the 24 h window) turns the reading bearish there.
    series = cut(one, 200)
    before = float(series["T0"].start[150]) + DAY - 3600.0
    news = _news(series["T0"], turn=10_000)
    burst = NewsScores(
        np.concatenate((news.published, np.full(50, before))),
        np.concatenate((news.scores, np.full(50, -1.0))),
    )
    strat = replace(
        _long_only(strategy(), _sentiment("T0")),
        entry=EntryRules(min_score=0.5, allow_short=True),
    )

    # Act
    honest = await _run(series, strat, news)
    moved = await _run(series, strat, burst)

    # Assert
    assert honest.trades != moved.trades or honest.open_positions != moved.open_positions
