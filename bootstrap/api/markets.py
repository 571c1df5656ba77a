"""Markets' API: rates, futures, macro, insiders, scenarios, 13F, sentiment."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "markets",
        rates=w.markets.rates,
        futures=w.markets.futures,
        macro=w.markets.macro,
        insiders=w.markets.insiders,
        scenarios=w.markets.scenarios,
        form13f=w.markets.form13f,
        filing_calendar=w.markets.filing_calendar,
        fear_greed=w.markets.fear_greed,
        hype=w.markets.hype,
    )
