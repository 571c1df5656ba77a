"""Hypothesis strategies for response DTOs, built from their type hints (hostile figures first)."""

from __future__ import annotations

import enum
import functools
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

import msgspec
from hypothesis import strategies as st

from adapters.http.schemas.common import Output

# The figures that broke the wire before: exponent forms, negative zeros, noise, extremes.
HOSTILE_DECIMALS = [
    Decimal("5.000E+5"),
    Decimal("1E+3"),
    Decimal("-0"),
    Decimal("-0.00"),
    Decimal("-0E-12"),
    Decimal("-0.004"),
    Decimal("0.005"),
    Decimal("0.015"),
    Decimal("125.0000000000"),
    Decimal("1E-30"),
    Decimal("-1E-30"),
    Decimal("123456789012345678901234567890.123456789"),
    Decimal("9.99999999999999999999E+40"),
]
HOSTILE_FLOATS = [0.0, -0.0, 8.7e-19, -8.7e-19, 1e-300, -1e-11, 0.1 + 0.2, 1e22, -1e300]


def _decimal(parts: tuple[int, int, int]) -> Decimal:
    sign, coefficient, exponent = parts
    return Decimal((sign, tuple(int(digit) for digit in str(coefficient)), exponent))


# Any finite decimal within ±10^40 as a sign, a coefficient and an exponent: negative zeros,
# trailing zeros and exponent forms (1E+2) included, as a server's arithmetic can leave them
# (half the cost of a draw of st.decimals, which seldom gives either).
DECIMALS = st.one_of(
    st.sampled_from(HOSTILE_DECIMALS),
    st.tuples(st.integers(0, 1), st.integers(0, 10**38), st.integers(-40, 2)).map(_decimal),
)
FLOATS = st.one_of(st.sampled_from(HOSTILE_FLOATS), st.floats(allow_subnormal=True))
TEXT = st.text(alphabet="abcXYZ_", max_size=4)


@functools.cache
def struct_values(cls: type[msgspec.Struct], depth: int = 0) -> st.SearchStrategy[Any]:
    """Instances of `cls`, built through its constructor (so its figures are formatted).

    One strategy per type and depth, built once: a test draws it for every example, and
    rebuilding the tree from the type hints each time cost more than the draw itself."""
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {f.name: of_type(hints[f.name], depth + 1) for f in msgspec.structs.fields(cls)}
    return st.builds(cls, **fields)


def of_type(annotation: Any, depth: int) -> st.SearchStrategy[Any]:
    """Values of one annotation; containers stay small, nesting stops after a few levels."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return of_type(annotation.__origin__, depth)
    if annotation is Decimal:
        return DECIMALS
    if annotation is float:
        return FLOATS
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(-(10**12), 10**12)
    if annotation is str:
        return TEXT
    if annotation is datetime:
        return st.datetimes()
    if annotation is date:
        return st.dates()
    if annotation is type(None):
        return st.none()
    if annotation is Any or annotation is object:
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from(list(annotation))
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        if depth > 4:
            return st.nothing()
        return st.deferred(lambda: struct_values(annotation, depth))
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([of_type(a, depth) for a in args])
    if origin in (list, set, frozenset) or _is_sequence(origin):
        inner = of_type(args[0], depth) if args else st.none()
        return st.lists(inner, max_size=0 if depth > 4 else 3)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(of_type(args[0], depth), max_size=3).map(tuple)
        return st.tuples(*(of_type(a, depth) for a in args))
    if origin is dict or _is_mapping(origin):
        keys = of_type(args[0], depth) if args else TEXT
        values = of_type(args[1], depth) if args else st.none()
        return st.dictionaries(keys, values, max_size=0 if depth > 4 else 2)
    return st.from_type(annotation)


def _is_sequence(origin: Any) -> bool:
    import collections.abc as abc

    return origin in (abc.Sequence, abc.MutableSequence, abc.Iterable, abc.Collection)


def _is_mapping(origin: Any) -> bool:
    import collections.abc as abc

    return origin in (abc.Mapping, abc.MutableMapping)


def output_types() -> list[type[Output]]:
    """Every response DTO of the HTTP adapter (schemas, routes and the contexts' modules)."""
    import importlib
    import pkgutil

    import adapters.http as http

    for info in pkgutil.walk_packages(http.__path__, f"{http.__name__}."):
        importlib.import_module(info.name)
    found: set[type[Output]] = set()
    pending = [Output]
    while pending:
        for sub in pending.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                pending.append(sub)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))
