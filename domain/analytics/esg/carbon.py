"""A portfolio's carbon figures: WACI, financed emissions, carbon footprint, data quality.

Emissions are scope 1 + 2 (tCO2e a year); revenue and EVIC in USD millions; holding values in
USD (domain.analytics.esg.model).

- WACI, weighted average carbon intensity (TCFD, "Implementing the Recommendations of the
  TCFD", 2021, Table A2.1): sum_i w_i x E_i / Rev_i, in tCO2e per USD million of revenue,
  w_i = v_i / sum v over the holdings with emissions and revenue (the weights are
  renormalised over the covered holdings; the coverage says how much that is).
- Financed emissions (PCAF, "The Global GHG Accounting and Reporting Standard for the
  Financial Industry", Part A, 2nd ed. 2022, listed equity and corporate bonds): attribution
  factor AF_i = v_i / EVIC_i (both USD), financed emissions = sum_i AF_i x E_i, tCO2e,
  over the holdings with emissions and EVIC. An AF above 1 (a holding worth more than the
  issuer) signals bad data: the holding is flagged, not capped.
- Carbon footprint: financed emissions / covered value in USD millions, tCO2e per USD
  million invested.
- PCAF data quality: the value-weighted mean of the issuers' scores (1 best ... 5 worst) over
  the financed-emissions holdings that have one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.analytics.esg.model import EsgHolding, EsgRecord
from domain.analytics.esg.portfolio import Coverage, consolidate, coverage_of
from domain.numbers import ZERO

MILLION = Decimal(1_000_000)


@dataclass(frozen=True, slots=True)
class HoldingCarbon:
    symbol: str
    value: Decimal  # USD
    emissions_tco2e: Decimal | None  # the issuer's scope 1 + 2
    intensity: Decimal | None  # tCO2e / USD million revenue
    attribution_factor: Decimal | None  # value / EVIC
    financed_tco2e: Decimal | None  # AF x emissions
    pcaf_quality: int | None


@dataclass(frozen=True, slots=True)
class CarbonReport:
    total_value: Decimal
    waci: Decimal | None  # tCO2e / USD million revenue
    waci_coverage: Coverage
    financed_emissions: Decimal | None  # tCO2e
    carbon_footprint: Decimal | None  # tCO2e / USD million invested
    financed_coverage: Coverage
    pcaf_quality: Decimal | None  # value-weighted, 1 (best) to 5
    holdings: tuple[HoldingCarbon, ...]  # by value, largest first
    attribution_above_one: tuple[str, ...]  # symbols whose value exceeds the issuer's EVIC


def carbon(holdings: Sequence[EsgHolding], records: Mapping[str, EsgRecord]) -> CarbonReport:
    """WACI, financed emissions, footprint and PCAF quality of the holdings (module doc)."""
    merged, total = consolidate(holdings)
    rows = [_row(h, records.get(h.symbol)) for h in merged]
    intense = [r for r in rows if r.intensity is not None]
    intense_value = sum((r.value for r in intense), ZERO)
    waci = None
    if intense_value > ZERO:
        waci = sum((r.value / intense_value * (r.intensity or ZERO) for r in intense), ZERO)
    financed = [r for r in rows if r.financed_tco2e is not None]
    financed_value = sum((r.value for r in financed), ZERO)
    emissions = sum((r.financed_tco2e for r in financed if r.financed_tco2e is not None), ZERO)
    graded = [r for r in financed if r.pcaf_quality is not None and r.value > ZERO]
    graded_value = sum((r.value for r in graded), ZERO)
    quality = None
    if graded_value > ZERO:
        quality = sum((r.value * (r.pcaf_quality or 0) for r in graded), ZERO) / graded_value
    return CarbonReport(
        total_value=total,
        waci=waci,
        waci_coverage=coverage_of((r.value for r in intense), len(intense), total, len(rows)),
        financed_emissions=emissions if financed else None,
        carbon_footprint=emissions / (financed_value / MILLION) if financed_value else None,
        financed_coverage=coverage_of((r.value for r in financed), len(financed), total, len(rows)),
        pcaf_quality=quality,
        holdings=tuple(rows),
        attribution_above_one=tuple(
            r.symbol for r in rows if r.attribution_factor is not None and r.attribution_factor > 1
        ),
    )


def _row(holding: EsgHolding, record: EsgRecord | None) -> HoldingCarbon:
    emissions = None if record is None else record.emissions_tco2e
    intensity = factor = financed = None
    if record is not None and emissions is not None:
        if record.revenue_musd is not None and record.revenue_musd > ZERO:
            intensity = emissions / record.revenue_musd
        if record.evic_musd is not None and record.evic_musd > ZERO:
            factor = holding.value / (record.evic_musd * MILLION)
            financed = factor * emissions
    return HoldingCarbon(
        symbol=holding.symbol,
        value=holding.value,
        emissions_tco2e=emissions,
        intensity=intensity,
        attribution_factor=factor,
        financed_tco2e=financed,
        pcaf_quality=None if record is None else record.pcaf_quality,
    )
