"""ReplayHistory: slices of the shipped files by date with a warm-up; missing data is a 503."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from adapters.market_data.replay_history import ReplayHistory
from domain.errors import StoreUnavailable
from domain.market_data.bars import Timeframe
from tools.backtest_data import SHIPPED_DIR


def test_a_range_is_sliced_by_day_with_the_warm_up_before_it() -> None:
    # Arrange
    history = ReplayHistory(SHIPPED_DIR)

    # Act
    series = history.series("ACME", Timeframe.D1, date(2020, 1, 6), date(2020, 1, 10), warm_up=2)

    # Assert
    days = [datetime.fromtimestamp(s, tz=UTC).date() for s in series.start]
    assert days == [date(2020, 1, 2), date(2020, 1, 3)] + [date(2020, 1, d) for d in range(6, 11)]
    assert "SYNIDX" in history.symbols(Timeframe.D1) and history.symbols(Timeframe.M1) == []


def test_a_range_without_bars_is_empty() -> None:
    # Act
    series = ReplayHistory(SHIPPED_DIR).series(
        "ACME", Timeframe.D1, date(2030, 1, 1), date(2030, 12, 31), warm_up=5
    )

    # Assert
    assert len(series) == 0


def test_missing_data_is_unavailable_naming_the_path(tmp_path: Path) -> None:
    # Arrange
    history = ReplayHistory(tmp_path / "nowhere")

    # Act / Assert
    with pytest.raises(StoreUnavailable, match=r"backtest data unavailable: .*nowhere"):
        history.symbols(Timeframe.D1)
