"""The fill path in the assembled app: an order filled over the API books a ledger transaction
in the portfolio holding the account, on the in-memory store and on SQLite (outbox relay)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from domain.portfolio.transactions import TransactionKind, TransactionSource
from ports.portfolio.portfolios import Portfolio, PortfolioAccount
from tests.http.core_helpers import order_body, submit
from tests.http.harness import Harness, open_harness
from tests.http.harness import test_settings as make_settings

pytestmark = pytest.mark.serves("trading", "portfolio")

D = Decimal


@pytest.fixture(params=["memory", "sqlite"])
async def app(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Harness]:
    url = "memory://" if request.param == "memory" else f"sqlite+aiosqlite:///{tmp_path}/b.db"
    harness, client = await open_harness(make_settings(database_url=url))
    async with client:
        yield harness


async def test_a_filled_order_lands_once_in_the_portfolio_holding_the_account(
    app: Harness,
) -> None:
    # Arrange
    owner = await app.user()
    await app.instrument("AAPL", "190")
    held = await app.account(owner, "acc-ledger")
    loose = await app.account(owner, "acc-loose")
    store = app.container.portfolio.portfolio_store()
    await store.add_portfolio(
        Portfolio(
            "p-1", owner.id, "Main", "USD", datetime(2026, 1, 5, tzinfo=UTC),
            (PortfolioAccount(held, "Broker", "trading"),),
        )
    )  # fmt: skip

    # Act
    bought = await submit(app, owner, order_body(held, quantity="7"))
    sold = await submit(app, owner, order_body(held, side="sell", quantity="3"))
    elsewhere = await submit(app, owner, order_body(loose, quantity="5"))
    if app.container.core.store_kind() == "sql":
        # The committed events still on their way (the pump publishes them from memory after
        # each COMMIT, the relay what was left), awaited on the app's own event loop: their
        # tasks and the relay's lock belong to that loop (awaiting from the test's loop hangs).
        app.client.blocking_portal.call(app.container.core.publisher().idle)
        app.client.blocking_portal.call(app.container.core.relay().drain)

    # Assert
    assert {bought.status_code, sold.status_code, elsewhere.status_code} == {201}
    ledger = await store.list_transactions("p-1")
    assert [(t.kind, t.quantity, t.source) for t in ledger] == [
        (TransactionKind.BUY, D(7), TransactionSource.FILL),
        (TransactionKind.SELL, D(3), TransactionSource.FILL),
    ]
    async with app.container.core.uow_factory()() as uow:
        fills = await uow.fills.list(held)
    assert sorted(t.external_id or "" for t in ledger) == sorted(f.id for f in fills)
    assert all(t.account_id == held for t in ledger)
