"""Alert latency: from an event to its notification on each channel, beside the targets.

MiFID II RTS 6 Art. 16 asks for real-time alerts within five seconds of the event. This
serves Bulwark as `make run` configures it (`bulwark migrate`, a development key-encryption
key made by `bulwark keys generate`, `bulwark serve --demo` on an embedded SQLite file, the
dev profile, the kill switch's own lane), with what the measurement needs on top: the demo
owner's webhook endpoint on a local receiver (BULWARK_WEBHOOK_ALLOW_PRIVATE), `order.denied`
also on the webhook (the owner's preferences), per-user notification and kill-switch rate
limits out of the way of many rounds, one-person resume, and surveillance thresholds a few
HTTP orders reach. Then, one round at a time, it triggers each kind of event and waits for
its notification on three channels:

- a gate denial (an order far beyond the account's means): `order.denied`;
- a kill-switch halt of the demo account (resumed after each round): `killswitch.activated`;
- an agent's heartbeat loss (an agent with a 1 s threshold, one heartbeat, then silence):
  `agent.dead`;
- a surveillance alert (quote stuffing: a burst of resting orders in one symbol):
  `surveillance.alert`.

Each delay runs from the event's own time as the server stamped it (the `occurred_at` the
notification carries: the halt, the denial, the heartbeat's deadline, the detection) to its
arrival here: in-app (the inbox read every 20 ms, so up to that much late), a `/ws/events`
client, and a webhook receiver on 127.0.0.1. Prints p50/p95/p99 per kind and channel beside
the targets (p99 <= 1 s in-app and WebSocket, <= 5 s webhook), then the server's own
histogram (`bulwark_alert_delivery_seconds`, scraped from /metrics). A reconciliation drift
needs a venue connection and its reconciliation pass (60 s apart): not triggered here.

Run: `.venv/bin/python -m benchmarks.bench_alert_latency [--rounds 20] [--heartbeats 8]
[--kinds denial,halt,heartbeat,surveillance]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from benchmarks.alert_receivers import Arrival, Arrivals, Inbox, WebhookReceiver, socket_arrivals
from benchmarks.alert_summary import Figures, report, server_histogram
from bootstrap.demo import DEMO_ACCOUNT, DEMO_INSTRUMENTS, DEMO_OWNER
from tests.bulwark_process import ROOT, bulwark, migrate, serving

CHANNELS = ("in_app", "websocket", "webhook")
KINDS = {
    "denial": "order.denied",
    "halt": "killswitch.activated",
    "heartbeat": "agent.dead",
    "surveillance": "surveillance.alert",
}
WAIT_S = 15.0  # a channel that has not delivered a round's notice by then missed it
BETWEEN_S = 0.2  # a pause between rounds: each round alone in the pipeline
SCOPE = {"kind": "account", "id": DEMO_ACCOUNT}
STUFFING = 10  # resting orders in one symbol per surveillance round
SYMBOLS = tuple(symbol for symbol, _, _ in DEMO_INSTRUMENTS)
THRESHOLDS = {  # quote stuffing that a burst of HTTP orders reaches; an alert per round
    "quote_stuffing": {"min_messages": STUFFING, "window_s": 5.0, "min_order_to_trade": 5},
    "cooldown_s": 1,
}


def environment(folder: Path) -> dict[str, str]:
    """`make run`'s configuration (dev, SQLite, a dev KEK file) and the bench's additions."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
    env.update(
        {
            "BULWARK_ENV": "dev",
            "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'bulwark.db'}",
            "BULWARK_LOG_LEVEL": "warning",
            "BULWARK_LOG_FORMAT": "json",
            "BULWARK_WEBHOOK_ALLOW_PRIVATE": "true",
            "BULWARK_NOTIFY_RATE_PER_HOUR": "100000",
            "BULWARK_NOTIFY_RATE_BURST": "10000",
            "BULWARK_API_RATE_PER_MINUTE": "1000000",
            "BULWARK_KILL_SWITCH_RATE_PER_MINUTE": "100000",
            "BULWARK_FOUR_EYES_RESUME": "false",
            "BULWARK_SURVEILLANCE_THRESHOLDS": json.dumps(THRESHOLDS),
        }
    )
    keks = folder / "dev.keks"  # as `make run` makes var/dev.keks
    made = subprocess.run(
        bulwark("keys", "generate"), cwd=ROOT, env=env, capture_output=True, text=True
    )
    if made.returncode != 0:
        raise RuntimeError(f"bulwark keys generate failed: {made.stderr.strip()[-400:]}")
    keks.write_text(made.stdout)
    keks.chmod(0o600)
    env["BULWARK_KEKS_FILE"] = str(keks)
    return env


