"""Fixed-income analytics on posted inputs: one bond, or a ladder of bonds (nothing stored).

The HTTP adapter hands in plain values (dates, floats, the day count's name); this module
checks what the domain does not (the day count's name, the currency, the shock list's size),
builds the domain bonds and runs `domain.fixedincome` inside the `ComputeBudget` (off the event
loop: a 1,000-bond ladder of 30-year quarterly bonds is a few hundred milliseconds of Python).
Every refusal is InvalidBondInput (422 INVALID_BOND_INPUT) naming the field, `bonds[i].<field>`
inside a ladder.

Conventions (named in every response): yields and coupon rates are fractions a year (0.05 =
5%), the yield compounded `frequency` times a year; prices per 100 face; durations in years,
convexity in years^2; DV01 in currency per 1 bp (per 100 face, and for the position's face).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from application.core.compute_budget import ComputeBudget
from domain.fixedincome.bonds import FACE, MAX_SHIFT_BP, Bond, BondAnalytics, analyze_bond
from domain.fixedincome.daycount import parse_day_count
from domain.fixedincome.errors import InvalidBondInput
from domain.fixedincome.ladder import (
    MAX_POSITIONS,
    LadderAnalytics,
    LadderPosition,
    analyze_ladder,
)
from domain.portfolio.currencies import is_currency

DEFAULT_SHOCKS_BP = (-200.0, -100.0, -50.0, -25.0, 25.0, 50.0, 100.0, 200.0)
MAX_SHOCKS = 50
MAX_FACE = 1e15


@dataclass(frozen=True, slots=True)
class BondSpec:
    """One bond as posted: exactly one of `yield_rate` or `clean_price`."""

    maturity: date
    coupon_rate: float
    frequency: int = 2
    day_count: str = "30/360 US"
    issue_date: date | None = None
    yield_rate: float | None = None
    clean_price: float | None = None
    face: float = FACE


@dataclass(frozen=True, slots=True)
class BondRequest:
    settlement: date
    bond: BondSpec
    currency: str = "USD"
    shocks_bp: Sequence[float] | None = None


@dataclass(frozen=True, slots=True)
class LadderRequest:
    settlement: date
    bonds: Sequence[BondSpec]
    currency: str = "USD"
    shocks_bp: Sequence[float] | None = None


@dataclass(frozen=True, slots=True)
class BondResult:
    """The bond's analytics (per 100 face) and its position figures for `face`."""

    analytics: BondAnalytics
    face: float
    currency: str
    market_value: float  # dirty x face / 100
    accrued_amount: float  # accrued x face / 100
    position_dv01: float  # currency per 1 bp


@dataclass(frozen=True, slots=True)
class LadderResult:
    analytics: LadderAnalytics
    currency: str


def parse_shocks(shocks_bp: Sequence[float] | None) -> tuple[float, ...]:
    """The shifts asked for (at most MAX_SHOCKS), else DEFAULT_SHOCKS_BP."""
    if shocks_bp is None:
        return DEFAULT_SHOCKS_BP
    if len(shocks_bp) > MAX_SHOCKS:
        raise InvalidBondInput(f"at most {MAX_SHOCKS} shocks", field="shocks_bp")
    shifts = tuple(float(shift) for shift in shocks_bp)
    for shift in shifts:
        if not math.isfinite(shift) or abs(shift) > MAX_SHIFT_BP:
            raise InvalidBondInput(
                f"shocks_bp must be finite, within +/- {MAX_SHIFT_BP:,.0f} bp, got {shift!r}",
                field="shocks_bp",
            )
    return shifts


def _currency(code: str) -> str:
    if not is_currency(code):
        raise InvalidBondInput(f"unknown ISO 4217 currency {code!r}", field="currency")
    return code


def _face(face: float, field: str = "face") -> float:
    if not (math.isfinite(face) and 0.0 < face <= MAX_FACE):
        raise InvalidBondInput(f"face must be in (0, {MAX_FACE:g}], got {face!r}", field=field)
    return face


def to_bond(spec: BondSpec) -> Bond:
    """The domain bond of a posted one (its day count's name checked)."""
    return Bond(
        maturity=spec.maturity,
        coupon_rate=spec.coupon_rate,
        frequency=spec.frequency,
        day_count=parse_day_count(spec.day_count),
        issue_date=spec.issue_date,
    )


def bond_result(request: BondRequest) -> BondResult:
    """Check and compute one bond (blocking; the service runs it within the budget)."""
    currency = _currency(request.currency)
    shocks = parse_shocks(request.shocks_bp)
    spec = request.bond
    face = _face(spec.face)
    analytics = analyze_bond(
        to_bond(spec),
        request.settlement,
        yield_rate=spec.yield_rate,
        clean=spec.clean_price,
        shifts_bp=shocks,
    )
    scale = face / FACE
    return BondResult(
        analytics=analytics,
        face=face,
        currency=currency,
        market_value=analytics.dirty_price * scale,
        accrued_amount=analytics.accrued * scale,
        position_dv01=analytics.dv01 * scale,
    )


def ladder_result(request: LadderRequest) -> LadderResult:
    """Check and compute a ladder (blocking)."""
    currency = _currency(request.currency)
    shocks = parse_shocks(request.shocks_bp)
    if not 1 <= len(request.bonds) <= MAX_POSITIONS:
        raise InvalidBondInput(
            f"a ladder holds 1 to {MAX_POSITIONS:,} bonds, got {len(request.bonds):,}",
            field="bonds",
        )
    positions = []
    for index, spec in enumerate(request.bonds):
        try:
            bond = to_bond(spec)
        except InvalidBondInput as error:
            raise InvalidBondInput(error.message, field=f"bonds[{index}].{error.field}") from None
        positions.append(LadderPosition(bond, spec.face, spec.yield_rate, spec.clean_price))
    return LadderResult(analyze_ladder(request.settlement, positions, shocks), currency)


@dataclass(eq=False)
class FixedIncomeService:
    """POST /analytics/fixed-income/bond and /ladder: computed within the compute budget."""

    budget: ComputeBudget

    async def bond(self, request: BondRequest) -> BondResult:
        return await self.budget.run("fixed-income bond", lambda: bond_result(request))

    async def ladder(self, request: LadderRequest) -> LadderResult:
        count = len(request.bonds)
        return await self.budget.run(
            f"fixed-income ladder of {count} bonds", lambda: ladder_result(request)
        )
