"""Margin impact of a prospective order, assuming it fills in full at its price."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from domain.margin.errors import MarginInputError
from domain.margin.rates import MarginSchedule
from domain.margin.status import assess_holdings, assess_margin, instrument_for
from domain.numbers import ZERO
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Side


@dataclass(frozen=True, slots=True)
class MarginImpact:
    """Margin before and after an order fills; `initial_change` = after − before.

    `exceeds_buying_power`: the order raises the initial requirement above equity.
    `causes_margin_call`: after the fill equity is below maintenance and the deficit is
    new or deeper than before (a reducing order in a margin call does not count).
    """

    symbol: str
    side: Side
    quantity: Decimal
    price: Decimal
    position_before: Decimal
    position_after: Decimal
    equity_before: Decimal
    equity_after: Decimal
    initial_before: Decimal
    initial_after: Decimal
    initial_change: Decimal
    maintenance_before: Decimal
    maintenance_after: Decimal
    buying_power_before: Decimal
    buying_power_after: Decimal
    excess_before: Decimal
    excess_after: Decimal
    margin_call_after: bool
    causes_margin_call: bool
    exceeds_buying_power: bool


def margin_impact(
    account: Account,
    instruments: Mapping[str, Instrument],
    marks: Mapping[str, Decimal],
    schedule: MarginSchedule,
    symbol: str,
    side: Side,
    quantity: Decimal,
    price: Decimal,
) -> MarginImpact:
    """Margin of `account` now and once `quantity` of `symbol` fills at `price`.

    Cash moves by quantity × price × multiplier; positions stay valued at their marks
    (the traded symbol at `price` when it has no mark). A reducing order lowers the
    requirement; one that flips the position is charged at the new side's rates.
    """
    if not quantity.is_finite() or quantity <= ZERO:
        raise MarginInputError(f"order quantity must be positive, got {quantity}")
    if not price.is_finite() or price <= ZERO:
        raise MarginInputError(f"order price must be positive, got {price}")
    instrument = instrument_for(instruments, symbol)
    before = assess_margin(account, instruments, marks, schedule)

    signed = quantity * side.sign
    held = account.position_quantity(symbol)
    quantities = {s: p.quantity for s, p in account.positions.items()}
    quantities[symbol] = held + signed
    cash_after = account.cash - signed * price * instrument.multiplier
    marks_after = marks if symbol in marks else {**marks, symbol: price}
    after = assess_holdings(account.id, cash_after, quantities, instruments, marks_after, schedule)

    change = after.initial_requirement - before.initial_requirement
    return MarginImpact(
        symbol=symbol,
        side=side,
        quantity=quantity,
        price=price,
        position_before=held,
        position_after=held + signed,
        equity_before=before.equity,
        equity_after=after.equity,
        initial_before=before.initial_requirement,
        initial_after=after.initial_requirement,
        initial_change=change,
        maintenance_before=before.maintenance_requirement,
        maintenance_after=after.maintenance_requirement,
        buying_power_before=before.buying_power,
        buying_power_after=after.buying_power,
        excess_before=before.excess_liquidity,
        excess_after=after.excess_liquidity,
        margin_call_after=after.margin_call,
        causes_margin_call=after.margin_call and after.margin_deficit > before.margin_deficit,
        exceeds_buying_power=change > ZERO and after.equity < after.initial_requirement,
    )
