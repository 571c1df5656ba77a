"""Market data's API: providers, quotes (and their WebSocket), bars, options chains."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.api import Bundle, Wiring, bundle_of
from bootstrap.containers import http_contexts_parts as parts


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "market_data",
        providers=w.market_data.provider_service,
        market=w.market_data.market_service,
        bar_history=w.market_data.bar_history,
        options_chain=w.market_data.options_chain,
        quote_quality=w.market_data.quote_quality,
        fundamentals=w.market_data.fundamentals,
        statements=w.market_data.statements,
        live_quotes=providers.Singleton(
            parts.live_quotes,
            w.core.market,
            w.core.settings.provided.market_data.ws_quotes_max_symbols,
            w.core.settings.provided.market_data.ws_quotes_flush_ms,
        ),
    )