@dataclass
class Run:
    """What the rounds measured: delays per (event type, channel), the notices never seen."""

    delays: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    missed: dict[tuple[str, str], int] = field(default_factory=dict)
    rounds: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def note(self, kind: str, channel: str, arrival: Arrival | None) -> None:
        key = (kind, channel)
        if arrival is None:
            self.missed[key] = self.missed.get(key, 0) + 1
        else:
            self.delays.setdefault(key, []).append(max(arrival.delay_s, 0.0))


@dataclass
class Desk:
    """The served app as the demo owner sees it, and the three places notices arrive."""

    client: httpx.AsyncClient
    inbox: Inbox
    socket: Arrivals  # the WebSocket client's
    hook: WebhookReceiver
    run: Run

    async def post(self, path: str, body: dict[str, object], *expected: int) -> httpx.Response:
        answer = await self.client.post(path, json=body)
        if answer.status_code not in expected:
            raise RuntimeError(f"POST {path} answered {answer.status_code}: {answer.text[:300]}")
        return answer

    async def round(self, kind: str, trigger: Callable[[], Awaitable[None]]) -> None:
        """Triggers one event and waits for its notice on every channel."""
        event_type = KINDS[kind]
        since = time.time()
        await trigger()
        waits = (
            self.inbox.take(event_type, since, WAIT_S),
            self.socket.take(event_type, since, WAIT_S),
            self.hook.arrivals.take(event_type, since, WAIT_S),
        )
        for channel, arrival in zip(CHANNELS, await asyncio.gather(*waits), strict=True):
            self.run.note(event_type, channel, arrival)
        self.run.rounds[event_type] = self.run.rounds.get(event_type, 0) + 1
        await asyncio.sleep(BETWEEN_S)


async def deny(desk: Desk) -> None:
    body = {"account_id": DEMO_ACCOUNT, "symbol": "AAPL", "side": "buy", "quantity": "1000000"}
    answer = await desk.post("/api/v1/orders", body, 200, 201, 422)
    status = answer.json().get("order", {}).get("status")
    if status != "denied":
        raise RuntimeError(f"the order meant to be denied is {status}: {answer.text[:300]}")


async def halt(desk: Desk) -> None:
    await desk.post(
        "/api/v1/kill-switch/activate", {"passcode": DEMO_OWNER.passcode, "scope": SCOPE}, 201
    )


async def resume(desk: Desk) -> None:
    await desk.post(
        "/api/v1/kill-switch/resume", {"passcode": DEMO_OWNER.passcode, "scope": SCOPE}, 200
    )


def lose_heartbeat(desk: Desk, n: int) -> Callable[[], Awaitable[None]]:
    async def trigger() -> None:
        agent = f"bench-agent-{n}"
        body = {"agent_id": agent, "name": agent, "account_ids": [DEMO_ACCOUNT],
                "heartbeat_threshold_seconds": 1.0}  # fmt: skip
        await desk.post("/api/v1/agents", body, 201)
        await desk.post(f"/api/v1/agents/{agent}/heartbeat", {"status": "ok"}, 200)

    return trigger


