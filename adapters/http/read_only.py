"""The viewer is read-only over HTTP: one app-wide check refuses its every change with 403.

Route guards say who may call an endpoint; this check (run by the authentication middleware
for every authenticated request) is the backstop that does not depend on each of them
remembering the viewer. A viewer's request with a method that changes state
(anything but GET, HEAD, OPTIONS) answers 403 FORBIDDEN, except on the few handlers marked
with `opt=VIEWER_MAY_CALL`: the viewer's own profile (password, MFA, logout, notification
preferences, workspace layout) and calculations that store nothing (position sizing, a
portfolio's risk, a trade's analysis, a deleverage plan). The application refuses a
viewer's changes as well (application/core/access.py `ensure_may_change`).
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.enums import ScopeType
from litestar.exceptions import PermissionDeniedException
from litestar.handlers import HTTPRouteHandler
from litestar.types import Scope

from adapters.http.problems import problem_responses
from application.core.access import OBSERVERS, READ_ONLY_MESSAGE
from domain.principals import Principal

VIEWER_MAY = "viewer_may_call"
# A handler's `opt=` for a non-GET operation a viewer may still call (see the module's doc).
VIEWER_MAY_CALL: dict[str, Any] = {VIEWER_MAY: True}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def refuse_viewer_change(scope: Scope, principal: Principal) -> None:
    """403 for a viewer's change unless the route's handler allows it; run at authentication.

    Not a Litestar guard: a route's guards cost a copy of its handler per request (and a
    thread hop when synchronous), and this check covers every route, the order hot path too.
    Here it is one comparison for anyone but a viewer.
    """
    if principal.role not in OBSERVERS or scope["type"] != ScopeType.HTTP:
        return
    if scope["method"] in SAFE_METHODS:
        return
    handler = scope.get("route_handler")
    if handler is None or not handler.opt.get(VIEWER_MAY):
        raise PermissionDeniedException(READ_ONLY_MESSAGE)


def refuses_viewers(handler: HTTPRouteHandler) -> bool:
    """Whether a viewer is refused on this handler (a method that changes state)."""
    return not handler.opt.get(VIEWER_MAY) and not set(handler.http_methods) <= SAFE_METHODS


def declare_viewer_refusal(app: Litestar) -> None:
    """Every operation that refuses a viewer documents its 403 (the document stays truthful)."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if isinstance(handler, HTTPRouteHandler) and refuses_viewers(handler):
                handler.responses = {**problem_responses(403), **(handler.responses or {})}
