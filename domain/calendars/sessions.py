"""A venue's trading sessions as data, and what the market is doing at an instant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from domain.errors import DomainError, NotFound

WEEKDAYS = frozenset(range(5))


class MarketStatus(StrEnum):
    """Whether a venue trades at an instant, and if not, why."""

    OPEN = "open"
    CLOSED = "closed"  # between sessions: outside the day's hours, or a day it never trades
    HOLIDAY = "holiday"  # a day the venue trades on in a normal week, without a session
    EARLY_CLOSE = "early_close"  # the day's session closed early and is over


@dataclass(frozen=True, slots=True)
class MarketSession:
    """One session: the day it belongs to, and its open and close as aware UTC times.

    A session belongs to its trading day even where it opens the evening before (CME's
    Monday session opens on Sunday at 17:00 Chicago time).
    """

    day: date
    open: datetime
    close: datetime
    early_close: bool = False

    def __post_init__(self) -> None:
        if self.open.tzinfo is None or self.close.tzinfo is None:
            raise ValueError("a session's open and close must be timezone-aware")
        if self.close <= self.open:
            raise ValueError(f"the session of {self.day} closes at or before it opens")


@dataclass(frozen=True, slots=True)
class VenueSessions:
    """A venue's sessions over the days [first, last], in order, with its zone and weekdays."""

    venue: str
    zone: str  # the venue's IANA time zone: its days are local days
    first: date
    last: date
    sessions: tuple[MarketSession, ...]
    weekdays: frozenset[int] = WEEKDAYS  # 0 = Monday: the days it trades on in a normal week


class StatusSpan(NamedTuple):
    """[start, end) in epoch seconds over which a venue's status stays `status`."""

    start: float
    end: float
    status: MarketStatus


ALWAYS_OPEN = StatusSpan(float("-inf"), float("inf"), MarketStatus.OPEN)


class UnknownVenue(NotFound):
    """No calendar is kept for this venue."""

    code = "UNKNOWN_VENUE"


class OutsideCalendar(DomainError):
    """The instant or the days asked for lie outside the range a venue's calendar covers."""

    code = "OUTSIDE_CALENDAR"
