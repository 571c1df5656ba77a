"""A Bulwark process wired to the session's Kafka broker, and a client that sends it commands.

Each test gets topics and a command group of its own (a suffix), a durable SQLite store
in its temp folder (or PostgreSQL), the producer without idempotence (Tansu lacks
InitProducerId) and short session timeouts (Tansu answers a first join after half of it).
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import ConsumerRecord
from dependency_injector import providers

from adapters.kafka.client import KafkaConfig, make_consumer, make_producer
from adapters.kafka.dispatcher import CommandDispatcher
from adapters.kafka.envelope import Envelope, EnvelopeCodec, SubmitOrderCommand
from adapters.kafka.topics import Topics
from adapters.memory.clock import FakeClock
from adapters.security.argon2_hasher import Argon2Hasher
from application.safety.agents import RegisterAgent
from bootstrap.consume import start_consumers
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.kafka import KafkaLink
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import load_settings
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from domain.trading.instruments import AssetClass, Instrument
from domain.trading.orders import Side
from tests.http.harness import no_background

PASSWORD = "correct-horse-battery-9"
PASSCODE = "kill-passcode-1"


def settings_for(
    bootstrap: str, database_url: str, suffix: str, instance: str, **extra: str
) -> dict[str, str]:
    topics = Topics().with_prefix(f"t{suffix}.")
    env = {
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": database_url,
        "BULWARK_KAFKA_BOOTSTRAP": bootstrap,
        "BULWARK_KAFKA_INSTANCE_ID": instance,
        "BULWARK_KAFKA_GROUP_ID": f"commands-{suffix}",
        "BULWARK_KAFKA_IDEMPOTENT_PRODUCER": "false",
        "BULWARK_KAFKA_SESSION_TIMEOUT_MS": "3000",
        "BULWARK_KAFKA_PARTITIONS": "3",
        "BULWARK_FOUR_EYES_RESUME": "false",
        # The strategies' bracket loop sleeps on the clock: on a FakeClock it would move time.
        "BULWARK_STRATEGY_BRACKET_SECONDS": "0",
    }
    for name in ("orders", "control", "heartbeats", "decisions", "events", "emergency", "dlq"):
        env[f"BULWARK_KAFKA_TOPIC_{name.upper()}"] = getattr(topics, name)
    env.update({f"BULWARK_{k.upper()}": v for k, v in extra.items()})
    return env


@dataclass
class Node:
    """One Bulwark process: its container, its Kafka link, its dispatcher when it consumes."""

    container: ApplicationContainer
    link: KafkaLink
    dispatcher: CommandDispatcher | None
    clock: FakeClock | None

    @property
    def topics(self) -> Topics:
        return self.link.topics


@contextlib.asynccontextmanager
async def bulwark_node(
    env: dict[str, str], *, consume: bool = True, fake_clock: bool = False
) -> AsyncIterator[Node]:
    settings = load_settings(env, env_file=None)
    container = build_container(settings)
    container.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    container.background.override(providers.Resource(no_background))
    clock = FakeClock(datetime.now(UTC)) if fake_clock else None
    if clock is not None:
        container.core.clock.override(providers.Object(clock))
    if consume:
        link, dispatcher = await start_consumers(container)
    else:
        await container.init_resources()  # type: ignore[misc]
        link, dispatcher = container.core.kafka_link(), None
    try:
        yield Node(container, link, dispatcher, clock)
    finally:
        await shutdown_in_order(container)


@dataclass
class Trader:
    """A user with an account, an agent with an API key on it, and a priced instrument."""

    owner: Principal
    owner_token: str
    account_id: str
    agent_id: str
    agent_key: str

    def command(self, payload: Any) -> Envelope:
        """`payload` as the agent sends it for its account."""
        return envelope(self.agent_id, self.account_id, payload)

    def buys(self, quantity: str = "1") -> Envelope:
        """The agent's order for its account: buy `quantity` AAPL at the market."""
        return self.command(buy(quantity))


