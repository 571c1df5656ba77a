"""The scored news a strategy's sentiment sources read over some bars, read once before a
backtest or a combiner report (ScoredNews: only items published by the last bar's close)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

import numpy as np

from application.strategies.backtest_signals import NewsScores
from domain.market_data.bars import BarSeries, Timeframe
from domain.strategies.definition import SourceKind, Strategy
from ports.strategies.sentiment import ScoredNews

MAX_NEWS_ITEMS = 50_000  # scored news items read per symbol for a sentiment source


async def news_of(
    news: Callable[[], ScoredNews],
    strategy: Strategy,
    timeframe: Timeframe,
    series: Mapping[str, BarSeries],
) -> dict[str, NewsScores] | None:
    """The stored scored news of the symbols the strategy's sentiment sources read, from the
    longest window before the first bar to the last bar's close; None without a sentiment
    source."""
    sources = [s for s in strategy.sources if s.kind is SourceKind.SENTIMENT]
    if not sources:
        return None
    store = news()
    window = max(s.sentiment_window_hours for s in sources)
    wanted = {name for s in sources for name in s.symbols if name in series}
    found: dict[str, NewsScores] = {}
    for name in sorted(wanted):
        bars = series[name]
        if len(bars) == 0:
            continue
        start = datetime.fromtimestamp(float(bars.start[0]), tz=UTC) - timedelta(hours=window)
        end = datetime.fromtimestamp(float(bars.start[-1]) + timeframe.seconds, tz=UTC)
        items = await store.scored_news(name, start, end, MAX_NEWS_ITEMS)
        found[name] = NewsScores(
            np.array([at.timestamp() for at, _ in items], dtype=np.float64),
            np.array([score for _, score in items], dtype=np.float64),
        )
    return found
