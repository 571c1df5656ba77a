"""msgspec glue for the strict number parser: one Decimal subclass per field kind, and its hook.

A DTO field annotated `Quantity` (say) is decoded by `decode_number` through `domain.numbers`
(msgspec hands the hook the JSON value: str, int or float). msgspec cannot encode a Decimal
subclass, so a decoded struct swaps its values for plain Decimals (`plain_numbers`) before
anything reaches the use cases.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

import msgspec

from domain.numbers import (
    BASIS_POINTS,
    FEE_PER_UNIT,
    FRACTION,
    MAX_TEXT_LENGTH,
    MONEY,
    MULTIPLE,
    MULTIPLIER,
    NUMBER_PATTERN,
    PERCENT,
    PRICE,
    QUANTITY,
    SIGNED_MONEY,
    UNIT_INTERVAL,
    InvalidNumber,
    NumberSpec,
)


class WireNumber(Decimal):
    """A Decimal decoded strictly through one NumberSpec (subclasses name the spec)."""

    spec: ClassVar[NumberSpec]


class Quantity(WireNumber):
    """A positive quantity."""

    spec = QUANTITY


class Price(WireNumber):
    """A positive price."""

    spec = PRICE


class Money(WireNumber):
    """A positive amount of money."""

    spec = MONEY


class SignedMoney(WireNumber):
    """An amount of money that may be negative (a debt)."""

    spec = SIGNED_MONEY


class Fraction(WireNumber):
    """A fraction in (0, 1]."""

    spec = FRACTION


class UnitInterval(WireNumber):
    """A fraction in [0, 1]."""

    spec = UNIT_INTERVAL


class Percent(WireNumber):
    """A percentage in [0, 100]."""

    spec = PERCENT


class Multiple(WireNumber):
    """A positive multiple (leverage, volatility multiple)."""

    spec = MULTIPLE


class Multiplier(WireNumber):
    """A positive contract multiplier."""

    spec = MULTIPLIER


class BasisPoints(WireNumber):
    """Basis points in [0, 10000] (slippage, a commission rate)."""

    spec = BASIS_POINTS


class FeePerUnit(WireNumber):
    """A fee per unit traded in [0, 1000] (a commission per share)."""

    spec = FEE_PER_UNIT


WIRE_NUMBERS: tuple[type[WireNumber], ...] = (
    Quantity,
    Price,
    Money,
    SignedMoney,
    Fraction,
    UnitInterval,
    Percent,
    Multiple,
    Multiplier,
    BasisPoints,
    FeePerUnit,
)


def is_wire_number(target: Any) -> bool:
    return isinstance(target, type) and issubclass(target, WireNumber)


def decode_number(target: type[WireNumber], value: object) -> WireNumber:
    """The hook's work: ValueError (a 400 naming the field) when `value` breaks the spec."""
    try:
        return target(target.spec.parse(value, target.spec.kind))
    except InvalidNumber as exc:
        raise ValueError(exc.reason) from None


def dec_hook(target: type, value: object) -> object:
    """A msgspec `dec_hook` for decoders built outside Litestar (Kafka, CLI)."""
    if is_wire_number(target):
        return decode_number(target, value)
    raise NotImplementedError(f"no decoder for {target!r}")


# Litestar's `type_decoders`: (predicate, decoder) pairs.
TYPE_DECODERS = [(is_wire_number, decode_number)]


def plain_numbers(struct: msgspec.Struct) -> None:
    """Replace the struct's WireNumber values by plain Decimals (msgspec encodes only those)."""
    for name in struct.__struct_fields__:
        value = getattr(struct, name)
        if isinstance(value, WireNumber):
            msgspec.structs.force_setattr(struct, name, Decimal(value))


def wire_number(spec: NumberSpec) -> type[WireNumber]:
    """The wire type of a spec."""
    for cls in WIRE_NUMBERS:
        if cls.spec is spec:
            return cls
    raise LookupError(f"no wire type for the {spec.kind} spec")


def json_schema(target: type[WireNumber]) -> dict[str, Any]:
    """The JSON Schema of a wire number: a string with the parser's pattern and the spec's range."""
    return {
        "type": "string",
        "pattern": NUMBER_PATTERN,
        "maxLength": MAX_TEXT_LENGTH,
        "description": f'{target.spec.description}; a decimal string such as "12.5"',
        "examples": [example(target.spec)],
    }


def example(spec: NumberSpec) -> str:
    """A value that honours the spec (for documentation)."""
    if spec.maximum is not None and spec.maximum <= 1:
        return "0.25"
    return "10" if spec.integer else "12.5"
