"""US federal income-tax brackets and the capital-gains tax of a year (IRS Form 1040 rules).

Units and conventions:
- money is Decimal US dollars; rates are fractions (0.22 = 22%); a bracket's `lower` is the
  taxable income (dollars) where its rate starts, so the schedule is marginal;
- `ordinary` brackets tax ordinary taxable income (wages, interest, net short-term gains);
- `capital_gains` brackets give the long-term capital-gain (LTCG) rate by TOTAL taxable income:
  the net long-term gain is stacked on top of ordinary income, as the "Qualified Dividends and
  Capital Gain Tax Worksheet" does (28% collectibles, unrecaptured section 1250 gain and the
  3.8% net investment income tax are not modelled);
- netting (IRS Publication 550, "Figuring Your Net Capital Gain or Loss"; Schedule D):
  short-term gains and losses net first, long-term likewise; a net loss on one side offsets a
  net gain on the other; a net capital loss offsets ordinary income up to `loss_limit` ($3,000,
  $1,500 married filing separately) and the rest carries forward, keeping its character
  (the Capital Loss Carryover Worksheet: the short-term loss is used first).

The shipped defaults are the 2025 figures of Rev. Proc. 2024-40 (sections 3.01 and 3.03) for
single and married-filing-jointly filers: `BRACKETS_2025_SINGLE`, `BRACKETS_2025_MARRIED_JOINT`.
Any other year or status is configured by building a `TaxBrackets` (a flat rate is a schedule
with one bracket).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from domain.errors import DomainError
from domain.numbers import CENT, ONE, ZERO

CAPITAL_LOSS_LIMIT = Decimal(3000)  # IRC section 1211(b); $1,500 married filing separately
MAX_BRACKETS = 16


class InvalidTaxInput(DomainError):
    """A tax figure or request field out of range; `field` names it (422 over HTTP)."""

    code = "INVALID_TAX_INPUT"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field} {message}", field=field)


def cents(value: Decimal) -> Decimal:
    """`value` half-even to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True, slots=True)
class Bracket:
    """`rate` applies to the taxable income above `lower` (up to the next bracket's lower)."""

    lower: Decimal
    rate: Decimal


@dataclass(frozen=True, slots=True)
class BracketSchedule:
    """Marginal brackets, lowers strictly increasing from 0, rates in [0, 1]."""

    brackets: tuple[Bracket, ...]

    def rate_at(self, income: Decimal) -> Decimal:
        """The marginal rate of the next dollar above `income` (income <= 0: the first rate)."""
        rate = self.brackets[0].rate
        for bracket in self.brackets:
            if income >= bracket.lower:
                rate = bracket.rate
            else:
                break
        return rate

    def tax(self, income: Decimal) -> Decimal:
        """Tax on `income` (not rounded); 0 for income <= 0."""
        if income <= ZERO:
            return ZERO
        total = ZERO
        brackets = self.brackets
        for k, bracket in enumerate(brackets):
            if income <= bracket.lower:
                break
            upper = brackets[k + 1].lower if k + 1 < len(brackets) else income
            total += (min(income, upper) - bracket.lower) * bracket.rate
        return total

    def tax_between(self, low: Decimal, high: Decimal) -> Decimal:
        """Tax on the slice (low, high] of income: how stacked gains are taxed."""
        return self.tax(high) - self.tax(max(low, ZERO))


def schedule(pairs: Sequence[tuple[str | int | Decimal, str | int | Decimal]]) -> BracketSchedule:
    """A checked schedule from (lower, rate) pairs, e.g. [(0, "0.10"), (11925, "0.12")]."""
    return check_schedule(
        BracketSchedule(tuple(Bracket(Decimal(lo), Decimal(rate)) for lo, rate in pairs)),
        "brackets",
    )


def check_schedule(s: BracketSchedule, field: str) -> BracketSchedule:
    """`s` when its lowers start at 0 and increase and its rates lie in [0, 1]."""
    if not s.brackets or len(s.brackets) > MAX_BRACKETS:
        raise InvalidTaxInput(field, f"needs 1 to {MAX_BRACKETS} brackets")
    if s.brackets[0].lower != ZERO:
        raise InvalidTaxInput(field, "must start at a lower bound of 0")
    previous = None
    for b in s.brackets:
        if not b.lower.is_finite() or not b.rate.is_finite():
            raise InvalidTaxInput(field, "lower bounds and rates must be finite")
        if not ZERO <= b.rate <= ONE:
            raise InvalidTaxInput(field, f"rates must lie in [0, 1], got {b.rate}")
        if previous is not None and b.lower <= previous:
            raise InvalidTaxInput(field, "lower bounds must increase strictly")
        previous = b.lower
    return s


@dataclass(frozen=True, slots=True)
class TaxBrackets:
    """One filer's schedules: `name` says where the figures come from."""

    name: str
    tax_year: int | None
    filing_status: str
    ordinary: BracketSchedule
    capital_gains: BracketSchedule
    loss_limit: Decimal = CAPITAL_LOSS_LIMIT


