"""The stream monitor: observed rates and latency, lag alerts raised once and cleared, restarts."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest

from adapters.eventcodec import EventCodec
from adapters.memory.bus import InMemoryNotifier, InProcessEventBus
from adapters.memory.clock import FakeClock
from application.market_data.stream_monitor import StreamMonitorService
from domain.errors import NotFound
from domain.monitoring.streams import (
    AlertKind,
    GroupLag,
    StreamAlertCleared,
    StreamAlertRaised,
    StreamThresholds,
)
from ports.core.events import Severity
from tests.kit.streams import FakeConsumers


@dataclass
class FakeLagSource:
    """Answers each group's lag from a dict; a group mapped to an exception raises it."""

    lags: dict[str, int | Exception] = field(default_factory=dict)
    reads: int = 0
    stop: asyncio.Event | None = None  # set once `stop_after` reads were made
    stop_after: int = 0

    async def lag(self, group: str) -> GroupLag:
        self.reads += 1
        if self.stop is not None and self.reads >= self.stop_after:
            self.stop.set()
        answer = self.lags.get(group, 0)
        if isinstance(answer, Exception):
            raise answer
        return GroupLag.of(group, {("bulwark.commands.orders", 0): answer})


@dataclass
class World:
    monitor: StreamMonitorService
    lags: FakeLagSource
    supervisor: FakeConsumers
    bus: InProcessEventBus
    notifier: InMemoryNotifier
    clock: FakeClock


@pytest.fixture
def w() -> World:
    lags, supervisor = FakeLagSource(), FakeConsumers(["orders"])
    bus, notifier, clock = InProcessEventBus(), InMemoryNotifier(), FakeClock()
    monitor = StreamMonitorService(
        lags, supervisor, bus, notifier, clock, StreamThresholds(latency_ms=200.0, lag=2000)
    )
    return World(monitor, lags, supervisor, bus, notifier, clock)


def now_ms(clock: FakeClock) -> int:
    return int(clock.now().timestamp() * 1000)


async def test_observed_records_give_rate_and_latency(w: World) -> None:
    for _ in range(30):
        w.monitor.observe("bulwark.heartbeats", now_ms(w.clock) - 40)
        w.clock.advance(0.5)

    report = await w.monitor.report()

    [stats] = report.topics
    assert stats.topic == "bulwark.heartbeats"
    assert stats.messages_per_second == pytest.approx(2.0)
    assert stats.p99_ms == pytest.approx(40.0, rel=0.01)


async def test_lag_alert_is_raised_once_and_notified(w: World) -> None:
    w.lags.lags["orders"] = 5000

    first = await w.monitor.check()
    second = await w.monitor.check()

    assert first == [StreamAlertRaised(AlertKind.LAG, "orders", 5000.0, 2000.0)]
    assert second == []
    assert w.bus.published == first
    [note] = w.notifier.sent
    assert note.severity is Severity.WARNING
    assert "orders" in note.subject


async def test_lag_alert_clears_when_the_group_catches_up(w: World) -> None:
    w.lags.lags["orders"] = 5000
    await w.monitor.check()
    w.lags.lags["orders"] = 10

    events = await w.monitor.check()

    assert events == [StreamAlertCleared(AlertKind.LAG, "orders")]
    assert (await w.monitor.report()).alerts == ()
    assert len(w.notifier.sent) == 1


async def test_slow_topic_raises_a_latency_alert(w: World) -> None:
    w.monitor.observe("bulwark.commands.orders", now_ms(w.clock) - 350)

    events = await w.monitor.check()

    assert [(e.kind, e.subject) for e in events if isinstance(e, StreamAlertRaised)] == [
        (AlertKind.LATENCY, "bulwark.commands.orders")
    ]


async def test_an_unreadable_lag_keeps_the_alert_and_the_error(w: World) -> None:
    w.lags.lags["orders"] = 5000
    await w.monitor.check()
    w.lags.lags["orders"] = ConnectionError("broker down")

    events = await w.monitor.check()
    report = w.monitor.snapshot()

    assert events == []
    assert [a.subject for a in report.alerts] == ["orders"]
    assert report.groups[0].total == 5000
    assert report.last_error is not None and "broker down" in report.last_error
    assert report.last_error_at == w.clock.now()


async def test_run_survives_a_lag_error_and_stops_when_told(w: World) -> None:
    stop = asyncio.Event()
    w.lags.lags["orders"] = ConnectionError("broker down")
    w.lags.stop, w.lags.stop_after = stop, 3

    await w.monitor.run(1.0, stop)

    assert w.lags.reads == 3
    assert w.monitor.snapshot().last_error is not None


async def test_restart_of_a_known_group(w: World) -> None:
    await w.monitor.restart_consumer("orders")

    assert w.supervisor.restarted == ["orders"]


async def test_restart_of_an_unknown_group_is_not_found(w: World) -> None:
    with pytest.raises(NotFound):
        await w.monitor.restart_consumer("someone-elses")

    assert w.supervisor.restarted == []


def test_alert_events_survive_the_event_codec() -> None:
    codec = EventCodec()
    raised = StreamAlertRaised(AlertKind.LAG, "orders", 5000.0, 2000.0)
    cleared = StreamAlertCleared(AlertKind.LATENCY, "bulwark.events")

    decoded = [codec.decode(e.name, codec.encode(e)) for e in (raised, cleared)]

    assert decoded == [raised, cleared]
    assert codec.encode(raised)["kind"] == "lag"
