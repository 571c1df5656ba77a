"""Fixtures: the local fake server with a trading venue (Alpaca's unless a module names
another), and an Alpaca broker on it."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from typing import Protocol

import pytest

from adapters.alpaca.http import AlpacaCredentials, AlpacaHttp
from adapters.brokers.alpaca import AlpacaBroker, AlpacaBrokerConfig
from adapters.memory.clock import SystemClock
from bootstrap.settings import SettingsError, load_settings
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.contract import ACCOUNT
from tests.kit.alpaca_fake import KEY_ID, SECRET, FakeAlpacaTrading

CREDENTIALS = AlpacaCredentials(KEY_ID, SECRET)


@pytest.fixture
def venue() -> FakeAlpacaTrading:
    return FakeAlpacaTrading()


class Venue(Protocol):
    """A fake venue: its routes go onto the local server."""

    def install(self, server: AlpacaServer) -> None: ...


@pytest.fixture
async def server(venue: Venue) -> AsyncIterator[AlpacaServer]:
    """The local server with the module's `venue` on it (Alpaca's unless a module says)."""
    async with AlpacaServer() as fake:
        venue.install(fake)
        yield fake


def alpaca_broker(
    server: AlpacaServer, *, stream: bool = True, config: AlpacaBrokerConfig | None = None
) -> AlpacaBroker:
    """An AlpacaBroker serving ACCOUNT against the local server, on the system clock."""
    clock = SystemClock()
    http = AlpacaHttp(
        server.url,
        CREDENTIALS,
        provider_name="alpaca",
        clock=clock,
        timeout_s=2.0,
        rng=random.Random(3),
    )
    return AlpacaBroker(
        http,
        CREDENTIALS,
        clock,
        stream_url=f"{server.ws_url}/stream",
        accounts=frozenset({ACCOUNT}),
        config=config or AlpacaBrokerConfig(stream=stream),
    )


@pytest.fixture
async def broker(server: AlpacaServer) -> AsyncIterator[AlpacaBroker]:
    alpaca = alpaca_broker(server)
    yield alpaca
    await alpaca.aclose()


def settings_refusal(environ: dict[str, str], change: dict[str, str | None]) -> str:
    """What loading `environ` changed by `change` (None unsets a variable) is refused with."""
    changed = {k: v for k, v in {**environ, **change}.items() if v is not None}
    with pytest.raises(SettingsError) as refused:
        load_settings(changed, env_file=None)
    return str(refused.value)
