"""Wiring the chain source (docs/crypto-defi.md): a fixture file or JSON-RPC endpoints."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import structlog

from adapters.chain.fixture import FixtureChain
from adapters.chain.jsonrpc import JsonRpcChain, chain_client
from bootstrap.settings import Settings, chain_rpc_endpoints
from bootstrap.shipped import shipped_data
from ports.chain import ChainPort

# The shipped SAMPLE (synthetic, data/crypto/README.md) when BULWARK_CHAIN_FIXTURE_FILE is empty.
SHIPPED_WALLETS = shipped_data() / "crypto" / "wallets.json"

_log = structlog.get_logger("bulwark.chain")


def chain_http_client(settings: Settings) -> httpx.AsyncClient | None:
    """The JSON-RPC client (the URLs ride in its transport), or None for the fixture."""
    if settings.markets.chain_source != "rpc":
        return None
    return chain_client(
        chain_rpc_endpoints(settings), timeout_s=settings.markets.chain_rpc_timeout_seconds
    )


def chain_port(settings: Settings, client: httpx.AsyncClient | None) -> ChainPort:
    """JSON-RPC with a client (settings refuse rpc without endpoints), else the fixture."""
    if settings.markets.chain_source == "rpc" and client is not None:
        chain_ids = sorted(chain_rpc_endpoints(settings))
        _log.info("chain_source", source="jsonrpc", chain_ids=chain_ids)
        return JsonRpcChain(client, chain_ids, timeout_s=settings.markets.chain_rpc_timeout_seconds)
    path = (
        Path(settings.markets.chain_fixture_file)
        if settings.markets.chain_fixture_file
        else SHIPPED_WALLETS
    )
    _log.info(
        "chain_source",
        source="fixture",
        file=str(path),
        sample=not settings.markets.chain_fixture_file,
    )
    return FixtureChain(path)


async def chain_client_lifetime(
    client: Callable[[], httpx.AsyncClient | None],
) -> AsyncIterator[None]:
    """Closes the JSON-RPC connections when the app stops."""
    try:
        yield
    finally:
        made = client()
        if made is not None:
            await made.aclose()
