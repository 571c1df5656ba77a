"""Every route checks an agent key's scopes: walked over the whole app (every context), a
read-only key is refused INSUFFICIENT_SCOPE on every route that changes state, and a key with
every scope an agent may have on the routes that decide held orders; neither is refused a
read."""

from __future__ import annotations

import re

from litestar.handlers import HTTPRouteHandler

from adapters.http.key_scopes import KEY_SCOPE
from adapters.http.read_only import SAFE_METHODS, VIEWER_MAY
from tests.http.harness import Harness

AUTHENTICATED = re.compile(r"^/api/|^/mcp")


def routes(harness: Harness) -> list[tuple[str, str, str]]:
    """(METHOD, path with every parameter 'x', the scope it needs) of each authenticated
    route of the app."""
    found: list[tuple[str, str, str]] = []
    for route in harness.app.routes:
        if not AUTHENTICATED.match(route.path):
            continue
        for handler in getattr(route, "route_handlers", ()):
            if not isinstance(handler, HTTPRouteHandler) or handler.opt.get("exclude_from_auth"):
                continue
            path = re.sub(r"\{[^}]+\}", "x", route.path)
            for method in sorted(handler.http_methods - {"HEAD", "OPTIONS"}):
                declared = handler.opt.get(KEY_SCOPE)
                if declared is None:
                    reading = method in SAFE_METHODS or handler.opt.get(VIEWER_MAY)
                    declared = "read" if reading else "trade"
                found.append((method, path, str(declared)))
    return found


async def refusal(harness: Harness, method: str, path: str, key: str) -> str | None:
    """The problem code of the request's answer (None when it is not a problem)."""
    answer = await harness.client.request(method, path, headers={"X-API-Key": key}, json={})
    if answer.headers.get("content-type", "").startswith("application/problem+json"):
        return str(answer.json().get("code"))
    return None


async def test_every_route_refuses_a_key_without_the_scope_it_needs(harness: Harness) -> None:
    # Arrange: one key that may only read, one with every scope an agent may have
    owner = await harness.user()
    account = await harness.account(owner, "acc-1")
    everything = await harness.agent_key(owner, "bot-1", (account,))
    created = await harness.container.core.api_keys().create(
        owner.principal, "bot-1", "reader", ["read"]
    )
    table = routes(harness)

    # Act
    wrong = []
    for method, path, needed in table:
        code = await refusal(harness, method, path, created.api_key)
        if (code == "INSUFFICIENT_SCOPE") != (needed != "read"):
            wrong.append(("read-only", method, path, needed, code))
        if needed == "approve":
            code = await refusal(harness, method, path, everything)
            if code != "INSUFFICIENT_SCOPE":
                wrong.append(("agent", method, path, needed, code))

    # Assert
    assert len(table) > 100  # the whole app was walked
    assert {n for _, _, n in table} == {"read", "trade", "halt", "approve"}
    assert wrong == []
