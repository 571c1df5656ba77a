"""PostgreSQL stopped and started again while orders arrive: every request is answered (201,
or 503 STORE_UNAVAILABLE while it is down, never a 500 or a hang), /ready says why, the app
recovers without a restart, and a retry with the same Idempotency-Key never doubles an order.
The kill switch pulled while it is down still halts, and its record is stored once it is back."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from structlog.testing import capture_logs

from domain.principals import Principal, Role
from tests.http.core_helpers import PROBLEM_JSON, order_body, submit
from tests.http.harness import PASSCODE, Harness, User
from tests.integration.servers import LocalPostgres, create_database
from tests.integration.test_database_down import (
    on_app_loop,
    owner_with_an_account,
    running_app,
    store_component,
)

# Safety bound only: an answer must arrive (the pool, connect and statement timeouts are
# seconds); a request still unanswered after this is the hang the test is about.
ANSWER_WITHIN_S = 30.0
RECOVERED_WITHIN_S = 30.0
WORKERS = 4


@pytest.fixture
def postgres() -> Iterator[LocalPostgres]:
    """A PostgreSQL server of this test alone: stopping it disturbs no other test."""
    server = LocalPostgres()
    try:
        yield server
    finally:
        server.remove()


async def _order(harness: Harness, owner: User, account: str, key: str) -> httpx.Response:
    body = order_body(account, quantity="1")
    answer = submit(harness, owner, body, **{"Idempotency-Key": key})
    return await asyncio.wait_for(answer, ANSWER_WITHIN_S)


def _is_store_unavailable(response: httpx.Response) -> bool:
    return (
        response.status_code == 503
        and response.headers["content-type"].startswith(PROBLEM_JSON)
        and response.json()["code"] == "STORE_UNAVAILABLE"
    )


async def _ready_again(harness: Harness) -> httpx.Response:
    """/ready until it answers 200, at most RECOVERED_WITHIN_S (the pool's dead connections
    are found and replaced on use)."""

    async def poll() -> httpx.Response:
        while True:
            ready = await harness.client.get("/ready")
            if ready.status_code == 200:
                return ready
            await asyncio.sleep(0.2)

    return await asyncio.wait_for(poll(), RECOVERED_WITHIN_S)


async def _stored_halt(harness: Harness, owner: User, record_id: str) -> dict[str, object]:
    """The kill switch's record once it is stored (its retry runs every 2 s), bounded."""

    async def poll() -> dict[str, object]:
        while True:
            events = await harness.client.get("/api/v1/kill-switch/events", headers=owner.headers)
            if events.status_code == 200:
                for event in events.json()["items"]:
                    if event["id"] == record_id:
                        return dict(event)
            await asyncio.sleep(0.2)

    return await asyncio.wait_for(poll(), RECOVERED_WITHIN_S)


async def _halt(harness: Harness, owner: User, account: str) -> httpx.Response:
    activate = harness.client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": PASSCODE, "scope": {"kind": "account", "id": account}},
        headers=owner.headers,
    )
    return await asyncio.wait_for(activate, ANSWER_WITHIN_S)


class _Traffic:
    """WORKERS clients sending orders one after another (a key each) until told to stop."""

    def __init__(self, harness: Harness, owner: User, account: str) -> None:
        self._harness, self._owner, self._account = harness, owner, account
        self.answers: dict[str, httpx.Response] = {}
        self._changed = asyncio.Condition()
        self._stop = asyncio.Event()
        self._workers = [asyncio.create_task(self._send(w)) for w in range(WORKERS)]

    async def _send(self, worker: int) -> None:
        n = 0
        while not self._stop.is_set():
            key = f"w{worker}-{n}"
            n += 1
            answer = await _order(self._harness, self._owner, self._account, key)
            async with self._changed:
                self.answers[key] = answer
                self._changed.notify_all()

    def count(self, status: int) -> int:
        return sum(1 for r in self.answers.values() if r.status_code == status)

    async def until(self, status: int, at_least: int) -> None:
        """Until `at_least` answers with `status` came back (bounded: a hang fails the test)."""

        async def wait() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self.count(status) >= at_least)

        await asyncio.wait_for(wait(), ANSWER_WITHIN_S)

    async def stop(self) -> None:
        self._stop.set()
        await asyncio.gather(*self._workers)


