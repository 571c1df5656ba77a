"""The streams page's lag ring: bounded, one sample per interval, in the chart's shape."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.http.console.desk_streams import LagHistory
from application.market_data.stream_monitor import KafkaReport
from domain.monitoring.streams import GroupLag, StreamThresholds
from tests.kit.clocks import ManualClock


def report(**lags: int) -> KafkaReport:
    groups = tuple(GroupLag.of(g, {("orders", 0): lag}) for g, lag in sorted(lags.items()))
    return KafkaReport(datetime.now(UTC), 60.0, StreamThresholds(), (), groups, ())


def test_samples_closer_than_the_interval_are_dropped_and_the_ring_is_bounded() -> None:
    clock = ManualClock()
    history = LagHistory(every_s=5.0, size=3, clock=clock)

    for step in range(10):  # one scrape per 2.5 s: every other one is kept
        history.feed(report(bulwark=step))
        clock.now += 2.5

    chart = history.chart()
    assert len(history) == 3
    assert chart["x"] == [1010.0, 1015.0, 1020.0]
    assert chart["series"] == {"bulwark": [4, 6, 8]}


def test_a_group_that_appears_later_has_nulls_before() -> None:
    clock = ManualClock()
    history = LagHistory(clock=clock)
    history.feed(report(a=1))
    clock.now += 5
    history.feed(report(a=2, b=7))

    assert history.chart()["series"] == {"a": [1, 2], "b": [None, 7]}
