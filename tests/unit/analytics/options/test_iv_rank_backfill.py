"""IV rank before any daily IV is recorded: the realised-vol proxy from the bar history store
(in-memory store), named as such with the days of history it had; the stored IVs answer once
there are enough of them, and without bars nothing changes."""

from __future__ import annotations

import math
from datetime import timedelta

import numpy as np
import pytest

from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.clock import FakeClock
from adapters.memory.iv_history import InMemoryIVHistoryStore
from application.market_data.options_chain import (
    REALISED_VOL_PROXY,
    STORED_IVS,
    OptionsChainService,
)
from domain.analytics.options.iv_proxy import realised_vol_series
from domain.analytics.options.iv_stats import IVRankReason
from domain.market_data.bars import Timeframe
from ports.market_data.iv_history import DailyIV
from tests.kit.factor_bars import series_of_closes
from tests.unit.analytics.options.fakes import VOLATILITY, ChainProvider

# 110 daily log returns alternating +-1 %, the last 10 +-3 %: the vol rises at the end
RETURNS = np.r_[np.tile([0.01, -0.01], 50), np.tile([0.03, -0.03], 5)]
CLOSES = 100 * np.exp(np.r_[0.0, np.cumsum(RETURNS)])


@pytest.fixture
async def bars(clock: FakeClock) -> InMemoryBarStore:
    store = InMemoryBarStore()
    await store.write_series("AAPL", Timeframe.D1, series_of_closes(CLOSES, clock.now().date()))
    return store


def service_with(
    clock: FakeClock, history: InMemoryIVHistoryStore, bars: InMemoryBarStore | None
) -> OptionsChainService:
    return OptionsChainService(
        ChainProvider(clock), history, clock, rate=0.04,
        bars=None if bars is None else (lambda: bars),
    )  # fmt: skip


async def test_a_fresh_install_ranks_the_realised_vol_proxy_from_day_one(
    clock: FakeClock, bars: InMemoryBarStore
) -> None:
    # Arrange: no recorded IV
    service = service_with(clock, InMemoryIVHistoryStore(), bars)
    today = clock.now().date()

    # Act
    view = await service.iv_rank("AAPL")

    # Assert: 110 returns -> 81 30-day windows: today's and 80 days of history; today's is
    # the highest (its window holds the +-3 % days) -> rank 1, percentile 1
    rank = view.rank
    assert view.source == REALISED_VOL_PROXY
    assert view.history_days == 80
    assert view.history_from == today - timedelta(days=80)
    assert rank.reason is IVRankReason.OK
    assert (rank.rank, rank.percentile, rank.observations) == (1.0, 1.0, 81)
    series = realised_vol_series(CLOSES)
    assert rank.current == pytest.approx(series[-1], rel=1e-9)
    # the calm windows: 30 returns of +-1 % (15 each, mean 0) -> sqrt(30/29) x 1 % x sqrt(252)
    assert rank.minimum == pytest.approx(math.sqrt(30 / 29) * 0.01 * math.sqrt(252), rel=1e-6)
    assert view.current_iv == pytest.approx(VOLATILITY, abs=0.002)


async def test_enough_recorded_ivs_take_over_from_the_proxy(
    clock: FakeClock, bars: InMemoryBarStore
) -> None:
    # Arrange: 20 recorded days (the minimum) before today
    history = InMemoryIVHistoryStore()
    today = clock.now().date()
    for back in range(1, 21):
        await history.record(DailyIV("AAPL", today - timedelta(days=back), 0.2, clock.now()))
    service = service_with(clock, history, bars)

    # Act
    view = await service.iv_rank("AAPL")

    # Assert
    assert view.source == STORED_IVS
    assert view.history_days == 20
    assert view.rank.observations == 21
    assert view.rank.current == pytest.approx(VOLATILITY, abs=0.002)


async def test_without_bars_the_stored_ivs_answer_as_before(clock: FakeClock) -> None:
    # Arrange: one recorded day, an empty bar store
    history = InMemoryIVHistoryStore()
    today = clock.now().date()
    await history.record(DailyIV("AAPL", today - timedelta(days=1), 0.2, clock.now()))
    service = service_with(clock, history, InMemoryBarStore())

    # Act
    view = await service.iv_rank("AAPL")

    # Assert
    assert (view.source, view.history_days, view.rank.observations) == (STORED_IVS, 1, 2)
