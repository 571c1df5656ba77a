"""The aggregation tests' world (the API's and the console page's): the app over the real
container with its Plaid settings pointing at a local Plaid (tests/plaid_server.py) served on
a thread of its own, since the HTTP harness's client blocks the test's loop."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from tests.http import harness as harnesses
from tests.http.harness import Harness, open_harness
from tests.kit.fake_server import threaded
from tests.plaid_server import PlaidServer


@dataclass
class World:
    harness: Harness
    plaid: PlaidServer


@asynccontextmanager
async def aggregation_world() -> AsyncIterator[World]:
    with threaded(PlaidServer()) as plaid:
        settings = harnesses.test_settings(
            plaid_base_url=plaid.url, plaid_client_id=plaid.client_id, plaid_secret=plaid.secret
        )
        harness, client = await open_harness(settings)
        async with client:
            yield World(harness, plaid)
