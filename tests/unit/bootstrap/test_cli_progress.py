"""The console's progress bar: on stderr, with counts and the time left at the pace so far."""

from __future__ import annotations

import io

import pytest

from bootstrap.cli_progress import ProgressBar, duration
from tests.kit.clocks import ManualClock


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_lines_name_the_counts_and_the_time_left_at_the_pace_so_far() -> None:
    # Arrange
    out, clock = io.StringIO(), ManualClock()
    bar = ProgressBar(out, unit="entries", clock=clock)

    # Act: a quarter done in 10 s, then all of it
    clock.now += 10
    bar.show(0.25, 250, 1000)
    clock.now += 30
    bar.show(1.0, 1000, 1000)

    # Assert
    assert out.getvalue().splitlines() == [
        "progress 25% (250/1,000 entries, about 30 s left)",
        "progress 100% (1,000/1,000 entries)",
    ]


def test_no_time_left_is_guessed_in_the_first_second() -> None:
    # Arrange
    out, clock = io.StringIO(), ManualClock()
    bar = ProgressBar(out, clock=clock)

    # Act
    clock.now += 0.5
    bar.show(0.5)

    # Assert
    assert out.getvalue() == "progress 50%\n"


def test_a_terminal_redraws_one_line_padding_over_a_longer_one() -> None:
    # Arrange
    out, clock = Tty(), ManualClock()
    bar = ProgressBar(out, clock=clock)

    # Act
    clock.now += 60
    bar.show(0.5)
    bar.show(1.0)
    bar.done()

    # Assert
    first = f"[{'#' * 15}{'.' * 15}]  50%  about 1 min 0 s left"
    last = f"[{'#' * 30}] 100%"
    assert out.getvalue() == f"\r{first}\r{last}{' ' * (len(first) - len(last))}\n"


def test_the_bar_writes_to_stderr_unless_told_otherwise(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    ProgressBar().show(1.0)

    # Assert
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "progress 100%\n"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.4, "0 s"), (45, "45 s"), (185, "3 min 5 s"), (7_800, "2 h 10 min")],
)
def test_durations_read_as_people_say_them(seconds: float, text: str) -> None:
    # Act / Assert
    assert duration(seconds) == text
