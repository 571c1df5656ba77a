"""Estate tax estimate: a progressive schedule applied to the estate above an exemption.

Defaults (US federal, tax year 2026): a basic exclusion of 15,000,000 (set by Public Law
119-21 of July 2025, indexed for inflation from 2027) and 40% above it. The
statutory table climbs from 18% to 40% over the first 1,000,000 of the taxable estate,
but the unified credit absorbs exactly that lower part, so above the exclusion every
dollar is taxed at the top rate of 40%: one flat bracket is the faithful model.
Prior taxable gifts, deductions (marital, charitable), portability and state taxes are
out of scope: this is an estimate for planning, not a return.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from domain.numbers import CENT, ONE, ZERO
from domain.succession.errors import InvalidEstateTaxSchedule, InvalidSuccessionAmount

US_FEDERAL_EXEMPTION_2026 = Decimal(15_000_000)
US_FEDERAL_TOP_RATE = Decimal("0.40")


@dataclass(frozen=True, slots=True)
class EstateTaxSchedule:
    """Exemption plus progressive brackets `(threshold, rate)` over the taxable amount.

    A bracket's rate applies to the part of the taxable amount (the estate above the
    exemption) between its threshold and the next one. Thresholds ascend strictly from 0.
    """

    exemption: Decimal = US_FEDERAL_EXEMPTION_2026
    brackets: tuple[tuple[Decimal, Decimal], ...] = ((ZERO, US_FEDERAL_TOP_RATE),)

    def __post_init__(self) -> None:
        if not self.exemption.is_finite() or self.exemption < ZERO:
            raise InvalidEstateTaxSchedule("exemption must be a finite, non-negative amount")
        if not self.brackets:
            raise InvalidEstateTaxSchedule("at least one bracket is required")
        if self.brackets[0][0] != ZERO:
            raise InvalidEstateTaxSchedule("the first bracket must start at a threshold of 0")
        previous: Decimal | None = None
        for threshold, rate in self.brackets:
            if not threshold.is_finite() or (previous is not None and threshold <= previous):
                raise InvalidEstateTaxSchedule("bracket thresholds must ascend strictly")
            if not rate.is_finite() or not ZERO <= rate <= ONE:
                raise InvalidEstateTaxSchedule(f"bracket rate {rate} must be within [0, 1]")
            previous = threshold

    def tax_on(self, taxable: Decimal) -> Decimal:
        """Progressive tax on a taxable amount (already above the exemption), unrounded."""
        tax = ZERO
        for index, (threshold, rate) in enumerate(self.brackets):
            if taxable <= threshold:
                break
            top = taxable
            if index + 1 < len(self.brackets):
                top = min(taxable, self.brackets[index + 1][0])
            tax += (top - threshold) * rate
        return tax


US_FEDERAL_2026 = EstateTaxSchedule()

# The federal basic exclusion amount by the year of death (IRC 2010(c)(3)): Rev. Proc. 2023-34
# (2024), Rev. Proc. 2024-40 (2025), Public Law 119-21 s. 70106 and Rev. Proc. 2025-32 (2026).
US_FEDERAL_EXEMPTION_BY_YEAR: dict[int, Decimal] = {
    2024: Decimal(13_610_000),
    2025: Decimal(13_990_000),
    2026: US_FEDERAL_EXEMPTION_2026,
}
EXEMPTION_SOURCES: dict[int, str] = {
    2024: "Rev. Proc. 2023-34",
    2025: "Rev. Proc. 2024-40",
    2026: "Public Law 119-21; Rev. Proc. 2025-32",
}


def us_federal_schedule(year: int) -> EstateTaxSchedule:
    """The federal schedule of a death in `year` (a year held in US_FEDERAL_EXEMPTION_BY_YEAR):
    that year's exclusion and 40 % above it."""
    exemption = US_FEDERAL_EXEMPTION_BY_YEAR.get(year)
    if exemption is None:
        held = ", ".join(str(y) for y in sorted(US_FEDERAL_EXEMPTION_BY_YEAR))
        raise InvalidEstateTaxSchedule(f"the exclusion is held for the years {held}", field="year")
    return EstateTaxSchedule(exemption=exemption)


@dataclass(frozen=True, slots=True)
class EstateTaxEstimate:
    """The estimate: `taxable` = gross above the exemption; `effective_rate` = tax / gross."""

    gross: Decimal
    exemption: Decimal
    taxable: Decimal
    tax: Decimal
    net_to_heirs: Decimal
    effective_rate: Decimal


def estimate_estate_tax(
    gross_estate: Decimal, schedule: EstateTaxSchedule = US_FEDERAL_2026
) -> EstateTaxEstimate:
    """Estimate the tax on `gross_estate`; the tax is rounded half-up to the cent."""
    if not gross_estate.is_finite() or gross_estate < ZERO:
        raise InvalidSuccessionAmount(
            f"gross estate {gross_estate} must be a finite, non-negative amount"
        )
    taxable = max(ZERO, gross_estate - schedule.exemption)
    tax = schedule.tax_on(taxable).quantize(CENT, rounding=ROUND_HALF_UP)
    effective_rate = tax / gross_estate if gross_estate > ZERO else ZERO
    return EstateTaxEstimate(
        gross=gross_estate,
        exemption=schedule.exemption,
        taxable=taxable,
        tax=tax,
        net_to_heirs=gross_estate - tax,
        effective_rate=effective_rate,
    )
