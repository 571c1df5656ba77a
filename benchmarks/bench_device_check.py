"""What the device check adds to a login, beside its target.

A login's device check is what runs between AuthService.login and the answer: the user's
recent failures read before the login (`failures_before`), then `check_in` — the access
token's claims, the keyed fingerprint, the device token's HMAC, the device looked up by token
or fingerprint, the user's devices (is the network new?), the device saved, the session bound,
the user's recent logins (the hour gap). The anomaly score, the history row and the alert run
after the answer (`assess`) and are shown apart, rules-only and with a trained IsolationForest.
Memory store (the embedded mode and the in-process price of the logic) and SQLite (a file).
The target: the check adds <= 200 us to a login on the memory store.
Run: `.venv/bin/python -m benchmarks.bench_device_check [--logins N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.devices import InMemoryDevices, InMemoryLoginHistory
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.ml.isolation_forest import IsolationForestTrainer
from adapters.security.jwt_tokens import RsaJwtIssuer
from application.devices.anomaly import LoginAnomaly
from application.devices.config import DeviceConfig
from application.devices.service import DeviceService
from benchmarks.http_driver import machine
from domain.identity import AccessClaims, User
from domain.identity.devices import RequestTraits
from domain.principals import Role
from ports.devices.devices import LoginRecord

TARGET_US = 200.0
USERS = 50
TRAITS = RequestTraits(
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "en-GB,en;q=0.8",
    '"Linux"',
)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--logins", type=int, default=2000, help="logins timed per variant")
    return parser.parse_args(argv)


async def build(store: str, tmp: Path) -> tuple[DeviceService, Any, list[str], FakeClock]:
    clock, ids, issuer = (
        FakeClock(datetime(2026, 6, 1, 9, tzinfo=UTC)),
        SequentialIds(),
        RsaJwtIssuer.generate(),
    )
    state = InMemoryStore()
    uow = unit_of_work_factory(state)
    async with uow() as u:
        for i in range(USERS):
            await u.users.add(User(f"usr-{i}", f"user{i}", "x", Role.OWNER, clock.now()))
        await u.commit()
    if store == "sqlite":
        from adapters.postgres.engine import make_engine
        from adapters.postgres.repos.devices import SqlDevices, SqlLoginHistory
        from adapters.postgres.schema import metadata

        engine = make_engine(f"sqlite+aiosqlite:///{tmp / 'devices.db'}")
        async with engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
        devices: Any = SqlDevices(engine)
        history: Any = SqlLoginHistory(engine)
    else:
        devices, history = InMemoryDevices(), InMemoryLoginHistory()
    config = DeviceConfig(b"k" * 32, min_history=200)
    anomaly = LoginAnomaly(history, IsolationForestTrainer(), config)
    service = DeviceService(devices, history, anomaly, uow, issuer, clock, ids,
                            InMemoryAuditLog(), config, InMemoryNotifier())  # fmt: skip
    for n in range(1000):  # a history: every user has logged in before, at office hours
        at = clock.now() - timedelta(days=30) + timedelta(hours=n % 9, days=n // USERS)
        user = n % USERS
        record = LoginRecord(
            f"dlg-h{n}",
            f"usr-{user}",
            f"dev-h{user}",
            at,
            "203.0.113.0/24",
            False,
            False,
            0,
            0,
            0.0,
        )
        await history.append(record)
    tokens = []
    for i in range(USERS):
        now = clock.now()
        claims = AccessClaims(
            f"usr-{i}", Role.OWNER, f"jti-{i}", now, now + timedelta(hours=4), f"rtf-{i}"
        )
        tokens.append(issuer.issue(claims))
    return service, anomaly, tokens, clock


async def time_check(
    service: DeviceService, tokens: list[str], logins: int
) -> tuple[list[float], list[Any]]:
    samples, made = [], []
    for n in range(logins):
        token = tokens[n % len(tokens)]
        start = time.perf_counter()
        failures = await service.failures_before(f"user{n % len(tokens)}")
        login = await service.check_in(token, TRAITS, "203.0.113.9", None, failures)
        samples.append((time.perf_counter() - start) * 1e6)
        made.append(login)
    return samples, made


async def time_assess(service: DeviceService, made: list[Any]) -> list[float]:
    samples = []
    for login in made:
        start = time.perf_counter()
        await service.assess(login)
        samples.append((time.perf_counter() - start) * 1e6)
    return samples


def line(name: str, samples: list[float], target: float | None = None) -> str:
    p50, p99 = statistics.median(samples), sorted(samples)[int(len(samples) * 0.99) - 1]
    verdict = "" if target is None else f"<= {target:g} us: {'within' if p50 <= target else 'OVER'}"
    return f"| {name} | {p50:.1f} | {p99:.1f} | {verdict} |"


async def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    print(f"device check per login, {USERS} users, {args.logins:,} logins per variant, {machine()}")
    print("| what | p50 us | p99 us | target (p50) |")
    print("| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for store in ("memory", "sqlite"):
            service, anomaly, tokens, _ = await build(store, Path(tmp))
            logins = args.logins if store == "memory" else max(args.logins // 4, 100)
            await time_check(service, tokens, 100)  # warm
            checks, made = await time_check(service, tokens, logins)
            print(
                line(
                    f"check on the login's path ({store})",
                    checks,
                    TARGET_US if store == "memory" else None,
                )
            )
            rules = await time_assess(service, made[: min(len(made), 300)])
            print(line(f"after the answer: assess, rules only ({store})", rules))
            await anomaly.retrain(datetime(2026, 6, 1, tzinfo=UTC))
            model = await time_assess(service, made[300:600] or made[:300])
            print(line(f"after the answer: assess, IsolationForest ({store})", model))
    print(f"target: the check adds <= {TARGET_US:g} us to a login (memory store, p50)")


if __name__ == "__main__":
    asyncio.run(main())
