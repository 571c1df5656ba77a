"""The msgspec glue of the strict number parser; a walk proves no bare Decimal input is left."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from decimal import Decimal
from typing import Any

import msgspec
import pytest

import adapters.http as http
from adapters.http.schemas.common import Input
from adapters.kafka import envelope
from adapters.wire.numbers import (
    WIRE_NUMBERS,
    Price,
    Quantity,
    WireNumber,
    dec_hook,
    json_schema,
    plain_numbers,
    wire_number,
)
from domain.numbers import NUMBER_PATTERN, InvalidNumber


class _Order(msgspec.Struct, forbid_unknown_fields=True):
    quantity: Quantity
    limit_price: Price | None = None

    def __post_init__(self) -> None:
        plain_numbers(self)


DECODER = msgspec.json.Decoder(_Order, dec_hook=dec_hook)


def test_a_decoded_number_is_a_plain_decimal_equal_to_its_text() -> None:
    # Act
    order = DECODER.decode(b'{"quantity": "12.50", "limit_price": 101.25}')

    # Assert
    assert (order.quantity, order.limit_price) == (Decimal("12.50"), Decimal("101.25"))
    assert type(order.quantity) is Decimal and type(order.limit_price) is Decimal
    assert msgspec.json.encode(order) == b'{"quantity":"12.50","limit_price":"101.25"}'


@pytest.mark.parametrize(
    ("document", "where"),
    [
        (b'{"quantity": "1_0"}', "$.quantity"),
        (b'{"quantity": " 10"}', "$.quantity"),
        (b'{"quantity": "NaN"}', "$.quantity"),
        (b'{"quantity": "1e-20"}', "$.quantity"),
        (b'{"quantity": 1e300}', "$.quantity"),
        (b'{"quantity": 100000000000000000000000000000000000000000000000000}', "$.quantity"),
        (b'{"quantity": true}', "$.quantity"),
        (b'{"quantity": "1", "limit_price": "1e-30"}', "$.limit_price"),
        ('{"quantity": "١٢٣"}'.encode(), "$.quantity"),
    ],
)
def test_a_bad_number_is_a_validation_error_naming_the_path(document: bytes, where: str) -> None:
    # Act
    with pytest.raises(msgspec.ValidationError) as caught:
        DECODER.decode(document)

    # Assert
    assert f"`{where}`" in str(caught.value)


def test_the_hook_declines_other_types() -> None:
    # Act / Assert
    with pytest.raises(NotImplementedError):
        dec_hook(complex, "1")


def test_every_wire_type_names_its_spec_and_renders_as_a_patterned_string() -> None:
    # Act / Assert
    for cls in WIRE_NUMBERS:
        assert wire_number(cls.spec) is cls
        schema = json_schema(cls)
        assert schema["type"] == "string"
        assert schema["pattern"] == NUMBER_PATTERN
        example = schema["examples"][0]
        assert cls.spec.parse(example, "example") == Decimal(example)


def test_a_spec_without_a_wire_type_is_a_lookup_error() -> None:
    # Arrange
    from domain.numbers import OPEN_ORDERS

    # Act / Assert
    with pytest.raises(LookupError):
        wire_number(OPEN_ORDERS)


def test_the_domain_error_is_not_what_msgspec_sees() -> None:
    # Act / Assert: the hook turns InvalidNumber into ValueError (msgspec's 400 path)
    with pytest.raises(msgspec.ValidationError):
        DECODER.decode(b'{"quantity": "x"}')
    assert not issubclass(InvalidNumber, ValueError)


# -- the walk: no bare Decimal on any input struct ------------------------------------------


def _input_structs() -> list[type[msgspec.Struct]]:
    found: set[type[msgspec.Struct]] = set()
    for info in pkgutil.walk_packages(http.__path__, f"{http.__name__}."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Input) and cls is not Input:
                found.add(cls)
    for _, cls in inspect.getmembers(envelope, inspect.isclass):
        if issubclass(cls, envelope._Wire) and cls is not envelope._Wire:
            found.add(cls)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def _bare_decimals(annotation: Any) -> bool:
    """True when `annotation` holds Decimal itself (not a WireNumber) anywhere inside."""
    if annotation is Decimal:
        return True
    if isinstance(annotation, type) and issubclass(annotation, WireNumber):
        return False
    return any(_bare_decimals(arg) for arg in typing.get_args(annotation))


def test_the_walk_finds_the_structs_it_must_check() -> None:
    # Act
    names = {cls.__name__ for cls in _input_structs()}

    # Assert: the walk reaches both HTTP and Kafka structs (it could otherwise pass vacuously)
    assert {"OrderIn", "SizingIn", "TradeIn", "BeneficiaryIn", "SubmitOrderCommand"} <= names


def test_no_input_struct_of_http_or_kafka_has_a_bare_decimal_field() -> None:
    # Act
    bare = [
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls in _input_structs()
        for name, hint in typing.get_type_hints(cls, include_extras=True).items()
        if _bare_decimals(hint)
    ]

    # Assert
    assert bare == []


def test_the_walk_would_catch_a_bare_decimal() -> None:
    # Arrange
    class Sneaky(Input):
        amount: Decimal | None = None

    # Act
    hints = typing.get_type_hints(Sneaky, include_extras=True)

    # Assert
    assert _bare_decimals(hints["amount"])
