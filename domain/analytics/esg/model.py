"""ESG data of an issuer, a portfolio holding, and the refusal of bad input.

Units: scores 0-100, higher is better (the data provider's scale, normalised); revenue
shares are fractions of the issuer's revenue (0.05 = 5%); emissions in tonnes of CO2
equivalent (tCO2e) a year, GHG Protocol scope 1 (direct) and scope 2 (purchased energy);
revenue and EVIC (enterprise value including cash: market capitalisation + total debt +
minority interest + preferred stock, cash included, PCAF's definition) in USD millions.
Holding values are money in the portfolio's currency (USD for the carbon figures, which
divide by USD data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.errors import DomainError


class InvalidEsgInput(DomainError):
    """An ESG request or data row that cannot be used: no holdings, a negative value, a
    threshold outside [0, 1], a currency the carbon data cannot divide by; names the field."""

    code = "INVALID_ESG_INPUT"


class ExclusionCategory(StrEnum):
    """Business involvements a values-based screen can exclude."""

    TOBACCO = "tobacco"
    ALCOHOL = "alcohol"
    GAMBLING = "gambling"
    WEAPONS = "weapons"
    ADULT_ENTERTAINMENT = "adult_entertainment"
    THERMAL_COAL = "thermal_coal"


@dataclass(frozen=True, slots=True)
class EsgRecord:
    """One issuer's data (module doc for units); None where the provider has no figure."""

    symbol: str
    name: str
    sector: str
    as_of: date
    score: Decimal | None = None
    environmental: Decimal | None = None
    social: Decimal | None = None
    governance: Decimal | None = None
    revenue_shares: dict[ExclusionCategory, Decimal] = field(default_factory=dict)
    scope1_tco2e: Decimal | None = None
    scope2_tco2e: Decimal | None = None
    revenue_musd: Decimal | None = None
    evic_musd: Decimal | None = None
    pcaf_quality: int | None = None  # PCAF data quality score, 1 (best) to 5

    @property
    def emissions_tco2e(self) -> Decimal | None:
        """Scope 1 + 2, or None when either is missing."""
        if self.scope1_tco2e is None or self.scope2_tco2e is None:
            return None
        return self.scope1_tco2e + self.scope2_tco2e


@dataclass(frozen=True, slots=True)
class EsgHolding:
    """A position by value: `value` >= 0 in the portfolio's currency."""

    symbol: str
    value: Decimal
