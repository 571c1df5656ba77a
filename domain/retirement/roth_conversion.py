"""Roth conversion what-if: pay ordinary income tax on a conversion now, or on withdrawals later.

Assumptions (named in every answer):
1. Tax now = the federal ordinary tax of (taxable income + conversion) less that of the taxable
   income alone, on the year's brackets (domain/tax/brackets.py), plus `state_rate` x conversion:
   the conversion is stacked on top of the year's other income.
2. Later, the traditional account's withdrawals are taxed at one flat `future_rate` (federal plus
   state): the what-if's central unknown, so the answer also gives the break-even rate.
3. Both accounts grow at the same `growth_rate` a year for `years` whole years, compounded yearly.
4. With `tax_from_outside` the tax is paid from money outside the account, which otherwise would
   have grown at `outside_growth_rate` (after its own taxes) and is counted in the traditional
   path; without it the tax is taken from the conversion (under 59 1/2 the withheld part also
   owes the 10 % additional tax: not modelled, said in the notes).
5. Not modelled: IRMAA premium surcharges, the 5-year rules, credits and deductions phased out by
   the higher income, the taxation of Social Security benefits, RMDs reducing the traditional
   balance along the way.
Money is US dollars, results to the cent (half even, as the tax engine).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.numbers import ONE, ZERO
from domain.retirement.errors import InvalidRetirementInput
from domain.tax.brackets import TaxBrackets, cents

MAX_YEARS = 80

ASSUMPTIONS = (
    "the conversion is taxed as ordinary income stacked on the year's other taxable income",
    "later withdrawals are taxed at one flat future rate",
    "both accounts grow at the same rate, compounded yearly",
    "the tax paid from outside money would otherwise have grown at the outside growth rate",
    "not modelled: IRMAA, 5-year rules, phase-outs of credits, Social Security taxation, RMDs",
)


@dataclass(frozen=True, slots=True)
class ConversionRequest:
    amount: Decimal
    taxable_income: Decimal
    brackets: TaxBrackets
    future_rate: Decimal
    years: int
    growth_rate: Decimal
    state_rate: Decimal = ZERO
    tax_from_outside: bool = True
    outside_growth_rate: Decimal | None = None
    age: int | None = None


@dataclass(frozen=True, slots=True)
class ConversionWhatIf:
    """`advantage` > 0: converting leaves more after tax at the end of `years`."""

    amount: Decimal
    tax_now: Decimal
    federal_tax_now: Decimal
    state_tax_now: Decimal
    marginal_rate_before: Decimal
    marginal_rate_after: Decimal
    effective_rate_now: Decimal
    roth_value: Decimal
    traditional_value: Decimal
    advantage: Decimal
    break_even_future_rate: Decimal
    brackets: str
    assumptions: tuple[str, ...]
    notes: tuple[str, ...]


def roth_conversion_what_if(req: ConversionRequest) -> ConversionWhatIf:
    """Both paths' after-tax value at the horizon (module doc)."""
    _check(req)
    ordinary = req.brackets.ordinary
    federal = ordinary.tax_between(req.taxable_income, req.taxable_income + req.amount)
    state = req.amount * req.state_rate
    tax_now = cents(federal + state)
    growth = (ONE + req.growth_rate) ** req.years
    outside = req.outside_growth_rate if req.outside_growth_rate is not None else req.growth_rate
    outside_growth = (ONE + outside) ** req.years
    traditional_account = req.amount * growth * (ONE - req.future_rate)
    notes = []
    if req.tax_from_outside:
        roth = req.amount * growth
        traditional = traditional_account + tax_now * outside_growth
        # roth == traditional  <=>  amount*g*t = tax*g_out
        break_even = tax_now * outside_growth / (req.amount * growth)
    else:
        roth = (req.amount - tax_now) * growth
        traditional = traditional_account
        break_even = tax_now / req.amount
        if req.age is not None and req.age < 60:
            notes.append("the tax withheld from the conversion before age 59 1/2 also owes the "
                         "10 % additional tax (IRC 72(t)): not included")  # fmt: skip
    effective = tax_now / req.amount
    return ConversionWhatIf(
        amount=req.amount,
        tax_now=tax_now,
        federal_tax_now=cents(federal),
        state_tax_now=cents(state),
        marginal_rate_before=ordinary.rate_at(req.taxable_income),
        marginal_rate_after=ordinary.rate_at(req.taxable_income + req.amount - Decimal("0.01")),
        effective_rate_now=effective.quantize(Decimal("0.0001")),
        roth_value=cents(roth),
        traditional_value=cents(traditional),
        advantage=cents(roth) - cents(traditional),
        break_even_future_rate=break_even.quantize(Decimal("0.0001")),
        brackets=req.brackets.name,
        assumptions=ASSUMPTIONS,
        notes=tuple(notes),
    )


def _check(req: ConversionRequest) -> None:
    if not req.amount.is_finite() or not ZERO < req.amount <= Decimal("1e11"):
        raise InvalidRetirementInput("amount must be > 0 and at most 1e11", field="amount")
    if not req.taxable_income.is_finite() or not ZERO <= req.taxable_income <= Decimal("1e12"):
        raise InvalidRetirementInput("taxable_income must be 0..1e12", field="taxable_income")
    for name in ("future_rate", "state_rate"):
        value = getattr(req, name)
        if not value.is_finite() or not ZERO <= value < ONE:
            raise InvalidRetirementInput(f"{name} must be in [0, 1)", field=name)
    for name in ("growth_rate", "outside_growth_rate"):
        value = getattr(req, name)
        if value is not None and (not value.is_finite() or not Decimal("-0.5") < value <= ONE):
            raise InvalidRetirementInput(f"{name} must be in (-0.5, 1]", field=name)
    if not 0 <= req.years <= MAX_YEARS:
        raise InvalidRetirementInput(f"years must be 0..{MAX_YEARS}", field="years")
    if req.age is not None and not 0 <= req.age <= 130:
        raise InvalidRetirementInput("age must be 0..130", field="age")
