"""Per-position margin figures: requirements, liquidation distance, buffer and buying power."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.margin.errors import MarginInputError
from domain.margin.rates import MarginRates
from domain.numbers import ONE, ZERO


@dataclass(frozen=True, slots=True)
class Requirement:
    """Initial and maintenance margin of one position, in account currency."""

    initial: Decimal
    maintenance: Decimal


def position_requirement(
    quantity: Decimal, mark: Decimal, multiplier: Decimal, rates: MarginRates
) -> Requirement:
    """|qty| × mark × multiplier × rate; maintenance takes the long or short rate by sign."""
    notional = abs(quantity) * mark * multiplier
    return Requirement(
        initial=notional * rates.initial,
        maintenance=notional * rates.maintenance(quantity),
    )


def liquidation_distance(
    quantity: Decimal,
    mark: Decimal,
    multiplier: Decimal,
    maintenance_rate: Decimal,
    excess: Decimal,
) -> Decimal | None:
    """Adverse fractional move in this one symbol at which equity meets maintenance.

    A move x against a long of q at p lowers equity by q·p·mult·x and the requirement by
    q·p·mult·m·x, so the excess E − M is used up at x = (E − M) / (q·p·mult·(1 − m)).
    Against a short the price rises: equity falls by |q|·p·mult·x and the requirement
    grows by |q|·p·mult·m·x, so x = (E − M) / (|q|·p·mult·(1 + m)).
    0 when already in a margin call; None for a long that would need the price at or
    below zero (or whose requirement falls exactly as fast as its value): it cannot
    be liquidated by this position alone.
    """
    if quantity == ZERO or mark <= ZERO or multiplier <= ZERO:
        raise MarginInputError("liquidation distance needs a position, a positive mark, multiplier")
    if excess <= ZERO:
        return ZERO
    unit_value = abs(quantity) * mark * multiplier
    if quantity < ZERO:
        return excess / (unit_value * (ONE + maintenance_rate))
    if maintenance_rate >= ONE:
        return None
    distance = excess / (unit_value * (ONE - maintenance_rate))
    return None if distance >= ONE else distance


def liquidation_price(quantity: Decimal, mark: Decimal, distance: Decimal | None) -> Decimal | None:
    """The mark at which the position hits its liquidation distance (None when it cannot)."""
    if distance is None:
        return None
    return mark * (ONE - distance) if quantity > ZERO else mark * (ONE + distance)


def margin_buffer(equity: Decimal, excess: Decimal) -> Decimal:
    """Excess liquidity as a fraction of equity; 0 when equity is not positive."""
    return excess / equity if equity > ZERO else ZERO


def buying_power(equity: Decimal, initial_requirement: Decimal, initial_rate: Decimal) -> Decimal:
    """Notional a new position at `initial_rate` could add before initial margin exceeds equity.

    Opening notional N at rate r leaves equity unchanged (cash becomes a position) and adds
    N·r to the initial requirement, so N may grow until E = IM + N·r, that is
    N = (E − IM) / r; floored at 0 when the account is already below initial margin.
    """
    return max(ZERO, (equity - initial_requirement) / initial_rate)
