"""Output.from_attributes and Input.into: fields copied by name, the others spelled out.

The answer is the API's own VerdictOut: a new Output subclass here would join the walk of
every response DTO (strategies.output_types)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

import pytest

from adapters.http.schemas.common import Input, VerdictOut


class _PositionIn(Input):
    symbol: str
    quantity: int


@dataclass(frozen=True)
class _Position:
    symbol: str
    quantity: int
    source: str


def _verdict(**changes: object) -> SimpleNamespace:
    fields = {
        "code": SimpleNamespace(value="MAX_POSITION"),
        "outcome": "deny",
        "control": "position",
        "message": "too large",
        "rule_id": "r-1",
        "allowed_quantity": Decimal("2.5"),
    }
    return SimpleNamespace(**(fields | changes))


def test_an_answer_copies_the_attributes_named_as_its_fields_and_takes_the_computed_ones() -> None:
    # Arrange
    verdict = _verdict()

    # Act
    answer = VerdictOut.from_attributes(verdict, code=verdict.code.value)

    # Assert: the figure is formatted as any answer's is
    assert answer == VerdictOut(
        code="MAX_POSITION",
        outcome="deny",
        control="position",
        message="too large",
        rule_id="r-1",
        allowed_quantity=Decimal("2.5"),
    )
    assert answer.allowed_quantity == "2.50000000"


def test_an_answer_refuses_a_source_that_lacks_a_field_even_one_with_a_default() -> None:
    # Arrange
    verdict = _verdict()
    del verdict.rule_id

    # Act / Assert
    with pytest.raises(AttributeError, match="rule_id"):
        VerdictOut.from_attributes(verdict, code="MAX_POSITION")


def test_a_body_hands_its_fields_by_name_to_a_constructor_with_the_computed_ones() -> None:
    # Arrange
    body = _PositionIn(symbol="MSFT", quantity=3)

    # Act
    position = body.into(_Position, source="api")

    # Assert
    assert position == _Position(symbol="MSFT", quantity=3, source="api")


def test_a_computed_field_replaces_the_copied_one() -> None:
    # Arrange
    body = _PositionIn(symbol=" msft ", quantity=3)

    # Act
    position = body.into(_Position, symbol=body.symbol.strip().upper(), source="api")

    # Assert
    assert position.symbol == "MSFT"
