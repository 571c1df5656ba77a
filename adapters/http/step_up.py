"""The step-up check of sensitive actions, for any context's routes (docs/devices.md).

A user with MFA acting from a session whose device they have not confirmed with a one-time
code gets 403 STEP_UP_REQUIRED; the devices context decides (its bundle's `step_up`). An app
that does not serve the devices context asks nothing.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers import BaseRouteHandler

from adapters.http.contexts import bundle_of
from adapters.http.security import caller_of

DEVICES = "devices"


async def require_step_up(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler | None = None
) -> None:
    """A guard: pass, or 403 STEP_UP_REQUIRED."""
    devices = bundle_of(connection, DEVICES)
    if devices is not None:
        await devices.step_up.require_trusted(caller_of(connection).session)


async def step_up_if(connection: ASGIConnection[Any, Any, Any, Any], needed: bool) -> None:
    """The same check inside a handler, when only the request's body makes it sensitive."""
    if needed:
        await require_step_up(connection)
