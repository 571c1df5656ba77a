"""Kill switch: how soon its committed state changes reach watchers, and in what order.

Serves Bulwark in this process (bootstrap/threaded.py: the same composition and server as
`serve`, demo data, paper broker, the kill-switch lane on unless `--lane-off`) on each store
asked for, with a `/ws/events` client subscribed to the kill switch's events. Each round halts
the demo account on the lane's port, waits 200 ms, and resumes it on the API's port (four-eyes
off). Prints, beside the 100 ms target:
- commit -> published: from the COMMIT of each TradingStateChanged to the return of its
  publish (the outbox pump's own clock: SQL stores only; the memory store publishes in line);
- request sent -> seen on the socket, for the halt and for the resume (an upper bound of the
  commit's delay that includes the passcode's Argon2 check, ~170 ms, and the request);
- whether every round was seen HALTED then ACTIVE.
Run: `.venv/bin/python -m benchmarks.bench_killswitch_events [--rounds 20]
[--store memory|sqlite|postgres|all] [--lane-off] [--database-url URL]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

import httpx

from adapters.postgres.outbox import RelayingPublisher
from benchmarks.bench_store import provisioned
from bootstrap.demo import DEMO_OWNER
from bootstrap.threaded import ThreadedServer
from tests.kit.kill_switch_socket import kill_switch_states
from tests.kit.served import served_settings, serving

TARGET_MS = 100.0
ACCOUNT = "demo-account"
SCOPE = {"kind": "account", "id": ACCOUNT}
SCOPE_KEY = f"account:{ACCOUNT}"
STORES = ("memory", "sqlite", "postgres")


@dataclass
class Result:
    """One store's rounds: the delays measured (ms) and the states the socket saw, in order."""

    store: str
    lane: bool
    rounds: int
    commit_to_published: list[float] = field(default_factory=list)
    halt_seen: list[float] = field(default_factory=list)
    resume_seen: list[float] = field(default_factory=list)
    states: list[str] = field(default_factory=list)

    @property
    def in_order(self) -> bool:
        return self.states == ["halted", "active"] * self.rounds


def percentiles(values: Sequence[float]) -> str:
    if not values:
        return "n/a"
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):.1f} / {p99:.1f}"


def verdict(values: Sequence[float]) -> str:
    if not values:
        return "published in line"
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return "met" if p99 <= TARGET_MS else "NOT met"


@dataclass
class Arrivals:
    """When the socket's state changes arrived (time.perf_counter()), in order."""

    times: list[float] = field(default_factory=list)
    grew: asyncio.Event = field(default_factory=asyncio.Event)

    async def nth(self, count: int, sent: float) -> float:
        """Milliseconds from `sent` to the `count`-th arrival (waits up to 15 s for it)."""
        async with asyncio.timeout(15):
            while len(self.times) < count:
                self.grew.clear()
                await self.grew.wait()
        return (self.times[count - 1] - sent) * 1000


@contextlib.asynccontextmanager
async def watching(api: str, token: str, result: Result) -> AsyncIterator[Arrivals]:
    """A /ws/events client; yields where its state changes' arrival times go."""
    arrivals = Arrivals()

    def arrived(state: str) -> None:
        result.states.append(state)
        arrivals.times.append(time.perf_counter())
        arrivals.grew.set()

    async with kill_switch_states(api, token, SCOPE_KEY, arrived):
        yield arrivals


async def rounds(server: ThreadedServer, result: Result) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        login = await client.post(
            f"{server.api}/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
        login.raise_for_status()
        token = login.json()["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        async with watching(server.api, token, result) as arrivals:
            for n in range(result.rounds):
                halt = f"{server.lane}/api/v1/kill-switch/activate"
                result.halt_seen.append(await change(client, halt, 201, arrivals, 2 * n + 1))
                await asyncio.sleep(0.2)
                resume = f"{server.api}/api/v1/kill-switch/resume"
                result.resume_seen.append(await change(client, resume, 200, arrivals, 2 * n + 2))


async def change(
    client: httpx.AsyncClient, url: str, expected: int, arrivals: Arrivals, count: int
) -> float:
    """POST the account's scope with the passcode to `url`; ms until the socket's `count`-th
    state change."""
    sent = time.perf_counter()
    answer = await client.post(url, json={"passcode": DEMO_OWNER.passcode, "scope": SCOPE})
    if answer.status_code != expected:
        raise RuntimeError(f"{url} answered {answer.status_code}: {answer.text}")
    return await arrivals.nth(count, sent)


def measure(store: str, rounds_wanted: int, lane: bool, database_url: str | None) -> Result:
    result = Result(store, lane, rounds_wanted)
    with provisioned(store, database_url) as provisioned_store:
        extra = {
            "BULWARK_KILL_SWITCH_LANE": "true" if lane else "false",
            "BULWARK_FOUR_EYES_RESUME": "false",
            "BULWARK_KILL_SWITCH_RATE_PER_MINUTE": "100000",
        }
        with serving(served_settings(provisioned_store.url, extra)) as server:
            asyncio.run(rounds(server, result))
            assert server.container is not None
            publisher = server.container.core.publisher()
            if isinstance(publisher, RelayingPublisher) and publisher.pump is not None:
                result.commit_to_published = [
                    delay * 1000
                    for delay, names in publisher.pump.delays
                    if "TradingStateChanged" in names
                ]
    return result


def report(results: Sequence[Result]) -> None:
    print(
        f"kill switch state changes, halt on the lane's port then resume 200 ms later, "
        f"{os.cpu_count()} cores, target commit -> published p99 <= {TARGET_MS:.0f} ms"
    )
    print(
        "| store | lane | rounds | commit -> published ms p50 / p99 | halt sent -> seen "
        "p50 / p99 | resume sent -> seen p50 / p99 | HALTED then ACTIVE | target |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(
            f"| {r.store} | {'on' if r.lane else 'off'} | {r.rounds} "
            f"| {percentiles(r.commit_to_published)} | {percentiles(r.halt_seen)} "
            f"| {percentiles(r.resume_seen)} | {'every round' if r.in_order else 'NO'} "
            f"| {verdict(r.commit_to_published)} |"
        )


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="halts and resumes per store")
    parser.add_argument("--store", choices=(*STORES, "all"), default="all")
    parser.add_argument("--lane-off", action="store_true", help="the kill switch on the API loop")
    parser.add_argument("--database-url", help="a PostgreSQL to use (else one is started)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> list[Result]:
    args = parse(argv)
    stores = STORES if args.store == "all" else (args.store,)
    results = [measure(s, args.rounds, not args.lane_off, args.database_url) for s in stores]
    report(results)
    return results


if __name__ == "__main__":
    main()
