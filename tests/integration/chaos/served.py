"""A chain of real `bulwark serve` processes on one store, each killed in a burst at one point
of the order path, and the recovery each next process makes (the chaos suite's served half).

Each process but the last dies at one point (before the store, before a send, after a
send: the rehearsal's `os._exit`, as a SIGKILL would, bootstrap/crash_rehearsal.py), on the
4th time its point is reached in a burst of 12 orders. Each next process
starts on the same store, resolves what was left in doubt, and the store is read directly for
the invariants (tests/integration/chaos/invariants.py). The last one retries every order the
client never had an answer for (same Idempotency-Key), pulls the kill switch, and the broker's
truth is asked through a sync of the account.

The paper broker lives inside the process: its book dies with it, and the restarted one
reopens the account from the store with no open order. So here the broker's truth is the
restarted paper broker, and an order a dead process sent is closed as never sent; adoption of
orders a broker holds is proven where the broker outlives the crash (test_crash_in_memory.py).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import httpx

from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.engine import PoolSettings, make_engine
from adapters.postgres.migrate import upgrade
from adapters.postgres.uow import unit_of_work_factory
from bootstrap.crash_rehearsal import CRASH_POINT, DIE_ON_SUBMIT, CrashPoint
from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from ports.core.audit import AuditFilter
from tests.bulwark_process import server_environment, serving
from tests.integration.chaos.invariants import (
    Books,
    assert_fills_match_orders,
    assert_nothing_in_doubt,
    assert_nothing_lost,
    assert_positions_equal_fills,
    assert_recovered,
    assert_verdict_is_truth,
    read_books,
)

BURST = 12
DIE_AT = 4
READY_WITHIN_S = 120
STILL_OPEN = {"pending_submit", "accepted", "partially_filled"}
Settled = Callable[[list[dict[str, Any]]], bool]


async def environment(database_url: str) -> dict[str, str]:
    """The processes' environment, on a store migrated here (no `bulwark migrate` process)."""
    env = {**server_environment(database_url), "BULWARK_IN_DOUBT_GRACE_SECONDS": "1"}
    env.pop(DIE_ON_SUBMIT, None)
    env.pop(CRASH_POINT, None)
    engine = make_engine(database_url, PoolSettings(null_pool=True))
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()
    return env


def body(key: str, index: int) -> dict[str, str]:
    """Even: a market buy (filled at once); odd: a buy limit resting below the market."""
    order = {"account_id": DEMO_ACCOUNT, "symbol": "AAPL", "side": "buy", "quantity": "1"}
    if index % 2:
        order |= {"order_type": "limit", "limit_price": "1"}
    return order | {"client_order_id": key}


class Client:
    """The demo owner's client of one process."""

    def __init__(self, http: httpx.AsyncClient, headers: dict[str, str]) -> None:
        self.http = http
        self.headers = headers

    async def place(self, key: str, index: int) -> httpx.Response | None:
        try:
            return await self.http.post(
                "/api/v1/orders",
                json=body(key, index),
                headers={**self.headers, "Idempotency-Key": key},
            )
        except httpx.TransportError:
            return None  # the process died under it: no answer

    async def burst(self, keys: list[str], sent: dict[str, int]) -> dict[str, str]:
        """The orders at once; the acknowledged ones (201) by client order id."""
        for key in keys:
            sent[key] = len(sent)
        answers = await asyncio.gather(*(self.place(key, sent[key]) for key in keys))
        return {
            key: answer.json()["order"]["id"]
            for key, answer in zip(keys, answers, strict=True)
            if answer is not None and answer.status_code == 201
        }

    async def orders(self) -> list[dict[str, Any]]:
        response = await self.http.get(
            "/api/v1/orders",
            params={"account_id": DEMO_ACCOUNT, "limit": 200},
            headers=self.headers,
        )
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items

    async def until(self, done: Settled, within_s: float = 60) -> list[dict[str, Any]]:
        """The account's orders once `done(orders)` holds (or, after `within_s`, as they are)."""
        give_up = time.monotonic() + within_s
        while True:
            found = await self.orders()
            if done(found) or time.monotonic() > give_up:
                return found
            await asyncio.sleep(0.25)

    async def died(self, within_s: float = 60) -> bool:
        give_up = time.monotonic() + within_s
        while time.monotonic() < give_up:
            try:
                await self.http.get("/health", timeout=1)
            except httpx.TransportError:
                return True
            await asyncio.sleep(0.2)
        return False


def no_pending(orders: list[dict[str, Any]]) -> bool:
    return all(o["status"] != "pending_submit" for o in orders)


def none_open(orders: list[dict[str, Any]]) -> bool:
    return not any(o["status"] in STILL_OPEN for o in orders)


@contextmanager
def process(env: dict[str, str], log: Path, point: CrashPoint | None = None) -> Iterator[str]:
    crash = {} if point is None else {DIE_ON_SUBMIT: str(DIE_AT), CRASH_POINT: point.value}
    with serving({**env, **crash}, ready_within_s=READY_WITHIN_S, log=log) as url:
        yield url


