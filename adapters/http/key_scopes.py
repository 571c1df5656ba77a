"""What an agent's key or token may do over HTTP: each request checked against its scopes at
authentication, as the viewer's read-only check is (adapters/http/read_only.py).

A request needs `read` when it changes nothing (GET, HEAD, OPTIONS, or a calculation a viewer
may call), `trade` when it changes state, unless its handler names its own scope with
`opt=needs(...)`: `halt` for an agent's halt, `approve` for a person's decision on a held
order, `read` for the MCP endpoint (its tools call this app again, each call checked here).
A person's session carries no scopes and is not checked here (its role's guards are).
"""

from __future__ import annotations

from typing import Any

from litestar.enums import ScopeType
from litestar.types import Scope

from adapters.http.read_only import SAFE_METHODS, VIEWER_MAY
from domain.identity.permissions import InsufficientScope, Permission
from domain.principals import Principal

KEY_SCOPE = "key_scope"


def needs(permission: Permission) -> dict[str, Any]:
    """A handler's `opt=` naming the scope its calls need."""
    return {KEY_SCOPE: permission.value}


def needed(scope: Scope) -> str:
    """The scope a request needs (module docstring)."""
    handler = scope.get("route_handler")
    opt = handler.opt if handler is not None else {}
    declared = opt.get(KEY_SCOPE)
    if declared is not None:
        return str(declared)
    if scope.get("method") in SAFE_METHODS or opt.get(VIEWER_MAY):
        return Permission.READ.value
    return Permission.TRADE.value


def refuse_out_of_scope(scope: Scope, principal: Principal) -> None:
    """403 INSUFFICIENT_SCOPE for a key or token without the scope the request needs; one
    comparison for a person."""
    if principal.permissions is None or scope["type"] != ScopeType.HTTP:
        return
    permission = needed(scope)
    if not principal.may(permission):
        raise InsufficientScope(permission)
