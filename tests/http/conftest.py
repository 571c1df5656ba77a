"""Fixtures: a fresh container, app and client per test, or a view of the module's one app for a
module marked `shares_app` (tests/http/shared_app.py); Yahoo's documented answers on a local fake
server behind the synthetic feed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.http.core_helpers import harness_with
from tests.http.harness import Harness, User
from tests.http.served_contexts import serving_for
from tests.http.shared_app import (
    SharedApp,
    module_settings,
    shared_app,
    shared_for,
)
from tests.integration.vendors.replay_server import ReplayServer
from tests.integration.vendors.vendor_routes import install_yahoo
from tests.kit.fake_server import threaded

__all__ = ["shared_app"]  # the module-scoped fixture, served from here to tests/http


@pytest.fixture(autouse=True)
def served_contexts(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every app the test builds serves its module's contexts (its `serves` marker)."""
    with serving_for(request):
        yield None


@pytest.fixture
async def harness(
    request: pytest.FixtureRequest, shared_app: SharedApp | None
) -> AsyncIterator[Harness]:
    """A fresh container, app and client; the app serves the contexts of the module's
    `serves` marker, or all of them (tests/http/served_contexts.py). In a module marked
    `shares_app`: this test's view of the module's one app (unless the test is `own_app`)."""
    shared = shared_for(request, shared_app)
    if shared is not None:
        yield shared.view()
        return
    async with harness_with(clock=None, **module_settings(request)) as h:
        yield h


@pytest.fixture
async def owner(harness: Harness) -> User:
    return await harness.user()


@pytest.fixture
async def market(harness: Harness) -> Harness:
    """Instruments with prices: AAPL 190, MSFT 410, XOM 110."""
    await harness.instrument("AAPL", "190")
    await harness.instrument("MSFT", "410")
    await harness.instrument("XOM", "110", sector="Energy")
    return harness


@pytest.fixture
async def four_eyes() -> AsyncIterator[Harness]:
    """A deployment whose held orders need two approvals (BULWARK_HELD_ORDERS_APPROVALS=2),
    AAPL at 190."""
    async with harness_with(held_orders_approvals="2") as h:
        await h.instrument("AAPL", "190")
        yield h


ROOMY_BUDGET_S = "300"


@pytest.fixture
async def roomy(
    request: pytest.FixtureRequest, shared_app: SharedApp | None
) -> AsyncIterator[Harness]:
    """A compute budget that a cold numba cache on a busy box cannot run past (the test
    defaults' own: a view of the module's shared app when it shares one with that budget)."""
    shared = shared_for(request, shared_app)
    if shared is not None and shared.settings.get("compute_budget_s", ROOMY_BUDGET_S) == (
        ROOMY_BUDGET_S
    ):
        yield shared.view()
        return
    settings = {**module_settings(request), "compute_budget_s": ROOMY_BUDGET_S}
    async with harness_with(clock=None, **settings) as harness:
        yield harness


@pytest.fixture
def yahoo() -> Iterator[ReplayServer]:
    """On a thread of its own: the test client blocks the test's loop during a request."""
    server = ReplayServer()
    install_yahoo(server)
    with threaded(server) as served:
        yield served


@pytest.fixture
async def with_yahoo(yahoo: ReplayServer) -> AsyncIterator[Harness]:
    """The synthetic feed first (no fundamentals), Yahoo on the fake server behind it; the app
    serves the contexts of the module's `serves` marker."""
    async with harness_with(
        market_data_fallbacks="yahoo",
        yahoo_base_url=yahoo.url,
        yahoo_cookie_url=f"{yahoo.url}/cookie",
    ) as h:
        yield h
