"""Strategies' API: strategies, their processor, backtests and signals."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "strategies",
        strategies=w.strategies.strategies,
        strategy_processor=w.strategies.strategy_processor,
        backtests=w.strategies.backtests,
        signals=w.strategies.signals,
        combiner_reports=w.strategies.combiner_reports,
    )
