"""Position sizing: fixed-fractional (the 2% rule) and volatility-scaled, capped and lot-rounded."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from domain.errors import DomainError
from domain.numbers import ONE, ZERO, bounded_arithmetic

DEFAULT_RISK_FRACTION = Decimal("0.02")
DEFAULT_MAX_POSITION_FRACTION = Decimal("0.10")
DEFAULT_VOLATILITY_MULTIPLE = Decimal(2)


class InvalidSizingInput(DomainError):
    """Position-sizing inputs are inconsistent (stop at entry, non-positive equity, ...)."""

    code = "INVALID_SIZING_INPUT"


@dataclass(frozen=True, slots=True)
class SizingResult:
    """A suggested quantity (unsigned, whole lots) with the money it puts at risk."""

    quantity: Decimal
    notional: Decimal
    risk_amount: Decimal
    risk_fraction_used: Decimal
    stop_distance: Decimal
    capped: bool
    explanation: str


def fixed_fractional(
    equity: Decimal,
    entry: Decimal,
    stop: Decimal,
    risk_fraction: Decimal = DEFAULT_RISK_FRACTION,
    max_position_fraction: Decimal = DEFAULT_MAX_POSITION_FRACTION,
    lot_size: Decimal = ONE,
    multiplier: Decimal = ONE,
) -> SizingResult:
    """Risk `risk_fraction` of equity between `entry` and `stop` (long or short).

    quantity = equity × risk_fraction / (|entry − stop| × multiplier), capped so that
    quantity × entry × multiplier ≤ max_position_fraction × equity, rounded down to lots.
    """
    _require_finite(entry=entry, stop=stop)
    if stop < ZERO:
        raise InvalidSizingInput(f"stop must not be negative, got {stop}")
    if entry == stop:
        raise InvalidSizingInput("entry and stop must differ: the stop distance would be zero")
    with bounded_arithmetic("position size"):
        return _size(
            equity,
            entry,
            abs(entry - stop),
            risk_fraction,
            max_position_fraction,
            lot_size,
            multiplier,
            f"stop {stop}",
        )


def volatility_sized(
    equity: Decimal,
    entry: Decimal,
    volatility: Decimal,
    risk_fraction: Decimal = DEFAULT_RISK_FRACTION,
    volatility_multiple: Decimal = DEFAULT_VOLATILITY_MULTIPLE,
    max_position_fraction: Decimal = DEFAULT_MAX_POSITION_FRACTION,
    lot_size: Decimal = ONE,
    multiplier: Decimal = ONE,
) -> SizingResult:
    """Fixed-fractional sizing with the stop `volatility_multiple` × `volatility` away.

    `volatility` is a per-unit price move in price units (an ATR, or a daily price
    standard deviation), not an annualised percentage: convert one first
    (price × σ_annual / √252 for a daily move).
    """
    _require_finite(volatility=volatility, volatility_multiple=volatility_multiple)
    if volatility <= ZERO:
        raise InvalidSizingInput(f"volatility must be positive, got {volatility}")
    if volatility_multiple <= ZERO:
        raise InvalidSizingInput(f"volatility_multiple must be positive, got {volatility_multiple}")
    with bounded_arithmetic("position size"):
        return _size(
            equity,
            entry,
            volatility * volatility_multiple,
            risk_fraction,
            max_position_fraction,
            lot_size,
            multiplier,
            f"{volatility_multiple} x volatility {volatility}",
        )


def _size(
    equity: Decimal,
    entry: Decimal,
    stop_distance: Decimal,
    risk_fraction: Decimal,
    max_position_fraction: Decimal,
    lot_size: Decimal,
    multiplier: Decimal,
    stop_label: str,
) -> SizingResult:
    _require_finite(
        equity=equity,
        entry=entry,
        risk_fraction=risk_fraction,
        max_position_fraction=max_position_fraction,
        lot_size=lot_size,
        multiplier=multiplier,
    )
    for name, value in (
        ("equity", equity),
        ("entry", entry),
        ("lot_size", lot_size),
        ("multiplier", multiplier),
    ):
        if value <= ZERO:
            raise InvalidSizingInput(f"{name} must be positive, got {value}")
    for name, fraction in (
        ("risk_fraction", risk_fraction),
        ("max_position_fraction", max_position_fraction),
    ):
        if not ZERO < fraction <= ONE:
            raise InvalidSizingInput(f"{name} must be in (0, 1], got {fraction}")

    risk_budget = equity * risk_fraction
    by_risk = risk_budget / (stop_distance * multiplier)
    by_cap = equity * max_position_fraction / (entry * multiplier)
    capped = by_cap < by_risk
    quantity = _round_down_to_lot(min(by_risk, by_cap), lot_size)
    risk_amount = quantity * stop_distance * multiplier
    explanation = (
        f"risk {risk_fraction} of equity {equity} = {risk_budget} over {stop_label} "
        f"(distance {stop_distance} x multiplier {multiplier}) -> {_short(by_risk)}"
    )
    if capped:
        explanation += f"; capped at {max_position_fraction} of equity -> {_short(by_cap)}"
    explanation += f"; rounded down to lot {lot_size} -> {quantity}"
    return SizingResult(
        quantity=quantity,
        notional=quantity * entry * multiplier,
        risk_amount=risk_amount,
        risk_fraction_used=risk_amount / equity,
        stop_distance=stop_distance,
        capped=capped,
        explanation=explanation,
    )


def _round_down_to_lot(quantity: Decimal, lot_size: Decimal) -> Decimal:
    lots = (quantity / lot_size).quantize(ONE, rounding=ROUND_DOWN)
    return lots * lot_size


def _short(value: Decimal) -> str:
    """Two decimals for the explanation; the result fields keep full precision."""
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def _require_finite(**values: Decimal) -> None:
    for name, value in values.items():
        if not isinstance(value, Decimal) or not value.is_finite():
            raise InvalidSizingInput(f"{name} must be a finite Decimal, got {value!r}")
