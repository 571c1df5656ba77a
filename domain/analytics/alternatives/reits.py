"""REIT sleeve: diversified across property sectors.

Sectors are Nareit's property sectors (the FTSE Nareit All REITs index classification):
office, industrial, retail, residential, diversified, lodging/resorts, self-storage, health
care, timberland, infrastructure, data centers, specialty, and mortgage REITs. The rule: every
sector present gets an equal share of the sleeve (so no sector dominates, however large its
REITs), and within a sector REITs are weighted by market capitalisation. An optional
`max_sector_weight` (below 1 / sectors it cannot be met: refused) is reported against.
Diversification is shown as the sector Herfindahl index (sum of squared sector weights) and its
inverse, the effective number of sectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.analytics.alternatives.errors import EmptyAlternatives, InvalidAlternativesInput

SECTORS = (
    "office",
    "industrial",
    "retail",
    "residential",
    "diversified",
    "lodging_resorts",
    "self_storage",
    "health_care",
    "timberland",
    "infrastructure",
    "data_centers",
    "specialty",
    "mortgage",
)


@dataclass(frozen=True, slots=True)
class Reit:
    symbol: str
    sector: str
    market_cap: Decimal


@dataclass(frozen=True, slots=True)
class ReitWeights:
    weights: dict[str, float]  # per REIT, posted order
    sector_weights: dict[str, float]  # per sector present, sorted by name
    herfindahl: float  # sum of squared sector weights
    effective_sectors: float  # 1 / herfindahl


def reit_weights(reits: Sequence[Reit], max_sector_weight: float | None = None) -> ReitWeights:
    """Equal sector weights, market-cap weights within each sector (module doc)."""
    if not reits:
        raise EmptyAlternatives("there is no REIT to allocate across", field="reits")
    for index, reit in enumerate(reits):
        if reit.sector not in SECTORS:
            raise InvalidAlternativesInput(
                f"{reit.sector[:32]!r} is not a Nareit property sector ({', '.join(SECTORS)})",
                field=f"reits[{index}].sector",
            )
    sectors = sorted({r.sector for r in reits})
    share = 1.0 / len(sectors)
    if max_sector_weight is not None and not (0.0 < max_sector_weight <= 1.0):
        raise InvalidAlternativesInput(
            "max_sector_weight is a fraction in (0, 1]", field="max_sector_weight"
        )
    if max_sector_weight is not None and share > max_sector_weight + 1e-12:
        raise InvalidAlternativesInput(
            f"{len(sectors)} sector(s) cannot each stay under {max_sector_weight:g}: equal "
            f"shares are {share:.4g}; add REITs of other sectors",
            field="max_sector_weight",
        )
    totals = {s: sum(float(r.market_cap) for r in reits if r.sector == s) for s in sectors}
    weights = {r.symbol: share * float(r.market_cap) / totals[r.sector] for r in reits}
    sector_weights = dict.fromkeys(sectors, share)
    herfindahl = sum(w * w for w in sector_weights.values())
    return ReitWeights(weights, sector_weights, herfindahl, 1.0 / herfindahl)
