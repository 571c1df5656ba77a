"""Deleverage planning: the fewest position reductions that restore a target margin buffer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from domain.margin.errors import InvalidMarginTarget
from domain.margin.rates import MarginSchedule
from domain.margin.requirements import margin_buffer
from domain.margin.status import PositionMargin, assess_margin, instrument_for
from domain.numbers import ONE, ZERO
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Side


@dataclass(frozen=True, slots=True)
class DeleverageStep:
    """One reduction at the mark: trade `quantity` of `symbol` on `side` toward flat."""

    symbol: str
    side: Side
    quantity: Decimal
    position_quantity: Decimal
    mark: Decimal
    notional: Decimal
    maintenance_released: Decimal
    buffer_before: Decimal
    buffer_after: Decimal
    explanation: str


@dataclass(frozen=True, slots=True)
class DeleveragePlan:
    """Ordered reductions; `reaches_target` is False when even closing everything falls short."""

    account_id: str
    target_buffer: Decimal
    equity: Decimal
    maintenance_before: Decimal
    maintenance_after: Decimal
    buffer_before: Decimal
    buffer_after: Decimal
    steps: tuple[DeleverageStep, ...]
    reaches_target: bool

    @property
    def maintenance_released(self) -> Decimal:
        return sum((step.maintenance_released for step in self.steps), ZERO)


def plan_deleverage(
    account: Account,
    instruments: Mapping[str, Instrument],
    marks: Mapping[str, Decimal],
    schedule: MarginSchedule,
    target_buffer: Decimal,
) -> DeleveragePlan:
    """Reach excess / equity ≥ `target_buffer` with the fewest reductions.

    Closing at the mark leaves equity E unchanged and lowers maintenance M, so the target
    holds once M ≤ (1 − target)·E. Releasing the largest requirements first therefore
    needs the fewest positions: whole positions in order of the maintenance they release
    (ties by symbol), the last one only in part, rounded up to its lot size and never
    beyond the position. With E ≤ 0 no reduction helps: the plan closes everything.
    """
    if (
        not isinstance(target_buffer, Decimal)
        or not target_buffer.is_finite()
        or not ZERO <= target_buffer < ONE
    ):
        raise InvalidMarginTarget(f"target buffer must be in [0, 1), got {target_buffer!r}")
    status = assess_margin(account, instruments, marks, schedule)
    equity = status.equity
    allowed = (ONE - target_buffer) * equity
    maintenance = status.maintenance_requirement
    steps: list[DeleverageStep] = []
    for line in sorted(status.positions, key=_largest_release_first):
        if _reached(equity, maintenance, allowed):
            break
        quantity = abs(line.quantity)
        released = line.maintenance_requirement
        if equity > ZERO and maintenance - released <= allowed:
            lot = instrument_for(instruments, line.symbol).lot_size
            quantity = _partial_quantity(line, maintenance - allowed, lot)
            released = _release(line, quantity)
        step = _step(line, quantity, released, equity, maintenance)
        steps.append(step)
        maintenance -= released
    return DeleveragePlan(
        account_id=account.id,
        target_buffer=target_buffer,
        equity=equity,
        maintenance_before=status.maintenance_requirement,
        maintenance_after=maintenance,
        buffer_before=status.margin_buffer,
        buffer_after=margin_buffer(equity, equity - maintenance),
        steps=tuple(steps),
        reaches_target=_reached(equity, maintenance, allowed),
    )


def _largest_release_first(line: PositionMargin) -> tuple[Decimal, str]:
    return (-line.maintenance_requirement, line.symbol)


def _reached(equity: Decimal, maintenance: Decimal, allowed: Decimal) -> bool:
    # Multiplied out (E − M ≥ t·E) so no division rounding decides the outcome.
    return equity > ZERO and maintenance <= allowed


def _release(line: PositionMargin, quantity: Decimal) -> Decimal:
    if quantity == abs(line.quantity):
        return line.maintenance_requirement
    return quantity * line.mark * line.multiplier * line.maintenance_rate


def _partial_quantity(line: PositionMargin, needed: Decimal, lot: Decimal) -> Decimal:
    """Smallest whole number of lots releasing `needed`, capped at the whole position."""
    full = abs(line.quantity)
    per_lot = lot * line.mark * line.multiplier * line.maintenance_rate
    lots = (needed / per_lot).to_integral_value(rounding=ROUND_CEILING)
    quantity = min(full, lots * lot)
    # A quotient rounded at the context's precision can land one lot short; top it up.
    while quantity < full and _release(line, quantity) < needed:
        quantity = min(full, quantity + lot)
    return quantity


def _step(
    line: PositionMargin,
    quantity: Decimal,
    released: Decimal,
    equity: Decimal,
    maintenance: Decimal,
) -> DeleverageStep:
    side = Side.SELL if line.quantity > ZERO else Side.BUY
    before = margin_buffer(equity, equity - maintenance)
    after = margin_buffer(equity, equity - (maintenance - released))
    direction = "long" if line.quantity > ZERO else "short"
    explanation = (
        f"{side.value.capitalize()} {_fmt_qty(quantity)} {line.symbol} "
        f"(of {_fmt_qty(abs(line.quantity))} {direction}): "
        f"releases {released:,.2f} maintenance; buffer {before:.1%} → {after:.1%}"
    )
    return DeleverageStep(
        symbol=line.symbol,
        side=side,
        quantity=quantity,
        position_quantity=line.quantity,
        mark=line.mark,
        notional=quantity * line.mark * line.multiplier,
        maintenance_released=released,
        buffer_before=before,
        buffer_after=after,
        explanation=explanation,
    )


def _fmt_qty(quantity: Decimal) -> str:
    return f"{quantity.normalize():,f}"