BRACKETS_2025_SINGLE = TaxBrackets(
    name="us-federal-2025-single (Rev. Proc. 2024-40)",
    tax_year=2025,
    filing_status="single",
    ordinary=schedule(
        [
            (0, "0.10"),
            (11925, "0.12"),
            (48475, "0.22"),
            (103350, "0.24"),
            (197300, "0.32"),
            (250525, "0.35"),
            (626350, "0.37"),
        ]
    ),
    capital_gains=schedule([(0, "0"), (48350, "0.15"), (533400, "0.20")]),
)

BRACKETS_2025_MARRIED_JOINT = TaxBrackets(
    name="us-federal-2025-married-joint (Rev. Proc. 2024-40)",
    tax_year=2025,
    filing_status="married_joint",
    ordinary=schedule(
        [
            (0, "0.10"),
            (23850, "0.12"),
            (96950, "0.22"),
            (206700, "0.24"),
            (394600, "0.32"),
            (501050, "0.35"),
            (751600, "0.37"),
        ]
    ),
    capital_gains=schedule([(0, "0"), (96700, "0.15"), (600050, "0.20")]),
)

DEFAULT_BRACKETS = {
    "single": BRACKETS_2025_SINGLE,
    "married_joint": BRACKETS_2025_MARRIED_JOINT,
}


def flat_rates(short_term: Decimal, long_term: Decimal) -> TaxBrackets:
    """Flat marginal rates: `short_term` on ordinary income, `long_term` on long-term gains."""
    return TaxBrackets(
        name="flat rates",
        tax_year=None,
        filing_status="custom",
        ordinary=check_schedule(BracketSchedule((Bracket(ZERO, short_term),)), "short_term_rate"),
        capital_gains=check_schedule(
            BracketSchedule((Bracket(ZERO, long_term),)), "long_term_rate"
        ),
    )


@dataclass(frozen=True, slots=True)
class CapitalGainsYear:
    """A year's capital gains after netting, and the federal tax they lead to (dollars).

    `net_short` / `net_long`: each side netted on its own (prior carryovers included);
    `net_capital_gain_or_loss` = their sum; `ordinary_offset` (>= 0): the loss deducted from
    ordinary income (<= loss_limit); `carryforward_short` / `carryforward_long` (>= 0): loss left
    for next year, by character; `ordinary_taxed` / `preferential_taxed`: the income taxed at
    ordinary and at LTCG rates; `tax`: ordinary tax + LTCG tax, to the cent.
    """

    net_short: Decimal
    net_long: Decimal
    net_capital_gain_or_loss: Decimal
    ordinary_offset: Decimal
    carryforward_short: Decimal
    carryforward_long: Decimal
    ordinary_taxed: Decimal
    preferential_taxed: Decimal
    tax: Decimal


def capital_gains_year(
    brackets: TaxBrackets,
    ordinary_income: Decimal,
    short_term: Decimal,
    long_term: Decimal,
    *,
    carryover_short: Decimal = ZERO,
    carryover_long: Decimal = ZERO,
) -> CapitalGainsYear:
    """Net the year's short/long results (gains +, losses -) with prior carryovers (losses,
    given >= 0) and tax them on top of `ordinary_income` (taxable, gains excluded, >= 0)."""
    net_short = short_term - carryover_short
    net_long = long_term - carryover_long
    total = net_short + net_long
    carry_short = carry_long = offset = ZERO
    if net_short >= ZERO and net_long >= ZERO:
        ordinary_gain, preferential = net_short, net_long
    elif total >= ZERO:
        # one side's loss absorbed by the other side's gain; what is left keeps its character
        ordinary_gain = total if net_short > ZERO else ZERO
        preferential = total if net_long > ZERO else ZERO
    else:
        ordinary_gain = preferential = ZERO
        loss = -total
        # the deduction never takes taxable income below 0 (the worksheet's lines 1-4)
        offset = min(loss, brackets.loss_limit, max(ordinary_income, ZERO))
        # Capital Loss Carryover Worksheet: the deduction uses the short-term loss first,
        # and a net gain on one side reduces the other side's loss before that.
        short_loss = max(-net_short, ZERO) - max(net_long, ZERO)
        long_loss = max(-net_long, ZERO) - max(net_short, ZERO)
        short_loss, long_loss = max(short_loss, ZERO), max(long_loss, ZERO)
        used_short = min(short_loss, offset)
        carry_short = short_loss - used_short
        carry_long = long_loss - (offset - used_short)
    ordinary_taxed = max(ordinary_income + ordinary_gain - offset, ZERO)
    tax = brackets.ordinary.tax(ordinary_taxed) + brackets.capital_gains.tax_between(
        ordinary_taxed, ordinary_taxed + preferential
    )
    return CapitalGainsYear(
        net_short=net_short,
        net_long=net_long,
        net_capital_gain_or_loss=total,
        ordinary_offset=offset,
        carryforward_short=carry_short,
        carryforward_long=carry_long,
        ordinary_taxed=ordinary_taxed,
        preferential_taxed=preferential,
        tax=cents(tax),
    )
