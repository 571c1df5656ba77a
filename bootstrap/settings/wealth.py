"""Wealth: the investor profile's terms and suitability check, the alternatives allocator's
limits (docs/wealth.md, docs/alternatives.md)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Section

_Weight = Annotated[float, msgspec.Meta(gt=0, le=1)]


class WealthSettings(Section, frozen=True, kw_only=True):
    """The investor profile and the suitability of strategies."""

    env_prefix: ClassVar[str] = "wealth_"

    # The version of the terms a profile accepts (PUT /wealth/profile `accept_terms`); a new
    # version makes earlier acceptances stale (the profile says which version was accepted).
    terms_version: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9._-]{1,32}$")] = "2026-01"
    # Check a strategy's risk against its owner's tolerance when it goes live (off: no check).
    suitability_check: bool = True


class AlternativesSettings(Section, frozen=True, kw_only=True):
    """The alternatives allocator's limits; a request may ask for tighter ones, never looser."""

    env_prefix: ClassVar[str] = "alternatives_"

    # Crypto: no coin above this share of the sleeve (the seed's 40 % rule is the ceiling), and
    # only coins with at least this market capitalisation (request currency units).
    crypto_max_weight: Annotated[float, msgspec.Meta(gt=0, le=0.40)] = 0.40
    crypto_market_cap_floor: Annotated[int, msgspec.Meta(ge=0, le=10**15)] = 1_000_000_000
    # Sleeves with return series (commodities): annualised volatility of the sleeve at most
    # this (weights scaled down, the rest left in cash); periods a year of the posted returns.
    volatility_cap: Annotated[float, msgspec.Meta(gt=0, le=2)] = 0.25
    periods_per_year: Annotated[int, msgspec.Meta(ge=1, le=366)] = 12
    # REITs: no property sector above this share (0.5: at least two sectors).
    reit_max_sector_weight: _Weight = 0.5
    # Private equity: at most this share of the investor's net worth (excluding the residence).
    private_equity_max_net_worth_fraction: _Weight = 0.10
    # Commodities: no single commodity above this share of the sleeve.
    commodity_max_weight: _Weight = 0.35
    # Rebalancing: the calendar (each period's last day) and the drift band (absolute weight)
    # beyond which a sleeve is rebalanced between dates.
    rebalance_schedule: Literal["monthly", "quarterly", "semiannual", "annual"] = "quarterly"
    rebalance_drift_band: Annotated[float, msgspec.Meta(gt=0, le=0.5)] = 0.05
