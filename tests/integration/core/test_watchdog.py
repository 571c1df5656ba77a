"""The loop-lag watchdog: a truly blocked loop is logged with its stack, counted, alerted once."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from prometheus_client import CollectorRegistry, generate_latest
from structlog.testing import capture_logs

from adapters.memory.bus import InMemoryNotifier
from adapters.watchdog import LoopWatchdog, LoopWatchdogCollector


def block_the_loop_for(seconds: float) -> None:
    time.sleep(seconds)  # on purpose: what a CPU-bound handler does to the loop


@pytest.fixture
def notifier() -> InMemoryNotifier:
    return InMemoryNotifier()


async def test_a_blocked_loop_is_logged_with_its_stack_counted_and_alerted_once(
    notifier: InMemoryNotifier,
) -> None:
    # Arrange
    seen: list[float] = []

    async def on_stall(lag: float) -> None:
        seen.append(lag)

    watchdog = LoopWatchdog(0.05, notifier=notifier, process="test", on_stall=on_stall)
    with capture_logs() as logs:
        watchdog.start()
        await asyncio.sleep(0.1)

        # Act
        block_the_loop_for(0.4)
        await asyncio.sleep(0.2)  # the alert runs once the loop is free
        watchdog.stop()

    # Assert
    blocked = [e for e in logs if e["event"] == "event_loop_blocked"]
    assert watchdog.stalls == 1
    assert len(blocked) == 1
    assert "block_the_loop_for" in blocked[0]["stack"]
    assert any(e["event"] == "event_loop_unblocked" for e in logs)
    assert len(notifier.sent) == 1
    assert "event loop blocked" in notifier.sent[0].subject
    assert len(seen) == 1 and seen[0] >= 0.05
    assert watchdog.longest_stall >= 0.35
    assert not watchdog.stalled


async def test_a_healthy_loop_raises_no_alert(notifier: InMemoryNotifier) -> None:
    # Arrange
    watchdog = LoopWatchdog(0.1, notifier=notifier)
    with capture_logs() as logs:
        watchdog.start()

        # Act: busy, but never blocked for long
        for _ in range(20):
            block_the_loop_for(0.01)
            await asyncio.sleep(0.02)
        watchdog.stop()

    # Assert
    assert watchdog.stalls == 0
    assert notifier.sent == []
    assert not [e for e in logs if e["event"] == "event_loop_blocked"]


async def test_two_stalls_are_two_alerts_not_one_per_ping(notifier: InMemoryNotifier) -> None:
    # Arrange
    watchdog = LoopWatchdog(0.05, notifier=notifier)
    watchdog.start()
    await asyncio.sleep(0.1)

    # Act
    block_the_loop_for(0.4)
    await asyncio.sleep(0.2)
    block_the_loop_for(0.4)
    await asyncio.sleep(0.2)
    watchdog.stop()

    # Assert
    assert watchdog.stalls == 2
    assert len(notifier.sent) == 2


async def test_the_collector_exposes_the_stall_count() -> None:
    # Arrange
    watchdog = LoopWatchdog(0.05)
    registry = CollectorRegistry()
    registry.register(LoopWatchdogCollector(watchdog))
    watchdog.start()
    await asyncio.sleep(0.1)

    # Act
    block_the_loop_for(0.3)
    await asyncio.sleep(0.1)
    watchdog.stop()
    text = generate_latest(registry).decode()

    # Assert
    assert "bulwark_event_loop_stalls_total 1.0" in text
    assert "bulwark_event_loop_stalled 0.0" in text
    assert "bulwark_event_loop_lag_seconds" in text


async def test_stop_ends_the_thread_and_a_second_stop_is_harmless() -> None:
    # Arrange
    watchdog = LoopWatchdog(0.05)
    watchdog.start()
    thread = watchdog._thread
    assert thread is not None and thread.is_alive()

    # Act
    watchdog.stop()
    watchdog.stop()

    # Assert
    assert not thread.is_alive()
    assert watchdog.stalls == 0


class AnsweredLate(threading.Event):
    """A wait that returns only after the whole process stood still (a collection, a GIL-held
    C call): by then the loop has answered the ping, so only the time taken tells."""

    def wait(self, timeout: float | None = None) -> bool:
        time.sleep(0.12)
        return super().wait(timeout)


async def test_a_pause_of_the_whole_process_counts_though_the_loop_answered(
    notifier: InMemoryNotifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setattr("adapters.watchdog.threading.Event", AnsweredLate)
    watchdog = LoopWatchdog(0.05, notifier=notifier)
    with capture_logs() as logs:
        # Act
        watchdog.start()
        await asyncio.sleep(0.6)
        watchdog.stop()

    # Assert
    blocked = [e for e in logs if e["event"] == "event_loop_blocked"]
    assert watchdog.stalls >= 1
    assert blocked and blocked[0]["paused"].startswith("whole process")
