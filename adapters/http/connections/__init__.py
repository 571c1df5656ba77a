"""The connections context's routes: an owner's venue connections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.connections.service import ConnectionService

NAME = "connections"
# The problems every connections route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403, 429)


@dataclass(frozen=True)
class ConnectionsServices:
    """What the connections routes call."""

    service: ConnectionService


ConnectionsDep: TypeAlias = NamedDependency[ConnectionsServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.connections import connections

    return connections.CONTROLLERS


context = context_over(NAME, ConnectionsServices, controllers)
