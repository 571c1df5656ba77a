"""Wiring the wealth settings: the alternatives allocator's limits from BULWARK_ALTERNATIVES_*."""

from __future__ import annotations

from decimal import Decimal

from bootstrap.settings import Settings
from domain.analytics.alternatives.limits import AlternativesLimits, RebalanceSchedule


def alternatives_limits(settings: Settings) -> AlternativesLimits:
    a = settings.alternatives
    return AlternativesLimits(
        crypto_max_weight=a.crypto_max_weight,
        crypto_market_cap_floor=Decimal(a.crypto_market_cap_floor),
        volatility_cap=a.volatility_cap,
        periods_per_year=a.periods_per_year,
        reit_max_sector_weight=a.reit_max_sector_weight,
        private_equity_max_net_worth_fraction=Decimal(str(a.private_equity_max_net_worth_fraction)),
        commodity_max_weight=a.commodity_max_weight,
        rebalance_schedule=RebalanceSchedule(a.rebalance_schedule),
        rebalance_drift_band=a.rebalance_drift_band,
    )
