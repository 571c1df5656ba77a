"""The command envelope: round trips, every poison code, safe details, codecs built once."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.kafka.envelope import (
    EMPTY_MESSAGE,
    INVALID_JSON,
    KEY_MISMATCH,
    SCHEMA_VIOLATION,
    UNKNOWN_TYPE,
    UNSUPPORTED_VERSION,
    AccountScopeSpec,
    ActivateKillSwitchCommand,
    AgentScopeSpec,
    CancelOrderCommand,
    Envelope,
    EnvelopeCodec,
    GlobalScopeSpec,
    HeartbeatCommand,
    PoisonMessage,
    ResumeTradingCommand,
    SubmitOrderCommand,
    credential_of,
)
from domain.trading.orders import OrderType, Side, TimeInForce

SECRET = "hunter2-SECRET-passcode"
TS = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def codec() -> EnvelopeCodec:
    return EnvelopeCodec()


def document(payload: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": "msg-1",
        "v": 1,
        "principal": "agent-7",
        "ts": "2025-03-01T12:00:00Z",
        "account_id": "acc-1",
        "payload": payload,
    }
    doc.update(overrides)
    return doc


def raw(payload: dict[str, Any], **overrides: Any) -> bytes:
    return json.dumps(document(payload, **overrides)).encode()


ORDER = {"type": "order.submit", "symbol": "AAPL", "side": "buy", "quantity": "10"}
ACTIVATE = {"type": "killswitch.activate", "passcode": SECRET, "scope": {"kind": "global"}}


# -- round trips --------------------------------------------------------------------------

idents = st.text(min_size=1, max_size=24)
positive = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("1e9"), places=4)
scope_ids = st.from_regex(r"[A-Za-z0-9_.:-]{1,40}", fullmatch=True)
scopes = st.one_of(
    st.just(GlobalScopeSpec()),
    st.builds(AccountScopeSpec, id=scope_ids),
    st.builds(AgentScopeSpec, id=scope_ids),
    st.sampled_from(["global", "account:acc-1", "agent:bot-9"]),
)
submits = st.builds(
    SubmitOrderCommand,
    symbol=st.from_regex(r"[A-Za-z0-9._/-]{1,32}", fullmatch=True),
    side=st.sampled_from(Side),
    quantity=positive,
    order_type=st.sampled_from(OrderType),
    time_in_force=st.sampled_from(TimeInForce),
    limit_price=st.none() | positive,
    stop_price=st.none() | positive,
    reduce_only=st.booleans(),
    client_order_id=st.none() | idents,
    idempotency_key=st.none() | idents,
    strategy_id=st.none() | idents,
)
payloads = st.one_of(
    submits,
    st.builds(CancelOrderCommand, order_id=idents),
    st.builds(
        ActivateKillSwitchCommand,
        passcode=idents,
        scope=scopes,
        flatten=st.booleans(),
        reason=st.none() | idents,
    ),
    st.builds(
        ResumeTradingCommand,
        passcode=idents,
        scope=scopes,
        approver_username=st.none() | idents,
        approver_passcode=st.none() | idents,
        to_state=st.sampled_from(["active", "reducing"]),
    ),
    st.builds(
        HeartbeatCommand,
        agent_id=st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,40}", fullmatch=True),
        status=st.text(min_size=1, max_size=64),
    ),
)
envelopes = st.builds(
    Envelope,
    id=st.from_regex(r"[A-Za-z0-9._:-]{1,128}", fullmatch=True),
    v=st.just(1),
    principal=idents,
    ts=st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5, minutes=-30))]),
    ),
    account_id=idents,
    payload=payloads,
    correlation_id=st.none() | idents,
)


# Building envelopes (decimals, datetimes, nested payloads) is slow-ish on a busy 2-core box.
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(envelope=envelopes)
def test_every_valid_envelope_survives_a_round_trip(envelope: Envelope) -> None:
    # Arrange
    codec = EnvelopeCodec()

    # Act
    value = codec.encode(envelope)
    decoded = codec.decode(value, codec.key_of(envelope))

    # Assert
    assert decoded == envelope
    assert codec.encode(decoded) == value


def test_the_record_key_is_the_account_id(codec: EnvelopeCodec) -> None:
    # Arrange
    envelope = Envelope("m-1", 1, "u-1", TS, "acc-42", CancelOrderCommand("ord-1"))

    # Act
    key = codec.key_of(envelope)

    # Assert
    assert key == b"acc-42"


def test_a_timestamp_with_an_offset_is_kept_as_utc(codec: EnvelopeCodec) -> None:
    # Arrange
    value = raw(ORDER, ts="2025-03-01T14:00:00+02:00")

    # Act
    envelope = codec.decode(value, b"acc-1")

    # Assert
    assert envelope.ts == TS
    assert envelope.ts.tzinfo is UTC


def test_wire_defaults_mirror_the_http_order(codec: EnvelopeCodec) -> None:
    # Arrange
    value = raw(ORDER)

    # Act
    envelope = codec.decode(value, b"acc-1")

    # Assert
    assert envelope.type == "order.submit"
    payload = envelope.payload
    assert isinstance(payload, SubmitOrderCommand)
    assert payload == SubmitOrderCommand("AAPL", Side.BUY, Decimal("10"))
    assert (payload.order_type, payload.time_in_force) == (OrderType.MARKET, TimeInForce.DAY)


@pytest.mark.parametrize(
    "scope",
    ["global", "global:*", "account:acc-1", {"kind": "agent", "id": "bot-1"}, {"kind": "global"}],
)
def test_a_scope_is_an_object_or_a_kind_id_string(codec: EnvelopeCodec, scope: Any) -> None:
    # Arrange
    value = raw({**ACTIVATE, "scope": scope})

    # Act
    envelope = codec.decode(value, b"acc-1")

    # Assert
    assert envelope.payload == ActivateKillSwitchCommand(SECRET, scope=_spec(scope))


def _spec(scope: Any) -> Any:
    if isinstance(scope, str):
        return scope
    return msgspec.convert(scope, GlobalScopeSpec | AccountScopeSpec | AgentScopeSpec)


# -- poison messages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, EMPTY_MESSAGE),
        (b"", EMPTY_MESSAGE),
        (b"{not json", INVALID_JSON),
        (b"\xff\xfe", "INVALID_ENCODING"),
        (b"[" * 100 + b"]" * 100, "JSON_TOO_DEEP"),
        (b"   ", INVALID_JSON),
        (raw(ORDER) + b" trailing", INVALID_JSON),
        (raw({"type": "order.explode", "x": 1}), UNKNOWN_TYPE),
        (raw({**ORDER, "type": "ORDER.SUBMIT"}), UNKNOWN_TYPE),
        (raw(ORDER, v=2), UNSUPPORTED_VERSION),
        (raw(ORDER, v=0), UNSUPPORTED_VERSION),
        (raw({"type": "order.from-the-future"}, v=3), UNSUPPORTED_VERSION),
        (raw({"type": "order.submit", "brand": "new"}, v=2), UNSUPPORTED_VERSION),
        (raw(ORDER, v="1"), SCHEMA_VIOLATION),
        (b"[1, 2]", SCHEMA_VIOLATION),
        (b'"order"', SCHEMA_VIOLATION),
        (raw({"symbol": "AAPL"}), SCHEMA_VIOLATION),
        (raw({**ORDER, "quantity": "0"}), SCHEMA_VIOLATION),
        (raw({**ORDER, "quantity": "-5"}), SCHEMA_VIOLATION),
        (raw({**ORDER, "quantity": "NaN"}), SCHEMA_VIOLATION),
        (raw({**ORDER, "limit_price": "Infinity"}), SCHEMA_VIOLATION),
        (raw({**ORDER, "side": "sideways"}), SCHEMA_VIOLATION),
        (raw({**ORDER, "symbol": "AA PL"}), SCHEMA_VIOLATION),
        (raw({**ORDER, "limt_price": "1"}), SCHEMA_VIOLATION),
        (raw(ORDER, id="has space"), SCHEMA_VIOLATION),
        (raw(ORDER, id="x" * 129), SCHEMA_VIOLATION),
        (raw(ORDER, ts="2025-03-01T12:00:00"), SCHEMA_VIOLATION),
        (raw(ORDER, principal=""), SCHEMA_VIOLATION),
        (raw(ORDER, extra=True), SCHEMA_VIOLATION),
        (raw({**ACTIVATE, "scope": "account:"}), SCHEMA_VIOLATION),
        (raw({**ACTIVATE, "scope": "planet:earth"}), SCHEMA_VIOLATION),
        (raw({**ACTIVATE, "scope": {"kind": "account", "id": "*"}}), SCHEMA_VIOLATION),
        (raw({"type": "agent.heartbeat", "agent_id": "-bad"}), SCHEMA_VIOLATION),
        (raw({"type": "order.cancel"}), SCHEMA_VIOLATION),
        (
            json.dumps({k: v for k, v in document(ORDER).items() if k != "v"}).encode(),
            SCHEMA_VIOLATION,
        ),
    ],
)
def test_a_poison_record_raises_its_stable_code(
    codec: EnvelopeCodec, value: bytes | None, code: str
) -> None:
    # Act
    with pytest.raises(PoisonMessage) as caught:
        codec.decode(value, b"acc-1")

    # Assert
    assert caught.value.code == code
    assert 0 < len(caught.value.detail) <= 200


@pytest.mark.parametrize("key", [b"acc-2", None, b"", b"ACC-1"])
def test_a_record_keyed_by_another_account_is_a_key_mismatch(
    codec: EnvelopeCodec, key: bytes | None
) -> None:
    # Act
    with pytest.raises(PoisonMessage) as caught:
        codec.decode(raw(ORDER), key)

    # Assert
    assert caught.value.code == KEY_MISMATCH


@pytest.mark.parametrize(
    "payload",
    [
        {**ACTIVATE, "scope": SECRET},
        {**ACTIVATE, "scope": {"kind": SECRET, "id": "x"}},
        {**ACTIVATE, "flatten": SECRET},
        {**ACTIVATE, "passcode": SECRET * 20},
        {**ACTIVATE, "unexpected": SECRET},
        {**ACTIVATE, "type": SECRET},
        {**ACTIVATE, "reason": 5},
        {"type": "killswitch.resume", "passcode": SECRET, "scope": "global", "to_state": SECRET},
        {"type": "killswitch.resume", "passcode": SECRET, "approver_passcode": SECRET},
    ],
)
def test_a_rejected_kill_switch_command_never_echoes_the_passcode(
    codec: EnvelopeCodec, payload: dict[str, Any]
) -> None:
    # Act
    with pytest.raises(PoisonMessage) as caught:
        codec.decode(raw(payload), b"acc-1")

    # Assert
    assert SECRET not in caught.value.detail
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value)


def test_a_decoded_kill_switch_command_does_not_show_passcodes_in_its_repr(
    codec: EnvelopeCodec,
) -> None:
    # Arrange
    resume = {"type": "killswitch.resume", "passcode": SECRET, "scope": "global"}
    value = raw({**resume, "approver_username": "ro", "approver_passcode": SECRET})

    # Act
    envelope = codec.decode(value, b"acc-1")

    # Assert
    assert SECRET not in repr(envelope)
    assert "approver_username='ro'" in repr(envelope.payload)


# -- built once ---------------------------------------------------------------------------


def test_the_codec_builds_no_decoder_or_encoder_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    built: list[object] = []

    def spy(real: Any) -> Any:
        def build(*args: Any, **kwargs: Any) -> Any:
            built.append(real(*args, **kwargs))
            return built[-1]

        return build

    monkeypatch.setattr(msgspec.json, "Decoder", spy(msgspec.json.Decoder))
    monkeypatch.setattr(msgspec.json, "Encoder", spy(msgspec.json.Encoder))
    codec = EnvelopeCodec()
    built_by_the_codec = len(built)
    poison = [b"{", raw(ORDER, v=2), raw({"type": "nope"}), raw({**ORDER, "side": "x"})]

    # Act
    for _ in range(3):
        envelope = codec.decode(raw(ORDER), b"acc-1")
        codec.encode(envelope)
        for value in poison:
            with pytest.raises(PoisonMessage):
                codec.decode(value, b"acc-1")

    # Assert
    assert built_by_the_codec > 0
    assert len(built) == built_by_the_codec


# -- credentials --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ([("authorization", b"bwk_abc123")], "bwk_abc123"),
        ([("Authorization", b"Bearer eyJ.a.b")], "eyJ.a.b"),
        ([("authorization", b"bearer   eyJ.a.b  ")], "eyJ.a.b"),
        ([("authorization", b"eyJ.a.b")], "eyJ.a.b"),
        ([("traceparent", b"00-abc"), ("authorization", b"bwk_k")], "bwk_k"),
        ([], None),
        ([("authorization", b"")], None),
        ([("authorization", b"Bearer ")], None),
        ([("authorization", b"\xff\xfe")], None),
        ([("authorization", None)], None),
        ([("authorization", b"bwk_a"), ("authorization", b"bwk_b")], None),
    ],
)
def test_the_credential_comes_from_the_one_authorization_header(
    headers: list[tuple[str, bytes | None]], expected: str | None
) -> None:
    # Act
    credential = credential_of(headers)

    # Assert
    assert credential == expected
