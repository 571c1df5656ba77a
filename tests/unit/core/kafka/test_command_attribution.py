"""An order command over Kafka carries the algorithm its sender declares, as over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import msgspec
import pytest

from adapters.kafka.commands import to_command
from adapters.kafka.envelope import Envelope, SubmitOrderCommand
from application.trading.orders import SubmitOrder
from domain.principals import Principal, Role
from domain.trading.orders import Side

AGENT = Principal("agent-7", Role.AGENT)
TS = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)


def test_the_declared_algorithm_and_version_reach_the_command() -> None:
    # Arrange
    payload = SubmitOrderCommand(
        symbol="AAPL",
        side=Side.BUY,
        quantity=Decimal(1),
        algorithm="momentum-llm",
        algorithm_version="2.3.1",
    )

    # Act
    command = to_command(Envelope("m-1", 1, AGENT.id, TS, "acc-1", payload), AGENT)

    # Assert
    assert isinstance(command, SubmitOrder)
    assert (command.algorithm, command.algorithm_version) == ("momentum-llm", "2.3.1")


@pytest.mark.parametrize(
    "extra", [{"algorithm": ""}, {"algorithm": "x" * 65}, {"algorithm_version": "1" * 33}]
)
def test_a_declared_name_past_its_bounds_is_a_schema_violation(extra: dict[str, str]) -> None:
    # Arrange
    body = {"type": "order.submit", "symbol": "AAPL", "side": "buy", "quantity": "1", **extra}

    # Act / Assert: the decoder refuses it (the consumer sends it to the DLQ)
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(msgspec.json.encode(body), type=SubmitOrderCommand)
