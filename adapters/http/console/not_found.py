"""`/console/<anything no page claims>`: an HTML 404 inside the console's layout.

Without it an unknown console path would answer the API's problem+json 404: the console
router's HTML error handlers run only for routes it matched. Litestar's route trie does not
backtrack (once /console/orders/x/y has gone down /orders/{order_id} it cannot come back up
to a catch-all at /console), so a `path` parameter is added at every branch of the console's
own routes where no parameter already waits: literal segments and existing parameters still
win there, so every real page (and /console/static, its own router) is matched as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from litestar import Request, route
from litestar.enums import HttpMethod
from litestar.exceptions import NotFoundException
from litestar.handlers import HTTPRouteHandler

REST = "{unmatched_rest:path}"
METHODS = [HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE]


def catch_all_paths(paths: Iterable[str]) -> list[str]:
    """Where the 404 handler must sit so that no console path misses the console router.

    Every node of the routes' trie (relative to /console) that is not a route itself (a
    path through it that stops there), and below every node without a parameter child a
    `path` parameter (a node that already branches into a parameter, /orders ->
    /orders/{order_id}, cannot take a second one: a miss below it lands one level down).
    """
    children: dict[str, set[str]] = {"": set()}
    routes = set()
    for path in paths:
        parts = [p for p in path.split("/") if p]
        routes.add("/".join(parts))
        for depth in range(len(parts) + 1):
            below = children.setdefault("/".join(parts[:depth]), set())
            if depth < len(parts):
                below.add(parts[depth])
    found = []
    for prefix, below in sorted(children.items()):
        if prefix not in routes:
            found.append(f"/{prefix}")
        if not any(part.startswith("{") for part in below):
            found.append(f"/{prefix}/{REST}" if prefix else f"/{REST}")
    return found


async def _not_found(request: Request[Any, Any, Any]) -> None:
    raise NotFoundException(f"there is no console page at {request.url.path}")


def not_found_route(console_paths: Iterable[str]) -> HTTPRouteHandler:
    """The 404 handler at every catch-all path of the console's routes (see catch_all_paths)."""
    relative = [p.removeprefix("/console") for p in console_paths]
    return route(catch_all_paths(relative), http_method=METHODS, include_in_schema=False)(
        _not_found
    )
