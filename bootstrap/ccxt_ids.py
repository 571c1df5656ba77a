"""The exchange ids ccxt knows and which of them have a testnet: the checks the settings'
CCXT broker and venue connections share. ccxt is imported on the first check (it takes
seconds), never at import."""

from __future__ import annotations

import difflib
from typing import Any

_EXAMPLES = ["binance", "coinbase", "kraken", "kucoin", "okx"]


def _ccxt() -> Any:
    import ccxt.async_support as ccxt  # type: ignore[import-untyped]  # heavy: only here

    return ccxt


def unknown_exchange(exchange: str) -> str | None:
    """None when ccxt knows `exchange`; else a hint naming ids close to it (or well-known
    ones): "such as binance, binanceus; 110 in all"."""
    ccxt = _ccxt()
    if exchange in ccxt.exchanges:
        return None
    close = difflib.get_close_matches(exchange, ccxt.exchanges, n=3, cutoff=0.6)
    return f"such as {', '.join(close or _EXAMPLES)}; {len(ccxt.exchanges)} in all"


def has_testnet(exchange: str) -> bool:
    """Whether ccxt knows a sandbox (testnet) for the exchange, a known id."""
    return bool(getattr(_ccxt(), exchange)().urls.get("test"))
