"""Repeated failures told once per interval, with how many were left out."""

from __future__ import annotations

from adapters.kafka.quiet import OncePerInterval
from tests.kit.clocks import ManualClock


def test_one_per_interval_goes_through_and_says_how_many_were_held_back() -> None:
    # Arrange
    clock = ManualClock()
    once = OncePerInterval(5.0, clock)

    # Act
    first = once.let_through()
    held = [once.let_through() for _ in range(3)]
    clock.now += 5.0
    next_one = once.let_through()
    clock.now += 60.0
    after_a_quiet_while = once.let_through()

    # Assert
    assert first == 0
    assert held == [None, None, None]
    assert next_one == 3
    assert after_a_quiet_while == 0
