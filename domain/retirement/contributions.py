"""Contribution room of one account for one tax year (the limits of domain/retirement/limits.py).

What is modelled, per account type:
- `401k` (traditional and Roth deferrals share one limit; 403(b) and governmental 457(b) are the
  same): the elective deferral limit, plus the catch-up at 50+ or, from 2025, the larger catch-up
  at ages 60-63 (instead of, not on top of, the regular one); never more than the compensation;
  and the 415(c) annual additions limit on deferrals (catch-up excluded) plus employer money.
  Not modelled: the Roth-only catch-up for wages over the FICA threshold (from 2026; it changes
  the kind of money, not the room), plan-specific lower limits, several employers' plans.
- `ira` / `roth_ira` (one limit shared by all the person's IRAs): the IRA limit plus the catch-up
  at 50+, at most the taxable compensation; for a Roth IRA the limit is phased out over the year's
  modified AGI range by IRS Publication 590-A Worksheet 2-2 (the reduction's result rounded up to
  the next $10; under $200 but above 0 becomes $200). Not modelled: traditional IRA
  deductibility phase-outs (the contribution limit is the same), spousal IRAs' joint compensation.
- `sep_ira`: employer contributions up to 25 % of compensation (capped at the 401(a)(17) limit)
  and the 415(c) dollar limit; a self-employed person's rate is 25 / 125 = 20 % of net earnings
  from self-employment less half the self-employment tax (IRS Publication 560's rate table).
- `hsa_self` / `hsa_family`: the HDHP coverage limit plus $1,000 at 55+; employer money counts
  against it. Not modelled: months of partial coverage, the last-month rule.
- `529`: no federal annual limit. Modelled: the gift-tax annual exclusion per donor and
  beneficiary, the five-year election (5 x the exclusion, IRC 529(c)(2)(B)), and the state plan's
  aggregate balance limit when given (states set it; it is the caller's input, not held as data).
Ages are attained by December 31 of the tax year. Money is US dollars; the answer is to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from enum import StrEnum

from domain.numbers import CENT, ZERO
from domain.retirement.errors import InvalidRetirementInput
from domain.retirement.limits import (
    SEP_RATE,
    SEP_SELF_EMPLOYED_RATE,
    FilingStatus,
    YearLimits,
    limits_for,
)

TEN = Decimal(10)
ROTH_FLOOR = Decimal(200)
MAX_MONEY = Decimal("1e12")


class AccountType(StrEnum):
    K401 = "401k"
    IRA = "ira"
    ROTH_IRA = "roth_ira"
    SEP_IRA = "sep_ira"
    HSA_SELF = "hsa_self"
    HSA_FAMILY = "hsa_family"
    PLAN_529 = "529"


@dataclass(frozen=True, slots=True)
class RoomRequest:
    """Who contributes what to `account_type` in `tax_year` (dollars, >= 0).

    `contributed`: already contributed this year (for IRAs: to all the person's IRAs; for a
    401(k): the person's deferrals); `employer_contributions`: the employer's money this year
    (401(k) match, HSA); `compensation`: taxable compensation (SEP: the employee's pay, or the
    self-employed's net earnings less half the SE tax with `self_employed`); `magi` and
    `filing_status`: the Roth IRA phase-out; `state_aggregate_limit` / `balance` (529)."""

    account_type: AccountType
    tax_year: int
    age: int
    contributed: Decimal = ZERO
    employer_contributions: Decimal = ZERO
    compensation: Decimal | None = None
    magi: Decimal | None = None
    filing_status: FilingStatus = FilingStatus.SINGLE
    self_employed: bool = False
    state_aggregate_limit: Decimal | None = None
    balance: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class ContributionRoom:
    """`limit` = `base_limit` + `catch_up`, then reduced (`reduced_limit`) by compensation,
    phase-out or 415(c); `room` = what may still go in this year (>= 0)."""

    account_type: AccountType
    tax_year: int
    base_limit: Decimal
    catch_up: Decimal
    limit: Decimal
    reduced_limit: Decimal
    contributed: Decimal
    room: Decimal
    notes: tuple[str, ...]
    sources: tuple[str, ...]


def catch_up_401k(limits: YearLimits, age: int) -> Decimal:
    """The 401(k) catch-up at `age`: ages 60-63 the SECURE 2.0 amount (from 2025), 50+ else."""
    if 60 <= age <= 63 and limits.catch_up_60_63 is not None:
        return limits.catch_up_60_63
    return limits.catch_up_50 if age >= 50 else ZERO


def roth_ira_limit(limit: Decimal, magi: Decimal, phase_out: tuple[Decimal, Decimal]) -> Decimal:
    """Publication 590-A Worksheet 2-2: the Roth IRA limit at `magi` over the range."""
    start, end = phase_out
    if magi <= start:
        return limit
    if magi >= end:
        return ZERO
    fraction = ((magi - start) / (end - start)).quantize(Decimal("0.001"), ROUND_HALF_UP)
    reduced = limit - limit * fraction
    reduced = (reduced / TEN).to_integral_value(ROUND_CEILING) * TEN
    if ZERO < reduced < ROTH_FLOOR:
        return ROTH_FLOOR
    return max(reduced, ZERO)


def contribution_room(req: RoomRequest) -> ContributionRoom:
    """The year's room of the account (module doc)."""
    _check(req)
    limits = limits_for(req.tax_year)
    kind = req.account_type
    if kind is AccountType.K401:
        return _k401(req, limits)
    if kind in (AccountType.IRA, AccountType.ROTH_IRA):
        return _ira(req, limits)
    if kind is AccountType.SEP_IRA:
        return _sep(req, limits)
    if kind in (AccountType.HSA_SELF, AccountType.HSA_FAMILY):
        return _hsa(req, limits)
    return _plan_529(req, limits)


def _answer(
    req: RoomRequest, limits: YearLimits, base: Decimal, catch_up: Decimal, reduced: Decimal,
    used: Decimal, notes: list[str],
) -> ContributionRoom:  # fmt: skip
    room = max(reduced - used, ZERO).quantize(CENT)
    return ContributionRoom(
        req.account_type, req.tax_year, base, catch_up, base + catch_up, reduced,
        req.contributed, room, tuple(notes), limits.sources,
    )  # fmt: skip


def _k401(req: RoomRequest, limits: YearLimits) -> ContributionRoom:
    base, catch_up = limits.elective_deferral, catch_up_401k(limits, req.age)
    notes = []
    if catch_up and catch_up != limits.catch_up_50:
        notes.append("ages 60-63: the SECURE 2.0 catch-up replaces the regular one")
    reduced = base + catch_up
    if req.compensation is not None and req.compensation < reduced:
        reduced = req.compensation
        notes.append("limited to the compensation")
    # 415(c): deferrals other than catch-up plus employer money, at most the dollar limit and pay
    additions_cap = limits.annual_additions
    if req.compensation is not None:
        additions_cap = min(additions_cap, req.compensation)
    by_415 = additions_cap - req.employer_contributions + catch_up
    if by_415 < reduced:
        reduced = max(by_415, ZERO)
        notes.append(f"limited by the 415(c) annual additions limit {limits.annual_additions}")
    return _answer(req, limits, base, catch_up, reduced, req.contributed, notes)


def _ira(req: RoomRequest, limits: YearLimits) -> ContributionRoom:
    base = limits.ira
    catch_up = limits.ira_catch_up_50 if req.age >= 50 else ZERO
    reduced, notes = base + catch_up, []
    if req.account_type is AccountType.ROTH_IRA:
        if req.magi is None:
            raise InvalidRetirementInput("a Roth IRA's room needs the year's MAGI", field="magi")
        span = limits.roth_phase_out[req.filing_status]
        phased = roth_ira_limit(reduced, req.magi, (span.start, span.end))
        if phased < reduced:
            notes.append(
                f"phased out over MAGI {span.start}-{span.end} ({req.filing_status.value}): "
                "Publication 590-A Worksheet 2-2"
            )
        reduced = phased
    if req.compensation is not None and req.compensation < reduced:
        reduced = req.compensation
        notes.append("limited to the taxable compensation")
    notes.append("one limit for all of the person's traditional and Roth IRAs")
    return _answer(req, limits, base, catch_up, reduced, req.contributed, notes)


def _sep(req: RoomRequest, limits: YearLimits) -> ContributionRoom:
    if req.compensation is None:
        raise InvalidRetirementInput("a SEP IRA's room needs the compensation",
                                     field="compensation")  # fmt: skip
    pay = min(req.compensation, limits.compensation_cap)
    rate = SEP_SELF_EMPLOYED_RATE if req.self_employed else SEP_RATE
    by_pay = (pay * rate).quantize(CENT, ROUND_HALF_UP)
    base = limits.annual_additions
    notes = [f"{rate * 100:.0f} % of compensation up to {limits.compensation_cap}"]
    reduced = min(base, by_pay)
    return _answer(req, limits, base, ZERO, reduced, req.contributed, notes)


def _hsa(req: RoomRequest, limits: YearLimits) -> ContributionRoom:
    family = req.account_type is AccountType.HSA_FAMILY
    base = limits.hsa_family if family else limits.hsa_self
    catch_up = limits.hsa_catch_up_55 if req.age >= 55 else ZERO
    notes = ["employer contributions count against the limit"]
    used = req.contributed + req.employer_contributions
    return _answer(req, limits, base, catch_up, base + catch_up, used, notes)


def _plan_529(req: RoomRequest, limits: YearLimits) -> ContributionRoom:
    exclusion = limits.gift_exclusion
    notes = [
        "no federal annual limit; the gift-tax annual exclusion per donor and beneficiary is "
        f"{exclusion} (five-year election: {exclusion * 5})",
    ]
    reduced = exclusion
    if req.state_aggregate_limit is not None:
        by_state = max(req.state_aggregate_limit - req.balance, ZERO)
        notes.append(f"state aggregate limit {req.state_aggregate_limit} less the balance")
        reduced = min(reduced, by_state + req.contributed)
    return _answer(req, limits, exclusion, ZERO, reduced, req.contributed, notes)


def _check(req: RoomRequest) -> None:
    if not 0 <= req.age <= 130:
        raise InvalidRetirementInput("age must be 0..130", field="age")
    for name in ("contributed", "employer_contributions", "compensation", "magi",
                 "state_aggregate_limit", "balance"):  # fmt: skip
        value = getattr(req, name)
        if value is not None and (not value.is_finite() or not ZERO <= value <= MAX_MONEY):
            raise InvalidRetirementInput(f"{name} must be 0..1e12 dollars", field=name)
