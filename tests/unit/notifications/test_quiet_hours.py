"""Quiet hours across both DST changes, in New York and London, and their edge cases."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.notifications.quiet_hours import InvalidTimeZone, QuietHours

NY, LONDON = "America/New_York", "Europe/London"
NIGHT = (time(22, 0), time(7, 0))
# 2026's transitions: New York springs forward 8 March 02:00 -> 03:00 and falls back
# 1 November 02:00 -> 01:00; London 29 March 01:00 -> 02:00 and 25 October 02:00 -> 01:00.
TRANSITIONS = {
    NY: (datetime(2026, 3, 8, 7, tzinfo=UTC), datetime(2026, 11, 1, 6, tzinfo=UTC)),
    LONDON: (datetime(2026, 3, 29, 1, tzinfo=UTC), datetime(2026, 10, 25, 1, tzinfo=UTC)),
}


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def night(zone: str) -> QuietHours:
    return QuietHours(*NIGHT, zone)


def test_a_window_crossing_midnight_is_quiet_on_both_sides_of_it() -> None:
    # Arrange
    quiet = night(NY)  # winter: New York is UTC-5

    # Act / Assert
    assert quiet.is_quiet(utc(2026, 1, 6, 3, 30))  # 22:30
    assert quiet.is_quiet(utc(2026, 1, 6, 11, 59))  # 06:59
    assert not quiet.is_quiet(utc(2026, 1, 6, 12, 0))  # 07:00: the end is not quiet
    assert not quiet.is_quiet(utc(2026, 1, 6, 2, 59))  # 21:59
    assert quiet.quiet_until(utc(2026, 1, 6, 3, 30)) == utc(2026, 1, 6, 12, 0)


def test_spring_forward_night_in_new_york_ends_at_seven_local_daylight_time() -> None:
    # Arrange: 01:30 EST, half an hour before the clocks jump to 03:00 EDT.
    quiet = night(NY)
    instant = utc(2026, 3, 8, 6, 30)

    # Act
    until = quiet.quiet_until(instant)

    # Assert: 07:00 EDT is 11:00 UTC (seven hours of night became six).
    assert quiet.is_quiet(instant)
    assert until == utc(2026, 3, 8, 11, 0)
    assert until.astimezone(ZoneInfo(NY)).time() == time(7, 0)


def test_the_repeated_hour_of_the_fall_back_night_is_quiet_both_times() -> None:
    # Arrange: 01:30 EDT then, an hour later, 01:30 EST.
    quiet = night(NY)
    first, second = utc(2026, 11, 1, 5, 30), utc(2026, 11, 1, 6, 30)

    # Act / Assert
    assert quiet.is_quiet(first) and quiet.is_quiet(second)
    assert quiet.quiet_until(first) == quiet.quiet_until(second) == utc(2026, 11, 1, 12, 0)


def test_london_nights_on_both_changes() -> None:
    quiet = night(LONDON)
    assert quiet.quiet_until(utc(2026, 3, 29, 0, 30)) == utc(2026, 3, 29, 6, 0)  # 07:00 BST
    assert quiet.quiet_until(utc(2026, 10, 25, 1, 30)) == utc(2026, 10, 25, 7, 0)  # 07:00 GMT
    assert quiet.is_quiet(utc(2026, 10, 25, 0, 30)) and quiet.is_quiet(utc(2026, 10, 25, 1, 30))


def test_a_window_ending_inside_the_skipped_hour_ends_when_the_clocks_jump() -> None:
    # Arrange: 00:30-01:30 in London; on 29 March 01:00 GMT becomes 02:00 BST.
    quiet = QuietHours(time(0, 30), time(1, 30), LONDON)

    # Act
    until = quiet.quiet_until(utc(2026, 3, 29, 0, 45))

    # Assert: never before the instant, and at the jump (01:00 UTC), not an hour later.
    assert until == utc(2026, 3, 29, 1, 0)
    assert not quiet.is_quiet(until)


def test_equal_start_and_end_is_no_quiet_time() -> None:
    quiet = QuietHours(time(7), time(7), NY)
    assert not quiet.is_quiet(utc(2026, 1, 6, 12, 0))
    assert quiet.quiet_until(utc(2026, 1, 6, 12, 0)) == utc(2026, 1, 6, 12, 0)


@pytest.mark.parametrize("zone", ["", "Mars/Olympus", "../etc/passwd", "UTC+3"])
def test_an_unknown_time_zone_is_refused(zone: str) -> None:
    with pytest.raises(InvalidTimeZone):
        QuietHours(time(22), time(7), zone)


def _instants_near_transitions() -> st.SearchStrategy[tuple[str, datetime]]:
    pairs = [(zone, at) for zone, ats in TRANSITIONS.items() for at in ats]
    return st.sampled_from(pairs).flatmap(
        lambda pair: st.integers(-3 * 24 * 60, 3 * 24 * 60).map(
            lambda minutes: (pair[0], pair[1] + timedelta(minutes=minutes))
        )
    )


@settings(max_examples=300, deadline=None)
@given(
    _instants_near_transitions(),
    st.sampled_from([NIGHT, (time(1), time(3)), (time(0, 30), time(2, 30))]),
)
def test_quiet_until_is_the_first_instant_out_of_the_window(
    case: tuple[str, datetime], window: tuple[time, time]
) -> None:
    # Arrange
    zone, instant = case
    quiet = QuietHours(*window, zone)

    # Act
    until = quiet.quiet_until(instant)

    # Assert: not before the instant, not quiet itself, every minute before it quiet, and
    # quiet exactly when the local wall clock is inside the window.
    wall = instant.astimezone(ZoneInfo(zone)).time()
    start, end = window
    inside = (wall >= start or wall < end) if end < start else start <= wall < end
    assert quiet.is_quiet(instant) == inside
    assert until >= instant
    assert not quiet.is_quiet(until)
    if until > instant:
        assert quiet.is_quiet(until - timedelta(minutes=1))
        assert until - instant <= timedelta(hours=25)
