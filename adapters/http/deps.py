"""Litestar dependencies shared by the controllers: the caller and the use cases."""

from __future__ import annotations

from typing import Any, TypeAlias

from litestar import Request
from litestar.di import NamedDependency, Provide

from adapters.http.security import Caller, caller_of, services_of
from adapters.http.services import ApiServices, HttpConfig

# Explicit markers for the dependencies below (and the app's `http_config`): Litestar 3
# injects only parameters marked as dependencies, by their name.
CallerDep: TypeAlias = NamedDependency[Caller]
ServicesDep: TypeAlias = NamedDependency[ApiServices]
HttpConfigDep: TypeAlias = NamedDependency[HttpConfig]


# `caller` names `services` so the two resolve one after the other: two dependencies at one
# level make Litestar spawn a task group per request, which costs more than both lookups.
async def provide_caller(request: Request[Any, Any, Any], services: ServicesDep) -> Caller:
    return caller_of(request)


async def provide_services(request: Request[Any, Any, Any]) -> ApiServices:
    return services_of(request)


DEPENDENCIES = {
    "caller": Provide(provide_caller),
    "services": Provide(provide_services),
}
