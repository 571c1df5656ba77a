"""`bulwark serve --demo` with several workers on one store: each loads the demo at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from dependency_injector import providers

from application.trading.order_commands import SubmitOrder
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER, load_demo
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import load_settings
from domain.principals import Principal, Role
from domain.trading.orders import OrderStatus, OrderType, Origin, OriginKind, Side
from tests.http.harness import no_background
from tests.integration.servers import free_port
from tests.kit.schema import migrated


async def worker(url: str) -> ApplicationContainer:
    """One worker's container on the shared store, started as `serve` starts it."""
    env = {
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": url,
        "BULWARK_PORT": str(free_port()),
        "BULWARK_KILL_SWITCH_PORT": "0",
        "BULWARK_LOG_LEVEL": "warning",
    }
    built = build_container(load_settings(env, env_file=None))
    built.background.override(providers.Resource(no_background))
    await built.init_resources()  # type: ignore[misc]
    return built


@pytest.fixture
async def workers(sqlite_url: str) -> AsyncIterator[list[ApplicationContainer]]:
    await migrated(sqlite_url)
    built = [await worker(sqlite_url) for _ in range(3)]
    try:
        yield built
    finally:
        for container in built:
            await shutdown_in_order(container)


async def test_workers_loading_the_demo_at_once_share_one_demo_and_each_can_trade_it(
    workers: list[ApplicationContainer],
) -> None:
    # Act: three workers' start-ups interleaved on one SQLite file
    loaded = await asyncio.gather(*(load_demo(w) for w in workers))

    # Assert: one owner, one account, one agent key; every worker's paper broker has the account
    assert len({d.owner_id for d in loaded}) == 1
    assert [d.agent_key is not None for d in loaded].count(True) == 1
    async with workers[0].core.uow_factory()() as uow:
        owner = await uow.users.by_username(DEMO_OWNER.username)
        account = await uow.accounts.get(DEMO_ACCOUNT)
    assert owner is not None and account is not None and account.owner_id == owner.id
    principal = Principal(owner.id, Role.OWNER)
    for w in workers:
        command = SubmitOrder(
            principal, DEMO_ACCOUNT, "AAPL", Side.BUY, Decimal(1),
            Origin(OriginKind.USER, owner.id),
        )  # fmt: skip
        result = await w.trading.orders().submit(command)
        assert result.order is not None and result.order.status is OrderStatus.FILLED


async def test_a_worker_never_denies_on_a_copy_another_worker_has_since_changed(
    workers: list[ApplicationContainer],
) -> None:
    # Arrange: worker A rests a sell; worker B, holding the account then, denies its buy as a
    # self-match; A cancels the sell (the stored account moves on, B's held copy does not)
    a, b = workers[0], workers[1]
    loaded = await asyncio.gather(load_demo(a), load_demo(b))
    owner = Principal(loaded[0].owner_id, Role.OWNER)

    def order(side: Side, **terms: object) -> SubmitOrder:
        return SubmitOrder(
            owner, DEMO_ACCOUNT, "AAPL", side, Decimal(1), Origin(OriginKind.USER, owner.id),
            **terms,  # type: ignore[arg-type]
        )  # fmt: skip

    await a.trading.orders().submit(order(Side.BUY))
    resting = await a.trading.orders().submit(
        order(Side.SELL, order_type=OrderType.LIMIT, limit_price=Decimal(10_000))
    )
    rested = resting.order.status
    denied = await b.trading.orders().submit(order(Side.BUY))
    await a.trading.orders().cancel(owner, resting.order.id)

    # Act: B's next buy, at once (well inside the held copy's second)
    again = await b.trading.orders().submit(order(Side.BUY))

    # Assert
    assert rested is OrderStatus.ACCEPTED
    assert denied.decision is not None and not denied.decision.approved
    assert [c.value for c in denied.decision.reasons] == ["SELF_MATCH"]
    assert again.decision is not None and again.decision.approved, again.decision
    assert again.order.status is OrderStatus.FILLED
