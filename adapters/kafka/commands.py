"""Envelope payloads to the application's commands, for an authenticated principal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeAlias, TypeVar

from adapters.kafka.envelope import (
    SCHEMA_VIOLATION,
    ActivateKillSwitchCommand,
    CancelOrderCommand,
    Envelope,
    HeartbeatCommand,
    PoisonMessage,
    ResumeTradingCommand,
    SubmitOrderCommand,
    scope_of,
    type_of,
)
from application.safety.agents import RecordHeartbeat
from application.safety.killswitch import ActivateKillSwitch, ResumeTrading
from application.trading.orders import SubmitOrder, origin_for
from domain.killswitch.state import TradingState
from domain.principals import Principal, Role
from domain.trading.orders import Channel, OrderType, Origin, Side, TimeInForce

PRINCIPAL_MISMATCH = "PRINCIPAL_MISMATCH"
FORBIDDEN = "FORBIDDEN"

# The roles the HTTP routes let through (the kill switch is for people only).
_HUMANS = frozenset({Role.OWNER, Role.TRADER, Role.RISK_OFFICER, Role.ADMIN})
_TRADERS = _HUMANS | {Role.AGENT}
ALLOWED_ROLES: dict[str, frozenset[Role]] = {
    "order.submit": _TRADERS,
    "order.cancel": _TRADERS,
    "killswitch.activate": _HUMANS,
    "killswitch.resume": _HUMANS,
    "agent.heartbeat": _TRADERS,
}

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class CancelOrder:
    """A request to cancel an open order (the application's cancel takes these two)."""

    principal: Principal
    order_id: str


ApplicationCommand: TypeAlias = (
    SubmitOrder | CancelOrder | ActivateKillSwitch | ResumeTrading | RecordHeartbeat
)


def authorize(envelope: Envelope, principal: Principal) -> None:
    """The sender is who the envelope claims, and its role may send this command."""
    if envelope.principal != principal.id:
        raise PoisonMessage(
            PRINCIPAL_MISMATCH, "the envelope's principal is not the authenticated one"
        )
    kind = type_of(envelope.payload)
    if principal.role not in ALLOWED_ROLES.get(kind, frozenset()):
        raise PoisonMessage(FORBIDDEN, f"role {principal.role.value} may not send {kind}")


def to_command(envelope: Envelope, principal: Principal) -> ApplicationCommand:
    """The command the HTTP layer would build for the same request, after `authorize`.

    Raises PoisonMessage: PRINCIPAL_MISMATCH, FORBIDDEN, or SCHEMA_VIOLATION for a value the
    application would refuse to construct (an unknown enum value, an impossible scope).
    """
    authorize(envelope, principal)
    payload = envelope.payload
    if isinstance(payload, SubmitOrderCommand):
        return _submit(envelope, payload, principal)
    if isinstance(payload, CancelOrderCommand):
        return CancelOrder(principal, payload.order_id)
    if isinstance(payload, ActivateKillSwitchCommand):
        return _activate(payload, principal)
    if isinstance(payload, ResumeTradingCommand):
        return _resume(payload, principal)
    if isinstance(payload, HeartbeatCommand):
        return RecordHeartbeat(principal, payload.agent_id, payload.status)
    raise PoisonMessage(SCHEMA_VIOLATION, f"no command for payload {type(payload).__name__}")


def origin_of(principal: Principal, strategy_id: str | None) -> Origin:
    """As over HTTP (application.trading.orders.origin_for), through Kafka."""
    return origin_for(principal, strategy_id, Channel.KAFKA)


def _submit(envelope: Envelope, payload: SubmitOrderCommand, principal: Principal) -> SubmitOrder:
    return SubmitOrder(
        principal=principal,
        account_id=envelope.account_id,
        symbol=payload.symbol,
        side=_valid("side", Side, payload.side),
        quantity=payload.quantity,
        origin=origin_of(principal, payload.strategy_id),
        order_type=_valid("order_type", OrderType, payload.order_type),
        time_in_force=_valid("time_in_force", TimeInForce, payload.time_in_force),
        limit_price=payload.limit_price,
        stop_price=payload.stop_price,
        reduce_only=payload.reduce_only,
        client_order_id=payload.client_order_id,
        # A redelivered message then replays its first result instead of ordering twice.
        idempotency_key=payload.idempotency_key or f"msg:{envelope.id}",
        algorithm=payload.algorithm,
        algorithm_version=payload.algorithm_version,
    )


def _activate(payload: ActivateKillSwitchCommand, principal: Principal) -> ActivateKillSwitch:
    command = ActivateKillSwitch(
        principal=principal,
        passcode=payload.passcode,
        scope=_valid("scope", scope_of, payload.scope),
        flatten=payload.flatten,
    )
    # Left out, the application's default reason stands (as over HTTP).
    return command if payload.reason is None else replace(command, reason=payload.reason)


def _resume(payload: ResumeTradingCommand, principal: Principal) -> ResumeTrading:
    return ResumeTrading(
        principal=principal,
        passcode=payload.passcode,
        scope=_valid("scope", scope_of, payload.scope),
        approver_passcode=payload.approver_passcode,
        to_state=_valid("to_state", _resumed_state, payload.to_state),
        approver_username=payload.approver_username,
    )


def _resumed_state(value: str) -> TradingState:
    state = TradingState(value)
    if state is TradingState.HALTED:
        raise ValueError("resuming cannot halt")
    return state


def _valid(field: str, build: Callable[[T], R], value: T) -> R:
    try:
        return build(value)
    except (ValueError, TypeError):
        raise PoisonMessage(SCHEMA_VIOLATION, f"invalid value for field `{field}`") from None
