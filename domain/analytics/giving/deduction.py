"""The charitable contribution deduction under the AGI limits, with five-year carryovers.

Source: IRS Publication 526, "Charitable Contributions" (the 2024 revision, for 2024
returns), sections "Limits on Deductions", "How To Figure Your Deduction When Limits Apply"
and "Carryovers"; IRC section 170(b)(1)(A), (C), (G) and 170(d)(1). Only gifts to 50% limit
organizations are modelled (public charities and donor-advised funds' sponsors): gifts to
private non-operating foundations (30% / 20% limits), qualified conservation contributions,
the 2020-2021 100% election and the election to deduct capital gain property at basis are not.

What a gift counts as (`classify`, Publication 526 "Giving Property That Has Increased in
Value"): cash -> CASH_60 at its amount; stock held more than one year and worth more than its
basis is capital gain property -> CAPITAL_GAIN_30 at fair market value; stock held one year or
less and worth more than its basis is ordinary income property -> NONCASH_50 at its basis (the
fair market value less the short-term gain); stock worth its basis or less -> NONCASH_50 at
fair market value (no gain: sell it and give the cash to use the loss, the publication says).

A year's deduction (`deduct_year`), in Publication 526's order, each category taking its
current-year contributions first and then its carryovers, oldest first:
1. CASH_60 up to 60% of AGI (50% for years before 2018, before IRC 170(b)(1)(G)).
2. NONCASH_50 up to 50% of AGI minus the cash deducted in step 1.
3. CAPITAL_GAIN_30 up to the smaller of 30% of AGI and 50% of AGI minus what steps 1 and 2
   deducted.
Whatever a category's current-year contributions leave over is carried forward in that
category, with that year as its origin, for the five following years (then it expires);
a carryover keeps its category. The total never exceeds 60% of AGI. A limit on a negative
AGI is 0. Amounts are exact Decimals (round as your return does).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.analytics.giving.model import (
    Carryover,
    Donation,
    DonationKind,
    InvalidGivingInput,
    LimitCategory,
)
from domain.numbers import ZERO
from domain.tax.holding import holding_term
from domain.tax.methods import Term

CARRY_YEARS = 5
TCJA_FIRST_YEAR = 2018
NEW_RULES_YEAR = 2026
PUBLICATION = (
    "IRS Publication 526 (2024): Limits on Deductions; Carryovers; IRC 170(b)(1), 170(d)(1)"
)
ORDER = (LimitCategory.CASH_60, LimitCategory.NONCASH_50, LimitCategory.CAPITAL_GAIN_30)


@dataclass(frozen=True, slots=True)
class Classified:
    category: LimitCategory
    deductible: Decimal  # what enters the limits: FMV, or basis for short-term gains
    reason: str


@dataclass(frozen=True, slots=True)
class YearRules:
    year: int
    cash_percent: Decimal
    noncash_percent: Decimal
    capital_gain_percent: Decimal
    source: str
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CarryoverUse:
    origin_year: int
    used: Decimal
    left: Decimal


@dataclass(frozen=True, slots=True)
class CategoryLine:
    """One category's part of a year: its limit (the room when its turn came), the year's
    contributions and what of them was deducted, carryovers used, and what carries forward."""

    category: LimitCategory
    limit: Decimal
    contributed: Decimal
    deducted_current: Decimal
    carryovers_used: tuple[CarryoverUse, ...]
    deducted_carryover: Decimal
    carried_forward: Decimal  # of this year's contributions

    @property
    def deducted(self) -> Decimal:
        return self.deducted_current + self.deducted_carryover


@dataclass(frozen=True, slots=True)
class YearDeduction:
    year: int
    agi: Decimal
    rules: YearRules
    lines: tuple[CategoryLine, ...]  # in ORDER
    deduction: Decimal
    carryovers_out: tuple[Carryover, ...]  # alive after this year, oldest first
    expired: tuple[Carryover, ...]  # reached their fifth year unused

    def line(self, category: LimitCategory) -> CategoryLine:
        return next(x for x in self.lines if x.category is category)


def classify(donation: Donation) -> Classified:
    """The limit category and deductible amount of one gift (module doc)."""
    if donation.kind is DonationKind.CASH:
        return Classified(LimitCategory.CASH_60, donation.fair_market_value, "cash")
    fmv, basis, acquired = donation.fair_market_value, donation.cost_basis, donation.acquired
    if basis is None or acquired is None:
        raise InvalidGivingInput("a stock gift needs its cost basis and acquisition date")
    if fmv <= basis:
        return Classified(
            LimitCategory.NONCASH_50, fmv, "stock worth its basis or less: fair market value"
        )
    if holding_term(acquired, donation.donated_on) is Term.LONG:
        return Classified(
            LimitCategory.CAPITAL_GAIN_30,
            fmv,
            "appreciated stock held more than one year: capital gain property at fair market value",
        )
    return Classified(
        LimitCategory.NONCASH_50,
        basis,
        "appreciated stock held one year or less: ordinary income property, deducted at basis",
    )


def rules_for(year: int) -> YearRules:
    """The percentages of `year` and the notes that qualify them."""
    notes: list[str] = []
    cash = Decimal("0.6")
    source = PUBLICATION
    if year < TCJA_FIRST_YEAR:
        cash = Decimal("0.5")
        source += "; before 2018: cash under the 50% limit (IRC 170(b)(1)(A))"
    if year in (2020, 2021):
        notes.append(
            "the CARES Act election to deduct qualified cash contributions up to 100% of AGI "
            "is not modelled"
        )
    if year >= NEW_RULES_YEAR:
        notes.append(
            "the percentage limits are those of 2025 (the 60% cash limit made permanent); rules "
            "that start in 2026 under P.L. 119-21 (a floor of 0.5% of AGI on itemized "
            "charitable deductions, among others) are not applied: check Publication 526 for "
            f"{year}"
        )
    return YearRules(year, cash, Decimal("0.5"), Decimal("0.3"), source, tuple(notes))


def deduct_year(
    year: int,
    agi: Decimal,
    contributions: Mapping[LimitCategory, Decimal],
    carried_in: Sequence[Carryover],
) -> YearDeduction:
    """The deduction of `year` (module doc). `carried_in`: carryovers from earlier years that
    are still alive in `year` (origin_year in year-5 .. year-1)."""
    for c in carried_in:
        if not year - CARRY_YEARS <= c.origin_year < year:
            raise ValueError(f"a carryover from {c.origin_year} cannot be used in {year}")
    rules = rules_for(year)
    base = max(agi, ZERO)
    lines: list[CategoryLine] = []
    leftovers: list[Carryover] = []
    cash = _take(
        LimitCategory.CASH_60, rules.cash_percent * base, contributions, carried_in, leftovers
    )
    lines.append(cash)
    noncash_room = max(ZERO, rules.noncash_percent * base - cash.deducted)
    noncash = _take(LimitCategory.NONCASH_50, noncash_room, contributions, carried_in, leftovers)
    lines.append(noncash)
    gain_room = min(
        rules.capital_gain_percent * base,
        max(ZERO, rules.noncash_percent * base - cash.deducted - noncash.deducted),
    )
    lines.append(
        _take(LimitCategory.CAPITAL_GAIN_30, gain_room, contributions, carried_in, leftovers)
    )
    fresh = [Carryover(year, x.category, x.carried_forward) for x in lines if x.carried_forward]
    alive = [c for c in leftovers if c.last_year > year]
    expired = [c for c in leftovers if c.last_year <= year]
    return YearDeduction(
        year=year,
        agi=agi,
        rules=rules,
        lines=tuple(lines),
        deduction=sum((x.deducted for x in lines), ZERO),
        carryovers_out=tuple(sorted([*alive, *fresh], key=_carry_key)),
        expired=tuple(sorted(expired, key=_carry_key)),
    )


def schedule(
    contributions: Mapping[int, Mapping[LimitCategory, Decimal]],
    agi: Mapping[int, Decimal],
    through_year: int,
    *,
    opening: Sequence[Carryover] = (),
    start_year: int | None = None,
) -> list[YearDeduction]:
    """Every year from `start_year` (default: the first year with contributions or, with
    `opening` carryovers, the year they are carried into) through `through_year` that has
    contributions or live carryovers, each needing its AGI (InvalidGivingInput naming
    `agi.<year>` when missing). Contributions before `start_year` are ignored: the opening
    carryovers stand for them."""
    years = [y for y, amounts in contributions.items() if any(amounts.values())]
    if start_year is None:
        start_year = min(years, default=through_year)
    live = sorted(opening, key=_carry_key)
    out: list[YearDeduction] = []
    for year in range(start_year, through_year + 1):
        live = [c for c in live if c.last_year >= year]
        given = contributions.get(year, {})
        if not live and not any(given.values()):
            continue
        if year not in agi:
            raise InvalidGivingInput(
                f"the AGI of {year} is needed: that year has contributions or carryovers",
                field=f"agi.{year}",
            )
        result = deduct_year(year, agi[year], given, live)
        out.append(result)
        live = list(result.carryovers_out)
    return out


def _take(
    category: LimitCategory,
    room: Decimal,
    contributions: Mapping[LimitCategory, Decimal],
    carried_in: Sequence[Carryover],
    leftovers: list[Carryover],
) -> CategoryLine:
    limit = room
    current = contributions.get(category, ZERO)
    used_now = min(current, room)
    room -= used_now
    uses = []
    for carry in sorted((c for c in carried_in if c.category is category), key=_carry_key):
        used = min(carry.amount, room)
        room -= used
        uses.append(CarryoverUse(carry.origin_year, used, carry.amount - used))
        if carry.amount - used > ZERO:
            leftovers.append(Carryover(carry.origin_year, category, carry.amount - used))
    return CategoryLine(
        category=category,
        limit=limit,
        contributed=current,
        deducted_current=used_now,
        carryovers_used=tuple(uses),
        deducted_carryover=sum((u.used for u in uses), ZERO),
        carried_forward=current - used_now,
    )


def _carry_key(c: Carryover) -> tuple[int, int]:
    return c.origin_year, ORDER.index(c.category)