async def test_postgres_stopped_and_started_mid_traffic_answers_503_recovers_and_doubles_nothing(
    postgres: LocalPostgres,
) -> None:
    # Arrange: orders flowing
    url = await asyncio.to_thread(create_database, postgres.url)
    async with running_app(url) as harness:
        owner, account = await owner_with_an_account(harness)
        halting = on_app_loop(harness, lambda: harness.account(owner, "acc-halted"))
        principal = Principal(owner.id, Role.OWNER)
        on_app_loop(
            harness, lambda: harness.container.safety.killswitch().set_passcode(principal, PASSCODE)
        )
        # What the app's watchers do every few seconds (off in this harness): the accounts
        # and passcodes read for a halt while the store is down
        on_app_loop(harness, lambda: harness.container.safety.killswitch().remember(force=True))
        with capture_logs() as logs:
            traffic = _Traffic(harness, owner, account)
            await traffic.until(201, 6)

            # Act: the server stops under the traffic, and starts again
            await asyncio.to_thread(postgres.stop)
            await traffic.until(503, traffic.count(503) + 2 * WORKERS)
            ready_down = await harness.client.get("/ready")
            halt_down = await _halt(harness, owner, halting)
            await asyncio.to_thread(postgres.start)
            ready_up = await _ready_again(harness)
            stored_halt = await _stored_halt(harness, owner, halt_down.json()["id"])
            acknowledged_after = traffic.count(201)
            await traffic.until(201, acknowledged_after + WORKERS)
            await traffic.stop()
            refused = [k for k, r in traffic.answers.items() if r.status_code != 201]
            retried = {key: await _order(harness, owner, account, key) for key in refused}
            halt_up = await _halt(harness, owner, halting)
            halted_after = await _order(harness, owner, halting, "on-the-halted-account")
        listed, items = await _all_orders(harness, owner, account)

    # Assert
    answers = list(traffic.answers.values())
    assert all(r.status_code == 201 or _is_store_unavailable(r) for r in answers), [
        (r.status_code, r.text) for r in answers if r.status_code != 201
    ]
    assert refused  # the outage was met mid-traffic
    assert ready_down.status_code == 503, ready_down.text
    assert store_component(ready_down)["ok"] is False
    assert store_component(ready_down)["details"]["error"]  # why: what reaching it raised
    assert store_component(ready_up)["ok"] is True
    assert all(r.status_code in (200, 201) for r in retried.values()), [
        (k, r.status_code, r.text) for k, r in retried.items()
    ]
    assert [e for e in logs if e["event"] == "unhandled_error"] == []
    # Halted while the store was down (the token, passcode and account as last read), and
    # recorded once it was back
    assert halt_down.status_code == 201, halt_down.text
    assert halt_down.json()["store_unavailable"] is True
    assert halt_down.json()["broker_confirmed"] is True  # the paper broker holds none of it
    assert stored_halt["store_unavailable"] is True
    assert stored_halt["scope"]["key"] == f"account:{halting}"
    assert halt_up.status_code == 201, halt_up.text
    assert halted_after.json()["reasons"] == ["TRADING_HALTED"], halted_after.text
    assert listed.status_code == 200, listed.text
    stored = items  # every page: the traffic may place more orders than one page holds
    assert len(stored) == len(traffic.answers)  # one order per key: none lost, none doubled
    acknowledged = {r.json()["order"]["id"] for r in answers if r.status_code == 201}
    assert acknowledged <= {order["id"] for order in stored}


async def _all_orders(
    harness: Harness, owner: User, account: str
) -> tuple[httpx.Response, list[dict[str, Any]]]:
    """Every order of `account`, page after page: the last page's answer and the orders."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params = {"limit": "200", "account_id": account} | ({"cursor": cursor} if cursor else {})
        listed = await harness.client.get("/api/v1/orders", params=params, headers=owner.headers)
        if listed.status_code != 200:
            return listed, items
        page = listed.json()
        items.extend(page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            return listed, items
