"""Portfolio's API: portfolios, valuations, tax, planning, alternatives, giving."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "portfolio",
        clock=w.core.clock,
        portfolios=w.portfolio.portfolios,
        valuations=w.portfolio.valuations,
        risk=w.portfolio.risk,
        tax=w.portfolio.tax,
        planning=w.portfolio.planning,
        alternatives=w.portfolio.alternatives,
        illiquid_assets=w.portfolio.illiquid_assets,
        giving=w.portfolio.giving,
        giving_suggestions=w.portfolio.giving_suggestions,
        corporate_actions=w.portfolio.corporate_actions,
    )
