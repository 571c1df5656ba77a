"""The TLS verification of the outbound HTTPS clients (market-data vendors, Alpaca, FRED, Plaid,
S3, JSON-RPC chains, the MCP bridge), built once per process."""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.cache
def client_tls() -> ssl.SSLContext:
    """httpx's default verification (certifi's roots; SSL_CERT_FILE and SSL_CERT_DIR as httpx
    reads them), shared: loading the roots costs ~20 ms, which every client built paid again."""
    return httpx.create_ssl_context()
