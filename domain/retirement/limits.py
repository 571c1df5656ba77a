"""Contribution limits per tax year, as data, with their sources.

Every figure is the IRS's published dollar amount for the tax year (calendar year):
- 2024: Notice 2023-75 (plans, IRAs, Roth IRA phase-outs), Rev. Proc. 2023-23 (HSA),
  Rev. Proc. 2023-34 (gift-tax annual exclusion);
- 2025: Notice 2024-80, Rev. Proc. 2024-25 (HSA), Rev. Proc. 2024-40 (gift exclusion);
- 2026: Notice 2025-67, Rev. Proc. 2025-19 (HSA), Rev. Proc. 2025-32 (gift exclusion).

Statutory, not indexed: the HSA catch-up of $1,000 at 55+ (IRC 223(b)(3)); the SEP rate of 25 %
of compensation (IRC 402(h)(2)); the SECURE 2.0 (s. 109) ages 60-63 catch-up, from 2025, the
greater of $10,000 or 150 % of the regular catch-up of 2024 ($11,250), which replaces the
regular catch-up at those ages. Ages are the age attained by December 31 of the tax year (the
plan and IRA catch-up rules' convention).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.retirement.errors import TaxYearNotPublished

D = Decimal

# IRC 402(h)(2): a SEP's employer contribution is at most 25 % of the employee's compensation
# (the compensation counted up to the year's 401(a)(17) cap) and at most the 415(c) dollar limit.
SEP_RATE = D("0.25")
# A self-employed person's rate on net earnings less half the SE tax: 0.25 / (1 + 0.25)
# (IRS Publication 560's rate table).
SEP_SELF_EMPLOYED_RATE = D("0.20")


class FilingStatus(StrEnum):
    """Form 1040 filing status (married filing separately who lived apart all year: single)."""

    SINGLE = "single"
    MARRIED_JOINT = "married_joint"
    MARRIED_SEPARATE = "married_separate"
    HEAD_OF_HOUSEHOLD = "head_of_household"
    QUALIFYING_SURVIVING_SPOUSE = "qualifying_surviving_spouse"


@dataclass(frozen=True, slots=True)
class PhaseOut:
    """Modified AGI range over which the Roth IRA limit falls from full to zero."""

    start: Decimal
    end: Decimal


@dataclass(frozen=True, slots=True)
class YearLimits:
    """One tax year's dollar limits (US dollars) and the documents they come from."""

    tax_year: int
    sources: tuple[str, ...]
    elective_deferral: Decimal  # 401(k)/403(b)/governmental 457(b), IRC 402(g)
    catch_up_50: Decimal  # IRC 414(v), ages 50+
    catch_up_60_63: Decimal | None  # SECURE 2.0 s. 109; None before 2025
    annual_additions: Decimal  # IRC 415(c): employee + employer to one employer's plans
    compensation_cap: Decimal  # IRC 401(a)(17): compensation a plan may count
    ira: Decimal  # IRC 219(b)(5)(A), traditional and Roth together
    ira_catch_up_50: Decimal
    roth_phase_out: dict[FilingStatus, PhaseOut]
    hsa_self: Decimal  # IRC 223(b)(2), self-only HDHP coverage
    hsa_family: Decimal
    hsa_catch_up_55: Decimal
    gift_exclusion: Decimal  # IRC 2503(b): per donor per beneficiary (529 contributions)


def _roth(single: tuple[int, int], joint: tuple[int, int]) -> dict[FilingStatus, PhaseOut]:
    s, j = PhaseOut(D(single[0]), D(single[1])), PhaseOut(D(joint[0]), D(joint[1]))
    return {
        FilingStatus.SINGLE: s,
        FilingStatus.HEAD_OF_HOUSEHOLD: s,
        FilingStatus.MARRIED_JOINT: j,
        FilingStatus.QUALIFYING_SURVIVING_SPOUSE: j,
        # IRC 408A(c)(3)(B)(ii): $0 to $10,000, not indexed
        FilingStatus.MARRIED_SEPARATE: PhaseOut(D(0), D(10_000)),
    }


LIMITS: dict[int, YearLimits] = {
    2024: YearLimits(
        2024, ("IRS Notice 2023-75", "Rev. Proc. 2023-23", "Rev. Proc. 2023-34"),
        elective_deferral=D(23_000), catch_up_50=D(7_500), catch_up_60_63=None,
        annual_additions=D(69_000), compensation_cap=D(345_000),
        ira=D(7_000), ira_catch_up_50=D(1_000),
        roth_phase_out=_roth((146_000, 161_000), (230_000, 240_000)),
        hsa_self=D(4_150), hsa_family=D(8_300), hsa_catch_up_55=D(1_000),
        gift_exclusion=D(18_000),
    ),
    2025: YearLimits(
        2025, ("IRS Notice 2024-80", "Rev. Proc. 2024-25", "Rev. Proc. 2024-40"),
        elective_deferral=D(23_500), catch_up_50=D(7_500), catch_up_60_63=D(11_250),
        annual_additions=D(70_000), compensation_cap=D(350_000),
        ira=D(7_000), ira_catch_up_50=D(1_000),
        roth_phase_out=_roth((150_000, 165_000), (236_000, 246_000)),
        hsa_self=D(4_300), hsa_family=D(8_550), hsa_catch_up_55=D(1_000),
        gift_exclusion=D(19_000),
    ),
    2026: YearLimits(
        2026, ("IRS Notice 2025-67", "Rev. Proc. 2025-19", "Rev. Proc. 2025-32"),
        elective_deferral=D(24_500), catch_up_50=D(8_000), catch_up_60_63=D(11_250),
        annual_additions=D(72_000), compensation_cap=D(360_000),
        ira=D(7_500), ira_catch_up_50=D(1_100),
        roth_phase_out=_roth((153_000, 168_000), (242_000, 252_000)),
        hsa_self=D(4_400), hsa_family=D(8_750), hsa_catch_up_55=D(1_000),
        gift_exclusion=D(19_000),
    ),
}  # fmt: skip

PUBLISHED_YEARS = tuple(sorted(LIMITS))


def limits_for(tax_year: int) -> YearLimits:
    """The year's limits; TaxYearNotPublished (422, field `tax_year`) for a year not held."""
    found = LIMITS.get(tax_year)
    if found is None:
        raise TaxYearNotPublished(
            f"limits are held for tax years {', '.join(map(str, PUBLISHED_YEARS))}",
            field="tax_year",
        )
    return found
