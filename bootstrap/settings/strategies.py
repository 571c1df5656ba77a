"""Strategies: the signal scan, running strategies, backtests."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Section, SettingsError


class StrategySettings(Section, frozen=True, kw_only=True):
    """Signals, strategies and backtests."""

    env_prefix: ClassVar[str] = ""

    # Signals: the pattern engine scans the symbols' closed bars every signal_scan_seconds
    # (0: no background scan) on each timeframe; |score| >= signal_min_score is kept.
    signal_scan_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 0.0
    signal_symbols: tuple[str, ...] = ("AAPL", "MSFT", "SPY")
    signal_timeframes: tuple[Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d"], ...] = ("5m",)
    signal_min_score: Annotated[float, msgspec.Meta(ge=0, le=1)] = 0.3
    signal_lookback_bars: Annotated[int, msgspec.Meta(ge=50, le=5000)] = 200
    # Strategies (docs/strategies.md): run the active strategies on signals (off: the API still
    # serves them, nothing decides); holdings' brackets are checked on the closed bars read
    # every strategy_bracket_seconds (0: no bracket checks).
    strategies_enabled: bool = True
    strategy_bracket_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 5.0
    # Backtests (docs/backtests.md): the replay-format bars they read (empty: the shipped,
    # synthetic data/backtest/), runs at once (worker threads), unfinished runs per user, and
    # the size of one run.
    backtest_data_path: str | None = None
    backtest_workers: Annotated[int, msgspec.Meta(ge=1, le=64)] = 2
    backtest_per_user: Annotated[int, msgspec.Meta(ge=1, le=100)] = 2
    backtest_max_symbols: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 50
    backtest_max_bars: Annotated[int, msgspec.Meta(ge=1, le=100_000_000)] = 5_000_000

    def check(self) -> None:
        if self.signal_scan_seconds > 0 and not (self.signal_symbols and self.signal_timeframes):
            raise SettingsError(
                f"{self.var('signal_symbols')} and {self.var('signal_timeframes')} must not be "
                f"empty when {self.var('signal_scan_seconds')} is above 0"
            )
