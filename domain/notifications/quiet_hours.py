"""Quiet hours: a daily window of local wall-clock time in the user's IANA time zone.

A window may cross midnight (22:00-07:00). Times are compared on the local wall clock that
zoneinfo gives for the instant, so the window is right on the nights the clocks change: on
the spring-forward night the skipped local hour simply never occurs (the window still ends
at the first instant whose local time is 07:00 or later), and on the fall-back night the
repeated hour is quiet both times it is lived through. `quiet_until` finds the end by walking
local dates and resolving the end time with `fold=0`; a nonexistent end time (inside the
skipped hour) resolves to the instant the clocks jump, never to an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


class InvalidTimeZone(ValueError):
    """The name is not an IANA time zone that this system knows."""


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`; InvalidTimeZone for anything else (paths, empty, unknown)."""
    if not name or name not in _known_zones():
        raise InvalidTimeZone(name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # pragma: no cover - listed but absent
        raise InvalidTimeZone(name) from exc


_ZONES: frozenset[str] | None = None


def _known_zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Quiet from `start` (inclusive) to `end` (exclusive), local time in `time_zone`.

    start == end means no quiet time at all (an empty window, not a 24-hour one).
    """

    start: time
    end: time
    time_zone: str

    def __post_init__(self) -> None:
        zone(self.time_zone)

    @property
    def crosses_midnight(self) -> bool:
        return self.end < self.start

    def _local(self, instant: datetime) -> datetime:
        return instant.astimezone(zone(self.time_zone))

    def is_quiet(self, instant: datetime) -> bool:
        """Whether `instant` (an aware datetime) falls inside the window, local time."""
        if self.start == self.end:
            return False
        wall = self._local(instant).time().replace(tzinfo=None, fold=0)
        if self.crosses_midnight:
            return wall >= self.start or wall < self.end
        return self.start <= wall < self.end

    def quiet_until(self, instant: datetime) -> datetime:
        """The first instant (UTC) at or after `instant` that is not quiet; `instant` itself
        when it is not quiet."""
        if not self.is_quiet(instant):
            return instant
        local = self._local(instant)
        day = local.date()
        # The window ends today (before the end time, past midnight, or a same-day window)
        # or tomorrow (evening part of a window crossing midnight).
        if self.crosses_midnight and local.time().replace(tzinfo=None, fold=0) >= self.start:
            day = day + timedelta(days=1)
        end = self._resolve(day, self.end)
        if end <= instant:  # repeated hour on a fall-back night: the next day's end
            end = self._resolve(day + timedelta(days=1), self.end)
        return end

    def _resolve(self, day: date, wall: time) -> datetime:
        """The first UTC instant whose local time is `wall` on `day` or later."""
        tz = zone(self.time_zone)
        candidate = datetime.combine(day, wall, tzinfo=tz).replace(fold=0)
        as_utc = candidate.astimezone(UTC)
        if as_utc.astimezone(tz).replace(tzinfo=None) != candidate.replace(tzinfo=None):
            # A nonexistent wall time (spring forward): the jump itself ends the window.
            return _gap_end(as_utc, tz)
        return as_utc


def _gap_end(guess: datetime, tz: ZoneInfo) -> datetime:
    """The instant the clocks jumped, found by stepping back to the last offset change."""
    step = guess
    offset = step.astimezone(tz).utcoffset()
    for _ in range(4 * 60):  # at most four hours back, minute by minute
        previous = step - timedelta(minutes=1)
        if previous.astimezone(tz).utcoffset() != offset:
            return step
        step = previous
    return guess  # pragma: no cover - no transition found near the gap
