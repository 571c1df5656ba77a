"""Numbers in answers: one kind per figure (money, price, quantity, rate), formatted in one place.

A response DTO declares what a figure is (`cash: MoneyOut`, `mark: PriceOut | None`); when it
is built, `Output.__post_init__` runs the plan this module makes for its class once:

- a Decimal kind becomes a plain decimal string at the kind's fixed scale, rounded half-even,
  never in exponent notation and never "-0.00" (MoneyOut "1234.50", PriceOut "125.00000000");
- every float (declared or not) is rounded to its kind's decimal places (10 unless declared),
  so a zero computed as 8.7e-19 or -0.0 leaves as 0.0, and is written in plain digits (a JSON
  number, never in exponent notation); NaN and infinities still leave as null.

The plan walks Optional, list, tuple and dict values; nested DTOs format themselves.
"""

from __future__ import annotations

import collections.abc as abc
import math
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from typing import Annotated, Any

import msgspec

# Digits a formatted figure may hold: 10^150 at scale 8 still fits; beyond is a bug upstream.
_CONTEXT = Context(prec=160, rounding=ROUND_HALF_EVEN, Emax=999_999, Emin=-999_999)


@dataclass(frozen=True, slots=True)
class DecimalKind:
    """A Decimal figure's kind on the wire: a string with exactly `scale` decimal places."""

    name: str
    scale: int
    description: str
    example: str

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.scale)

    @property
    def pattern(self) -> str:
        fraction = rf"\.[0-9]{{{self.scale}}}" if self.scale else ""
        return rf"^-?[0-9]+{fraction}$"


@dataclass(frozen=True, slots=True)
class FloatKind:
    """A float figure's kind on the wire: a JSON number rounded to `decimals` places."""

    name: str
    decimals: int
    description: str


MONEY = DecimalKind("money", 2, "An amount of money in the account's currency", "1234.50")
PRICE = DecimalKind("price", 8, "A price per unit", "125.25000000")
QUANTITY = DecimalKind("quantity", 8, "A quantity (shares, contracts, coins)", "10.00000000")
RATE = DecimalKind("rate", 10, "A ratio, fraction or rate (0.05 = 5%)", "0.0500000000")
ANALYTIC = FloatKind("analytic", 10, "A computed figure (ratio, statistic, estimate)")

DECIMAL_KINDS = (MONEY, PRICE, QUANTITY, RATE)

MoneyOut = Annotated[Decimal, MONEY]
PriceOut = Annotated[Decimal, PRICE]
QuantityOut = Annotated[Decimal, QUANTITY]
RateOut = Annotated[Decimal, RATE]
AnalyticOut = Annotated[float, ANALYTIC]


def decimal_text(value: object, kind: DecimalKind) -> str:
    """`value` as the kind's wire text: fixed scale, half-even, plain digits, no negative zero."""
    number = _decimal(value)
    if not number.is_finite():
        raise ValueError(f"a {kind.name} must be finite, not {number}")
    try:
        fixed = number.quantize(kind.quantum, context=_CONTEXT)
    except InvalidOperation:
        raise ValueError(f"a {kind.name} too large for the wire: {number:.3e}") from None
    if not fixed:
        fixed = fixed.copy_abs()
    return format(fixed, "f")


def plain_decimal(value: Decimal) -> str:
    """`value` exactly, in plain digits: no exponent, no trailing zeros after the point, no
    negative zero (60000.0 -> "60000", 0E+2 and -0 -> "0")."""
    if value == 0:
        return "0"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def rounded(value: float, decimals: int) -> float:
    """`value` at `decimals` places; -0.0 (and a noise that rounds to zero) becomes 0.0."""
    return float(round(value, decimals)) + 0.0


# msgspec writes a float in plain digits inside this range (and zero); outside, with an exponent.
PLAIN_FLOATS = (1e-5, 1e16)


def json_number(value: float, decimals: int) -> float | msgspec.Raw:
    """`value` rounded, as a JSON number in plain digits: the float itself when msgspec writes it
    so, else the same number's digits as raw JSON (1e-7 leaves as 0.0000001). NaN and the
    infinities stay floats, which msgspec writes as null."""
    number = rounded(value, decimals)
    low, high = PLAIN_FLOATS
    if not math.isfinite(number) or number == 0 or low <= abs(number) < high:
        return number
    return msgspec.Raw(format(Decimal(repr(number)), "f").encode())


def _decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, (int, str)):  # an int figure, or a DTO rebuilt from its own text
        return Decimal(value)
    raise TypeError(f"not a number: {type(value).__name__}")


