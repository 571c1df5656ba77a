"""Envelope payloads become the same application commands the HTTP routes build."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from adapters.kafka.commands import (
    FORBIDDEN,
    PRINCIPAL_MISMATCH,
    CancelOrder,
    to_command,
)
from adapters.kafka.envelope import (
    SCHEMA_VIOLATION,
    AccountScopeSpec,
    ActivateKillSwitchCommand,
    AgentScopeSpec,
    CancelOrderCommand,
    Command,
    Envelope,
    GlobalScopeSpec,
    HeartbeatCommand,
    PoisonMessage,
    ResumeTradingCommand,
    SubmitOrderCommand,
)
from application.safety.agents import RecordHeartbeat
from application.safety.killswitch import ActivateKillSwitch, ResumeTrading
from application.trading.orders import SubmitOrder
from domain.killswitch.state import Scope, TradingState
from domain.principals import Principal, Role
from domain.trading.orders import Channel, OrderType, Origin, OriginKind, Side, TimeInForce

AGENT = Principal("agent-7", Role.AGENT)
TRADER = Principal("user-1", Role.TRADER)
VIEWER = Principal("viewer-1", Role.VIEWER)
TS = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def envelope(
    payload: Command, principal: Principal = TRADER, message_id: str = "msg-1"
) -> Envelope:
    return Envelope(message_id, 1, principal.id, TS, "acc-1", payload)


def test_an_agents_order_becomes_a_submit_order_with_every_field() -> None:
    # Arrange
    payload = SubmitOrderCommand(
        symbol="aapl",
        side=Side.SELL,
        quantity=Decimal("3.5"),
        order_type=OrderType.STOP_LIMIT,
        time_in_force=TimeInForce.GTC,
        limit_price=Decimal("99"),
        stop_price=Decimal("100"),
        reduce_only=True,
        client_order_id="cl-1",
        idempotency_key="idem-1",
    )

    # Act
    command = to_command(envelope(payload, AGENT), AGENT)

    # Assert
    assert command == SubmitOrder(
        principal=AGENT,
        account_id="acc-1",
        symbol="aapl",
        side=Side.SELL,
        quantity=Decimal("3.5"),
        origin=Origin(OriginKind.AGENT, "agent-7"),
        order_type=OrderType.STOP_LIMIT,
        time_in_force=TimeInForce.GTC,
        limit_price=Decimal("99"),
        stop_price=Decimal("100"),
        reduce_only=True,
        client_order_id="cl-1",
        idempotency_key="idem-1",
    )


def test_without_an_idempotency_key_the_message_id_is_the_key() -> None:
    # Arrange
    payload = SubmitOrderCommand("AAPL", Side.BUY, Decimal(1))
    first = envelope(payload, message_id="m-42")
    redelivered = envelope(payload, message_id="m-42")

    # Act
    commands = [to_command(first, TRADER), to_command(redelivered, TRADER)]

    # Assert
    keys = [c.idempotency_key for c in commands if isinstance(c, SubmitOrder)]
    assert keys == ["msg:m-42", "msg:m-42"]


@pytest.mark.parametrize(
    ("principal", "strategy_id", "origin"),
    [
        (TRADER, None, Origin(OriginKind.USER, "user-1")),
        (TRADER, "momo", Origin(OriginKind.STRATEGY, "momo")),
        (AGENT, "momo", Origin(OriginKind.AGENT, "agent-7")),
    ],
)
def test_the_origin_is_built_as_over_http(
    principal: Principal, strategy_id: str | None, origin: Origin
) -> None:
    # Arrange
    payload = SubmitOrderCommand("AAPL", Side.BUY, Decimal(1), strategy_id=strategy_id)

    # Act
    command = to_command(envelope(payload, principal), principal)

    # Assert
    assert isinstance(command, SubmitOrder)
    assert command.origin == origin
    assert command.origin.channel is Channel.KAFKA


def test_a_cancel_names_the_principal_and_the_order() -> None:
    # Act
    command = to_command(envelope(CancelOrderCommand("ord-9"), AGENT), AGENT)

    # Assert
    assert command == CancelOrder(AGENT, "ord-9")


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("global", Scope.global_()),
        ("account:acc-1", Scope.account("acc-1")),
        (GlobalScopeSpec(), Scope.global_()),
        (AccountScopeSpec("acc-2"), Scope.account("acc-2")),
        (AgentScopeSpec("bot-1"), Scope.agent("bot-1")),
    ],
)
def test_an_activation_keeps_the_default_reason_when_none_is_sent(
    scope: Any, expected: Scope
) -> None:
    # Arrange
    payload = ActivateKillSwitchCommand("pass", scope, flatten=True)

    # Act
    command = to_command(envelope(payload), TRADER)

    # Assert
    assert command == ActivateKillSwitch(TRADER, "pass", expected, flatten=True)
    assert isinstance(command, ActivateKillSwitch)
    assert command.reason == "manual activation"


def test_an_activation_carries_its_reason() -> None:
    # Arrange
    payload = ActivateKillSwitchCommand("pass", "agent:bot-1", reason="runaway")

    # Act
    command = to_command(envelope(payload), TRADER)

    # Assert
    assert command == ActivateKillSwitch(TRADER, "pass", Scope.agent("bot-1"), reason="runaway")


def test_a_resume_carries_the_approval_and_the_target_state() -> None:
    # Arrange
    payload = ResumeTradingCommand(
        "pass", "account:acc-1", "ro", approver_passcode="ro-pass", to_state="reducing"
    )

    # Act
    command = to_command(envelope(payload), TRADER)

    # Assert
    assert command == ResumeTrading(
        principal=TRADER,
        passcode="pass",
        scope=Scope.account("acc-1"),
        approver_passcode="ro-pass",
        to_state=TradingState.REDUCING,
        approver_username="ro",
    )


def test_a_heartbeat_becomes_record_heartbeat() -> None:
    # Act
    command = to_command(envelope(HeartbeatCommand("agent-7", "busy"), AGENT), AGENT)

    # Assert
    assert command == RecordHeartbeat(AGENT, "agent-7", "busy")


def unchecked(value: str) -> Any:
    """A value the decoder would have refused; a struct built in code is not checked."""
    return value


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (SubmitOrderCommand("AAPL", unchecked("sideways"), Decimal(1)), "side"),
        (SubmitOrderCommand("AAPL", Side.BUY, Decimal(1), unchecked("iceberg")), "order_type"),
        (
            SubmitOrderCommand("AAPL", Side.BUY, Decimal(1), time_in_force=unchecked("forever")),
            "time_in_force",
        ),
        (ActivateKillSwitchCommand("pass", "planet:earth"), "scope"),
        (ActivateKillSwitchCommand("pass", "account:"), "scope"),
        (ActivateKillSwitchCommand("pass", AccountScopeSpec("*")), "scope"),
        (ResumeTradingCommand("pass", "global", to_state=unchecked("halted")), "to_state"),
    ],
)
def test_a_value_the_application_would_refuse_is_a_schema_violation(
    payload: Command, field: str
) -> None:
    # Act
    with pytest.raises(PoisonMessage) as caught:
        to_command(envelope(payload), TRADER)

    # Assert
    assert caught.value.code == SCHEMA_VIOLATION
    assert f"`{field}`" in caught.value.detail


def test_an_envelope_claiming_someone_else_is_refused() -> None:
    # Arrange
    claimed = envelope(CancelOrderCommand("ord-1"), TRADER)

    # Act
    with pytest.raises(PoisonMessage) as caught:
        to_command(claimed, Principal("user-2", Role.TRADER))

    # Assert
    assert caught.value.code == PRINCIPAL_MISMATCH


@pytest.mark.parametrize(
    ("principal", "payload"),
    [
        (AGENT, ActivateKillSwitchCommand("pass", "agent:agent-7")),
        (AGENT, ResumeTradingCommand("pass", "agent:agent-7")),
        (Principal.system(), SubmitOrderCommand("AAPL", Side.BUY, Decimal(1))),
        # The viewer reads and changes nothing: not even its own kill switch or an order.
        (VIEWER, ActivateKillSwitchCommand("pass", "global:*")),
        (VIEWER, ActivateKillSwitchCommand("pass", "account:acc-1")),
        (VIEWER, ResumeTradingCommand("pass", "account:acc-1")),
        (VIEWER, SubmitOrderCommand("AAPL", Side.BUY, Decimal(1))),
        (VIEWER, CancelOrderCommand("ord-1")),
        (VIEWER, HeartbeatCommand("agent-7", "ok")),
    ],
)
def test_a_role_the_http_route_would_refuse_is_forbidden(
    principal: Principal, payload: Command
) -> None:
    # Act
    with pytest.raises(PoisonMessage) as caught:
        to_command(envelope(payload, principal), principal)

    # Assert
    assert caught.value.code == FORBIDDEN
