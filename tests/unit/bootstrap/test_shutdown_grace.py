"""The stop's deadline: the app's shutdown gets what is left of the grace after the signal,
and the watcher gives up on the process once the grace and the margin are spent."""

from __future__ import annotations

import time

import pytest

from bootstrap import shutdown_grace
from bootstrap.shutdown_grace import FLOOR_S, StopDeadline


def test_without_a_signal_the_app_gets_the_whole_grace() -> None:
    # Arrange
    deadline = StopDeadline()
    # Act / Assert
    assert deadline.left(10.0) == 10.0


def test_after_a_signal_the_app_gets_what_is_left_and_never_less_than_the_floor() -> None:
    # Arrange
    deadline = StopDeadline()
    # Act
    deadline.ask()
    time.sleep(0.05)
    # Assert
    assert 9.0 < deadline.left(10.0) < 10.0
    assert deadline.left(0.01) == FLOOR_S


def test_the_watcher_gives_up_after_the_grace_and_the_margin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    monkeypatch.setattr(shutdown_grace, "MARGIN_S", 0.05)
    deadline = StopDeadline()
    watcher = deadline.watch(0.05, exit_process=False)
    # Act / Assert: nothing happens until a stop is asked...
    watcher.join(0.2)
    assert watcher.is_alive()
    # ...then it ends within the grace and the margin.
    deadline.ask()
    watcher.join(2.0)
    assert not watcher.is_alive()
