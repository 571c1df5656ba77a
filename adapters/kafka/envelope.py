"""Kafka wire format: the versioned command envelope, order decisions and record credentials."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeAlias

import msgspec

from adapters.wire.json_limits import JsonLimitError, JsonLimits
from adapters.wire.numbers import Price, Quantity, dec_hook, plain_numbers
from application.trading.orders import OrderResult
from domain.killswitch.state import Scope
from domain.trading.orders import OrderStatus, OrderType, Side, TimeInForce

CURRENT_VERSION = 1
SUPPORTED_VERSIONS = frozenset({CURRENT_VERSION})

EMPTY_MESSAGE = "EMPTY_MESSAGE"
INVALID_JSON = "INVALID_JSON"
UNKNOWN_TYPE = "UNKNOWN_TYPE"
SCHEMA_VIOLATION = "SCHEMA_VIOLATION"
UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION"
KEY_MISMATCH = "KEY_MISMATCH"

AUTHORIZATION_HEADER = "authorization"
_DETAIL_LIMIT = 200
# msgspec quotes offending values ('...'); a value may be a secret, so none is ever echoed.
_QUOTED = re.compile(r"'.*'", re.DOTALL)


class PoisonMessage(Exception):
    """A record that can never take effect; it goes to the DLQ under a stable `code`."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def redact(message: str) -> str:
    """A decoder's message, short and without any quoted value from the input."""
    return _QUOTED.sub("'…'", message)[:_DETAIL_LIMIT]


Ident = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
MessageId = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9._:-]{1,128}$")]
Symbol = Annotated[str, msgspec.Meta(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._/-]+$")]
AgentId = Annotated[
    str, msgspec.Meta(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
]
IdempotencyKey = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
# The algorithm that sent an order and its version, as the sender declares them (printable,
# not padded: the application refuses others, INVALID_ATTRIBUTION).
Algorithm = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
AlgorithmVersion = Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
Passcode = Annotated[str, msgspec.Meta(min_length=1, max_length=256)]
ScopeId = Annotated[str, msgspec.Meta(min_length=1, max_length=128, pattern=r"^[^*\s]+$")]
# The compact form of a scope: "global", "account:<id>" or "agent:<id>".
ScopeKey = Annotated[str, msgspec.Meta(pattern=r"^(global(:\*)?|(account|agent):[^*\s]{1,128})$")]
UtcTime = Annotated[datetime, msgspec.Meta(tz=True)]


class _Wire(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base of the wire structs: immutable, and an unknown field is a schema violation.

    Numbers use the strict wire types (adapters/wire/numbers.py), decoded through
    `dec_hook`; a subclass that defines `__post_init__` calls this one.
    """

    def __post_init__(self) -> None:
        plain_numbers(self)


def _masked_repr(struct: msgspec.Struct, secrets: frozenset[str]) -> str:
    fields = ", ".join(
        f"{name}={'***' if name in secrets else repr(getattr(struct, name))}"
        for name in struct.__struct_fields__
    )
    return f"{type(struct).__name__}({fields})"


class GlobalScopeSpec(_Wire, frozen=True, tag_field="kind", tag="global"):
    """Everything: every account at every broker."""

    id: Literal["*"] | None = None

    def to_domain(self) -> Scope:
        return Scope.global_()


class AccountScopeSpec(_Wire, frozen=True, tag_field="kind", tag="account"):
    """One account."""

    id: ScopeId

    def to_domain(self) -> Scope:
        return Scope.account(self.id)


class AgentScopeSpec(_Wire, frozen=True, tag_field="kind", tag="agent"):
    """One agent's orders."""

    id: ScopeId

    def to_domain(self) -> Scope:
        return Scope.agent(self.id)


ScopeSpec: TypeAlias = GlobalScopeSpec | AccountScopeSpec | AgentScopeSpec | ScopeKey


def scope_of(spec: ScopeSpec) -> Scope:
    """The domain scope of a spec (object or "kind:id" string); ValueError when invalid."""
    if isinstance(spec, str):
        return Scope.parse(spec)
    return spec.to_domain()


class _CommandBody(_Wire, frozen=True, tag_field="type"):
    """Base of the command payloads; `type` tells them apart."""


class SubmitOrderCommand(_CommandBody, frozen=True, tag="order.submit"):
    """Place an order on the envelope's account; the origin is the sender or the strategy."""

    symbol: Symbol
    side: Side
    quantity: Quantity
    order_type: OrderType = OrderType.MARKET
    time_in_force: TimeInForce = TimeInForce.DAY
    limit_price: Price | None = None
    stop_price: Price | None = None
    reduce_only: bool = False
    client_order_id: Ident | None = None
    idempotency_key: IdempotencyKey | None = None
    strategy_id: Ident | None = None
    algorithm: Algorithm | None = None
    algorithm_version: AlgorithmVersion | None = None


class CancelOrderCommand(_CommandBody, frozen=True, tag="order.cancel"):
    """Cancel an open order."""

    order_id: Ident


class ActivateKillSwitchCommand(_CommandBody, frozen=True, tag="killswitch.activate"):
    """Halt a scope with the sender's passcode (never shown by repr)."""

    passcode: Passcode
    scope: ScopeSpec
    flatten: bool = False
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500)] | None = None

    def __repr__(self) -> str:
        return _masked_repr(self, frozenset({"passcode"}))


class ResumeTradingCommand(_CommandBody, frozen=True, tag="killswitch.resume"):
    """Resume a halted scope; with four-eyes on, a risk officer approves with their passcode."""

    passcode: Passcode
    scope: ScopeSpec
    approver_username: Annotated[str, msgspec.Meta(min_length=1, max_length=128)] | None = None
    approver_passcode: Passcode | None = None
    to_state: Literal["active", "reducing"] = "active"

    def __repr__(self) -> str:
        return _masked_repr(self, frozenset({"passcode", "approver_passcode"}))


class HeartbeatCommand(_CommandBody, frozen=True, tag="agent.heartbeat"):
    """An agent's heartbeat; `status` is what the agent reports about itself."""

    agent_id: AgentId
    status: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] = "ok"


