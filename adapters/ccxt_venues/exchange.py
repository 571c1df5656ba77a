"""Opening one exchange of ccxt's async unified API, and reading its failures on one line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import ccxt.async_support as ccxt  # type: ignore[import-untyped]


def open_exchange(
    exchange_id: str,
    *,
    credentials: Mapping[str, str] | None = None,
    options: Mapping[str, Any] | None = None,
    api_urls: Mapping[str, str] | None = None,
    api_base: str | None = None,
    sandbox: bool = False,
    spot_only: bool = True,
    rate_limit_ms: float | None = None,
    timeout_ms: int = 10_000,
) -> Any:
    """`ccxt.async_support.<exchange_id>` with ccxt's rate limiter on, its numbers as strings.

    `credentials` are ccxt's (apiKey, secret, password; none for public data); `options` are
    the exchange class's own (Binance spot: {"fetchMarkets": {"types": ["spot"]},
    "fetchCurrencies": False, "fetchMargins": False}); `api_urls` replace entries of
    `exchange.urls["api"]` (a testnet, a local fake); `api_base` (a scheme and host) moves
    every API URL of the exchange there, keeping the paths; `rate_limit_ms` overrides the
    exchange's own spacing between requests. With `spot_only`, markets are loaded for spot
    only where the exchange lets its options say so.
    """
    settings: dict[str, Any] = {
        **(credentials or {}),
        "enableRateLimit": True,
        "timeout": timeout_ms,
        "options": dict(options or {}),
    }
    if rate_limit_ms is not None:
        settings["rateLimit"] = rate_limit_ms
    exchange = getattr(ccxt, exchange_id)(settings)
    # ccxt hands the venue's own numbers over as text, read as Decimal: never through float.
    exchange.number = str
    if spot_only:
        _spot_only(exchange.options)
    if sandbox:
        exchange.set_sandbox_mode(True)
    if api_base is not None:
        exchange.urls["api"] = _moved(exchange.urls["api"], api_base.rstrip("/"))
    for key, url in (api_urls or {}).items():
        exchange.urls["api"][key] = url
    return exchange


def _spot_only(options: dict[str, Any]) -> None:
    """Spot markets only, where the exchange's options pick market types (Binance, OKX, ...),
    and no margin pairs (Binance's fetchMargins)."""
    if "fetchMargins" in options:
        options["fetchMargins"] = False
    listed = options.get("fetchMarkets")
    if isinstance(listed, dict) and "types" in listed:
        options["fetchMarkets"] = {**listed, "types": ["spot"]}
    if "defaultType" in options:
        options["defaultType"] = "spot"


def _moved(urls: Any, base: str) -> Any:
    """`urls` (a URL or a nested table of them) with each scheme and host replaced by `base`."""
    if isinstance(urls, dict):
        return {key: _moved(url, base) for key, url in urls.items()}
    if not isinstance(urls, str):
        return urls
    parts = urlsplit(urls)
    return base + urlunsplit(("", "", parts.path, parts.query, parts.fragment))


def one_line(exc: Exception) -> str:
    """A ccxt exception's text (the venue's code and message) on one line, at most 300 long."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."
