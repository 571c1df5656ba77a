"""The calendars context's routes: venues' sessions, holidays, early closes (docs/calendars.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from application.calendars.sessions import VenueSessionsQuery

NAME = "calendars"


@dataclass(frozen=True)
class CalendarsServices:
    """What the calendars routes call."""

    sessions: VenueSessionsQuery


CalendarsDep: TypeAlias = NamedDependency[CalendarsServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.calendars import routes

    return routes.CONTROLLERS  # /calendars/{venue}


context = context_over(NAME, CalendarsServices, controllers)
