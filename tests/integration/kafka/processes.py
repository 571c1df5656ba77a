"""`bulwark consume` as a real process, and what the tests read back from its store and topics.

The process runs the venv's console script with the settings of `settings_for`; the test
seeds and reads the same SQLite file through a container of its own without Kafka.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiokafka import TopicPartition
from aiokafka.structs import ConsumerRecord, RecordMetadata
from dependency_injector import providers

from adapters.kafka.client import KafkaConfig, make_consumer
from adapters.kafka.envelope import DecisionCodec, Envelope, OrderDecisionMessage
from adapters.kafka.topics import Topics
from adapters.security.argon2_hasher import Argon2Hasher
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.kafka import topics_of
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import load_settings
from domain.trading.orders import Order
from tests.http.harness import no_background
from tests.integration.kafka.bulwark import CommandClient
from tests.integration.servers import _dying_with_parent

ROOT = Path(__file__).resolve().parents[3]
BULWARK = Path(sys.executable).parent / "bulwark"  # the venv's console script
START_TIMEOUT_S = 180.0  # a bound for a failing start; a loaded 2-core box has taken over 60
STARTED = '"consumers_started"'


def topics_in(env: dict[str, str]) -> Topics:
    return topics_of(load_settings(env, env_file=None))


@contextlib.asynccontextmanager
async def store_of(env: dict[str, str]) -> AsyncIterator[ApplicationContainer]:
    """A container on the node's store, without Kafka: to seed it and to read it back."""
    without_kafka = {k: v for k, v in env.items() if k != "BULWARK_KAFKA_BOOTSTRAP"}
    container = build_container(load_settings(without_kafka, env_file=None))
    container.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    container.background.override(providers.Resource(no_background))
    await container.init_resources()  # type: ignore[misc]
    try:
        yield container
    finally:
        await shutdown_in_order(container)


async def orders_of(container: ApplicationContainer, account_id: str) -> list[Order]:
    async with container.core.uow_factory()() as uow:
        return list(await uow.orders.list(account_id, limit=10_000))


@dataclass
class ConsumeProcess:
    """A running `bulwark consume`: the process and the file its output goes to."""

    proc: asyncio.subprocess.Process
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    async def exited(self, within: float) -> int:
        """The exit code, once the process has ended (TimeoutError after `within` seconds)."""
        async with asyncio.timeout(within):
            return await self.proc.wait()


@contextlib.asynccontextmanager
async def bulwark_consume(env: dict[str, str], log: Path) -> AsyncIterator[ConsumeProcess]:
    """`bulwark consume` with `env`, once its consumers started; killed if still running after."""
    # The developer's own BULWARK_* variables must not leak into the process under test.
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
    with log.open("ab") as out:
        proc = await asyncio.create_subprocess_exec(
            BULWARK,
            "--env-file",
            "",
            "consume",
            cwd=ROOT,
            env={**inherited, "BULWARK_LOG_FORMAT": "json", **env},
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_dying_with_parent(signal.SIGKILL),
        )
    process = ConsumeProcess(proc, log)
    try:
        await _started(process)
        yield process
    finally:
        if proc.returncode is None:
            proc.kill()
        await proc.wait()


async def _started(process: ConsumeProcess) -> None:
    deadline = asyncio.get_running_loop().time() + START_TIMEOUT_S
    while STARTED not in process.output():
        if process.proc.returncode is not None:
            pytest.fail(f"bulwark consume exited with {process.proc.returncode}:\n{_tail(process)}")
        if asyncio.get_running_loop().time() > deadline:
            pytest.fail(
                f"bulwark consume did not start in {START_TIMEOUT_S:.0f} s:\n{_tail(process)}"
            )
        await asyncio.sleep(0.05)


def _tail(process: ConsumeProcess, lines: int = 30) -> str:
    return "\n".join(process.output().splitlines()[-lines:])


async def send(client: CommandClient, topic: str, env: Envelope, credential: str) -> RecordMetadata:
    """Sends a command as `CommandClient.send` does, and says where it landed."""
    return await client.producer.send_and_wait(
        topic,
        value=client.codec.encode(env),
        key=env.account_id.encode(),
        headers=[("authorization", credential.encode())],
    )


def ends_of(sent: Iterable[RecordMetadata]) -> dict[TopicPartition, int]:
    """Per partition written to, the offset just past the last record sent there."""
    ends: dict[TopicPartition, int] = {}
    for meta in sent:
        tp = TopicPartition(meta.topic, meta.partition)
        ends[tp] = max(ends.get(tp, 0), meta.offset + 1)
    return ends


async def committed(
    config: KafkaConfig, group: str, partitions: Iterable[TopicPartition]
) -> dict[TopicPartition, int | None]:
    """The group's committed offsets; a consumer that never subscribes does not join it."""
    reader = make_consumer(config, group)
    await reader.start()
    try:
        return {tp: await reader.committed(tp) for tp in partitions}
    finally:
        await reader.stop()


async def read_until(
    config: KafkaConfig,
    topic: str,
    enough: Callable[[Sequence[ConsumerRecord]], bool],
    within: float = 30.0,
) -> list[ConsumerRecord]:
    """The topic from its beginning, until `enough(records)` (TimeoutError after `within`)."""
    reader = make_consumer(config, None, topics=[topic])
    await reader.start()
    found: list[ConsumerRecord] = []
    try:
        async with asyncio.timeout(within):
            while not enough(found):
                for records in (await reader.getmany(timeout_ms=200)).values():
                    found.extend(records)
    finally:
        await reader.stop()
    return found


async def read_decisions(
    config: KafkaConfig, topic: str, ids: set[str], within: float = 30.0
) -> list[OrderDecisionMessage]:
    """The decisions topic from its beginning, decoded, until every command id in `ids` has
    its decision (TimeoutError after `within`); replays included."""
    codec = DecisionCodec()
    records = await read_until(
        config,
        topic,
        lambda found: ids <= {codec.decode(r.value).message_id for r in found},
        within,
    )
    return [codec.decode(r.value) for r in records]


async def read_all(
    client: CommandClient, topic: str, marker: bytes | None = None, within: float = 30.0
) -> list[ConsumerRecord]:
    """Every record on the topic now: a marker goes to each partition and is read back.

    Exact where end offsets are not (Tansu's can be off after batches): whatever was
    acknowledged before the markers were sent lies before them in its partition. The
    marker must be unique; give one the topic's readers accept where they would choke.
    """
    marker = marker or f"end-{uuid.uuid4().hex}".encode()
    partitions = await client.producer.partitions_for(topic)
    for partition in partitions:
        await client.producer.send_and_wait(topic, value=marker, partition=partition)

    def every_marker(records: Sequence[ConsumerRecord]) -> bool:
        return len({r.partition for r in records if r.value == marker}) == len(partitions)

    found = await read_until(client.config, topic, every_marker, within)
    return [r for r in found if r.value != marker]
