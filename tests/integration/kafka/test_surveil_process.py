"""`bulwark surveil` as a real process over a real events topic (Tansu): a day's events read
in two sittings, with a kill in between, give exactly the alerts of one uninterrupted run,
which are the alerts the engine finds in memory (docs/surveillance.md).

The day: a labelled mixed scenario (benchmarks/surveillance_scenarios.py) as the domain
events the order path publishes, keyed by account over three partitions.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from adapters.kafka.client import KafkaConfig, make_producer
from adapters.kafka.publisher import KafkaEventPublisher
from adapters.kafka.topics import ensure_topics
from adapters.postgres.engine import make_engine
from adapters.postgres.surveillance import SqlSurveillanceStore
from benchmarks.surveillance_events import as_domain
from benchmarks.surveillance_quality import detect
from benchmarks.surveillance_scenarios import Scenario, mixed_day
from domain.events import DomainEvent
from domain.surveillance.cases import Alert
from ports.surveillance.surveillance import AlertQuery
from tests.integration.kafka.bulwark import eventually, settings_for
from tests.integration.kafka.processes import BULWARK, ROOT, topics_in
from tests.integration.servers import _dying_with_parent
from tests.kit.schema import migrated

PARTITIONS = 3
RUN_TIMEOUT_S = 120.0


@dataclass
class Surveil:
    proc: asyncio.subprocess.Process
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@contextlib.asynccontextmanager
async def surveil(env: dict[str, str], log: Path, *args: str) -> AsyncIterator[Surveil]:
    """`bulwark surveil` with `env`; killed if still running when the block ends."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
    with log.open("ab") as out:
        proc = await asyncio.create_subprocess_exec(
            BULWARK, "--env-file", "", "surveil", *args,
            cwd=ROOT, env={**inherited, "BULWARK_LOG_FORMAT": "json", **env},
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            preexec_fn=_dying_with_parent(signal.SIGKILL),
        )  # fmt: skip
    try:
        yield Surveil(proc, log)
    finally:
        if proc.returncode is None:
            proc.kill()
        await proc.wait()


async def replay(env: dict[str, str], log: Path) -> None:
    """`bulwark surveil --until-caught-up`, to its end."""
    async with surveil(env, log, "--until-caught-up") as run:
        async with asyncio.timeout(RUN_TIMEOUT_S):
            code = await run.proc.wait()
        assert code == 0, run.output()[-3000:]


async def environment(bootstrap: str, tmp_path: Path, suffix: str, name: str) -> dict[str, str]:
    url = f"sqlite+aiosqlite:///{tmp_path / f'{name}.db'}"
    await migrated(url)
    return settings_for(
        bootstrap, url, suffix, f"surveil-{name}-{suffix}",
        kafka_partitions=str(PARTITIONS), surveillance_action="warn",
        surveillance_checkpoint_seconds="0.05", compute_warmup="false",
    )  # fmt: skip


async def publish(config: KafkaConfig, env: dict[str, str], events: Sequence[DomainEvent]) -> None:
    producer = make_producer(config, idempotent=False, linger_ms=50, max_batch_size=1 << 20)
    await producer.start()
    try:
        publisher = KafkaEventPublisher(producer, topics_in(env), "the-order-path")
        for start in range(0, len(events), 2000):
            await publisher.publish(events[start : start + 2000])
    finally:
        await producer.stop()


@contextlib.asynccontextmanager
async def store_of(env: dict[str, str]) -> AsyncIterator[SqlSurveillanceStore]:
    """The process's surveillance tables, read from the test."""
    engine = make_engine(env["BULWARK_DATABASE_URL"])
    try:
        yield SqlSurveillanceStore(engine)
    finally:
        await engine.dispose()


async def alerts_in(env: dict[str, str]) -> list[Alert]:
    async with store_of(env) as store:
        return await store.find(AlertQuery(limit=10_000))


async def checkpointed(env: dict[str, str]) -> int:
    async with store_of(env) as store:
        saved = await store.checkpoint("surveil")
    return saved.events if saved is not None else 0


async def _beyond(env: dict[str, str], events: int) -> bool:
    return await checkpointed(env) > events


@pytest.mark.slow
async def test_a_day_read_in_two_sittings_with_a_kill_gives_the_uninterrupted_alerts(
    kafka_bootstrap: str, tmp_path: Path, unique: str
) -> None:
    # Arrange: the day's events, split where time moves on (no tie across the split)
    raw = mixed_day(4).events
    events = list(as_domain(raw))
    half = next(i for i in range(len(raw) // 2, len(raw)) if raw[i][1] > raw[i - 1][1])
    whole = await environment(kafka_bootstrap, tmp_path, unique, "whole")
    split = await environment(kafka_bootstrap, tmp_path, unique, "split")
    config = KafkaConfig(kafka_bootstrap, client_id="surveil-test", request_timeout_ms=10_000)
    await ensure_topics(config, [topics_in(whole).events, topics_in(whole).emergency], PARTITIONS)

    # Act: the first half read to its end; the rest read by a process killed on the way and
    # one restarted after it; then the whole day by another reader in one sitting
    await publish(config, whole, events[:half])
    await replay(split, tmp_path / "split-1.log")
    first_sitting = await checkpointed(split)
    await publish(config, whole, events[half:])
    async with surveil(split, tmp_path / "split-2.log") as run:
        await eventually(lambda: _beyond(split, half), within=RUN_TIMEOUT_S, every=0.02)
        run.proc.send_signal(signal.SIGKILL)
    killed_at = await checkpointed(split)
    await replay(split, tmp_path / "split-3.log")
    await replay(whole, tmp_path / "whole.log")

    # Assert
    expected = {d.id for d in detect(Scenario(4, raw, []))}
    in_two = {a.id: a.detection for a in await alerts_in(split)}
    in_one = {a.id: a.detection for a in await alerts_in(whole)}
    assert first_sitting == half < killed_at
    assert await checkpointed(split) == await checkpointed(whole) == len(events)
    assert in_two == in_one
    assert set(in_one) == expected and len(expected) >= 6
