"""Account margin status: equity against requirements, per-position lines and margin calls."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from domain.events import DomainEvent
from domain.margin.errors import MarginInputError
from domain.margin.rates import MarginSchedule
from domain.margin.requirements import (
    buying_power,
    liquidation_distance,
    liquidation_price,
    margin_buffer,
    position_requirement,
)
from domain.numbers import ZERO
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument


@dataclass(frozen=True, slots=True)
class PositionMargin:
    """One position's margin line: exposure, requirements and distance to liquidation."""

    symbol: str
    quantity: Decimal
    mark: Decimal
    multiplier: Decimal
    notional: Decimal
    initial_requirement: Decimal
    maintenance_requirement: Decimal
    maintenance_rate: Decimal
    liquidation_distance: Decimal | None
    liquidation_price: Decimal | None


@dataclass(frozen=True, slots=True)
class MarginStatus:
    """An account's margin at a set of marks; positions are sorted by symbol."""

    account_id: str
    equity: Decimal
    gross_exposure: Decimal
    initial_requirement: Decimal
    maintenance_requirement: Decimal
    excess_liquidity: Decimal
    margin_buffer: Decimal
    buying_power: Decimal
    margin_call: bool
    positions: tuple[PositionMargin, ...]

    @property
    def margin_deficit(self) -> Decimal:
        """Maintenance requirement minus equity when in a margin call, else 0."""
        return max(ZERO, self.maintenance_requirement - self.equity)

    def position(self, symbol: str) -> PositionMargin | None:
        return next((line for line in self.positions if line.symbol == symbol), None)


@dataclass(frozen=True, slots=True)
class MarginCallDetected(DomainEvent):
    """Equity fell below the maintenance requirement; `deficit` is what must be restored."""

    account_id: str
    equity: Decimal
    maintenance_requirement: Decimal
    deficit: Decimal


def assess_margin(
    account: Account,
    instruments: Mapping[str, Instrument],
    marks: Mapping[str, Decimal],
    schedule: MarginSchedule,
) -> MarginStatus:
    """Margin status of `account` with every held position valued at its mark."""
    quantities: dict[str, Decimal] = {}
    for symbol, position in account.positions.items():
        if position.quantity == ZERO:
            continue
        instrument = instrument_for(instruments, symbol)
        if position.multiplier != instrument.multiplier:
            # Equity is booked with the position's multiplier; requirements must agree.
            raise MarginInputError(
                f"{symbol}: position multiplier {position.multiplier} differs from "
                f"instrument multiplier {instrument.multiplier}"
            )
        quantities[symbol] = position.quantity
    return assess_holdings(account.id, account.cash, quantities, instruments, marks, schedule)


def assess_holdings(
    account_id: str,
    cash: Decimal,
    quantities: Mapping[str, Decimal],
    instruments: Mapping[str, Instrument],
    marks: Mapping[str, Decimal],
    schedule: MarginSchedule,
) -> MarginStatus:
    """Margin status of cash plus signed quantities (a real or a hypothetical book)."""
    held = sorted((s, q) for s, q in quantities.items() if q != ZERO)
    equity = cash
    gross = initial = maintenance = ZERO
    partial: list[PositionMargin] = []
    for symbol, quantity in held:
        instrument = instrument_for(instruments, symbol)
        mark = mark_for(marks, symbol)
        rates = schedule.rates_for(instrument)
        multiplier = instrument.multiplier
        requirement = position_requirement(quantity, mark, multiplier, rates)
        notional = abs(quantity) * mark * multiplier
        equity += quantity * mark * multiplier
        gross += notional
        initial += requirement.initial
        maintenance += requirement.maintenance
        partial.append(
            PositionMargin(
                symbol=symbol,
                quantity=quantity,
                mark=mark,
                multiplier=multiplier,
                notional=notional,
                initial_requirement=requirement.initial,
                maintenance_requirement=requirement.maintenance,
                maintenance_rate=rates.maintenance(quantity),
                liquidation_distance=None,
                liquidation_price=None,
            )
        )
    excess = equity - maintenance
    # Distances need the account's excess, known only once every position is summed.
    lines = tuple(_with_distance(line, excess) for line in partial)
    return MarginStatus(
        account_id=account_id,
        equity=equity,
        gross_exposure=gross,
        initial_requirement=initial,
        maintenance_requirement=maintenance,
        excess_liquidity=excess,
        margin_buffer=margin_buffer(equity, excess),
        buying_power=buying_power(equity, initial, schedule.default.initial),
        margin_call=equity < maintenance,
        positions=lines,
    )


def detect_margin_call(status: MarginStatus) -> MarginCallDetected | None:
    """The margin call event when equity is below maintenance, else None."""
    if not status.margin_call:
        return None
    return MarginCallDetected(
        account_id=status.account_id,
        equity=status.equity,
        maintenance_requirement=status.maintenance_requirement,
        deficit=status.margin_deficit,
    )


def instrument_for(instruments: Mapping[str, Instrument], symbol: str) -> Instrument:
    """The instrument of `symbol`; margin fails closed on an unknown one."""
    instrument = instruments.get(symbol)
    if instrument is None:
        raise MarginInputError(f"no instrument definition for {symbol}")
    return instrument


def mark_for(marks: Mapping[str, Decimal], symbol: str) -> Decimal:
    """The positive, finite mark of `symbol`; margin fails closed without one."""
    mark = marks.get(symbol)
    if mark is None:
        raise MarginInputError(f"no mark for {symbol}")
    if not mark.is_finite() or mark <= ZERO:
        raise MarginInputError(f"mark for {symbol} must be positive, got {mark}")
    return mark


def _with_distance(line: PositionMargin, excess: Decimal) -> PositionMargin:
    distance = liquidation_distance(
        line.quantity, line.mark, line.multiplier, line.maintenance_rate, excess
    )
    return replace(
        line,
        liquidation_distance=distance,
        liquidation_price=liquidation_price(line.quantity, line.mark, distance),
    )
