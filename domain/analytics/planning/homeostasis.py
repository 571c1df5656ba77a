"""Homeostasis: how far a person's wealth is from covering their expenses for good.

Definitions (money in one currency; Decimal throughout, no float on the money path):
- freedom number F = annual expenses E / safe withdrawal rate w (default 4%: the wealth whose
  w-share each year pays the expenses), rounded half-even to the cent;
- progress p = wealth W / F, a fraction (1 = 100%), unbounded above and negative when W < 0;
  `progress_capped` clamps it to [0, 1] for a progress bar;
- years of expenses covered = W / E (how long the wealth lasts spent flat, no return);
- the gap = max(F - W, 0), zero once W >= F (`reached`).

Rounding (these are shown to a person): money (F, the gap, W as given) half-even to the cent,
fractions (progress) half-even to 6 places, years half-even to 2 places. F is rounded first
and everything else is computed from the rounded F, so `reached`, the gap and progress >= 1
always agree.

Years to freedom (closed form): with wealth W_0 today, savings S per year added at each year's
end and a constant expected real return r per year (compounded yearly; real = after inflation,
so F stays in today's money), wealth after n years is

    W_n = W_0 (1 + r)^n + S ((1 + r)^n - 1) / r        (r != 0),    W_n = W_0 + n S  (r = 0).

Solving W_n = F for a real n (fractional years, interpolating the yearly compounding):

    n = ln((F r + S) / (W_0 r + S)) / ln(1 + r)       (r != 0),    n = (F - W_0) / S  (r = 0),

defined when both F r + S and W_0 r + S are > 0 (r = 0: S > 0). Otherwise F is never reached
(wealth shrinks, or converges to S / -r < F when r < 0) and the answer is None. n = 0 when
W_0 >= F already. The logarithms run in binary floating point (fine for a planning horizon);
n is then rounded half-even to 0.01 year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from domain.errors import DomainError
from domain.numbers import CENT, ONE, ZERO

FRACTION_PLACES = Decimal("0.000001")
YEAR_PLACES = Decimal("0.01")
DEFAULT_SAFE_WITHDRAWAL_RATE = Decimal("0.04")
MAX_SAFE_WITHDRAWAL_RATE = Decimal("0.2")


class InvalidPlanningFigure(DomainError):
    """A planning input outside its range; `field` names it (422 over HTTP)."""

    code = "INVALID_PLANNING_INPUT"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field} {message}", field=field)


def money(value: Decimal) -> Decimal:
    """`value` half-even to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def _finite(field: str, value: Decimal) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InvalidPlanningFigure(field, f"must be a finite Decimal, got {value!r}")
    return value


def check_annual_expenses(value: Decimal) -> Decimal:
    """Annual expenses must be finite and > 0 (a freedom number of nothing means nothing)."""
    if _finite("annual_expenses", value) <= ZERO:
        raise InvalidPlanningFigure("annual_expenses", f"must be > 0, got {value}")
    return value


def check_safe_withdrawal_rate(value: Decimal) -> Decimal:
    """The safe withdrawal rate is a fraction in (0, 0.2] (4% = 0.04)."""
    if not ZERO < _finite("safe_withdrawal_rate", value) <= MAX_SAFE_WITHDRAWAL_RATE:
        raise InvalidPlanningFigure(
            "safe_withdrawal_rate", f"must be in (0, {MAX_SAFE_WITHDRAWAL_RATE}], got {value}"
        )
    return value


def freedom_number(
    annual_expenses: Decimal, safe_withdrawal_rate: Decimal = DEFAULT_SAFE_WITHDRAWAL_RATE
) -> Decimal:
    """F = E / w, half-even to the cent (40,000 a year at 4% -> 1,000,000.00)."""
    expenses = check_annual_expenses(annual_expenses)
    rate = check_safe_withdrawal_rate(safe_withdrawal_rate)
    return money(expenses / rate)


@dataclass(frozen=True, slots=True)
class Homeostasis:
    """Where a person stands against their freedom number (module doc for each figure)."""

    annual_expenses: Decimal
    safe_withdrawal_rate: Decimal
    wealth: Decimal
    freedom_number: Decimal
    progress: Decimal
    progress_capped: Decimal
    years_covered: Decimal
    gap: Decimal
    reached: bool


def homeostasis(
    wealth: Decimal,
    annual_expenses: Decimal,
    safe_withdrawal_rate: Decimal = DEFAULT_SAFE_WITHDRAWAL_RATE,
) -> Homeostasis:
    """The figures for `wealth` (may be negative: debt) against `annual_expenses` at rate w."""
    held = money(_finite("wealth", wealth))
    target = freedom_number(annual_expenses, safe_withdrawal_rate)
    progress = (held / target).quantize(FRACTION_PLACES, rounding=ROUND_HALF_EVEN)
    covered = (held / annual_expenses).quantize(YEAR_PLACES, rounding=ROUND_HALF_EVEN)
    return Homeostasis(
        annual_expenses=annual_expenses,
        safe_withdrawal_rate=safe_withdrawal_rate,
        wealth=held,
        freedom_number=target,
        progress=progress,
        progress_capped=min(max(progress, ZERO), ONE),
        years_covered=covered,
        gap=max(target - held, ZERO),
        reached=held >= target,
    )


def years_to_freedom(
    wealth: Decimal,
    target: Decimal,
    annual_savings: Decimal,
    real_return: Decimal,
) -> Decimal | None:
    """Years until `wealth` reaches `target` (closed form in the module doc); None: never.

    `annual_savings`: money added at each year's end (may be 0 or negative: drawing down).
    `real_return`: expected real return per year as a fraction, > -1 (0.03 = 3%).
    """
    w0 = _finite("wealth", wealth)
    f = _finite("target", target)
    s = _finite("annual_savings", annual_savings)
    r = _finite("real_return", real_return)
    if r <= -ONE:
        raise InvalidPlanningFigure("real_return", f"must be > -1, got {r}")
    if w0 >= f:
        return ZERO
    if r == ZERO:
        if s <= ZERO:
            return None
        return ((f - w0) / s).quantize(YEAR_PLACES, rounding=ROUND_HALF_EVEN)
    ahead = f * r + s
    now = w0 * r + s
    if ahead <= ZERO or now <= ZERO:
        return None
    years = math.log(float(ahead / now)) / math.log1p(float(r))
    if not math.isfinite(years) or years < 0:
        return None
    return Decimal(repr(years)).quantize(YEAR_PLACES, rounding=ROUND_HALF_EVEN)
