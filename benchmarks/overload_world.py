"""The served Bulwark the overload bench and test drive, the kill switch probe beside the load,
and the audit of what the load was told against what the store holds.

`bulwark serve --demo` as a process of its own (tests/bulwark_process.py), one worker, the
kill switch's lane on a port of its own; the demo owner opens paper accounts for the load and
one quiet account the probe halts and resumes on the lane's port the whole time (so the load
is never halted). After the load, every order of the load's accounts is read back through the
API, page by page.
"""

from __future__ import annotations

import contextlib
import statistics
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import httpx

from benchmarks.overload_wrk import Answer
from bootstrap.demo import DEMO_OWNER
from tests.bulwark_process import server_environment, serving

# An answer that carries an order the server decided: placed, held, a replay, or a denial or a
# broker's rejection (422: recorded too).
ACKNOWLEDGED = frozenset({200, 201, 202, 422})
REFUSED = 503
CASH = "10000000"


def environment(database_url: str, max_wait_ms: int) -> dict[str, str]:
    """A demo server on `database_url` with admission bound `max_wait_ms` (0: off); the rate
    limits and the kill switch's four eyes out of the load's and the probe's way."""
    return {
        **server_environment(database_url),
        "BULWARK_ENV": "dev",
        "BULWARK_API_RATE_PER_MINUTE": "1000000",
        "BULWARK_KILL_SWITCH_RATE_PER_MINUTE": "1000000",
        "BULWARK_FOUR_EYES_RESUME": "false",
        "BULWARK_LOG_LEVEL": "warning",
        "BULWARK_THROTTLE": "false",
        "BULWARK_DEFAULT_LIMITS": "false",
        "BULWARK_ADMISSION_MAX_WAIT_MS": str(max_wait_ms),
    }


@dataclass(frozen=True)
class World:
    """A served Bulwark ready for the load: its ports, the owner's token, the accounts."""

    base: str
    port: int
    lane: str
    token: str
    accounts: list[str]
    quiet: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@contextlib.contextmanager
def served(database_url: str, max_wait_ms: int, accounts: int = 4) -> Iterator[World]:
    """`bulwark serve --demo` on the store, with `accounts` load accounts and a quiet one."""
    with serving(environment(database_url, max_wait_ms), ready_within_s=120) as base:
        world = prepare(base, accounts)
        settle(world)
        yield world


