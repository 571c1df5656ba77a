"""A fixed-coupon bullet bond: schedule, price <-> yield, accrued, duration, convexity, DV01.

Conventions (every figure is per 100 of face value unless it says otherwise):

- Schedule: coupon dates step back from `maturity` by 12 / frequency months (the day clamped
  to the month's length, no end-of-month rule), **with no business-day adjustment** (dates are
  paid as generated: QuantLib's NullCalendar / Unadjusted). With an `issue_date` the first
  period runs from it to the first coupon date (a short stub when it falls between two
  generated dates; its reference period is the regular one ending at the first coupon).
- Coupons: 100 x coupon_rate x year_fraction(period) under the bond's day count (ICMA and
  regular 30/360 periods pay exactly coupon_rate / frequency; ACT/365F and ACT/ACT ISDA pay by
  the period's days, as QuantLib's FixedRateBond does). Redemption 100 at maturity.
- Accrued interest: 100 x coupon_rate x year_fraction(accrual start, settlement). A coupon
  paid on the settlement date belongs to the seller (not in the price, accrued 0).
- Yield: street convention, compounded `frequency` times a year: a flow at time T (years)
  is discounted by (1 + y / f)^(-f T). T is built period by period: the first, fractional,
  period is year_fraction(start, coupon) - year_fraction(start, settlement); each later
  period adds its own year fraction (exactly 1/f under ACT/ACT ICMA). This is QuantLib's
  `BondFunctions` discounting, which the tests check to 1e-8.
- Dirty price = sum of discounted flows; clean = dirty - accrued.
- Macaulay duration (years) = sum T_k PV_k / dirty; modified = Macaulay / (1 + y / f);
  convexity (years^2) = (1 / dirty) d2(dirty)/dy2; DV01 = modified x dirty / 10,000 (price
  change per 100 face for a 1 bp fall in yield).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from domain.fixedincome.daycount import DayCount, add_months, year_fraction
from domain.fixedincome.errors import InvalidBondInput

FloatArray = npt.NDArray[np.float64]

FREQUENCIES = (1, 2, 4)
FACE = 100.0
MAX_YEARS = 100
MAX_COUPON_RATE = 1.0  # 100% a year
MAX_YIELD = 10.0  # 1,000% a year
YIELD_TOLERANCE = 1e-12
BP = 1e-4


@dataclass(frozen=True, slots=True)
class Bond:
    """A bullet bond: `coupon_rate` a year as a fraction (0.05 = 5%), paid `frequency` times
    a year (1, 2 or 4), accruing under `day_count`, redeemed at 100 on `maturity`."""

    maturity: date
    coupon_rate: float
    frequency: int
    day_count: DayCount
    issue_date: date | None = None


@dataclass(frozen=True, slots=True)
class CashFlows:
    """The flows still to come after `settlement`, per 100 face.

    `times[k]` is the discount time of `pay_dates[k]` in years (cumulative, see the module
    doc); `amounts[k]` the coupon, the last one plus the redemption of 100.
    """

    settlement: date
    pay_dates: tuple[date, ...]
    amounts: FloatArray
    times: FloatArray
    accrual_start: date
    next_coupon: date
    accrued: float
    frequency: int


def validate_bond(bond: Bond, settlement: date) -> None:
    """Raise InvalidBondInput naming the field when the bond cannot be priced at settlement."""
    if isinstance(bond.frequency, bool) or bond.frequency not in FREQUENCIES:
        raise InvalidBondInput(
            f"frequency must be 1 (annual), 2 (semiannual) or 4 (quarterly), got "
            f"{bond.frequency!r}",
            field="frequency",
        )
    if not math.isfinite(bond.coupon_rate) or not 0.0 <= bond.coupon_rate <= MAX_COUPON_RATE:
        raise InvalidBondInput(
            f"coupon_rate must be a fraction in [0, {MAX_COUPON_RATE:g}] (0.05 = 5%), got "
            f"{bond.coupon_rate!r}",
            field="coupon_rate",
        )
    if settlement >= bond.maturity:
        raise InvalidBondInput(
            f"settlement {settlement} must be before maturity {bond.maturity}", field="settlement"
        )
    if bond.maturity.year - settlement.year > MAX_YEARS:
        raise InvalidBondInput(
            f"maturity must be within {MAX_YEARS} years of settlement", field="maturity"
        )
    if bond.issue_date is not None and bond.issue_date > settlement:
        raise InvalidBondInput(
            f"issue_date {bond.issue_date} must be on or before settlement {settlement}",
            field="issue_date",
        )


def cash_flows(bond: Bond, settlement: date) -> CashFlows:
    """The schedule from maturity backwards and the flows after settlement (validated)."""
    validate_bond(bond, settlement)
    step = 12 // bond.frequency
    ends = [bond.maturity]  # coupon dates after settlement, latest first
    k = 1
    while True:
        previous = add_months(bond.maturity, -k * step)
        if previous <= settlement:
            break
        ends.append(previous)
        k += 1
    ends.reverse()
    regular_start = previous
    first_start = regular_start
    first_ref_start = regular_start
    if bond.issue_date is not None and bond.issue_date > regular_start:
        first_start = bond.issue_date  # a short first (stub) period
        first_ref_start = add_months(ends[0], -step)
    dc = bond.day_count
    starts = [first_start, *ends[:-1]]
    refs = [first_ref_start, *ends[:-1]]
    rate = bond.coupon_rate
    amounts = np.empty(len(ends))
    times = np.empty(len(ends))
    elapsed = 0.0
    for index, (start, end, ref) in enumerate(zip(starts, ends, refs, strict=True)):
        period = year_fraction(dc, start, end, ref, end)
        amounts[index] = FACE * rate * period
        if index == 0 and settlement != start:
            period = period - year_fraction(dc, start, settlement, ref, end)
        elapsed += period
        times[index] = elapsed
    amounts[-1] += FACE
    accrued = 0.0
    if settlement > first_start:
        accrued = FACE * rate * year_fraction(dc, first_start, settlement, first_ref_start, ends[0])
    return CashFlows(
        settlement=settlement,
        pay_dates=tuple(ends),
        amounts=amounts,
        times=times,
        accrual_start=first_start,
        next_coupon=ends[0],
        accrued=accrued,
        frequency=bond.frequency,
    )


def _discounts(flows: CashFlows, yield_rate: float) -> FloatArray:
    f = flows.frequency
    result: FloatArray = np.power(1.0 + yield_rate / f, -f * flows.times)
    return result


def dirty_price(flows: CashFlows, yield_rate: float) -> float:
    """Price per 100 face including accrued interest, at `yield_rate` (compounded f / year)."""
    return float(np.dot(flows.amounts, _discounts(flows, yield_rate)))


def clean_price(flows: CashFlows, yield_rate: float) -> float:
    """Dirty price minus accrued interest, per 100 face."""
    return dirty_price(flows, yield_rate) - flows.accrued


@dataclass(frozen=True, slots=True)
class Sensitivities:
    """Dirty price (per 100), Macaulay and modified duration (years), convexity (years^2),
    DV01 and BPV (price per 100 face per 1 bp; see `dv01_and_bpv`)."""

    dirty: float
    macaulay: float
    modified: float
    convexity: float
    dv01: float
    bpv: float


def dv01_and_bpv(dirty: float, modified: float, convexity: float) -> tuple[float, float]:
    """The two conventions of "the value of a basis point", per 100 face.

    DV01: first order and positive, the price gained for a 1 bp fall in yield,
    modified duration x dirty price x 0.0001. BPV: QuantLib's `basisPointValue`, the price
    change for a 1 bp rise with the convexity term, -D x P x 0.0001 + 1/2 x C x P x 0.0001^2
    (negative for a bond held; |BPV| < DV01 by the convexity term).
    """
    dv01 = modified * dirty * BP
    return dv01, -dv01 + 0.5 * convexity * dirty * BP * BP


def sensitivities(flows: CashFlows, yield_rate: float) -> Sensitivities:
    """Durations, convexity and DV01 at `yield_rate` (analytic derivatives of the dirty price)."""
    f = flows.frequency
    growth = 1.0 + yield_rate / f
    present = flows.amounts * _discounts(flows, yield_rate)
    dirty = float(present.sum())
    t = flows.times
    macaulay = float(np.dot(present, t)) / dirty
    modified = macaulay / growth
    convexity = float(np.dot(present, t * (f * t + 1.0))) / (f * growth * growth) / dirty
    return Sensitivities(
        dirty, macaulay, modified, convexity, *dv01_and_bpv(dirty, modified, convexity)
    )


def check_yield(yield_rate: float, frequency: int, *, field: str = "yield_rate") -> None:
    """Refuse a yield that is not finite, at or below -frequency (no discount factor) or above
    MAX_YIELD."""
    if not math.isfinite(yield_rate) or not -frequency < yield_rate <= MAX_YIELD:
        raise InvalidBondInput(
            f"{field} must be a finite fraction above -{frequency} (the frequency) and at most "
            f"{MAX_YIELD:g}, got {yield_rate!r}",
            field=field,
        )


def yield_from_price(flows: CashFlows, clean: float, *, field: str = "clean_price") -> float:
    """The yield (compounded f / year) whose clean price is `clean`, to 1e-12.

    A bracket [lo, hi] with price(lo) >= target >= price(hi) is found first (the price falls
    monotonically in the yield), then Newton steps that stay inside it, bisecting otherwise.
    """
    if not math.isfinite(clean) or clean <= 0.0:
        raise InvalidBondInput(f"{field} must be a finite price > 0, got {clean!r}", field=field)
    f = flows.frequency
    target = clean + flows.accrued
    lo, hi = 0.0, 0.05
    if dirty_price(flows, 0.0) < target:
        hi = 0.0
        for k in range(1, 16):
            lo = -f * (1.0 - 10.0**-k)
            if dirty_price(flows, lo) >= target:
                break
        else:
            raise InvalidBondInput(
                f"{field} {clean!r} is above every price a yield above -{f} gives", field=field
            )
    else:
        while dirty_price(flows, hi) > target:
            lo = hi
            hi *= 2.0
            if hi > MAX_YIELD:
                raise InvalidBondInput(
                    f"{field} {clean!r} needs a yield above {MAX_YIELD:g} (1,000%)", field=field
                )
    y = 0.5 * (lo + hi)
    for _ in range(200):
        s = sensitivities(flows, y)
        gap = s.dirty - target
        if gap == 0.0:
            return y
        if gap > 0.0:
            lo = y
        else:
            hi = y
        slope = -s.modified * s.dirty
        candidate = y - gap / slope if slope != 0.0 else 0.5 * (lo + hi)
        if not lo < candidate < hi:
            candidate = 0.5 * (lo + hi)
        if abs(candidate - y) < YIELD_TOLERANCE * 1e-2 or hi - lo < YIELD_TOLERANCE:
            return candidate
        y = candidate
    return y


MAX_SHIFT_BP = 5_000.0


@dataclass(frozen=True, slots=True)
class ShockImpact:
    """A parallel yield shift of `shift_bp` basis points, per 100 face: the full repricing
    (`dirty_price`, `full_change`) beside the Taylor estimates from the base point:
    `duration_estimate` = -modified x dirty x dy and `estimate` = that + convexity x dirty x
    dy^2 / 2; `error` = estimate - full_change."""

    shift_bp: float
    yield_rate: float
    dirty_price: float
    full_change: float
    duration_estimate: float
    estimate: float
    error: float


@dataclass(frozen=True, slots=True)
class BondAnalytics:
    """One bond at one settlement date: prices per 100 face, durations in years, convexity in
    years^2, DV01 and BPV per 100 face per 1 bp (`dv01_and_bpv`), the yield as a fraction
    compounded f / year."""

    bond: Bond
    settlement: date
    flows: CashFlows
    yield_rate: float
    clean_price: float
    dirty_price: float
    accrued: float
    macaulay_duration: float
    modified_duration: float
    convexity: float
    dv01: float
    bpv: float
    shocks: tuple[ShockImpact, ...]


def check_shifts(shifts_bp: tuple[float, ...], yield_rate: float, frequency: int) -> None:
    """Refuse a shift that is not finite, beyond +/- MAX_SHIFT_BP or that takes the yield to
    -frequency or below (InvalidBondInput naming `shocks_bp`)."""
    for shift in shifts_bp:
        if not math.isfinite(shift) or abs(shift) > MAX_SHIFT_BP:
            raise InvalidBondInput(
                f"shocks_bp must be finite, within +/- {MAX_SHIFT_BP:,.0f} bp, got {shift!r}",
                field="shocks_bp",
            )
        if yield_rate + shift * BP <= -frequency:
            raise InvalidBondInput(
                f"a shift of {shift:g} bp takes the yield to -{frequency} or below",
                field="shocks_bp",
            )


def shock_impacts(
    flows: CashFlows, yield_rate: float, base: Sensitivities, shifts_bp: tuple[float, ...]
) -> tuple[ShockImpact, ...]:
    """Each shift repriced in full and estimated by duration (+ convexity), per 100 face."""
    check_shifts(shifts_bp, yield_rate, flows.frequency)
    impacts = []
    for shift in shifts_bp:
        dy = shift * BP
        shocked = dirty_price(flows, yield_rate + dy)
        full = shocked - base.dirty
        linear = -base.modified * base.dirty * dy
        estimate = linear + 0.5 * base.convexity * base.dirty * dy * dy
        impacts.append(
            ShockImpact(shift, yield_rate + dy, shocked, full, linear, estimate, estimate - full)
        )
    return tuple(impacts)


def analyze_bond(
    bond: Bond,
    settlement: date,
    *,
    yield_rate: float | None = None,
    clean: float | None = None,
    shifts_bp: tuple[float, ...] = (),
) -> BondAnalytics:
    """Price from yield or yield from clean price (exactly one), then every measure."""
    flows = cash_flows(bond, settlement)
    if (yield_rate is None) == (clean is None):
        raise InvalidBondInput("give exactly one of yield_rate or clean_price", field="yield_rate")
    if yield_rate is None:
        assert clean is not None
        yield_rate = yield_from_price(flows, clean)
    else:
        check_yield(yield_rate, bond.frequency)
    base = sensitivities(flows, yield_rate)
    return BondAnalytics(
        bond=bond,
        settlement=settlement,
        flows=flows,
        yield_rate=yield_rate,
        clean_price=base.dirty - flows.accrued,
        dirty_price=base.dirty,
        accrued=flows.accrued,
        macaulay_duration=base.macaulay,
        modified_duration=base.modified,
        convexity=base.convexity,
        dv01=base.dv01,
        bpv=base.bpv,
        shocks=shock_impacts(flows, yield_rate, base, shifts_bp),
    )
