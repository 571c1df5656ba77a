"""An account's options approval level, in the common US broker convention (Alpaca's levels):

| level | allows |
|---|---|
| 0 | no options (closing a position is always allowed) |
| 1 | covered calls and cash-secured puts |
| 2 | buying calls and puts (long options) |
| 3 | spreads: a short option covered by long options of the same underlying and right |
| 4 | uncovered (naked) calls and puts |

Each level includes those below it. A single-leg order needs the level of what its opening
part makes (the part that only reduces a position needs none):

- buying to open a call or a put: 2;
- selling a call: 1 when the underlying shares held cover every short call of that underlying
  (this one included, × multiplier), else 3 when long calls of the same underlying expiring no
  earlier cover every short call of it, else 4;
- selling a put: 1 when cash covers strike × multiplier of every short put (this one
  included), else 3 when long puts of the same underlying expiring no earlier cover every short
  put of it, else 4.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import IntEnum

from domain.errors import DomainError
from domain.numbers import ZERO
from domain.trading.instruments import AssetClass, Instrument, OptionRight
from domain.trading.orders import Side


class OptionsLevel(IntEnum):
    """What an account may do with options (see the module)."""

    NONE = 0
    COVERED = 1
    LONG = 2
    SPREADS = 3
    UNCOVERED = 4


class InvalidOptionsLevel(DomainError):
    """An options level outside 0 to 4."""

    code = "INVALID_OPTIONS_LEVEL"


def options_level(value: int) -> OptionsLevel:
    """`value` as a level; InvalidOptionsLevel outside 0 to 4."""
    if isinstance(value, bool) or value not in OptionsLevel._value2member_map_:
        raise InvalidOptionsLevel(
            f"options_level must be 0 to 4, got {value!r}", field="options_level"
        )
    return OptionsLevel(value)


def opening_quantity(position: Decimal, side: Side, quantity: Decimal) -> Decimal:
    """The part of an order that opens or grows a position (the rest only reduces it)."""
    signed = quantity * side.sign
    if position == ZERO or (position > ZERO) == (signed > ZERO):
        return quantity
    return max(ZERO, quantity - abs(position))


def required_level(
    option: Instrument,
    side: Side,
    quantity: Decimal,
    positions: Mapping[str, Decimal],
    instruments: Mapping[str, Instrument],
    cash: Decimal,
) -> OptionsLevel:
    """The level an order on `option` needs, given the account's signed `positions` (by
    symbol, with `instruments` for them) and its `cash`."""
    opening = opening_quantity(positions.get(option.symbol, ZERO), side, quantity)
    if opening == ZERO:
        return OptionsLevel.NONE
    if side is Side.BUY:
        return OptionsLevel.LONG
    held = _Holdings(option, positions, instruments)
    if held.covered(opening, cash):
        return OptionsLevel.COVERED
    if held.spread(opening):
        return OptionsLevel.SPREADS
    return OptionsLevel.UNCOVERED


class _Holdings:
    """The account's holdings of an option's underlying and of its options."""

    def __init__(
        self,
        option: Instrument,
        positions: Mapping[str, Decimal],
        instruments: Mapping[str, Instrument],
    ) -> None:
        self.option = option
        self.shares = positions.get(option.underlying or "", ZERO)
        # Every option of the same underlying and right held, with its signed quantity.
        self.legs = [
            (instruments[symbol], qty)
            for symbol, qty in positions.items()
            if qty and symbol in instruments and _same_kind(instruments[symbol], option)
        ]

    def _short(self) -> list[tuple[Instrument, Decimal]]:
        return [(leg, -qty) for leg, qty in self.legs if qty < ZERO]

    def covered(self, opening: Decimal, cash: Decimal) -> bool:
        option = self.option
        if option.right is OptionRight.CALL:
            needed = opening * option.multiplier
            needed += sum((qty * leg.multiplier for leg, qty in self._short()), ZERO)
            return self.shares >= needed
        needed = _obligation(option, opening)
        needed += sum((_obligation(leg, qty) for leg, qty in self._short()), ZERO)
        return cash >= needed

    def spread(self, opening: Decimal) -> bool:
        expiry = self.option.expiry
        longs = sum(
            (
                qty
                for leg, qty in self.legs
                if qty > ZERO and leg.symbol != self.option.symbol
                and leg.expiry is not None and expiry is not None and leg.expiry >= expiry
            ),
            ZERO,
        )  # fmt: skip
        shorts = sum((qty for _, qty in self._short()), ZERO)
        return longs >= shorts + opening


def _same_kind(candidate: Instrument, option: Instrument) -> bool:
    return (
        candidate.asset_class is AssetClass.OPTION
        and candidate.underlying == option.underlying
        and candidate.right is option.right
    )


def _obligation(put: Instrument, contracts: Decimal) -> Decimal:
    """The cash a short put may have to pay: strike × multiplier × contracts."""
    return (put.strike or ZERO) * put.multiplier * contracts


def options_level_denial(needed: OptionsLevel, approved: OptionsLevel | None) -> str | None:
    """Why the order is refused, or None; an account without a level is not checked."""
    if approved is None or needed <= approved:
        return None
    return (
        f"the order needs options level {int(needed)} ({needed.name.lower()}); the account is "
        f"approved for level {int(approved)}"
    )
