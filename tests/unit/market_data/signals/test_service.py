"""SignalService.scan: closed bars only, new signals stored once and published, failures kept."""

from __future__ import annotations

import asyncio

import pytest

from adapters.memory.clock import SequentialIds
from application.strategies.signals import SignalService
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern, SignalEmitted, SignalEngine
from ports.market_data.marketdata import ProviderError, ProviderRateLimited
from ports.strategies.signals import SignalSearch
from tests.kit.bars import T0, bars_of, breakout_closes
from tests.unit.market_data.signals.conftest import Scanner

M1 = Timeframe.M1


def feed(scanner: Scanner, symbol: str, closes: list[float], timeframe: Timeframe = M1) -> None:
    """Bars ending at the clock's now: every one of them closed."""
    start = scanner.clock.now() - len(closes) * timeframe.delta
    scanner.bars.put(symbol, timeframe, bars_of(symbol, closes, timeframe, start))


async def stored(scanner: Scanner) -> list[str]:
    return [s.id for s in await scanner.repository.page(SignalSearch(limit=1000))]


async def test_a_scan_stores_the_emitted_signals_and_publishes_one_event_each(
    scanner: Scanner,
) -> None:
    # Arrange
    feed(scanner, "AAPL", breakout_closes(jump=6.0))

    # Act
    result = await scanner.service.scan(["aapl"], M1)

    # Assert
    assert result.failed == {}
    assert {s.pattern for s in result.stored} >= {Pattern.VOLATILITY_BREAKOUT}
    assert all(abs(s.score) >= 0.3 for s in result.stored)
    last_bar = T0 - M1.delta
    assert {(s.symbol, s.timeframe, s.at, s.created_at) for s in result.stored} == {
        ("AAPL", M1, last_bar, T0)
    }
    assert sorted(await stored(scanner)) == sorted(s.id for s in result.stored)
    events = scanner.emitted()
    assert [e.signal_id for e in events] == [s.id for s in result.stored]
    breakout = next(e for e in events if e.pattern == "volatility_breakout")
    assert (breakout.symbol, breakout.timeframe, breakout.direction) == ("AAPL", "1m", "bullish")
    assert breakout.score > 0.9 and breakout.details["excess_atr"] > 0


async def test_scanning_the_same_bars_again_stores_and_publishes_nothing_new(
    scanner: Scanner,
) -> None:
    # Arrange
    feed(scanner, "AAPL", breakout_closes(jump=6.0))
    first = await scanner.service.scan(["AAPL"], M1)
    scanner.clock.advance(20)  # still inside the next bar: no new bar has closed

    # Act
    again = await scanner.service.scan(["AAPL"], M1)

    # Assert
    assert first.stored
    assert again.stored == []
    assert len(await stored(scanner)) == len(first.stored)
    assert len(scanner.emitted()) == len(first.stored)


async def test_a_bar_still_forming_is_left_out(scanner: Scanner) -> None:
    # Arrange: the breakout is on a bar that closes a minute from now
    closes = breakout_closes(jump=6.0)
    scanner.bars.put("AAPL", M1, bars_of("AAPL", closes, M1, T0 - (len(closes) - 1) * M1.delta))

    # Act
    result = await scanner.service.scan(["AAPL"], M1)

    # Assert: the last closed bar is the quiet one before it
    assert all(s.at == T0 - M1.delta for s in result.stored)
    assert Pattern.VOLATILITY_BREAKOUT not in {s.pattern for s in result.stored}
    assert scanner.bars.calls == [("AAPL", M1, 101)]


async def test_a_newly_closed_bar_gives_new_signals(scanner: Scanner) -> None:
    # Arrange
    closes = breakout_closes(jump=6.0)
    feed(scanner, "AAPL", closes)
    first = await scanner.service.scan(["AAPL"], M1)
    scanner.clock.advance(60)
    feed(scanner, "AAPL", [*closes[1:], closes[-1] + 6.0])  # one more bar has closed

    # Act
    second = await scanner.service.scan(["AAPL"], M1)

    # Assert
    assert second.stored
    assert {s.at for s in second.stored} == {T0}
    assert len(await stored(scanner)) == len(first.stored) + len(second.stored)


