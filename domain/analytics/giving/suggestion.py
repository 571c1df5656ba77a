"""The excess-alpha rule: give part of what the portfolio earned beyond its benchmark and a
threshold.

    alpha              = R_p - R_b                       (fractions over the same period)
    excess alpha       = alpha - threshold               (e.g. threshold 0.02: beyond 2 points)
    excess alpha value = max(excess alpha, 0) x V_0      (V_0: the value at the period's start)
    suggested donation = share x excess alpha value, rounded down to the cent, at most `cap`

So a portfolio of 1,000,000 that returned 12% against a benchmark's 7%, with a threshold of
2% and a share of 10%, suggests 0.10 x (0.05 - 0.02) x 1,000,000 = 3,000. Nothing is
suggested when alpha does not clear the threshold. R_p is a time-weighted return when it
comes from the ledger (flows do not count as performance).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from domain.analytics.giving.model import InvalidGivingInput
from domain.numbers import CENT, ZERO, number_spec

# A period's return at the API: a fraction from -1 (all lost) to 100 (+10,000%).
RETURN_FRACTION = number_spec(
    "return_fraction",
    "A return over the period as a fraction (0.12 = +12%), -1 to 100, 10 decimal places",
    -1,
    100,
    above_low=False,
    places=10,
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    start_value: Decimal
    portfolio_return: Decimal
    benchmark_return: Decimal
    threshold: Decimal
    share: Decimal
    alpha: Decimal
    excess_alpha: Decimal  # alpha - threshold (may be negative)
    excess_alpha_value: Decimal  # max(excess, 0) x start value
    suggested: Decimal  # to the cent, rounded down
    capped: bool


def suggest_donation(
    start_value: Decimal,
    portfolio_return: Decimal,
    benchmark_return: Decimal,
    *,
    threshold: Decimal,
    share: Decimal,
    cap: Decimal | None = None,
) -> Suggestion:
    """The suggestion of the module doc; InvalidGivingInput names the field at fault."""
    if not start_value.is_finite() or start_value < ZERO:
        raise InvalidGivingInput("start_value must be 0 or more", field="start_value")
    for name, value in (
        ("portfolio_return", portfolio_return),
        ("benchmark_return", benchmark_return),
    ):
        if not value.is_finite() or value < Decimal(-1):
            raise InvalidGivingInput(f"{name} must be a fraction of -1 or more", field=name)
    if not threshold.is_finite() or threshold < ZERO:
        raise InvalidGivingInput("threshold must be a fraction of 0 or more", field="threshold")
    if not share.is_finite() or not ZERO <= share <= Decimal(1):
        raise InvalidGivingInput("share must be a fraction in [0, 1]", field="share")
    if cap is not None and (not cap.is_finite() or cap < ZERO):
        raise InvalidGivingInput("cap must be 0 or more", field="cap")
    alpha = portfolio_return - benchmark_return
    excess = alpha - threshold
    value = max(excess, ZERO) * start_value
    suggested = (share * value).quantize(CENT, rounding=ROUND_DOWN)
    capped = cap is not None and suggested > cap
    if cap is not None and capped:
        suggested = cap
    return Suggestion(
        start_value, portfolio_return, benchmark_return, threshold, share,
        alpha, excess, value, suggested, capped,
    )  # fmt: skip
