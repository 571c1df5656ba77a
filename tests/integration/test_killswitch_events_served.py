"""The kill switch's state changes reach every watcher at once and in commit order: a served app
on each store (the kill-switch lane on, as shipped, and off), watched by a `/ws/events` client
and by a Kafka consumer of the events topic, while a halt is resumed 200 ms later."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from adapters.eventcodec import EventCodec
from adapters.kafka.client import KafkaConfig, make_consumer
from adapters.kafka.publisher import decode_event
from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from domain.killswitch.switch import TradingStateChanged
from tests.integration.kafka.bulwark import settings_for
from tests.kit.kill_switch_socket import kill_switch_states
from tests.kit.schema import migrated
from tests.kit.served import Served, served_settings, serving

pytestmark = pytest.mark.integration

SCOPE = {"kind": "account", "id": DEMO_ACCOUNT}
SCOPE_KEY = f"account:{DEMO_ACCOUNT}"
WITHIN_S = 1.0  # each change seen by each watcher within this of its request's start
CODEC = EventCodec()


@dataclass
class Seen:
    """The scope's state changes a watcher received, each with when (time.monotonic())."""

    changes: list[tuple[str, float]] = field(default_factory=list)
    grew: asyncio.Event = field(default_factory=asyncio.Event)

    def saw(self, state: str) -> None:
        self.changes.append((state, time.monotonic()))
        self.grew.set()

    def states(self) -> list[str]:
        return [state for state, _ in self.changes]


@pytest.fixture(params=["memory", "sqlite", "postgres", "sqlite, lane off"])
def served(
    request: pytest.FixtureRequest, tmp_path: Path, kafka_bootstrap: str
) -> Iterator[Served]:
    store, _, lane = str(request.param).partition(", ")
    url = "memory://"
    if store == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    elif store == "postgres":
        url = str(request.getfixturevalue("postgres_url"))
    if store != "memory":
        asyncio.run(migrated(url))
    suffix = uuid.uuid4().hex[:10]
    env = settings_for(kafka_bootstrap, url, suffix, f"ks-{suffix}")
    env["BULWARK_KILL_SWITCH_LANE"] = "false" if lane == "lane off" else "true"
    with serving(served_settings(url, env)) as app:
        yield app


@pytest.fixture
async def token(served: Served) -> str:
    async with httpx.AsyncClient(timeout=30) as client:
        login = await client.post(
            f"{served.api}/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
    assert login.status_code == 200, login.text
    return str(login.json()["access_token"])


@contextlib.asynccontextmanager
async def socket_watcher(served: Served, token: str) -> AsyncIterator[Seen]:
    """A /ws/events client of the kill switch's events, reading from the welcome on."""
    seen = Seen()
    async with kill_switch_states(served.api, token, SCOPE_KEY, seen.saw) as welcome:
        assert welcome["type"] == "welcome"
        yield seen


@contextlib.asynccontextmanager
async def topic_watcher(served: Served, bootstrap: str) -> AsyncIterator[Seen]:
    """A consumer of the events topic (a group of its own, from the beginning), assigned
    before the test acts."""
    seen = Seen()
    config = KafkaConfig(bootstrap=bootstrap)
    consumer = make_consumer(config, None, topics=[served.settings.kafka.topic_events])
    await consumer.start()
    async with asyncio.timeout(30):
        while not consumer.assignment():
            await consumer.getmany(timeout_ms=100)

    async def read() -> None:
        while True:
            for records in (await consumer.getmany(timeout_ms=50)).values():
                for record in records:
                    _, event = decode_event(CODEC, record.value)
                    if isinstance(event, TradingStateChanged) and event.scope_key == SCOPE_KEY:
                        seen.saw(event.state)

    reading = asyncio.create_task(read())
    try:
        yield seen
    finally:
        reading.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reading
        await consumer.stop()


async def until(watchers: tuple[Seen, ...], count: int, within: float) -> None:
    """Until every watcher saw `count` changes, or `within` seconds passed."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(within):
            for watcher in watchers:
                while len(watcher.changes) < count:
                    watcher.grew.clear()
                    await watcher.grew.wait()


async def test_a_halt_and_its_resume_reach_every_watcher_at_once_in_commit_order(
    served: Served, token: str, kafka_bootstrap: str
) -> None:
    # Arrange: both watchers listening before anything happens
    headers = {"Authorization": f"Bearer {token}"}
    async with (
        socket_watcher(served, token) as socket,
        topic_watcher(served, kafka_bootstrap) as topic,
        httpx.AsyncClient(timeout=30, headers=headers) as client,
    ):
        # Act: halt on the lane's port, resume on the API's 200 ms after the halt answered
        halt_sent = time.monotonic()
        halted = await client.post(
            f"{served.lane}/api/v1/kill-switch/activate",
            json={"passcode": DEMO_OWNER.passcode, "scope": SCOPE},
        )
        await asyncio.sleep(0.2)
        resume_sent = time.monotonic()
        resumed = await client.post(
            f"{served.api}/api/v1/kill-switch/resume",
            json={"passcode": DEMO_OWNER.passcode, "scope": SCOPE},
        )
        await until((socket, topic), 2, within=5.0)
        ready = await client.get(f"{served.api}/ready")

    # Assert
    components = {c["name"]: c for c in ready.json()["components"]}
    assert components["kafka_brokers"]["ok"] is True, ready.text  # /ready names the brokers
    assert halted.status_code == 201, halted.text
    assert resumed.status_code == 200, resumed.text
    for name, seen in (("websocket", socket), ("kafka", topic)):
        assert seen.states() == ["halted", "active"], f"{name} saw {seen.changes}"
        (_, halt_seen), (_, resume_seen) = seen.changes
        assert halt_seen - halt_sent < WITHIN_S, f"{name}: halt seen {halt_seen - halt_sent:.3f} s"
        assert resume_seen - resume_sent < WITHIN_S, (
            f"{name}: resume seen {resume_seen - resume_sent:.3f} s after it was sent"
        )