async def test_a_failing_symbol_is_reported_and_the_others_are_scanned(
    scanner: Scanner,
) -> None:
    # Arrange
    feed(scanner, "AAPL", breakout_closes(jump=6.0))
    scanner.bars.failing["MSFT"] = ProviderError("synthetic", "timed out")
    scanner.bars.failing["TSLA"] = ProviderRateLimited("alpaca", 3.0)

    # Act
    result = await scanner.service.scan(["MSFT", "AAPL", "TSLA", "NOPE"], M1)

    # Assert
    assert set(result.failed) == {"MSFT", "TSLA", "NOPE"}
    assert "timed out" in result.failed["MSFT"]
    assert result.failed["TSLA"].startswith("ProviderRateLimited")
    assert result.stored and {s.symbol for s in result.stored} == {"AAPL"}


async def test_too_few_bars_store_nothing(scanner: Scanner) -> None:
    feed(scanner, "AAPL", breakout_closes(n=10, jump=6.0))

    result = await scanner.service.scan(["AAPL"], M1)

    assert result.stored == [] and result.failed == {}
    assert scanner.emitted() == []


async def test_each_timeframe_keeps_its_own_signals(scanner: Scanner) -> None:
    feed(scanner, "AAPL", breakout_closes(jump=6.0), M1)
    feed(scanner, "AAPL", breakout_closes(jump=6.0), Timeframe.M5)

    one = await scanner.service.scan(["AAPL"], M1)
    five = await scanner.service.scan(["AAPL"], Timeframe.M5)

    assert one.stored and five.stored
    assert {s.timeframe for s in five.stored} == {Timeframe.M5}
    assert len(await stored(scanner)) == len(one.stored) + len(five.stored)


async def test_a_lookback_shorter_than_the_detectors_need_is_refused(scanner: Scanner) -> None:
    needed = SignalEngine().config.min_bars

    with pytest.raises(ValueError, match="lookback"):
        SignalService(
            scanner.bars,
            scanner.repository,
            scanner.bus,
            scanner.clock,
            SequentialIds(),
            lookback=needed - 1,
        )


async def test_run_scans_until_stopped_and_keeps_the_last_failure(scanner: Scanner) -> None:
    # Arrange
    feed(scanner, "AAPL", breakout_closes(jump=6.0))
    scanner.bars.failing["MSFT"] = ProviderError("synthetic", "down")
    stop = asyncio.Event()

    async def stop_on_first(_: object) -> None:
        stop.set()

    scanner.bus.subscribe(SignalEmitted, stop_on_first)

    # Act
    task = asyncio.create_task(scanner.service.run(["AAPL", "MSFT"], [M1], 30.0, stop))
    await asyncio.wait_for(task, 5)

    # Assert
    assert all(isinstance(e, SignalEmitted) and e.symbol == "AAPL" for e in scanner.emitted())
    assert scanner.service.last_error is not None
    assert "bars of MSFT 1m" in scanner.service.last_error
    assert scanner.service.last_error_at is not None
    assert scanner.service.last_error_at >= T0


async def test_run_outlives_a_store_that_fails(scanner: Scanner) -> None:
    # Arrange: the store refuses every write, twice, then the scanner is stopped
    stop = asyncio.Event()
    attempts: list[int] = []

    async def broken(*_: object) -> list[object]:
        attempts.append(1)
        if len(attempts) == 2:
            stop.set()
        raise RuntimeError("disk full")

    feed(scanner, "AAPL", breakout_closes(jump=6.0))
    scanner.repository.add = broken  # type: ignore[method-assign,assignment]

    # Act
    task = asyncio.create_task(scanner.service.run(["AAPL"], [M1], 10.0, stop))
    await asyncio.wait_for(task, 5)

    # Assert: it went on after the first failure, and kept it
    assert len(attempts) == 2
    assert scanner.service.last_error == "scan 1m: RuntimeError: disk full"
