"""The federal estate-tax estimate on its own (the succession plan uses the same rule).

Convention: the schedule of the year of death (the exclusion of that year, 40 % above it:
domain/succession/estate_tax.py); `year` defaults to the current UTC year. Federal only: no
state estate or inheritance tax, no prior taxable gifts, deductions or portability.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.succession.estate_tax import (
    EXEMPTION_SOURCES,
    EstateTaxEstimate,
    estimate_estate_tax,
    us_federal_schedule,
)
from ports.core.clock import Clock


@dataclass(frozen=True, slots=True)
class EstateTaxAnswer:
    year: int
    source: str
    estimate: EstateTaxEstimate


@dataclass(eq=False)
class EstateTaxService:
    clock: Clock

    def estimate(self, gross_estate: Decimal, year: int | None = None) -> EstateTaxAnswer:
        year = year if year is not None else self.clock.now().year
        schedule = us_federal_schedule(year)
        return EstateTaxAnswer(year, EXEMPTION_SOURCES[year],
                               estimate_estate_tax(gross_estate, schedule))  # fmt: skip
