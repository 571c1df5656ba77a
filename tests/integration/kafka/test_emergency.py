"""Emergency halts over Kafka: a kill-switch command halts and broadcasts, other instances
follow the broadcast once, and the broadcast is out before any order is cancelled."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import msgspec
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord

from adapters.eventcodec import EventCodec
from adapters.kafka.client import KafkaConfig, make_consumer
from adapters.kafka.envelope import AccountScopeSpec, ActivateKillSwitchCommand, DecisionCodec
from adapters.kafka.publisher import EventDocument, decode_event
from adapters.kafka.runtime import ConsumerRuntime
from application.safety.killswitch import ActivateKillSwitch
from application.trading.orders import SubmitOrder
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import EmergencyHalt, KillSwitchCompleted
from domain.risk.reasons import Action, ReasonCode
from domain.risk.rules import RiskRule, RuleType
from domain.trading.orders import OrderStatus, OrderType, Origin, OriginKind, Side
from ports.trading.broker import CancelResult
from tests.integration.kafka.bulwark import (
    PASSCODE,
    CommandClient,
    Node,
    Trader,
    bulwark_node,
    command_client,
    envelope,
    eventually,
    seed_trader,
    settings_for,
)
from tests.integration.kafka.processes import read_all, read_until
from tests.kit.schema import migrated

Halts = list[tuple[str, EmergencyHalt]]  # (sending instance, halt)


async def _url(tmp_path: Path, name: str) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / f'{name}.db'}"
    await migrated(url)
    return url


def _env(bootstrap: str, url: str, suffix: str, instance: str, **extra: str) -> dict[str, str]:
    # A generous bound on the halt's send: Tansu on a busy machine can take longer than 250 ms.
    return settings_for(
        bootstrap, url, suffix, instance, kafka_emergency_timeout_ms="5000", **extra
    )


def _halts(records: Sequence[ConsumerRecord]) -> Halts:
    codec = EventCodec()
    found: Halts = []
    for record in records:
        sender, event = decode_event(codec, record.value)
        if isinstance(event, EmergencyHalt):
            found.append((sender, event))
    return found


def _marker(scope_key: str) -> bytes:
    """A valid event that is not a halt: every emergency listener reads it and moves on."""
    event = KillSwitchCompleted(scope_key, uuid.uuid4().hex, "manual", 0, True, (), 0.0)
    document = EventDocument(event.name, "test-marker", EventCodec().encode(event))
    return msgspec.json.encode(document)


async def _until(condition: Callable[[], bool], within: float = 30.0) -> None:
    async def check() -> bool:
        return condition()

    await eventually(check, within)


def _listener(node: Node) -> ConsumerRuntime:
    return node.link.supervisor.runtimes[f"bulwark-emergency-{node.link.instance}"][0]


async def _state(node: Node, scope: Scope) -> TradingState | None:
    states = {s.scope.key: s.state for s in await node.container.safety.killswitch().status()}
    return states.get(scope.key)


async def _listening(node: Node, client: CommandClient, scope: Scope) -> None:
    """Until the node's listener reads the halt's partition: it starts at the latest offset,
    so a halt sent before it has a position there would pass it by."""
    runtime = _listener(node)

    async def marker_read() -> bool:
        await client.send_raw(node.topics.emergency, _marker(scope.key), scope.key.encode(), None)
        try:
            await _until(lambda: runtime.processed >= 1, within=1.0)
        except TimeoutError:
            return False
        return True

    await eventually(marker_read, within=60)


async def _followed(node: Node, client: CommandClient, scope: Scope) -> None:
    """Until the node has handled a remote halt of `scope` to the end."""
    runtime = _listener(node)
    await _until(lambda: node.link.remote_halts >= 1)
    # The partition is handled in order: once a marker sent after the halt is read, the
    # halt's handling (its follow_remote_halt) has returned.
    before = runtime.processed
    await client.send_raw(node.topics.emergency, _marker(scope.key), scope.key.encode(), None)
    await _until(lambda: runtime.processed > before)


async def _emergency_halts(client: CommandClient, node: Node, scope: Scope) -> Halts:
    return _halts(await read_all(client, node.topics.emergency, _marker(scope.key)))


async def _halted(node: Node, scope: Scope) -> bool:
    return await _state(node, scope) is TradingState.HALTED


async def _read_halts(watcher: AIOKafkaConsumer, within: float = 30.0) -> Halts:
    """The first halts a group member reads (it starts at the earliest offset)."""
    found: list[ConsumerRecord] = []
    async with asyncio.timeout(within):
        while not _halts(found):
            for records in (await watcher.getmany(timeout_ms=200)).values():
                found.extend(records)
    return _halts(found)


async def _halts_on(config: KafkaConfig, topic: str, within: float) -> Halts:
    """The halts on the topic now; waits at most `within` for the first one."""
    try:
        records = await read_until(config, topic, lambda rs: bool(_halts(rs)), within)
    except TimeoutError:
        return []
    return _halts(records)


async def _held_order(node: Node, trader: Trader) -> str:
    """A HOLD rule on the trader's orders above 5,000 of notional and an order of 100 AAPL
    (10,000 at 100) it holds for a person's approval; the order's id."""
    async with node.container.core.uow_factory()() as uow:
        await uow.risk_rules.add(
            RiskRule(
                f"hold-{trader.account_id}",
                trader.owner.id,
                RuleType.MAX_ORDER_NOTIONAL,
                {"max_notional": 5_000},
                action=Action.HOLD,
            )
        )
        await uow.commit()
    node.container.core.policies().invalidate()
    result = await node.container.trading.orders().submit(
        SubmitOrder(
            principal=trader.owner,
            account_id=trader.account_id,
            symbol="AAPL",
            side=Side.BUY,
            quantity=Decimal(100),
            origin=Origin(OriginKind.USER, trader.owner.id),
        )
    )
    assert result.order.status is OrderStatus.HELD
    return result.order.id


async def _stored(node: Node, order_id: str) -> tuple[OrderStatus, tuple[str, ...]]:
    async with node.container.core.uow_factory()() as uow:
        order = await uow.orders.get(order_id)
    assert order is not None
    return order.status, order.deny_reasons


# --- a kill-switch command over Kafka ---------------------------------------------------------


async def test_a_kill_switch_command_halts_broadcasts_and_later_orders_are_denied(
    kafka_bootstrap: str, kafka_config: KafkaConfig, tmp_path: Path, unique: str
) -> None:
    # Arrange
    env = _env(kafka_bootstrap, await _url(tmp_path, "bulwark"), unique, f"node-{unique}")
    async with bulwark_node(env) as node, command_client(kafka_bootstrap) as client:
        trader = await seed_trader(node.container, unique)
        scope = Scope.account(trader.account_id)
        held = await _held_order(node, trader)
        watcher = make_consumer(
            kafka_config,
            f"watch-{unique}",  # a consumer group of its own, as another service would have
            topics=[node.topics.emergency],
            session_timeout_ms=3000,
            heartbeat_interval_ms=300,
        )
        await watcher.start()
        try:
            # Act
            activate = ActivateKillSwitchCommand(
                passcode=PASSCODE, scope=AccountScopeSpec(id=trader.account_id)
            )
            await client.send(
                node.topics.control,
                envelope(trader.owner.id, trader.account_id, activate),
                trader.owner_token,
            )
            halted = await eventually(lambda: _halted(node, scope), within=60)
            seen = await _read_halts(watcher)
            [record] = await eventually(
                lambda: node.container.safety.killswitch().events(scope), within=30
            )
        finally:
            await watcher.stop()
        held_after = await _stored(node, held)
        order = trader.buys("1")
        await client.send(node.topics.orders, order, trader.agent_key)
        codec = DecisionCodec()
        records = await read_until(
            kafka_config,
            node.topics.decisions,
            lambda rs: any(codec.decode(r.value).message_id == order.id for r in rs),
        )

    # Assert
    assert halted
    assert [(sender, halt.scope_key) for sender, halt in seen] == [(node.link.instance, scope.key)]
    assert record.held_rejected == 1
    assert held_after == (OrderStatus.CANCELED, (ReasonCode.TRADING_HALTED.value,))
    decision = next(d for r in records if (d := codec.decode(r.value)).message_id == order.id)
    assert decision.approved is False
    assert decision.reason_codes == [ReasonCode.TRADING_HALTED.value]


# --- other instances follow -------------------------------------------------------------------


async def test_an_instance_with_its_own_store_follows_a_remote_halt_without_broadcasting_it(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    # Arrange: two instances on the same topics, each with a database of its own
    env_a = _env(kafka_bootstrap, await _url(tmp_path, "a"), unique, f"a-{unique}")
    env_b = _env(kafka_bootstrap, await _url(tmp_path, "b"), unique, f"b-{unique}")
    async with (
        bulwark_node(env_a, consume=False) as a,
        bulwark_node(env_b, consume=False) as b,
        command_client(kafka_bootstrap) as client,
    ):
        trader = await seed_trader(a.container, unique)
        in_b = await seed_trader(b.container, unique)  # the same account in B's own store
        scope = Scope.account(trader.account_id)
        held_in_b = await _held_order(b, in_b)
        await _listening(b, client, scope)

        # Act
        await a.container.safety.killswitch().activate(
            ActivateKillSwitch(trader.owner, PASSCODE, scope)
        )
        await _followed(b, client, scope)
        state_in_b = await _state(b, scope)
        events_in_b = await b.container.safety.killswitch().events(scope)
        held_after = await _stored(b, held_in_b)
        halts = await _emergency_halts(client, a, scope)

    # Assert: B ended what its own store held for approval
    assert state_in_b is TradingState.HALTED
    assert len(events_in_b) == 1
    assert events_in_b[0].held_rejected == 1
    assert held_after == (OrderStatus.CANCELED, (ReasonCode.TRADING_HALTED.value,))
    assert events_in_b[0].reason.startswith("emergency broadcast")
    assert [(sender, halt.scope_key) for sender, halt in halts] == [(a.link.instance, scope.key)]


async def test_an_instance_on_the_same_store_sees_the_halt_and_records_nothing_more(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    # Arrange: two instances on one database
    url = await _url(tmp_path, "shared")
    env_a = _env(kafka_bootstrap, url, unique, f"a-{unique}")
    env_b = _env(kafka_bootstrap, url, unique, f"b-{unique}")
    async with (
        bulwark_node(env_a, consume=False) as a,
        bulwark_node(env_b, consume=False) as b,
        command_client(kafka_bootstrap) as client,
    ):
        trader = await seed_trader(a.container, unique)
        scope = Scope.account(trader.account_id)
        await _listening(b, client, scope)

        # Act
        await a.container.safety.killswitch().activate(
            ActivateKillSwitch(trader.owner, PASSCODE, scope)
        )
        await _followed(b, client, scope)
        state = await _state(b, scope)
        events = await b.container.safety.killswitch().events(scope)
        halts = await _emergency_halts(client, a, scope)

    # Assert
    assert b.link.remote_halts == 1
    assert state is TradingState.HALTED
    assert [e.reason for e in events] == ["manual activation"]  # A's only
    assert [(sender, halt.scope_key) for sender, halt in halts] == [(a.link.instance, scope.key)]


# --- broadcast first ------------------------------------------------------------------------


async def test_the_halt_is_on_the_emergency_topic_before_the_first_cancel_reaches_the_broker(
    kafka_bootstrap: str,
    kafka_config: KafkaConfig,
    tmp_path: Path,
    unique: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: two resting orders, and a broker that looks at the topic when asked to cancel.
    # Why this is sound: the halt cannot be on the topic at the broker's first cancel
    # request unless it was sent (and acknowledged) before that request; comparing the
    # KillSwitchEvent's broadcast_at with cancel_sent_at would prove less, since
    # cancel_sent_at is taken after every cancel and the reconciliation are done. The
    # deadline is long enough for the look (it is bounded at 2 s) to fit inside it.
    env = _env(
        kafka_bootstrap,
        await _url(tmp_path, "bulwark"),
        unique,
        f"node-{unique}",
        kill_switch_deadline_seconds="10",
    )
    async with bulwark_node(env, consume=False) as node:
        trader = await seed_trader(node.container, unique)
        scope = Scope.account(trader.account_id)
        for _ in range(2):
            await node.container.trading.orders().submit(
                SubmitOrder(
                    principal=trader.owner,
                    account_id=trader.account_id,
                    symbol="AAPL",
                    side=Side.BUY,
                    quantity=Decimal(1),
                    origin=Origin(OriginKind.USER, trader.owner.id),
                    order_type=OrderType.LIMIT,
                    limit_price=Decimal("60"),  # far below the mark (100): it rests
                )
            )
        broker = node.container.core.paper_broker()
        cancel_all = broker.cancel_all
        at_first_cancel: list[tuple[int, Halts]] = []

        async def looking_cancel_all(account_id: str) -> list[CancelResult]:
            still_open = await broker.open_orders(account_id)
            on_topic = await _halts_on(kafka_config, node.topics.emergency, within=2.0)
            at_first_cancel.append((len(still_open), on_topic))
            return await cancel_all(account_id)

        monkeypatch.setattr(broker, "cancel_all", looking_cancel_all)

        # Act
        event = await node.container.safety.killswitch().activate(
            ActivateKillSwitch(trader.owner, PASSCODE, scope)
        )

    # Assert
    open_then, halts_then = at_first_cancel[0]
    assert open_then == 2
    assert [(sender, h.scope_key) for sender, h in halts_then] == [(node.link.instance, scope.key)]
    assert event.orders_cancelled == 2
    assert event.broker_confirmed
