"""Two Bulwark instances served on one PostgreSQL, one book over two accounts: orders in both
accounts, decided at the same moment on the two instances, never both use one book limit.
(Each approval advances the book's fence in its deciding transaction; the later commit fails
and decides again on what the earlier one approved.)"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from decimal import Decimal
from functools import partial
from typing import Any

import httpx

from bootstrap.demo import DEMO_OWNER
from tests.kit.schema import migrated
from tests.kit.served import Served, served_settings, serving

ROUNDS = 3


@contextmanager
def two_instances(database_url: str) -> Iterator[tuple[Served, Served]]:
    asyncio.run(migrated(database_url))
    with ExitStack() as stack:
        a = stack.enter_context(serving(served_settings(database_url)))
        b = stack.enter_context(serving(served_settings(database_url)))
        yield a, b


def decide_together(*instances: Served) -> threading.Event:
    """Each instance's first book judgment of a round waits, before its commit, until every
    instance has judged: both decide on the same state, as two instances at the same moment
    would. A retry (after a lost race) runs on. Set the returned event to start a round."""
    barrier = threading.Barrier(len(instances))
    round_on = threading.Event()
    waited: set[int] = set()
    guard = threading.Lock()
    for served in instances:
        assert served.container is not None
        check = served.container.books.check()
        real = check.check

        async def judged(*args: Any, _real: Any = real, _me: int = id(served), **kw: Any) -> Any:
            found = await _real(*args, **kw)
            with guard:
                first = round_on.is_set() and _me not in waited
                if first:
                    waited.add(_me)
            if first:
                await asyncio.to_thread(barrier.wait, 20)
                with guard:
                    if len(waited) == len(instances):
                        waited.clear()
                        round_on.clear()
            return found

        check.check = judged
    return round_on


def login(client: httpx.Client, base: str) -> dict[str, str]:
    answer = client.post(
        f"{base}/api/v1/auth/login",
        json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def book_of_two(
    client: httpx.Client, a: Served, b: Served, auth: dict[str, str], n: int
) -> tuple[str, str]:
    """Two new paper accounts (opened through a, known to b's paper broker too) in a book
    whose gross exposure is capped at 10,000: room for one order of 6,000, not two."""
    ids = []
    for side in ("x", "y"):
        opened = client.post(
            f"{a.api}/api/v1/accounts",
            json={
                "name": f"round {n} {side}",
                "broker": "paper",
                "initial_cash": "1000000",
                "base_currency": "USD",
                "account_type": "taxable",
                "trading_type": "margin",
            },
            headers=auth,
        )
        assert opened.status_code == 201, opened.text
        ids.append(opened.json()["id"])
        assert b.container is not None
        b.container.core.paper_broker().seed_account(ids[-1], Decimal(1_000_000))
    created = client.post(
        f"{a.api}/api/v1/books",
        json={"name": f"desk {n}", "members": ids,
              "limits": [{"kind": "GROSS_EXPOSURE", "limit": "10000"}]},
        headers=auth,
    )  # fmt: skip
    assert created.status_code == 201, created.text
    return ids[0], ids[1]


def buy(client: httpx.Client, base: str, auth: dict[str, str], account: str) -> httpx.Response:
    """60 AAPL at a limit of 100 (6,000), far below the market: it rests."""
    order = {"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": "60",
             "order_type": "limit", "limit_price": "100"}  # fmt: skip
    return client.post(f"{base}/api/v1/orders", json=order, headers=auth)


def at_once(*calls: Callable[[], httpx.Response]) -> list[httpx.Response]:
    """Each call on a thread of its own, started together; their answers in order."""
    with ThreadPoolExecutor(len(calls)) as pool:
        return [f.result(60) for f in [pool.submit(call) for call in calls]]


def test_two_instances_never_both_use_one_book_limit(postgres_url: str) -> None:
    with (
        two_instances(postgres_url) as (a, b),
        httpx.Client(timeout=60) as client,
        httpx.Client(timeout=60) as client_b,
    ):
        # Arrange
        auth = login(client, a.api)
        auth_b = login(client, b.api)  # each instance signs its own sessions
        together = decide_together(a, b)
        outcomes: list[tuple[int, int]] = []
        denials: list[list[str]] = []
        for n in range(ROUNDS):
            x, y = book_of_two(client, a, b, auth, n)
            together.set()

            # Act: one order per account, one through each instance, at the same moment
            pair = at_once(
                partial(buy, client, a.api, auth, x), partial(buy, client_b, b.api, auth_b, y)
            )
            outcomes.append((pair[0].status_code, pair[1].status_code))
            denials += [r.json()["reasons"] for r in pair if r.status_code == 422]

        # Assert: in every round exactly one of the two was approved; the other was denied
        # for the book's exposure (never for an error)
        assert all(sorted(p) == [201, 422] for p in outcomes), (outcomes, denials)
        assert denials == [["BOOK_GROSS_EXPOSURE"]] * ROUNDS
