"""The calendars context's routes: venues' sessions, holidays, early closes (docs/calendars.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from litestar.di import NamedDependency

from adapters.http.contexts import HttpContext, route_modules
from application.calendars.sessions import VenueSessionsQuery

NAME = "calendars"


@dataclass(frozen=True)
class CalendarsServices:
    """What the calendars routes call."""

    sessions: VenueSessionsQuery


CalendarsDep: TypeAlias = NamedDependency[CalendarsServices]


controllers = route_modules(__name__, "routes")  # /calendars/{venue}


def context(services: CalendarsServices) -> HttpContext:
    return HttpContext(NAME, services, controllers)
