"""A notification backlog on SQLite: how fast the dispatcher works it off, and how soon
`bulwark serve` stops in the middle of it.

`--backlog` pending WebSocket deliveries (the push of an in-app notification, as the order
flow leaves them: `order.denied` to in-app + WebSocket) are written straight into a SQLite
outbox. Then:

1. delivery: the dispatcher (its default batch) drains them through the real WebSocket
   sender onto an in-process bus; the rate is printed beside the target, 2,000/s on 2 cores;
2. stop (unless `--no-stop`): a real `bulwark serve` on a migrated SQLite file is given the
   backlog, SIGTERM arrives once it has started sending, and the time to exit is printed
   beside the grace (BULWARK_SHUTDOWN_GRACE_SECONDS), with what stayed pending for the next
   start.

Run: `.venv/bin/python -m benchmarks.bench_notify_backlog [--backlog N] [--no-stop]`.
See benchmarks/bench_notify.py for a burst through the center (in and out).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.memory.bus import InProcessEventBus
from adapters.memory.clock import FakeClock
from adapters.memory.notification_endpoints import InMemoryNotificationEndpointStore
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.postgres.engine import make_engine
from adapters.postgres.repos.notifications import SqlNotificationStore
from adapters.postgres.schema import metadata
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.notifications.center import CenterConfig, NotificationCenter
from application.notifications.channels import WebSocketSender
from application.notifications.directory import ChannelDestinations
from application.notifications.dispatch import Dispatcher
from benchmarks.http_driver import machine
from domain.events import DomainEvent
from domain.notifications.events import NotificationPushed
from ports.core.encryption import KeyRef
from tests.bulwark_process import ROOT, bulwark, free_port, migrate, server_environment, wait_ready
from tests.kit.notification_backlog import backlog_counts, seed_backlog

TARGET_PER_S = 2_000.0  # in-app notifications (their WebSocket push) per second, SQLite, 2 cores
GRACE_S = 5.0  # BULWARK_SHUTDOWN_GRACE_SECONDS's default: the stop's target
READY_WITHIN_S = 120.0


@dataclass(frozen=True)
class Delivered:
    backlog: int
    pushed: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.pushed / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Stopped:
    backlog: int
    grace_s: float
    exit_s: float
    sent: int
    pending: int


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--backlog", type=int, default=20_000, help="pending deliveries")
    parser.add_argument("--grace", type=float, default=GRACE_S, help="the serve's grace, s")
    parser.add_argument("--no-stop", action="store_true", help="skip the serve's stop")
    return parser.parse_args(argv)


@dataclass
class Drain:
    """A dispatcher over a seeded SQLite outbox, pushing onto an in-process bus."""

    dispatcher: Dispatcher
    engine: AsyncEngine
    pushed: int = 0

    async def on_push(self, event: DomainEvent) -> None:
        self.pushed += 1


async def drain_of(folder: Path, size: int) -> Drain:
    """A fresh SQLite outbox in `folder` holding a backlog of `size`, and its dispatcher
    (default batch, the real WebSocket sender); the caller disposes of its engine."""
    url = f"sqlite+aiosqlite:///{folder / 'delivery.db'}"
    engine = make_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    await engine.dispose()
    await seed_backlog(url, size)
    engine = make_engine(url)
    store, bus = SqlNotificationStore(engine), InProcessEventBus()
    ref = KeyRef("bench", 1)
    sealer = SecretBox(AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(32)}, ref)))
    directory = ChannelDestinations(
        unit_of_work_factory(InMemoryStore()), InMemoryNotificationEndpointStore(), sealer
    )
    clock = FakeClock(datetime.now(UTC))
    center = NotificationCenter(store, directory, clock, sealer, CenterConfig(30, 10))
    dispatcher = Dispatcher(store, center, [WebSocketSender(bus.publish)], directory, clock)
    drain = Drain(dispatcher, engine)
    bus.subscribe(NotificationPushed, drain.on_push)
    return drain


async def _deliver(folder: Path, size: int) -> Delivered:
    drain = await drain_of(folder, size)
    try:
        started = time.perf_counter()
        while await drain.dispatcher.run_once():
            pass
        return Delivered(size, drain.pushed, time.perf_counter() - started)
    finally:
        await drain.engine.dispose()


def deliver(size: int) -> Delivered:
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(_deliver(Path(folder), size))


def stop(size: int, grace_s: float) -> Stopped:
    """A real serve given the backlog, SIGTERM once it sends: seconds to exit."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'serve.db'}"
        port = free_port()
        env = {
            **server_environment(url),
            "BULWARK_SHUTDOWN_GRACE_SECONDS": str(grace_s),
            "BULWARK_PORT": str(port),
            "BULWARK_KILL_SWITCH_PORT": "0",
        }
        migrate(env)
        log = Path(folder) / "serve.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                bulwark("serve"), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        try:
            wait_ready(proc, f"http://127.0.0.1:{port}", READY_WITHIN_S, log)
            asyncio.run(seed_backlog(url, size))
            while not asyncio.run(backlog_counts(url)).get("sent"):
                time.sleep(0.02)
            asked = time.perf_counter()
            proc.send_signal(signal.SIGTERM)
            proc.wait(grace_s + 60)
            took = time.perf_counter() - asked
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        left = asyncio.run(backlog_counts(url))
        return Stopped(size, grace_s, took, left.get("sent", 0), left.get("pending", 0))


def report(delivered: Delivered, stopped: Stopped | None) -> None:
    print(f"bench_notify_backlog: order.denied WebSocket pushes on SQLite, {machine()}")
    verdict = "met" if delivered.per_second >= TARGET_PER_S else "NOT met"
    print(
        f"  delivery: {delivered.pushed:,} of a {delivered.backlog:,} backlog in "
        f"{delivered.seconds:.2f} s: {delivered.per_second:,.0f}/s  "
        f"target >= {TARGET_PER_S:,.0f}/s -> {verdict}"
    )
    if stopped is None:
        return
    verdict = "met" if stopped.exit_s <= stopped.grace_s else "NOT met"
    print(
        f"  stop: SIGTERM to exit {stopped.exit_s:.2f} s with {stopped.pending:,} of "
        f"{stopped.backlog:,} still pending (kept for the next start)  "
        f"target <= grace {stopped.grace_s:g} s -> {verdict}"
    )


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    delivered = deliver(args.backlog)
    try:
        stopped = None if args.no_stop else stop(args.backlog, args.grace)
    except RuntimeError as exc:  # a server that never started: one line, its output
        print(f"bench_notify_backlog: {exc}")
        stopped = None
    report(delivered, stopped)


if __name__ == "__main__":
    main()
