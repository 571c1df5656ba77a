"""Walks an encoded answer alongside its DTO type and says what breaks the wire convention."""

from __future__ import annotations

import functools
import math
import re
import types
import typing
from decimal import Decimal
from typing import Annotated, Any

import msgspec

from adapters.http.wire_format import ANALYTIC, DecimalKind, FloatKind, kind_of

# A negative zero as a JSON number or inside a decimal string: -0, -0.0, "-0.00", -0e5.
NEGATIVE_ZERO = re.compile(r'(?<![\w.])-0(\.0*)?([eE][+-]?\d+)?(?=[,\]}"\s]|$)')
# A number in exponent notation anywhere in the answer: 1e-07, 5.000E+5, "1E+1".
EXPONENT = re.compile(r"\d[eE][+-]?\d")


def breaches(value: Any, annotation: Any, kind: DecimalKind | FloatKind | None = None) -> list[str]:
    """Every place in `value` (decoded JSON) where the figure convention is broken."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return breaches(value, annotation.__origin__, kind_of(annotation) or kind)
    if value is None:
        return []
    if annotation is Decimal:
        return _decimal_breaches(value, kind if isinstance(kind, DecimalKind) else None)
    if annotation is float:
        return _float_breaches(value, kind if isinstance(kind, FloatKind) else ANALYTIC)
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        found = []
        for name, encoded, hint in _struct_fields(annotation):
            if encoded in value:
                found += [f"{name}: {b}" for b in breaches(value[encoded], hint, kind)]
        return found
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return min((breaches(value, a, kind) for a in args if _fits(value, a)), default=[], key=len)
    if isinstance(value, list) and args:
        element = (lambda i: args[i]) if origin is tuple and Ellipsis not in args else None
        return [
            b
            for i, item in enumerate(value)
            for b in breaches(item, element(i) if element else args[0], kind)
        ]
    if isinstance(value, dict) and len(args) == 2:
        return [b for item in value.values() for b in breaches(item, args[1], kind)]
    return []


@functools.cache
def _struct_fields(struct: type[msgspec.Struct]) -> tuple[tuple[str, str, Any], ...]:
    """Each field's name, name on the wire and resolved annotation (read once per class:
    resolving the hints compiles every annotation's text)."""
    hints = typing.get_type_hints(struct, include_extras=True)
    return tuple(
        (field.name, field.encode_name, hints[field.name])
        for field in msgspec.structs.fields(struct)
    )


def _fits(value: Any, annotation: Any) -> bool:
    while typing.get_origin(annotation) is Annotated:
        annotation = annotation.__origin__
    if annotation is Decimal:
        return isinstance(value, str)
    if annotation is float:
        return isinstance(value, (float, int)) and not isinstance(value, bool)
    if annotation is type(None):
        return value is None
    base = typing.get_origin(annotation) or annotation
    if isinstance(base, type) and issubclass(base, msgspec.Struct):
        return isinstance(value, dict)
    return True


def _decimal_breaches(text: Any, kind: DecimalKind | None) -> list[str]:
    if not isinstance(text, str):
        return [f"{text!r} is not a decimal string"]
    found = []
    if "e" in text.lower():
        found.append(f"{text!r} is in exponent notation")
    if NEGATIVE_ZERO.fullmatch(text):
        found.append(f"{text!r} is a negative zero")
    if kind is not None and not re.fullmatch(kind.pattern, text):
        found.append(f"{text!r} is not at the {kind.name} scale ({kind.scale})")
    return found


def _float_breaches(number: Any, kind: FloatKind) -> list[str]:
    if not isinstance(number, float) or not math.isfinite(number):
        return []
    if number == 0 and math.copysign(1.0, number) < 0:
        return ["-0.0 on the wire"]
    if round(number, kind.decimals) != number:
        return [f"{number!r} is not rounded to {kind.decimals} places"]
    return []