def stuff_quotes(desk: Desk, n: int) -> Callable[[], Awaitable[None]]:
    symbol = SYMBOLS[n % len(SYMBOLS)]

    async def trigger() -> None:
        body = {"account_id": DEMO_ACCOUNT, "symbol": symbol, "side": "buy", "quantity": "1",
                "order_type": "limit", "limit_price": "1"}  # fmt: skip
        for _ in range(STUFFING):  # resting far below the market: never filled
            await desk.post("/api/v1/orders", body, 201)

    return trigger


async def rounds(desk: Desk, kinds: Sequence[str], count: int, heartbeats: int) -> None:
    """Each kind's rounds in turn; the halts cancel what the surveillance rounds left."""
    for kind in ("denial", "surveillance", "halt", "heartbeat"):
        if kind not in kinds:
            continue
        try:
            for n in range(heartbeats if kind == "heartbeat" else count):
                if kind == "denial":
                    await desk.round(kind, lambda: deny(desk))
                elif kind == "halt":
                    await desk.round(kind, lambda: halt(desk))
                    await resume(desk)
                elif kind == "heartbeat":
                    await desk.round(kind, lose_heartbeat(desk, n))
                else:
                    await desk.round(kind, stuff_quotes(desk, n))
        except (RuntimeError, httpx.HTTPError) as exc:  # reported, the other kinds go on
            desk.run.problems.append(f"{kind}: {exc}")


async def measure(api: str, kinds: Sequence[str], count: int, heartbeats: int) -> Figures:
    run = Run()
    hook = WebhookReceiver()
    await hook.start()
    try:
        async with httpx.AsyncClient(base_url=api, timeout=30) as client:
            token = await prepare(client, hook)
            async with socket_arrivals(api, token) as socket:
                await rounds(
                    Desk(client, Inbox(client), socket, hook, run), kinds, count, heartbeats
                )
            scraped = await client.get("/metrics")
    finally:
        await hook.stop()
    server = server_histogram(scraped.text) if scraped.status_code == 200 else {}
    return Figures(run.delays, run.missed, run.rounds, run.problems, server)


async def prepare(client: httpx.AsyncClient, hook: WebhookReceiver) -> str:
    """Logs the demo owner in (the client keeps the token), registers the webhook endpoint,
    and asks for denials on every channel; returns the access token."""
    login = await client.post(
        "/api/v1/auth/login",
        json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
    )
    if login.status_code != 200:
        raise RuntimeError(f"login answered {login.status_code}: {login.text[:300]}")
    token: str = login.json()["access_token"]
    client.headers["Authorization"] = f"Bearer {token}"
    endpoint = {"channel": "webhook", "label": "bench", "url": hook.url}
    answer = await client.post("/api/v1/notifications/endpoints", json=endpoint)
    if answer.status_code != 201:
        raise RuntimeError(f"webhook registration answered {answer.status_code}: {answer.text}")
    prefs = await client.put(
        "/api/v1/notifications/preferences", json={"channels": {"order.denied": list(CHANNELS)}}
    )
    if prefs.status_code != 200:
        raise RuntimeError(f"preferences answered {prefs.status_code}: {prefs.text[:300]}")
    return token


def main(argv: Sequence[str] | None = None) -> Figures | None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="rounds of each kind")
    parser.add_argument("--heartbeats", type=int, default=8, help="heartbeat-loss rounds")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        parser.error(f"unknown kinds {unknown}; known: {', '.join(KINDS)}")
    try:
        with tempfile.TemporaryDirectory() as spare:
            folder = Path(spare)
            env = environment(folder)
            migrate(env)
            with serving(env, ready_within_s=180, log=folder / "serve.log") as api:
                figures = asyncio.run(measure(api, kinds, args.rounds, args.heartbeats))
    except Exception as exc:  # one line, never a traceback: a server that never started...
        text = f"{type(exc).__name__}: {exc}".strip()
        print(f"bench_alert_latency: could not measure: {text[-2000:]}")
        return None
    report(figures, sys.stdout)
    return figures


if __name__ == "__main__":
    main()