Command: TypeAlias = (
    SubmitOrderCommand
    | CancelOrderCommand
    | ActivateKillSwitchCommand
    | ResumeTradingCommand
    | HeartbeatCommand
)
COMMAND_TYPES: dict[str, type[_CommandBody]] = {
    str(cls.__struct_config__.tag): cls
    for cls in (
        SubmitOrderCommand,
        CancelOrderCommand,
        ActivateKillSwitchCommand,
        ResumeTradingCommand,
        HeartbeatCommand,
    )
}


def type_of(command: Command) -> str:
    """The wire tag of a command payload ("order.submit", ...)."""
    return str(command.__struct_config__.tag)


class Envelope(_Wire, frozen=True):
    """One command on the wire. `id` is the idempotency key of the message; keyed by account."""

    id: MessageId
    v: int
    principal: Ident
    ts: UtcTime
    account_id: Ident
    payload: Command
    correlation_id: Ident | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        offset = self.ts.utcoffset()
        if offset is None:
            raise ValueError("field `ts` must be timezone-aware")
        if offset or self.ts.tzinfo is not UTC:
            msgspec.structs.force_setattr(self, "ts", self.ts.astimezone(UTC))

    @property
    def type(self) -> str:
        return type_of(self.payload)


class _Probe(msgspec.Struct):
    """Just enough of a rejected envelope to say why: its version and its payload type."""

    v: Any = None
    payload: Any = None


class EnvelopeCodec:
    """Envelopes to JSON bytes and back; build one and reuse it (its decoders are built once)."""

    def __init__(self, limits: JsonLimits | None = None) -> None:
        self._limits = limits or JsonLimits()
        self._decoder = msgspec.json.Decoder(Envelope, dec_hook=dec_hook)
        self._probe = msgspec.json.Decoder(_Probe)
        self._encoder = msgspec.json.Encoder()

    def encode(self, envelope: Envelope) -> bytes:
        return self._encoder.encode(envelope)

    def key_of(self, envelope: Envelope) -> bytes:
        return envelope.account_id.encode()

    def decode(self, value: bytes | None, key: bytes | None) -> Envelope:
        """The envelope of a record, or PoisonMessage with a stable code and a safe detail."""
        if not value:
            raise PoisonMessage(EMPTY_MESSAGE, "the record has no value")
        try:
            # On the raw bytes first: a deep or huge record never reaches the decoder.
            self._limits.check(value)
        except JsonLimitError as exc:
            raise PoisonMessage(exc.code, exc.detail) from None
        try:
            envelope = self._decoder.decode(value)
        except msgspec.ValidationError as exc:
            raise self._classify(value, exc) from None
        except msgspec.DecodeError as exc:
            raise PoisonMessage(INVALID_JSON, redact(str(exc))) from None
        if envelope.v not in SUPPORTED_VERSIONS:
            raise PoisonMessage(UNSUPPORTED_VERSION, _version_detail(envelope.v))
        if key != envelope.account_id.encode():
            raise PoisonMessage(KEY_MISMATCH, "the record key must equal the envelope's account_id")
        return envelope

    def _classify(self, value: bytes, error: msgspec.ValidationError) -> PoisonMessage:
        # Version first: a newer version may use types and fields this one does not know.
        try:
            probe = self._probe.decode(value)
        except msgspec.DecodeError:
            return PoisonMessage(SCHEMA_VIOLATION, redact(str(error)))
        version = probe.v
        is_int = isinstance(version, int) and not isinstance(version, bool)
        if is_int and version not in SUPPORTED_VERSIONS:
            return PoisonMessage(UNSUPPORTED_VERSION, _version_detail(version))
        kind = probe.payload.get("type") if isinstance(probe.payload, dict) else None
        if isinstance(kind, str) and kind not in COMMAND_TYPES:
            # Not echoed: whatever the sender put there is theirs (the raw record is in the DLQ).
            return PoisonMessage(UNKNOWN_TYPE, "unknown command type in `payload.type`")
        return PoisonMessage(SCHEMA_VIOLATION, redact(str(error)))


