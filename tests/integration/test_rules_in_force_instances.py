"""Two Bulwark processes on one store, with no broadcast between them: a risk rule is in force for
every order decided after its write was acknowledged, on the other process too, on SQLite and on
PostgreSQL. (The rules' stored revision is kept by each process at most the order path's bound;
a rule write answers once that bound has passed. Each instance here has a fake clock: what the
writer's clock advanced while it waited, the other's advances too, as one wall clock would.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from tests.http import harness as h_
from tests.http.harness import Harness, User, open_harness


@asynccontextmanager
async def two_instances(database_url: str) -> AsyncIterator[tuple[Harness, Harness]]:
    settings = h_.test_settings(database_url=database_url)
    a, client_a = await open_harness(settings)
    b, client_b = await open_harness(settings, reset=False)
    async with client_a, client_b:
        yield a, b


async def _order(h: Harness, owner: User, account: str, quantity: str) -> Any:
    body = {"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": quantity}
    return await h.client.post("/api/v1/orders", json=body, headers=owner.headers)


async def _rule(h: Harness, other: Harness, owner: User, account: str, **rule: Any) -> str:
    """A rule written through `h`; `other`'s clock moves as long as the write took."""
    started = h.clock.monotonic()
    created = await h.client.post(
        "/api/v1/risk-rules", json={"account_id": account, **rule}, headers=owner.headers
    )
    other.clock.advance(h.clock.monotonic() - started)
    assert created.status_code == 201, created.text
    rule_id: str = created.json()["id"]
    return rule_id


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_store(request: pytest.FixtureRequest) -> str:
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


async def test_a_rule_written_on_one_instance_binds_the_next_order_on_the_other(
    shared_store: str,
) -> None:
    async with two_instances(shared_store) as (a, b):
        # Arrange: B has decided an order for the account (its policy compiled and kept).
        owner = await a.user()
        account = await a.account(owner, "acc-shared")
        b.container.core.paper_broker().seed_account(account, h_.D("1000000"))
        for h in (a, b):
            await h.instrument("AAPL", "190")
        first = await _order(b, owner, account, "20")
        assert first.status_code == 201, first.text

        # Act: A writes a HOLD above 1,000 and a REDUCE to 3 shares; then B decides 20 AAPL.
        await _rule(
            a,
            b,
            owner,
            account,
            rule_type="MAX_ORDER_QUANTITY",
            params={"max_quantity": "3"},
            action="reduce",
        )
        hold = await _rule(
            a,
            b,
            owner,
            account,
            rule_type="MAX_ORDER_NOTIONAL",
            params={"max_notional": "1000"},
            action="hold",
        )
        held = await _order(b, owner, account, "20")

        # Assert: held at the 20 asked for (HOLD wins over REDUCE), on the rules A wrote.
        assert held.status_code == 202, held.text
        assert h_.D(held.json()["order"]["quantity"]) == 20

        # Act: A deletes the HOLD; B's next order is cut to 3 and sent.
        started = a.clock.monotonic()
        deleted = await a.client.delete(f"/api/v1/risk-rules/{hold}", headers=owner.headers)
        b.clock.advance(a.clock.monotonic() - started)
        assert deleted.status_code == 204, deleted.text
        reduced = await _order(b, owner, account, "20")

        # Assert
        assert reduced.status_code == 201, reduced.text
        assert h_.D(reduced.json()["order"]["quantity"]) == 3
