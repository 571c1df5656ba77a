"""Heartbeats and control commands over Kafka: liveness, cancel and resume, each effect once."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from dependency_injector import providers

from adapters.kafka.envelope import (
    AccountScopeSpec,
    ActivateKillSwitchCommand,
    CancelOrderCommand,
    DecisionCodec,
    HeartbeatCommand,
    ResumeTradingCommand,
)
from adapters.memory.clock import FakeClock, SystemClock
from adapters.security.argon2_hasher import Argon2Hasher
from bootstrap.consume import start_consumers
from bootstrap.containers.application import build_container
from bootstrap.kafka import KafkaLink
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import load_settings
from domain.agents.heartbeat import Liveness
from domain.killswitch.state import Scope, TradingState
from domain.principals import Principal, Role
from domain.trading.orders import Order, OrderStatus, OrderType
from tests.http.harness import no_background
from tests.integration.kafka.bulwark import (
    PASSCODE,
    PASSWORD,
    CommandClient,
    Node,
    Trader,
    bulwark_node,
    buy,
    command_client,
    envelope,
    eventually,
    seed_trader,
    settings_for,
)
from tests.kit.schema import migrated

THRESHOLD = timedelta(seconds=5)  # an agent's default heartbeat threshold
UNDER = THRESHOLD * 0.6  # two of these are past the threshold, one is not


@contextlib.asynccontextmanager
async def node_on_fake_clock(env: dict[str, str]) -> AsyncIterator[Node]:
    """bulwark_node(env, fake_clock=True), but the Kafka link keeps the system clock.

    The link's stream monitor sleeps on its clock between checks, and a FakeClock's sleep
    moves time on at once: on the fake clock, time would race ahead by minutes a second.
    """
    settings = load_settings(env, env_file=None)
    container = build_container(settings)
    container.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    container.background.override(providers.Resource(no_background))
    clock = FakeClock(datetime.now(UTC))
    container.core.clock.override(providers.Object(clock))
    system_clock = providers.Object(SystemClock())
    container.core.kafka_link.override(
        providers.Singleton(
            KafkaLink,
            settings,
            system_clock,
            container.core.notifier,
            container.core.bus,
            container.core.policies,
        )
    )
    link, dispatcher = await start_consumers(container)
    try:
        yield Node(container, link, dispatcher, clock)
    finally:
        await shutdown_in_order(container)


@contextlib.asynccontextmanager
async def running(
    bootstrap: str, tmp_path: Path, unique: str, *, fake_clock: bool = False
) -> AsyncIterator[tuple[Node, CommandClient, Trader]]:
    """A consuming node on a SQLite store, a client, and a trader seeded on the node."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    env = settings_for(bootstrap, url, unique, f"node-{unique}")
    node_cm = node_on_fake_clock(env) if fake_clock else bulwark_node(env)
    async with node_cm as node, command_client(bootstrap) as client:
        yield node, client, await seed_trader(node.container, unique)


def counters(node: Node) -> tuple[int, int]:
    """(records handled, records dead-lettered) by the node's command consumer."""
    runtime = node.link.supervisor.runtimes[node.link.settings.kafka.group_id][0]
    return runtime.processed, runtime.dead_lettered


async def settled(node: Node, count: int) -> None:
    async def done() -> bool:
        return sum(counters(node)) >= count

    await eventually(done)


async def orders_of(node: Node, account_id: str) -> list[Order]:
    async with node.container.core.uow_factory()() as uow:
        found: list[Order] = await uow.orders.list(account_id, limit=1000)
        return found


async def resting_order(node: Node, client: CommandClient, trader: Trader) -> Any:
    """The agent's limit buy far below the market (100), sent over Kafka; it stays open."""
    order = buy("1", order_type=OrderType.LIMIT, limit_price=Decimal("50"))
    await client.send(node.topics.orders, trader.command(order), trader.agent_key)

    async def accepted() -> Any:
        found = await orders_of(node, trader.account_id)
        return found[0] if found and found[0].status is OrderStatus.ACCEPTED else None

    return await eventually(accepted)


async def state_of(node: Node, scope: Scope) -> TradingState:
    states = {s.scope.key: s.state for s in await node.container.safety.killswitch().status()}
    return states.get(scope.key, TradingState.ACTIVE)


async def last_beat(node: Node, trader: Trader) -> datetime | None:
    return (
        await node.container.safety.agents().status(trader.owner, trader.agent_id)
    ).last_heartbeat


