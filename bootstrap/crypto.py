"""Wiring the chain source (docs/crypto-defi.md): a fixture file or JSON-RPC endpoints."""

from __future__ import annotations

import httpx
import structlog

from adapters.chain.fixture import FixtureChain
from adapters.chain.jsonrpc import JsonRpcChain, chain_client
from bootstrap.settings import Settings, chain_rpc_endpoints
from bootstrap.shipped import file_source, shipped_data
from ports.analytics.chain import ChainPort

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
    path = file_source(
        _log,
        "chain_source",
        "fixture",
        "file",
        settings.markets.chain_fixture_file,
        SHIPPED_WALLETS,
    )
    return FixtureChain(path)