Convert = Callable[[Any], Any]
Plan = tuple[tuple[str, Convert], ...]
_PLANS: dict[type, Plan] = {}


def plan_of(struct_type: type[msgspec.Struct]) -> Plan:
    """The (field, converter) pairs that format a DTO's figures, made once per class."""
    plan = _PLANS.get(struct_type)
    if plan is None:
        hints = typing.get_type_hints(struct_type, include_extras=True)
        steps = ((name, converter(hints[name])) for name in struct_type.__struct_fields__)
        plan = _PLANS[struct_type] = tuple((n, c) for n, c in steps if c is not None)
    return plan


def format_figures(struct: msgspec.Struct) -> None:
    """Replace the struct's figures by their wire forms (called by `Output.__post_init__`)."""
    for name, convert in plan_of(type(struct)):
        value = getattr(struct, name)
        if value is not None:
            msgspec.structs.force_setattr(struct, name, convert(value))


def kind_of(annotation: Any) -> DecimalKind | FloatKind | None:
    """The kind an `Annotated[...]` declares, if any."""
    if typing.get_origin(annotation) is Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, (DecimalKind, FloatKind)):
                return meta
    return None


def converter(annotation: Any, kind: DecimalKind | FloatKind | None = None) -> Convert | None:
    """How a value of this annotation is brought to the wire form; None when nothing to do."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        declared = kind_of(annotation)
        return converter(annotation.__origin__, declared or kind)
    if annotation is Decimal:
        return _decimal_converter(kind if isinstance(kind, DecimalKind) else None)
    if annotation is float:
        return _float_converter(kind if isinstance(kind, FloatKind) else ANALYTIC)
    if origin in (typing.Union, types.UnionType):
        return _union_converter(typing.get_args(annotation), kind)
    if origin in (list, tuple, set, frozenset) or _is_abstract_sequence(origin):
        items = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        inner = [converter(a, kind) for a in items]
        return _sequence_converter(inner, origin is tuple and len(items) > 1)
    if origin is dict or _is_abstract_mapping(origin):
        args = typing.get_args(annotation)
        values = converter(args[1], kind) if len(args) == 2 else None
        return None if values is None else (lambda v: {k: values(x) for k, x in v.items()})
    return None


def _decimal_converter(kind: DecimalKind | None) -> Convert:
    if kind is None:  # a figure that names no kind: plain digits, its own scale
        return _plain_text
    return lambda value: decimal_text(value, kind)


def _plain_text(value: object) -> str:
    number = _decimal(value)
    if not number:
        number = number.copy_abs()
    return format(number, "f")


def _float_converter(kind: FloatKind) -> Convert:
    decimals = kind.decimals

    def convert(value: Any) -> Any:
        return json_number(value, decimals) if isinstance(value, float) else value

    return convert


def _union_converter(args: tuple[Any, ...], kind: DecimalKind | FloatKind | None) -> Convert | None:
    """Each member's converter, chosen by what the value is (None and DTOs pass as they are)."""
    by_type = [
        (_runtime_types(arg), member)
        for arg in args
        if (member := converter(arg, kind)) is not None
    ]
    if not by_type:
        return None

    def convert(value: Any) -> Any:
        for accepted, member in by_type:
            if isinstance(value, accepted):
                return member(value)
        return value

    return convert


def _runtime_types(annotation: Any) -> tuple[type, ...]:
    """What a value of this (converted) member can be at run time."""
    while typing.get_origin(annotation) is Annotated:
        annotation = annotation.__origin__
    if annotation is Decimal:  # a Decimal, or its text once formatted
        return (Decimal, int, str)
    base = typing.get_origin(annotation) or annotation
    if base in (list, tuple, set, frozenset) or _is_abstract_sequence(base):
        return (list, tuple, set, frozenset)
    if base is dict or _is_abstract_mapping(base):
        return (dict,)
    return (base,) if isinstance(base, type) else (object,)


def _sequence_converter(inner: list[Convert | None], positional: bool) -> Convert | None:
    if all(c is None for c in inner):
        return None
    if positional:  # tuple[a, b, c]: each place its own converter
        return lambda v: tuple(v if c is None else c(v) for c, v in zip(inner, v, strict=False))
    item = next(c for c in inner if c is not None)
    return lambda v: [item(x) for x in v]


def _is_abstract_sequence(origin: Any) -> bool:
    return origin in (abc.Sequence, abc.MutableSequence, abc.Iterable, abc.Collection)


def _is_abstract_mapping(origin: Any) -> bool:
    return origin in (abc.Mapping, abc.MutableMapping)
