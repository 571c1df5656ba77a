"""One app for the tests of a module that marks itself `pytest.mark.shares_app`.

Building the container and the app is most of an HTTP test's cost (the app registers hundreds of
handlers), and most tests need no app of their own: a person's own data on a shared instance is
as much theirs as on an empty one, which is how real users share a deployment. A module marked

    pytestmark = [pytest.mark.serves("analytics"), pytest.mark.shares_app()]

builds one app (serving its `serves` contexts) when a first test asks for `harness` (or `owner`,
`market`, `roomy`, which build on it), and each test gets a view of it: a `Harness` with a `tag`
of its own, which the usernames and the paper accounts and agents it makes carry (`harness.id`
gives the id a name stands for). So no test meets another's user, account, agent, rule, order
or portfolio, and a name it takes is never taken already; a test uses the ids the harness
returns, never the literal it asked for. The marker's keyword arguments are settings of the
shared app (`shares_app(bars_store="memory")`); a fixture or test that builds an app with
settings of its own (`harness_with`, `four_eyes`, `with_yahoo`) still builds it. A world that
every test of the module reads and none changes is put in once (`SharedApp.seeded`).

A test that changes or reads the instance as a whole is marked `pytest.mark.own_app(reason)` and
gets a fresh app: a global rule or halt, a list of every user's accounts, orders or agents read
by a supervisor, the audit log read unfiltered, an admin's switches (the paper broker's faults, a
feed's failover), the market's prices, bars, signals or instruments changed, the clock moved
further than the seconds that set events apart. A module whose tests mostly do (or that sets the
clock to fixed days, stores bars of one symbol differently per test, or stores the predictions of a
model, which belong to no owner) is not marked. Tests of
the login, refresh and kill-switch throttles and of failed logins do not share either: the shared
app relaxes those per-client limits (one client address signs in every test's users within the
minute), and failed logins count against that one address.

OWN_TEST_APPS=1 gives every test its own app again, to tell a leak between tests from a
fault, or to time what sharing saves (not a BULWARK_ variable: the CLI refuses an unknown one).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import ExitStack, asynccontextmanager
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal

from tests.http.core_helpers import harness_with
from tests.http.harness import Harness, open_harness, test_settings
from tests.http.served_contexts import served_overrides

MARKER = "shares_app"
OWN_APP = "own_app"
OWN_APPS_ENV = "OWN_TEST_APPS"
# Per-client limits the tests of a module would otherwise pass together: every test signs its
# users in from the test client's one address (tests of the throttles keep an app of their own).
RELAXED = {
    "login_rate_per_minute": "100000",
    "refresh_rate_per_minute": "100000",
    "kill_switch_rate_per_minute": "100000",
}


class SharedApp:
    """A module's one harness, its app started on a loop of its own thread for the module's
    life (the tests, each on its loop, call it through the test client as they call any app)."""

    def __init__(self, **settings: str) -> None:
        self.settings = settings
        self._stack = ExitStack()
        self._portal: BlockingPortal = self._stack.enter_context(start_blocking_portal())
        try:
            self._harness, client = self._portal.call(open_harness, test_settings(**settings))
            self._stack.enter_context(self._portal.wrap_async_context_manager(client))
        except BaseException:
            self._stack.close()
            raise
        self._tests = 0
        self._seeded: set[Callable[[Harness], Awaitable[None]]] = set()

    def view(self) -> Harness:
        """The app for the next test: its own tag, and a client without the cookies an earlier
        test's responses set."""
        self._tests += 1
        self._harness.client.cookies.clear()
        return dataclasses.replace(self._harness, _users=0, tag=f"-t{self._tests}")

    async def seeded(self, seed: Callable[[Harness], Awaitable[None]]) -> Harness:
        """The next test's view, after `seed` has put the module's one world in the app (the
        first time it is asked for: a world the tests read and never change, such as stored
        bars and the instruments they are of)."""
        if seed not in self._seeded:
            await seed(self._harness)
            self._seeded.add(seed)
        return self.view()

    def close(self) -> None:
        self._stack.close()


def shares_app(request: pytest.FixtureRequest) -> dict[str, str] | None:
    """The shared app's settings for the requesting module (None: it builds an app per test,
    as every module does under OWN_TEST_APPS=1: to tell a leak between tests from a
    fault, or to time what sharing saves)."""
    marker = request.node.get_closest_marker(MARKER)
    if marker is None or os.environ.get(OWN_APPS_ENV) == "1":
        return None
    own: dict[str, Any] = dict(marker.kwargs)
    return {**served_overrides(request), **RELAXED, **own}


@asynccontextmanager
async def seeded_world(
    shared: SharedApp | None, seed: Callable[[Harness], Awaitable[None]], **settings: str
) -> AsyncIterator[Harness]:
    """`seed`'s world for a test: a view of the module's shared app, `seed` put in once, or
    (`shared` None) an app of the test's own with `settings`, seeded for it."""
    if shared is not None:
        yield await shared.seeded(seed)
        return
    async with harness_with(clock=None, **settings) as harness:
        await seed(harness)
        yield harness


def module_settings(request: pytest.FixtureRequest) -> dict[str, str]:
    """The settings the module's `shares_app` marker names ({} without one): those of every
    app `harness` builds for it, shared or the test's own."""
    marker = request.node.get_closest_marker(MARKER)
    return dict(marker.kwargs) if marker is not None else {}


def shared_for(request: pytest.FixtureRequest, shared: SharedApp | None) -> SharedApp | None:
    """The module's shared app for the requesting test, None for a test marked `own_app`."""
    return None if request.node.get_closest_marker(OWN_APP) else shared


@pytest.fixture(scope="module")
def shared_app(request: pytest.FixtureRequest) -> Iterator[SharedApp | None]:
    """The module's shared app when it is marked `shares_app`, else None."""
    settings = shares_app(request)
    if settings is None:
        yield None
        return
    app = SharedApp(**settings)
    try:
        yield app
    finally:
        app.close()
