"""Portfolio returns: time-weighted (daily-linked), Modified Dietz, money-weighted (XIRR).

Conventions (all returns are fractions: 0.05 is 5 %):

- Values are end-of-day market values (holdings at the close plus cash); flows are external
  cash flows (deposits +, withdrawals -, shares transferred in/out at their value), taken to
  arrive at the START of their day, before the day's market move, so they earn that day.
- time_weighted_return: daily sub-period returns r_i = V_i / (V_{i-1} + F_i) - 1 chained
  geometrically, prod(1 + r_i) - 1; the value before the first day is 0 (a first-day deposit
  is the first day's base). Exact Decimal arithmetic (28 significant digits).
- modified_dietz: (V_end - V_start - sum F) / (V_start + sum w_i F_i), the flow on day d
  weighted by the share of the period it was invested, w = (end - d + 1) / (end - start)
  calendar days (start-of-day flows, as above; the period starts after the close of `start`).
- money_weighted_return: the internal rate of return of the investor's flows, ACT/365
  annualized (Excel's XIRR convention): sum c_i / (1 + r)^((d_i - d_0) / 365) = 0, the
  investor paying deposits (-) and receiving withdrawals and the terminal value (+).
  Bracketed on a fixed grid of rates, then safeguarded Newton steps inside the bracket
  (bisection when Newton leaves it); None when the flows have no sign change (no rate
  solves it). Solved in floats to |f(r)| relative 1e-12, returned as a Decimal to 1e-10.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import pairwise

from domain.errors import InvalidTransaction
from domain.numbers import ONE, ZERO

DAYS_PER_YEAR = 365  # ACT/365
_QUANTUM = Decimal("1E-10")
# Where the XIRR root is looked for: rates from -99.9999 % to +10^11 % a year (a short
# period annualizes to large rates).
_GRID = (
    -0.999999,
    -0.99,
    -0.9,
    -0.75,
    -0.5,
    -0.25,
    -0.1,
    0.0,
    0.1,
    0.25,
    0.5,
    1.0,
    2.0,
    5.0,
    10.0,
    100.0,
    1e3,
    1e4,
    1e6,
    1e9,
)


def daily_returns(values: Sequence[Decimal], flows: Sequence[Decimal]) -> list[Decimal | None]:
    """Each day's return V_i / (V_{i-1} + F_i) - 1 (V_{-1} = 0); 0 for a day with nothing
    invested and nothing held, None for a day whose base is not positive but ends with value."""
    if len(values) != len(flows):
        raise InvalidTransaction("values and flows must be of the same length", field="flows")
    out: list[Decimal | None] = []
    previous = ZERO
    for value, flow in zip(values, flows, strict=True):
        base = previous + flow
        if base > ZERO:
            out.append(value / base - ONE)
        elif value == ZERO and base == ZERO:
            out.append(ZERO)
        else:
            out.append(None)
        previous = value
    return out


def time_weighted_return(values: Sequence[Decimal], flows: Sequence[Decimal]) -> Decimal | None:
    """The chained daily return over the series (see the module's conventions); None when a
    day cannot be measured (its base V_{i-1} + F_i is not positive yet it ends with value)."""
    growth = ONE
    for r in daily_returns(values, flows):
        if r is None:
            return None
        growth *= ONE + r
    return growth - ONE


def modified_dietz(
    start_value: Decimal,
    end_value: Decimal,
    flows: Sequence[tuple[date, Decimal]],
    start: date,
    end: date,
) -> Decimal | None:
    """Modified Dietz return from the close of `start` to the close of `end`; flows dated in
    (start, end] (start-of-day); None when the weighted capital is not positive."""
    period = (end - start).days
    if period <= 0:
        raise InvalidTransaction("end must be after start", field="end")
    net = ZERO
    weighted = ZERO
    for day, amount in flows:
        if not start < day <= end:
            raise InvalidTransaction(f"flow dated {day} is outside ({start}, {end}]", field="flows")
        net += amount
        weighted += amount * Decimal((end - day).days + 1) / Decimal(period)
    capital = start_value + weighted
    if capital <= ZERO:
        return None
    return (end_value - start_value - net) / capital


def annualize(total_return: Decimal, days: int) -> Decimal:
    """(1 + R)^(365 / days) - 1, ACT/365, to 1e-10 (periods under a year are annualized too)."""
    if days <= 0:
        raise InvalidTransaction("a period must last at least a day", field="days")
    growth = float(ONE + total_return)
    if growth <= 0:
        return Decimal(-1)
    return Decimal(repr(growth ** (DAYS_PER_YEAR / days) - 1)).quantize(_QUANTUM)


def money_weighted_return(
    flows: Sequence[tuple[date, Decimal]], terminal_value: Decimal, end: date
) -> Decimal | None:
    """The annualized IRR (ACT/365) of a portfolio's external flows (deposits +, withdrawals
    -, the starting value as a deposit on the first day) ending worth `terminal_value` on
    `end`. None when no rate solves it (the flows never change sign)."""
    if not flows:
        return None
    first = min(day for day, _ in flows)
    if end < first:
        raise InvalidTransaction("end is before the first flow", field="end")
    # The investor's view: deposits are paid (-), withdrawals and the end value received (+).
    times = [(day - first).days / DAYS_PER_YEAR for day, _ in flows]
    amounts = [-float(amount) for _, amount in flows]
    times.append((end - first).days / DAYS_PER_YEAR)
    amounts.append(float(terminal_value))
    rate = xirr(times, amounts)
    return None if rate is None else Decimal(repr(rate)).quantize(_QUANTUM)


def xirr(times: Sequence[float], amounts: Sequence[float]) -> float | None:
    """The rate r > -1 with sum a_i (1 + r)^-t_i = 0 (t in years); the root nearest 0 when
    several brackets change sign; None when none does."""
    scale = max((abs(a) for a in amounts), default=0.0)
    if scale == 0.0 or min(amounts) >= 0.0 or max(amounts) <= 0.0:
        return None
    points = [(r, _npv(times, amounts, r)) for r in _GRID]
    brackets = [
        (lo, f_lo, hi, f_hi)
        for (lo, f_lo), (hi, f_hi) in pairwise(points)
        if f_lo == 0.0 or (f_lo > 0.0) != (f_hi > 0.0)
    ]
    if not brackets:
        return None
    lo, f_lo, hi, _ = min(brackets, key=lambda b: min(abs(b[0]), abs(b[2])))
    if f_lo == 0.0:
        return lo
    return _solve(times, amounts, lo, f_lo, hi, scale)


def _npv(times: Sequence[float], amounts: Sequence[float], rate: float) -> float:
    log_growth = math.log1p(rate)
    total = 0.0
    for t, a in zip(times, amounts, strict=True):
        exponent = -t * log_growth
        total += a * math.exp(min(exponent, 700.0))
    return total


def _npv_slope(times: Sequence[float], amounts: Sequence[float], rate: float) -> float:
    log_growth = math.log1p(rate)
    total = 0.0
    for t, a in zip(times, amounts, strict=True):
        total -= t * a * math.exp(min(-(t + 1.0) * log_growth, 700.0))
    return total


def _solve(
    times: Sequence[float],
    amounts: Sequence[float],
    lo: float,
    f_lo: float,
    hi: float,
    scale: float,
) -> float:
    """Newton's method kept inside the bracket [lo, hi]; bisection when it would leave it."""
    rate = (lo + hi) / 2.0
    for _ in range(200):
        value = _npv(times, amounts, rate)
        if abs(value) <= 1e-12 * scale or hi - lo <= 1e-15 * max(1.0, abs(rate)):
            return rate
        if (value > 0.0) == (f_lo > 0.0):
            lo, f_lo = rate, value
        else:
            hi = rate
        slope = _npv_slope(times, amounts, rate)
        step = rate - value / slope if slope != 0.0 else math.nan
        rate = step if lo < step < hi else (lo + hi) / 2.0
    return rate
