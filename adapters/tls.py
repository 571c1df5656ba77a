"""The TLS verification of the outbound HTTPS clients (market-data vendors, Alpaca, FRED, Plaid,
S3, JSON-RPC chains, the MCP bridge), built once per process, and the JSON API client built on
it."""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.cache
def client_tls() -> ssl.SSLContext:
    """httpx's default verification (certifi's roots; SSL_CERT_FILE and SSL_CERT_DIR as httpx
    reads them), shared: loading the roots costs ~20 ms, which every client built paid again."""
    return httpx.create_ssl_context()


def json_api_client(
    transport: httpx.AsyncBaseTransport, timeout_s: float, user_agent: str
) -> httpx.AsyncClient:
    """A client of a JSON API through `transport`: `timeout_s` a request (at most 5 s of it to
    connect), the shared verification, and no redirect followed."""
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(timeout_s, connect=min(5.0, timeout_s)),
        headers={"Accept": "application/json", "User-Agent": user_agent},
        verify=client_tls(),
        follow_redirects=False,
    )