def prepare(base: str, count: int) -> World:
    with httpx.Client(base_url=base, timeout=30) as http:
        login = http.post(
            "/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
        login.raise_for_status()
        token = login.json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        opened = [_open(http, auth, f"load-{i}") for i in range(count)]
        quiet = _open(http, auth, "kill-switch-probe")
        status = http.get("/api/status", headers=auth)
        status.raise_for_status()
        lane = _lane_port(status.json())
    port = int(base.rsplit(":", 1)[1])
    return World(base, port, f"http://127.0.0.1:{lane}", token, opened, quiet)


def settle(world: World, within_s: float = 30.0) -> None:
    """Until the server has finished its start-up work (the OpenAPI document and the venues'
    calendars are built on worker threads after it is ready, and hold the interpreter while
    they run): an order and /health each answered quickly five times running."""
    deadline = time.monotonic() + within_s
    body = {"account_id": world.accounts[0], "symbol": "AAPL", "side": "buy", "quantity": "1"}
    quick = 0
    with httpx.Client(base_url=world.base, headers=world.auth, timeout=30) as http:
        while quick < 5 and time.monotonic() < deadline:
            started = time.perf_counter()
            http.get("/health")
            http.post("/api/v1/orders", json=body).raise_for_status()
            quick = quick + 1 if time.perf_counter() - started < 0.05 else 0
            time.sleep(0.2)


def _open(http: httpx.Client, auth: dict[str, str], name: str) -> str:
    body = {
        "name": name,
        "base_currency": "USD",
        "account_type": "taxable",
        "trading_type": "margin",
        "broker": "paper",
        "initial_cash": CASH,
    }
    opened = http.post("/api/v1/accounts", json=body, headers=auth)
    if opened.status_code != 201:
        raise RuntimeError(f"opening an account answered {opened.status_code}: {opened.text}")
    account_id: str = opened.json()["id"]
    return account_id


def _lane_port(status: dict[str, object]) -> int:
    """The kill switch's port as /api/status tells it (wherever the summary puts it)."""
    stack: list[object] = [status]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            port = item.get("kill_switch_port")
            if isinstance(port, int):
                return port
            stack.extend(item.values())
    raise RuntimeError(f"/api/status names no kill_switch_port: {status}")


@dataclass
class Probe:
    """Pulls the quiet account's kill switch on the lane's port, and resumes it, every
    `every` s from a thread of its own until stopped: each activation's round trip (ms), how
    many were confirmed with the broker, and what went wrong (an activation or a resume not
    answered as it should be)."""

    world: World
    every: float = 1.0
    trips_ms: list[float] = field(default_factory=list)
    confirmed: int = 0
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> Probe:
        self._thread = threading.Thread(target=self._run, name="kill-switch-probe", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(60)

    def _run(self) -> None:
        scope = {"kind": "account", "id": self.world.quiet}
        body = {"passcode": DEMO_OWNER.passcode, "scope": scope}
        with httpx.Client(base_url=self.world.lane, headers=self.world.auth, timeout=30) as lane:
            while not self._stop.wait(self.every):
                try:
                    self._pull(lane, body)
                except httpx.HTTPError as exc:
                    self.failures.append(f"{type(exc).__name__}: {exc}")

    def _pull(self, lane: httpx.Client, body: Mapping[str, object]) -> None:
        started = time.perf_counter()
        pulled = lane.post("/api/v1/kill-switch/activate", json=body)
        trip = (time.perf_counter() - started) * 1000
        if pulled.status_code != 201:
            self.failures.append(f"activate {pulled.status_code}: {pulled.text[:200]}")
            return
        self.trips_ms.append(trip)
        self.confirmed += pulled.json().get("broker_confirmed") is True
        resumed = lane.post("/api/v1/kill-switch/resume", json=body)
        if resumed.status_code != 200:
            self.failures.append(f"resume {resumed.status_code}: {resumed.text[:200]}")


@dataclass(frozen=True)
class Audit:
    """What the load was told against what the store holds, by Idempotency-Key."""

    acknowledged: int  # answers that carried a decided order
    refused: int  # 503 OVERLOADED
    other: int  # anything else (a 5xx that is not a refusal, a 4xx without an order)
    lost: list[str]  # acknowledged, yet not in the store
    refused_but_stored: list[str]  # refused, yet in the store
    doubled: list[str]  # in the store more than once


def audit(world: World, answers: list[Answer]) -> Audit:
    """Every order of the load's accounts, read back, matched with the answers by key."""
    stored = stored_keys(world)
    acknowledged = [a.key for a in answers if a.status in ACKNOWLEDGED]
    refused = [a.key for a in answers if a.status == REFUSED]
    return Audit(
        acknowledged=len(acknowledged),
        refused=len(refused),
        other=len(answers) - len(acknowledged) - len(refused),
        lost=[key for key in acknowledged if key not in stored],
        refused_but_stored=[key for key in refused if key in stored],
        doubled=[key for key, count in stored.items() if count > 1],
    )


def stored_keys(world: World, settle_s: float = 30.0) -> Counter[str]:
    """How many orders the store holds of each key (`client_order_id`) in the load's accounts,
    read once the worker has finished what it had in flight (two readings alike, at most
    `settle_s`): wrk leaves without waiting for the answers it has not read yet."""
    deadline = time.monotonic() + settle_s
    last: dict[str, set[str]] | None = None
    with httpx.Client(base_url=world.base, headers=world.auth, timeout=120) as http:
        while True:
            now: dict[str, set[str]] = {}
            for account in world.accounts:
                for order in orders_of(http, account):
                    now.setdefault(order["client_order_id"], set()).add(order["id"])
            if now == last or time.monotonic() > deadline:
                return Counter({key: len(ids) for key, ids in now.items()})
            last = now
            time.sleep(0.5)


def orders_of(http: httpx.Client, account: str) -> Iterator[dict[str, str]]:
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"account_id": account, "limit": 200}
        if cursor:
            params["cursor"] = cursor
        page = http.get("/api/v1/orders", params=params)
        page.raise_for_status()
        body = page.json()
        yield from body["items"]
        cursor = body.get("next_cursor")
        if not cursor:
            return


def send_again(world: World, answers: list[Answer], sample: int) -> dict[str, int]:
    """The first `sample` refused orders sent again with the same key (and body): the status
    each got, by key."""
    bodies = {a: i for i, a in enumerate(world.accounts)}
    refused = [a for a in answers if a.status == REFUSED][:sample]
    got: dict[str, int] = {}
    with httpx.Client(base_url=world.base, headers=world.auth, timeout=60) as http:
        for answer in refused:
            account, side = _order_of(answer.key, world.accounts)
            assert account in bodies
            body = {
                "account_id": account,
                "symbol": "AAPL",
                "side": side,
                "quantity": "1",
                "client_order_id": answer.key,
            }
            sent = http.post("/api/v1/orders", json=body, headers={"Idempotency-Key": answer.key})
            got[answer.key] = sent.status_code
    return got


def _order_of(key: str, accounts: list[str]) -> tuple[str, str]:
    """The account and side the load's script gave the request numbered in `key`."""
    from benchmarks.wrk import phase

    n = int(key.rsplit("-", 1)[1])
    side = ("buy", "sell")[(n // (len(accounts) * phase(len(accounts)))) % 2]
    return accounts[n % len(accounts)], side


def percentile(values: list[float], q: float) -> float | None:
    """The q-quantile (0..1) of `values`, None when there are none."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=1000, method="inclusive")[min(998, round(q * 1000) - 1)]