async def seed_trader(
    container: ApplicationContainer, suffix: str, *, cash: str = "1000000"
) -> Trader:
    view = await container.core.auth().create_user(f"owner-{suffix}", PASSWORD, Role.OWNER)
    owner = Principal(view.id, Role.OWNER)
    await container.safety.killswitch().set_passcode(owner, PASSCODE)
    account_id = f"acc-{suffix}"
    amount = Decimal(cash)
    async with container.core.uow_factory()() as uow:
        if await uow.instruments.get("AAPL") is None:
            await uow.instruments.add(Instrument("AAPL", AssetClass.EQUITY, sector="Tech"))
        await uow.accounts.add(
            Account(account_id, owner.id, amount, start_of_day_equity=amount, peak_equity=amount)
        )
        await uow.commit()
    container.core.market().set_price("AAPL", Decimal("100"))
    container.core.paper_broker().seed_account(account_id, amount)
    agent_id = f"agent-{suffix}"
    await container.safety.agents().register_agent(
        RegisterAgent(owner, agent_id, agent_id, (account_id,))
    )
    key = await container.core.api_keys().create(owner, agent_id, "tests")
    tokens = await container.core.auth().login(f"owner-{suffix}", PASSWORD)
    return Trader(owner, tokens.access_token, account_id, agent_id, key.api_key)


def envelope(
    principal: str, account_id: str, payload: Any, message_id: str | None = None
) -> Envelope:
    return Envelope(
        id=message_id or uuid.uuid4().hex,
        v=1,
        principal=principal,
        ts=datetime.now(UTC),
        account_id=account_id,
        payload=payload,
    )


def buy(quantity: str = "1", **extra: Any) -> SubmitOrderCommand:
    return SubmitOrderCommand(symbol="AAPL", side=Side.BUY, quantity=Decimal(quantity), **extra)


@dataclass
class CommandClient:
    """An agent's or a tool's view of the topics: send commands, read what comes back."""

    config: KafkaConfig
    producer: AIOKafkaProducer
    codec: EnvelopeCodec = field(default_factory=EnvelopeCodec)

    async def send(self, topic: str, env: Envelope, credential: str | None) -> None:
        headers = [] if credential is None else [("authorization", credential.encode())]
        await self.producer.send_and_wait(
            topic, value=self.codec.encode(env), key=env.account_id.encode(), headers=headers
        )

    async def send_raw(
        self, topic: str, value: bytes | None, key: bytes | None, credential: str | None
    ) -> None:
        headers = [] if credential is None else [("authorization", credential.encode())]
        await self.producer.send_and_wait(topic, value=value, key=key, headers=headers)

    async def read(
        self, topic: str, count: int, within: float = 30.0, group: str | None = None
    ) -> list[ConsumerRecord]:
        """The first `count` records of `topic` (from the beginning), or fewer at the timeout."""
        consumer: AIOKafkaConsumer = make_consumer(self.config, group, topics=[topic])
        await consumer.start()
        found: list[ConsumerRecord] = []
        try:
            async with asyncio.timeout(within):
                while len(found) < count:
                    batch = await consumer.getmany(timeout_ms=200)
                    for records in batch.values():
                        found.extend(records)
        except TimeoutError:
            pass
        finally:
            await consumer.stop()
        return found


@contextlib.asynccontextmanager
async def command_client(bootstrap: str) -> AsyncIterator[CommandClient]:
    config = KafkaConfig(bootstrap, client_id="bulwark-test-client", request_timeout_ms=10_000)
    producer = make_producer(config, idempotent=False)
    await producer.start()
    try:
        yield CommandClient(config, producer)
    finally:
        await producer.stop()


async def eventually(check: Any, within: float = 30.0, every: float = 0.1) -> Any:
    """Polls an async check until it returns something truthy (the value), or fails."""
    async with asyncio.timeout(within):
        while True:
            value = await check()
            if value:
                return value
            await asyncio.sleep(every)


def headers_of(record: ConsumerRecord) -> dict[str, str]:
    return {k: (v or b"").decode() for k, v in (record.headers or ())}


def values(records: Sequence[ConsumerRecord]) -> list[bytes]:
    return [r.value for r in records]
