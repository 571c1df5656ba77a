"""Signals in the composition root: settings, the repository per store, the background scanner."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from adapters.memory.signals import InMemorySignalRepository
from adapters.postgres.repos.signals import SqlSignalRepository
from bootstrap.containers.application import build_container
from bootstrap.settings import SettingsError
from bootstrap.signals import signal_scanner
from domain.market_data.bars import Timeframe
from domain.market_data.signals import SignalEmitted
from tests.kit.bars import bars_of, breakout_closes
from tests.kit.settings import settings_of
from tests.unit.market_data.signals.conftest import Scanner


def test_signal_settings_are_read_from_the_environment() -> None:
    loaded = settings_of(
        signal_scan_seconds="30",
        signal_symbols="aapl, MSFT",
        signal_timeframes="1m,1h",
        signal_min_score="0.45",
        signal_lookback_bars="300",
    )

    assert loaded.strategies.signal_scan_seconds == 30.0
    assert loaded.strategies.signal_symbols == ("aapl", "MSFT")
    assert loaded.strategies.signal_timeframes == ("1m", "1h")
    assert loaded.strategies.signal_min_score == 0.45
    assert loaded.strategies.signal_lookback_bars == 300


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"signal_min_score": "1.5"}, "BULWARK_SIGNAL_MIN_SCORE"),
        ({"signal_timeframes": "2m"}, "BULWARK_SIGNAL_TIMEFRAMES"),
        ({"signal_scan_seconds": "-1"}, "BULWARK_SIGNAL_SCAN_SECONDS"),
        ({"signal_lookback_bars": "10"}, "BULWARK_SIGNAL_LOOKBACK_BARS"),
        ({"signal_scan_seconds": "5", "signal_symbols": ","}, "BULWARK_SIGNAL_SYMBOLS"),
    ],
)
def test_bad_signal_settings_are_refused_by_name(values: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        settings_of(**values)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("memory://", InMemorySignalRepository),
        ("sqlite+aiosqlite:///var/x.db", SqlSignalRepository),
    ],
)
def test_the_repository_follows_the_store(url: str, kind: type) -> None:
    container = build_container(settings_of(database_url=url))

    assert isinstance(container.strategies.signal_repository(), kind)


def test_the_service_reads_the_feed_with_the_configured_threshold() -> None:
    container = build_container(settings_of(database_url="memory://", signal_min_score="0.6"))

    service = container.strategies.signals()

    assert service.engine.config.threshold == 0.6
    assert container.http_contexts.strategies_context().services.signals is service


async def test_no_scanner_runs_while_the_interval_is_zero(scanner: Scanner) -> None:
    lifetime = signal_scanner(settings_of(), lambda: scanner.service)

    running = await anext(lifetime)

    assert running is None
    with contextlib.suppress(StopAsyncIteration):
        await anext(lifetime)
    assert scanner.bars.calls == []


async def test_the_scanner_runs_for_the_apps_lifetime_and_stops_with_it(scanner: Scanner) -> None:
    # Arrange
    start = scanner.clock.now() - 60 * Timeframe.M5.delta
    scanner.bars.put("AAPL", Timeframe.M5, bars_of("AAPL", breakout_closes(), Timeframe.M5, start))
    published = asyncio.Event()

    async def seen(_: object) -> None:
        published.set()

    scanner.bus.subscribe(SignalEmitted, seen)
    on = settings_of(signal_scan_seconds="60", signal_symbols="AAPL", signal_timeframes="5m")
    lifetime = signal_scanner(on, lambda: scanner.service)

    # Act
    task = await anext(lifetime)
    await asyncio.wait_for(published.wait(), 5)
    with contextlib.suppress(StopAsyncIteration):
        await anext(lifetime)

    # Assert
    assert task is not None and task.done()
    assert scanner.bars.calls[0][:2] == ("AAPL", Timeframe.M5)
    assert scanner.emitted()
