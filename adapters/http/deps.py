"""Litestar dependencies shared by the controllers: the caller (each context's router provides
its own bundle, adapters/http/contexts.py)."""

from __future__ import annotations

from typing import Any, TypeAlias

from litestar import Request
from litestar.di import NamedDependency, Provide

from adapters.http.security import Caller, caller_of
from adapters.http.services import HttpConfig

# Explicit markers for the dependencies below (and the app's `http_config`): Litestar 3
# injects only parameters marked as dependencies, by their name.
CallerDep: TypeAlias = NamedDependency[Caller]
HttpConfigDep: TypeAlias = NamedDependency[HttpConfig]


async def provide_caller(request: Request[Any, Any, Any]) -> Caller:
    return caller_of(request)


DEPENDENCIES = {"caller": Provide(provide_caller)}
