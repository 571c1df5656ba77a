"""Apps that mount only the contexts a test module exercises, and a guard that keeps them honest.

Registering the whole API with Litestar is most of an app's build (~1,000 handlers; ~1 s on one
core), and the HTTP suite builds one app per test. A module that marks itself

    pytestmark = pytest.mark.serves("trading", "safety")

gets apps serving those contexts (and `health`, `core` and `identity`, which every test's login
and probes use): BULWARK_SERVED_CONTEXTS, the same setting an operator uses. The console's
pages are a context too (`console`, two thirds of the handlers of an app serving the trading
contexts): a module about the API leaves it out (with or without a marker), one about the
pages names it (a module of tests/http/console without a marker serves everything).

A route of a context left out would answer 404 like any unknown path, and a test asserting a
404 (another's id, say) would then pass without reaching its handler. So every request of such
an app is checked first: a path the whole API routes but this app does not fails the test at
once, naming the path and the marker to extend.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from litestar import Litestar

from bootstrap.contexts import SERVABLE_CONTEXTS

# Served by every test app: logins (identity), /health and /ready, /api/status.
BASELINE = ("health", "core", "identity")
# Every context but the console's pages: what a module about the API without a marker gets.
API_CONTEXTS = tuple(name for name in SERVABLE_CONTEXTS if name != "console")
CONSOLE_TESTS = Path(__file__).parent / "console"


# The settings of the running test's `serves` marker (set around each test of tests/http by its
# conftest): every app such a test builds (`test_settings`) serves its module's contexts unless
# the test names its own, the apps of fixtures and of the tests' own `harness_with` alike.
_running: dict[str, str] = {}


def running_served() -> dict[str, str]:
    """The served contexts of the test running now (its module's marker), {} outside tests/http."""
    return dict(_running)


@contextlib.contextmanager
def serving_for(request: pytest.FixtureRequest) -> Iterator[None]:
    """While the requesting test runs, the apps it builds serve its module's contexts."""
    _running.update(served_overrides(request))
    try:
        yield
    finally:
        _running.clear()


def served_overrides(request: pytest.FixtureRequest) -> dict[str, str]:
    """The harness settings of the requesting module's `serves` marker. Without one: every
    context, less the console's pages outside tests/http/console ({} there: everything)."""
    marker = request.node.get_closest_marker("serves")
    if marker is None and CONSOLE_TESTS in request.node.path.parents:
        return {}
    names = API_CONTEXTS if marker is None else tuple(marker.args)
    unknown = sorted(set(names) - set(SERVABLE_CONTEXTS))
    if unknown:
        raise pytest.UsageError(f"serves({', '.join(unknown)}): no such context")
    return {"served_contexts": ",".join(dict.fromkeys((*BASELINE, *names)))}


def _pattern(path: str) -> re.Pattern[str]:
    """A Litestar route path ("/api/v1/orders/{order_id:str}") as a regular expression."""
    parts = re.split(r"(\{[^}]+\})", path)
    regex = "".join(
        (".*" if part.endswith(":path}") else "[^/]+") if part.startswith("{") else re.escape(part)
        for part in parts
    )
    return re.compile(f"^{regex}/?$")


def route_patterns(app: Litestar) -> tuple[re.Pattern[str], ...]:
    return tuple(_pattern(route.path) for route in app.routes)


@functools.cache
def whole_api_patterns() -> tuple[re.Pattern[str], ...]:
    """Every route of an app serving every context (built once per test process)."""
    from adapters.memory.clock import FakeClock
    from bootstrap.app import create_app
    from tests.http.harness import test_container, test_settings

    settings = test_settings(served_contexts=",".join(SERVABLE_CONTEXTS))
    return route_patterns(create_app(settings, test_container(settings, FakeClock())))


def unserved_route_guard(app: Litestar) -> Callable[[httpx.Request], Awaitable[None]]:
    """An httpx request hook failing a request whose route this app's contexts leave out."""
    served = route_patterns(app)

    async def guard(request: httpx.Request) -> None:
        path = request.url.path
        if any(p.match(path) for p in served):
            return
        if any(p.match(path) for p in whole_api_patterns()):
            raise AssertionError(
                f"{request.method} {path} belongs to a context this test module's apps do not "
                "serve: add it to the module's pytest.mark.serves(...)"
            )

    return guard
