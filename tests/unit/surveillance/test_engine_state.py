"""The engine's state: deterministic snapshots, a restart anywhere equal to no restart, bounds."""

from __future__ import annotations

import json
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.surveillance_scenarios import Scenario, mixed_day
from benchmarks.surveillance_sim import feed
from domain.surveillance.detections import Detection
from domain.surveillance.engine import PARK_US, SurveillanceEngine
from domain.surveillance.rules import SurveillanceRules
from domain.surveillance.snapshot import SnapshotMismatch, restore, snapshot
from tests.unit.surveillance.flows import BUY, SELL, Flow


@cache
def day() -> Scenario:
    return mixed_day(7)


@cache
def uninterrupted() -> tuple[Detection, ...]:
    engine = SurveillanceEngine()
    feed(engine, day().events)
    return tuple(engine.take())


def restarted_at(cuts: list[int]) -> list[Detection]:
    """The day fed in pieces, the engine snapshotted to JSON and restored at every cut."""
    events = day().events
    engine = SurveillanceEngine()
    found: list[Detection] = []
    start = 0
    for cut in sorted(cuts):
        feed(engine, events[start:cut])
        found += engine.take()
        engine = restore(json.loads(json.dumps(snapshot(engine))))
        start = cut
    feed(engine, events[start:])
    return found + engine.take()


@settings(max_examples=5, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(day().events)), min_size=1, max_size=3))
def test_restarting_anywhere_in_a_day_gives_the_same_alerts_as_no_restart(cuts: list[int]) -> None:
    # Arrange
    expected = uninterrupted()

    # Act
    found = restarted_at(cuts)

    # Assert
    assert tuple(found) == expected
    assert len(expected) >= 6  # the day has episodes of every pattern


def test_a_snapshot_is_the_same_bytes_for_the_same_state_and_after_a_restore() -> None:
    # Arrange
    first, second = SurveillanceEngine(), SurveillanceEngine()
    half = day().events[: len(day().events) // 2]
    feed(first, half)
    feed(second, half)

    # Act
    one = json.dumps(snapshot(first), separators=(",", ":"))
    two = json.dumps(snapshot(second), separators=(",", ":"))
    again = json.dumps(snapshot(restore(json.loads(one))), separators=(",", ":"))

    # Assert
    assert one == two == again


def test_a_snapshot_of_another_version_is_refused() -> None:
    # Arrange
    data = snapshot(SurveillanceEngine())
    data["v"] = 99

    # Act / Assert
    try:
        restore(data)
    except SnapshotMismatch:
        return
    raise AssertionError("restored a snapshot of another version")


def test_a_fill_that_arrives_before_its_order_waits_for_it() -> None:
    # Arrange: the order path may publish a marketable order's fill before its acceptance
    flow = Flow()
    for t in (0.0, 40.0):
        flow.fill(t, f"late-{t}", BUY, 300, 100.0, account="a1")
        flow.engine.on_order(flow.us(t), f"late-{t}", "a1", "u1", "bot1", "AAA", BUY, 300.0,
                             0.0, 99.99, 100.0, True)  # fmt: skip
        flow.trade(t + 1, SELL, 300, account="a2")

    # Act
    found = flow.found()

    # Assert: the fills joined their orders (aggressive, by bot1) and the pairs were seen
    assert [d.pattern.value for d in found] == ["wash_trading"]
    assert {f["agent_id"] for f in found[0].fills} == {"bot1"}
    assert all(f["aggressive"] for f in found[0].fills)


def test_a_fill_whose_order_never_comes_counts_without_it_after_a_while() -> None:
    # Arrange
    flow = Flow()
    flow.fill(0.0, "unknown", BUY, 300, 100.0)

    # Act
    later = flow.trade(PARK_US / 1e6 + 1, SELL, 10)

    # Assert
    assert flow.engine.parked == {}
    assert [f[7] for f in flow.engine.keys[("u1", "AAA")].fills] == ["unknown", later]


def test_memory_is_bounded_by_the_rules() -> None:
    # Arrange
    rules = SurveillanceRules(max_live_orders=100, fills_kept=8)
    flow = Flow(rules)

    # Act: 1,000 resting orders and 1,000 fills of one key
    for i in range(1000):
        flow.order(i * 0.01, BUY, 10, 99.0)
        flow.trade(i * 0.01 + 0.005, SELL, 10)

    # Assert
    key = flow.engine.keys[("u1", "AAA")]
    assert len(flow.engine.orders) <= 100
    assert len(key.fills) == 8
    assert len(key.messages) == rules.quote_stuffing.min_messages


def test_a_new_day_drops_idle_keys_and_stale_orders() -> None:
    # Arrange
    flow = Flow(SurveillanceRules(key_ttl_s=3600, order_ttl_s=3600))
    flow.order(0.0, BUY, 10, 99.0, owner="idle")

    # Act: the next day's first event
    flow.order(86_400.0, BUY, 10, 99.0, owner="busy")

    # Assert
    assert set(flow.engine.keys) == {("busy", "AAA")}
    assert len(flow.engine.orders) == 1