@asynccontextmanager
async def connect(url: str) -> AsyncIterator[Client]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        response = await http.post(
            "/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
        assert response.status_code == 200, response.text
        yield Client(http, {"Authorization": f"Bearer {response.json()['access_token']}"})


async def books(database_url: str) -> Books:
    engine = make_engine(database_url, PoolSettings(null_pool=True))
    try:
        return await read_books(unit_of_work_factory(engine), DEMO_ACCOUNT)
    finally:
        await engine.dispose()


def assert_recovering(now: Books, before: Books, acknowledged: dict[str, str]) -> None:
    """A middle process's look: no order in doubt or lost, no key twice, fills consistent
    (an order never stored is not there yet: the client retries it at the end)."""
    assert_nothing_in_doubt(now)
    assert_nothing_lost(now, acknowledged)
    doubled = [k for k in acknowledged if sum(o.client_order_id == k for o in now.orders) > 1]
    assert doubled == []
    assert_fills_match_orders(now)
    assert_positions_equal_fills(now, before)


async def crash_chain(
    database_url: str, logs: Path, points: tuple[CrashPoint, ...]
) -> dict[str, Any]:
    """The chain: a process killed at each of `points` in turn, then one that recovers and
    halts. Returns what the last process saw (its kill-switch record, the sync's report)."""
    env = await environment(database_url)
    before: Books | None = None
    sent: dict[str, int] = {}
    acknowledged: dict[str, str] = {}
    previous: CrashPoint | None = None
    keys: list[str] = []
    for point in (*points, None):
        name = point.value if point else "recovery"
        with process(env, logs / f"{name}.log", point) as url:
            async with connect(url) as client:
                left = await client.until(no_pending)
                if before is None:  # the demo data are loaded: the books as they start
                    before = await books(database_url)
                assert_recovering(await books(database_url), before, acknowledged)
                if previous is not None and previous is not CrashPoint.BEFORE_STORE:
                    # the dead process's paper book is gone: what it sent is not there now
                    closed = {o["status"] for o in left if o["client_order_id"] in keys}
                    assert "never_sent" in closed, closed
                if point is None:
                    return await recover(client, database_url, sent, acknowledged, before)
                keys = [f"{point.value}-{i:02d}" for i in range(BURST)]
                acknowledged |= await client.burst(keys, sent)
                assert await client.died(), f"the process did not die {point.value}"
        previous = point
    raise AssertionError(f"the chain ended after {previous}")


async def recover(
    client: Client,
    database_url: str,
    sent: dict[str, int],
    acknowledged: dict[str, str],
    before: Books,
) -> dict[str, Any]:
    """The client retries every order, the kill switch is pulled, the broker asked."""
    answers = await asyncio.gather(*(client.place(key, index) for key, index in sent.items()))
    assert all(a is not None and a.status_code in (200, 201) for a in answers)
    await client.until(no_pending)
    assert_recovered(
        await books(database_url), keys=list(sent), acknowledged=acknowledged, before=before
    )
    status = (await client.http.get("/api/status")).json()
    assert status["orders_in_doubt"]["count"] == 0
    pulled = await client.http.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": DEMO_OWNER.passcode, "scope": {"kind": "account", "id": DEMO_ACCOUNT}},
        headers=client.headers,
    )
    assert pulled.status_code in (200, 201), pulled.text
    record: dict[str, Any] = pulled.json()
    # the halt's booking of the brokers' answers may finish after its answer
    still_open = [o["id"] for o in await client.until(none_open, 30) if o["status"] in STILL_OPEN]
    assert still_open == []
    synced = await client.http.post(f"/api/v1/accounts/{DEMO_ACCOUNT}/sync", headers=client.headers)
    assert synced.status_code == 200, synced.text
    report: dict[str, Any] = synced.json()
    open_at_broker = len(report["orders_adopted"]) + report["orders_known"]
    assert_verdict_is_truth(record["broker_confirmed"], open_at_broker)
    moved = [report[f"positions_{change}"] for change in ("added", "changed", "removed")]
    assert moved == [[], [], []], "the broker holds other positions than the store"
    now = await books(database_url)
    assert_recovered(now, keys=list(sent), acknowledged=acknowledged, before=before)
    await assert_each_order_audited_once(database_url, now, list(sent))
    return {"record": record, "sync": report}


async def assert_each_order_audited_once(
    database_url: str, now: Books, keys: list[str], within_s: float = 15
) -> None:
    """Every stored order of the client's `keys` has exactly one `order.placed` entry in the
    audit chain, the dead processes' ones too (journaled with the decision, chained by the
    next process): the last process's own turn may still be running, so it is waited for."""
    ids = sorted(o.id for o in now.orders if o.client_order_id in keys)
    engine = make_engine(database_url, PoolSettings(null_pool=True))
    try:
        log = SqlAuditLog(engine)
        deadline = time.monotonic() + within_s
        while True:
            links = await log.page(AuditFilter(action="order.placed"), 100_000)
            audited = sorted(str(link.entry.details.get("order_id")) for link in links)
            mine = [order_id for order_id in audited if order_id in set(ids)]
            if mine == ids or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.2)
    finally:
        await engine.dispose()
    assert mine == ids, (
        f"{len(ids)} orders stored, {len(mine)} audited: {sorted(set(ids) - set(mine))}"
    )
