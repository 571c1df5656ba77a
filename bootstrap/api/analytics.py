"""Analytics' API: performance, VaR, scenarios, options, regimes, attribution, fixed income,
optimisation, crypto and ESG."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    a = w.analytics
    return bundle_of(
        "analytics",
        performance=a.performance,
        value_at_risk=a.value_at_risk,
        scenario_simulation=a.scenario_simulation,
        american_options=a.american_options,
        market_regime=a.market_regime,
        attribution=a.attribution,
        fixed_income=a.fixed_income,
        stored_bonds=a.stored_bonds,
        optimization=a.optimization,
        crypto=a.crypto,
        crypto_wallets=a.crypto_wallets,
        crypto_wallet_book=a.crypto_wallet_book,
        crypto_gas=a.crypto_gas,
        esg=a.esg,
        compute=w.core.compute,
        compute_budget=w.core.compute_budget,
    )