async def test_heartbeats_keep_an_agent_alive_and_silence_halts_it_once(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    async with running(kafka_bootstrap, tmp_path, unique, fake_clock=True) as (n, client, t):
        # Arrange
        clock = n.clock
        assert isinstance(clock, FakeClock)
        order = await resting_order(n, client, t)
        monitor = n.container.safety.heartbeat_monitor()
        topic = n.topics.heartbeats
        beats = [t.command(HeartbeatCommand(t.agent_id)) for _ in "ab"]

        async def heard_at(moment: datetime) -> bool:
            return await last_beat(n, t) == moment

        # Act: two beats less than the threshold apart, then a redelivery of the second
        await client.send(topic, beats[0], t.agent_key)
        await eventually(lambda: heard_at(clock.now()))
        clock.advance(UNDER)
        await client.send(topic, beats[1], t.agent_key)
        await eventually(lambda: heard_at(clock.now()))
        second_beat = clock.now()
        clock.advance(UNDER)
        deaths_while_beating = await monitor.check()
        alive = (await n.container.safety.agents().status(t.owner, t.agent_id)).liveness
        await client.send(topic, beats[1], t.agent_key)
        await settled(n, 4)
        clock.advance(UNDER)  # past the threshold since the second beat, not since its copy
        deaths = await monitor.check()

        # Assert
        assert deaths_while_beating == []
        assert alive is Liveness.ALIVE
        assert n.dispatcher is not None
        assert n.dispatcher.duplicates == 1
        assert await last_beat(n, t) == second_beat
        assert [d.agent_id for d in deaths] == [t.agent_id]
        status = await n.container.safety.agents().status(t.owner, t.agent_id)
        assert status.liveness is Liveness.DEAD
        assert await state_of(n, Scope.agent(t.agent_id)) is TradingState.HALTED
        assert deaths[0].kill_switch.orders_cancelled == 1
        assert [(o.id, o.status) for o in await orders_of(n, t.account_id)] == [
            (order.id, OrderStatus.CANCELED)
        ]
        assert await n.container.core.paper_broker().open_orders(t.account_id) == []
        assert counters(n) == (4, 0)


async def test_a_cancel_over_kafka_cancels_and_its_redelivery_is_a_no_op(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    async with running(kafka_bootstrap, tmp_path, unique) as (node, client, t):
        # Arrange
        order = await resting_order(node, client, t)
        cancel = t.command(CancelOrderCommand(order.id))

        # Act
        await client.send(node.topics.orders, cancel, t.agent_key)
        await client.send(node.topics.orders, cancel, t.agent_key)
        await settled(node, 3)

        # Assert
        assert node.dispatcher is not None
        assert node.dispatcher.duplicates == 1
        assert counters(node) == (3, 0)
        assert [o.status for o in await orders_of(node, t.account_id)] == [OrderStatus.CANCELED]
        assert await node.container.core.paper_broker().open_orders(t.account_id) == []


async def test_a_resume_over_kafka_brings_trading_back(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    async with running(kafka_bootstrap, tmp_path, unique) as (node, client, t):
        # Arrange: the owner halts the account over Kafka; an order is then denied
        scope = Scope.account(t.account_id)
        spec = AccountScopeSpec(t.account_id)
        owner, control = t.owner.id, node.topics.control
        halt = envelope(owner, t.account_id, ActivateKillSwitchCommand(PASSCODE, spec))
        await client.send(control, halt, t.owner_token)

        async def is_(state: TradingState) -> bool:
            return await state_of(node, scope) is state

        await eventually(lambda: is_(TradingState.HALTED))
        denied = t.buys("1")
        await client.send(node.topics.orders, denied, t.agent_key)
        await settled(node, 2)

        # Act
        resume = envelope(owner, t.account_id, ResumeTradingCommand(PASSCODE, spec))
        await client.send(control, resume, t.owner_token)
        await eventually(lambda: is_(TradingState.ACTIVE))
        approved = t.buys("1")
        await client.send(node.topics.orders, approved, t.agent_key)

        # Assert
        records = await client.read(node.topics.decisions, 2)
        decisions = {d.message_id: d for d in (DecisionCodec().decode(r.value) for r in records)}
        assert decisions[denied.id].status is OrderStatus.DENIED
        assert not decisions[denied.id].approved
        assert decisions[approved.id].approved
        assert decisions[approved.id].status in {OrderStatus.ACCEPTED, OrderStatus.FILLED}
        await settled(node, 4)
        assert counters(node) == (4, 0)


async def test_a_viewers_kill_switch_over_kafka_is_refused_and_halts_nothing(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    async with running(kafka_bootstrap, tmp_path, unique) as (node, client, t):
        # Arrange: a viewer (read-only desk observer) with a passcode of its own
        auth = node.container.core.auth()
        view = await auth.create_user(f"viewer-{unique}", PASSWORD, Role.VIEWER)
        viewer = Principal(view.id, Role.VIEWER)
        await node.container.safety.killswitch().set_passcode(viewer, PASSCODE)
        token = (await auth.login(f"viewer-{unique}", PASSWORD)).access_token
        spec = AccountScopeSpec(t.account_id)
        halt = envelope(viewer.id, t.account_id, ActivateKillSwitchCommand(PASSCODE, spec))

        # Act
        await client.send(node.topics.control, halt, token)
        await settled(node, 1)

        # Assert: dead-lettered (FORBIDDEN), the account still trades
        assert counters(node) == (0, 1)
        assert await state_of(node, Scope.account(t.account_id)) is TradingState.ACTIVE