def _version_detail(version: int) -> str:
    supported = ", ".join(str(v) for v in sorted(SUPPORTED_VERSIONS))
    return f"schema version {version} is not supported (supported: {supported})"[:_DETAIL_LIMIT]


class OrderDecisionMessage(msgspec.Struct, frozen=True):
    """The gate's decision on a submitted order (topic bulwark.order-decisions).

    Unknown fields are ignored on decode, so readers keep working when fields are added.
    """

    message_id: str
    account_id: str
    order_id: str
    client_order_id: str
    status: OrderStatus
    approved: bool
    requested_quantity: Decimal
    decided_quantity: Decimal
    decided_at: UtcTime
    reason_codes: list[str] = msgspec.field(default_factory=list)
    replayed: bool = False
    correlation_id: str | None = None
    v: int = CURRENT_VERSION
    # The codes of the HOLD rules that held the order (the order's `hold_reasons`), whatever
    # became of it since: for a held order the same as `reason_codes`.
    hold_reasons: list[str] = msgspec.field(default_factory=list)

    @classmethod
    def from_result(
        cls, envelope: Envelope, result: OrderResult, decided_at: datetime
    ) -> OrderDecisionMessage:
        """A decision read from the order, so a replay reports what the first answer said."""
        order = result.order
        # A held order (a HOLD rule: it waits for a person) is not approved: status `held`,
        # its reason codes the codes that hold it (its deny_reasons are empty: nothing denied
        # it). An order held once and approved since has no reason codes, only hold_reasons.
        approved = (
            result.decision.approved and not result.decision.held
            if result.decision is not None
            else order.status not in (OrderStatus.DENIED, OrderStatus.HELD)
        )
        return cls(
            message_id=envelope.id,
            correlation_id=envelope.correlation_id,
            account_id=order.account_id,
            order_id=order.id,
            client_order_id=order.client_order_id,
            status=order.status,
            approved=approved,
            reason_codes=list(order.hold_reasons if order.is_held else order.deny_reasons),
            hold_reasons=list(order.hold_reasons),
            requested_quantity=order.requested_quantity or order.quantity,
            decided_quantity=order.quantity if approved else Decimal(0),
            replayed=result.replayed,
            decided_at=decided_at.astimezone(UTC),
        )


class DecisionCodec:
    """Order decisions to JSON bytes and back, keyed by client order id; built once."""

    def __init__(self) -> None:
        self._decoder = msgspec.json.Decoder(OrderDecisionMessage)
        self._encoder = msgspec.json.Encoder()

    def encode(self, message: OrderDecisionMessage) -> bytes:
        return self._encoder.encode(message)

    def key_of(self, message: OrderDecisionMessage) -> bytes:
        return message.client_order_id.encode()

    def decode(self, value: bytes | None) -> OrderDecisionMessage:
        if not value:
            raise PoisonMessage(EMPTY_MESSAGE, "the record has no value")
        try:
            return self._decoder.decode(value)
        except msgspec.ValidationError as exc:
            raise PoisonMessage(SCHEMA_VIOLATION, redact(str(exc))) from None
        except msgspec.DecodeError as exc:
            raise PoisonMessage(INVALID_JSON, redact(str(exc))) from None


def credential_of(headers: Sequence[tuple[str, bytes | None]]) -> str | None:
    """The API key or JWT in the `authorization` header ("Bearer " optional).

    None when absent, empty, not UTF-8, or sent more than once (which one would count?).
    """
    values = [value for name, value in headers if name.lower() == AUTHORIZATION_HEADER]
    if len(values) != 1 or values[0] is None:
        return None
    try:
        text = values[0].decode().strip()
    except UnicodeDecodeError:
        return None
    scheme, _, rest = text.partition(" ")
    token = rest.strip() if scheme.lower() == "bearer" else text
    return token or None
