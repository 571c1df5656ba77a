"""Notification center throughput: a burst of events into the outbox, then out of it.

`--events` notifications (`order.denied`, NORMAL) for `--users` users who chose in-app,
WebSocket and email for that type (an in-app row and two deliveries each) go through
`NotificationCenter.notify`, then the dispatcher drains the outbox to no-op senders, on
the in-memory store and on SQLite in the same run. The target (this helper's, for the
notification center): a burst of 1,000 events is in the inbox and out of the outbox within
5 s on SQLite on 2 cores, so a kill switch's notifications are not queued behind a minute of
backlog.
Run: `.venv/bin/python -m benchmarks.bench_notify [--events N] [--users N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from adapters.memory.clock import FakeClock
from adapters.memory.notification_endpoints import InMemoryNotificationEndpointStore
from adapters.memory.notifications import InMemoryNotificationStore
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.postgres.engine import make_engine
from adapters.postgres.repos.notifications import SqlNotificationStore
from adapters.postgres.schema import metadata
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.notifications.center import CenterConfig, NotificationCenter
from application.notifications.directory import ChannelDestinations
from application.notifications.dispatch import Dispatcher, RetryPolicy
from benchmarks.http_driver import machine
from domain.identity.users import User
from domain.notifications.preferences import Preferences
from domain.principals import Role
from ports.core.encryption import KeyRef
from ports.notifications.notification_store import NotificationStore
from ports.notifications.notifications import Channel, Destination, OutgoingMessage

TARGET_S = 5.0  # 1,000 events in and out on SQLite, 2 cores
T0 = datetime(2026, 1, 6, 14, tzinfo=UTC)


@dataclass(frozen=True)
class Result:
    store: str
    events: int
    deliveries: int
    notify_s: float
    dispatch_s: float

    @property
    def total_s(self) -> float:
        return self.notify_s + self.dispatch_s


class NoopSender:
    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.sent = 0

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        self.sent += 1


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=1000, help="notifications in the burst")
    parser.add_argument("--users", type=int, default=50, help="users they are spread over")
    return parser.parse_args(argv)


async def _run(name: str, store: NotificationStore, args: argparse.Namespace) -> Result:
    state = InMemoryStore()
    uow = unit_of_work_factory(state)
    async with uow() as work:
        for u in range(args.users):
            await work.users.add(User(f"u{u}", f"u{u}", "h", Role.OWNER, T0, email=f"u{u}@x.org"))
        await work.commit()
    loud = {"order.denied": frozenset({"in_app", "websocket", "email"})}
    for u in range(args.users):
        await store.put_preferences(Preferences(f"u{u}", loud))
    clock = FakeClock(T0)
    ref = KeyRef("bench", 1)
    sealer = SecretBox(AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(32)}, ref)))
    directory = ChannelDestinations(uow, InMemoryNotificationEndpointStore(), sealer)
    config = CenterConfig(rate_per_hour=100_000, rate_burst=10_000)
    center = NotificationCenter(store, directory, clock, sealer, config)
    senders = [NoopSender(Channel.EMAIL), NoopSender(Channel.WEBSOCKET)]
    dispatcher = Dispatcher(store, center, senders, directory, clock, RetryPolicy(batch=200))
    started = time.perf_counter()
    for i in range(args.events):
        data = {"order_id": f"o{i}", "account_id": "a1", "reasons": ["MAX_NOTIONAL"]}
        await center.notify(f"u{i % args.users}", "order.denied", data, source_id=f"ev-{i}")
    notified = time.perf_counter()
    while await dispatcher.run_once():
        pass
    done = time.perf_counter()
    return Result(
        name, args.events, sum(s.sent for s in senders), notified - started, done - notified
    )


async def _sqlite(args: argparse.Namespace) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}")
        async with engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
        try:
            return await _run("sqlite", SqlNotificationStore(engine), args)
        finally:
            await engine.dispose()


def measure(args: argparse.Namespace) -> list[Result]:
    return [
        asyncio.run(_run("memory", InMemoryNotificationStore(), args)),
        asyncio.run(_sqlite(args)),
    ]


def report(results: list[Result]) -> None:
    print(f"bench_notify: order.denied to in-app + WebSocket + email, {machine()}")
    for r in results:
        per_1000 = r.total_s * 1000 / r.events if r.events else 0.0
        line = (
            f"  {r.store:<6} {r.events:,} events: notify {r.events / r.notify_s:,.0f}/s, "
            f"dispatch {r.deliveries / r.dispatch_s:,.0f} deliveries/s, "
            f"in and out {r.total_s:.2f} s ({per_1000:.2f} s per 1,000)"
        )
        if r.store == "sqlite":
            verdict = "met" if per_1000 <= TARGET_S else "NOT met"
            line += f"  target <= {TARGET_S:.0f} s per 1,000 -> {verdict}"
        print(line)


def main(argv: list[str] | None = None) -> None:
    report(measure(parse(argv)))


if __name__ == "__main__":
    main()
