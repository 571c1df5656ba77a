"""Live trading's API: an account's opt-in to live trading and its approval."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("live_trading", service=w.live_trading.service)
