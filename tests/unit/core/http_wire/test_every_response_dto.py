"""Every response DTO of the API, built from hostile figures and encoded as the app encodes it."""

from __future__ import annotations

import json
import typing
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar.serialization import encode_json, get_serializer

from adapters.http.schemas.common import Output
from adapters.http.wire_format import kind_of
from tests.unit.core.http_wire.strategies import output_types, struct_values
from tests.unit.core.http_wire.wire_checks import EXPONENT, NEGATIVE_ZERO, breaches

OUTPUTS = output_types()
# Litestar's own serializer with the app's type encoders (the app adds none of its own).
SERIALIZER = get_serializer({})


def _declares_figures(cls: type[Output]) -> bool:
    hints = typing.get_type_hints(cls, include_extras=True)
    return any(_holds_number(t) for t in hints.values())


def _holds_number(annotation: object) -> bool:
    if annotation in (Decimal, float) or kind_of(annotation) is not None:
        return True
    return any(_holds_number(a) for a in typing.get_args(annotation))


FIGURED = [c for c in OUTPUTS if _declares_figures(c)]


def test_the_walk_finds_the_response_dtos() -> None:
    # Assert: the API's DTOs are found, figures in most of them
    names = {c.__name__ for c in FIGURED}
    assert {"AccountOut", "PositionOut", "OrderOut", "PortfolioRiskOut", "DecisionOut"} <= names
    assert len(FIGURED) > 150


def test_no_response_dto_holds_a_decimal_without_a_kind() -> None:
    # Act
    bare = [
        f"{c.__module__}.{c.__qualname__}.{name}"
        for c in OUTPUTS
        for name, t in typing.get_type_hints(c, include_extras=True).items()
        if _undeclared(t)
    ]

    # Assert
    assert bare == []


def test_no_response_dto_holds_a_float_without_a_kind() -> None:
    # Act: a float without AnalyticOut is still rounded, but /schema would not say so
    bare = [
        f"{c.__module__}.{c.__qualname__}.{name}"
        for c in OUTPUTS
        for name, t in typing.get_type_hints(c, include_extras=True).items()
        if _undeclared(t, number=float)
    ]

    # Assert
    assert bare == []


def _undeclared(annotation: object, declared: bool = False, number: type = Decimal) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        declared = declared or kind_of(annotation) is not None
        return _undeclared(annotation.__origin__, declared, number)  # type: ignore[attr-defined]
    if annotation is number:
        return not declared
    return any(_undeclared(a, declared, number) for a in typing.get_args(annotation))


@pytest.mark.parametrize(
    "dto", FIGURED, ids=lambda c: f"{c.__module__.split('.')[-1]}.{c.__name__}"
)
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_figure_leaves_by_the_convention(dto: type[Output], data: st.DataObject) -> None:
    # Arrange
    value = data.draw(struct_values(dto))

    # Act
    raw = encode_json(value, serializer=SERIALIZER).decode()

    # Assert
    assert breaches(json.loads(raw), dto) == []
    assert not [m.group(0) for m in NEGATIVE_ZERO.finditer(raw)]
    assert not [m.group(0) for m in EXPONENT.finditer(raw)]
