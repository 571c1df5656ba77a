"""`GET /api/v1/calendars/{venue}`: a venue's sessions over a range of days (docs/calendars.md).
The calendars are shared by every user: nothing in them is a user's."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, get
from litestar.params import FromPath, FromQuery

from adapters.http.calendars import CalendarsDep
from adapters.http.problems import (
    on_invalid_query_field,
    problem_responses,
)
from adapters.http.schemas.common import Output
from adapters.http.security import READERS_AND_AGENTS, require_roles
from application.calendars.sessions import MAX_DAYS, InvalidDateRange
from domain.calendars.sessions import MarketSession, VenueSessions

_NOTES = {
    400: "VALIDATION_ERROR (start or end missing or not a YYYY-MM-DD date) or "
    f"INVALID_DATE_RANGE (end before start, more than {MAX_DAYS} days, or days the calendar "
    "does not keep); `errors` names the parameter",
    404: "UNKNOWN_VENUE: no calendar is kept for this venue",
}


class SessionOut(Output):
    """One session: its day, open and close in UTC and in the venue's local time."""

    date: date
    open: datetime
    close: datetime
    open_local: datetime
    close_local: datetime
    early_close: bool

    @classmethod
    def from_domain(cls, session: MarketSession, zone: ZoneInfo) -> SessionOut:
        return cls(
            date=session.day,
            open=session.open,
            close=session.close,
            open_local=session.open.astimezone(zone),
            close_local=session.close.astimezone(zone),
            early_close=session.early_close,
        )


class VenueSessionsOut(Output):
    """A venue's sessions whose day lies in [start, end]; a day without one is closed."""

    venue: str
    timezone: str
    start: date
    end: date
    sessions: list[SessionOut]

    @classmethod
    def from_domain(cls, calendar: VenueSessions) -> VenueSessionsOut:
        zone = ZoneInfo(calendar.zone)
        return cls(
            venue=calendar.venue,
            timezone=calendar.zone,
            start=calendar.first,
            end=calendar.last,
            sessions=[SessionOut.from_domain(s, zone) for s in calendar.sessions],
        )


class CalendarsController(Controller):
    path = "/calendars"
    tags = ("calendars",)
    exception_handlers = {InvalidDateRange: on_invalid_query_field}  # noqa: RUF012 - read as is

    @get(
        "/{venue:str}",
        summary="A venue's sessions, holidays and early closes over a range of days",
        description=(
            "The sessions of `venue` (XNYS, XNAS, CMES, CRYPTO, FX) whose trading day lies in "
            f"[`start`, `end`] (YYYY-MM-DD, both included, at most {MAX_DAYS} days): each "
            "with its open and close in UTC and in the venue's local time, and whether it "
            "closes early. A weekday without a session is a holiday. The pre-trade gate's "
            "trading-hours control reads the same calendars."
        ),
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problem_responses(400, 401, 403, 404, 429, notes=_NOTES),
        sync_to_thread=True,  # a venue's first answer builds its calendar (a fraction of a second)
    )
    def get_venue_sessions(
        self,
        calendars: CalendarsDep,
        venue: FromPath[str],
        start: FromQuery[date],
        end: FromQuery[date],
    ) -> VenueSessionsOut:
        sessions = calendars.sessions.sessions(venue.strip().upper(), start, end)
        return VenueSessionsOut.from_domain(sessions)


CONTROLLERS: list[Any] = [CalendarsController]
