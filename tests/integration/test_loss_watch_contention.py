"""The loss-limit watch beside the order path on PostgreSQL: no failure, no phantom breach.

The watch reads every account in statements of their own (the account's row, then its
positions): a fill committed between the two shows a torn account, its cash from before
the fill and its positions from after. These tests put an order exactly there (a unit of
work that lets the order path run after the watch read the accounts' rows) and then run
the two side by side on one account.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest
from dependency_injector import providers

from adapters.postgres.uow import SqlUnitOfWork
from application.safety.triggers import LossLimitReport, LossLimitWatch
from application.trading.orders import SubmitOrder
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import load_settings
from domain.killswitch.state import Scope, TradingState
from domain.principals import Principal, Role
from domain.risk.rules import RiskRule, RuleType
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import OrderStatus, Origin, OriginKind, Side
from tests.http.harness import no_background
from tests.kit.schema import migrated

D = Decimal
CASH = D("1000000")
ACCOUNT = "acc-1"
OWNER = Principal("u-1", Role.OWNER)
ORIGIN = Origin(OriginKind.USER, OWNER.id)
# A torn read of a 10-share sale at 100 looks like a loss of 1,000; the real loss is 0.
DAY_LOSS = RiskRule("rule-loss", OWNER.id, RuleType.MAX_DAILY_LOSS, {"max_loss": "500"})

Hook = Callable[[], Awaitable[object]]


class _TornReads(SqlUnitOfWork):
    """A unit of work that runs `between` once, right after it read the accounts' rows."""

    def __init__(self, container: ApplicationContainer, between: list[Hook]) -> None:
        super().__init__(container.core.engine())
        self._between = between

    async def execute(self, statement: Any, parameters: dict[str, Any] | None = None) -> Any:
        result = await super().execute(statement, parameters)
        if self._between and "FROM accounts" in str(statement):
            await self._between.pop()()
        return result


@pytest.fixture
async def container(postgres_url: str) -> AsyncIterator[ApplicationContainer]:
    await migrated(postgres_url)
    env = {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": postgres_url}
    built = build_container(load_settings(env, env_file=None))
    built.background.override(providers.Resource(no_background))
    await built.init_resources()  # type: ignore[misc]
    try:
        async with built.core.uow_factory()() as uow:
            await uow.instruments.add(Instrument("AAPL"))
            await uow.accounts.add(
                Account(ACCOUNT, OWNER.id, CASH, start_of_day_equity=CASH, peak_equity=CASH)
            )
            await uow.risk_rules.add(DAY_LOSS)
            await uow.commit()
        built.core.market().set_price("AAPL", D(100))
        built.core.paper_broker().seed_account(ACCOUNT, CASH)
        yield built
    finally:
        await shutdown_in_order(built)


def _watch(container: ApplicationContainer, between: list[Hook] | None = None) -> LossLimitWatch:
    hooks = between if between is not None else []
    return LossLimitWatch(
        lambda: _TornReads(container, hooks),
        container.core.quotes(),
        container.safety.killswitch(),
        container.core.clock(),
        container.core.audit(),
        container.core.notifier(),
        locks=container.core.locks(),
    )


async def _trade(container: ApplicationContainer, side: Side, quantity: str = "10") -> OrderStatus:
    command = SubmitOrder(OWNER, ACCOUNT, "AAPL", side, D(quantity), ORIGIN)
    return (await container.trading.orders().submit(command)).order.status


async def _state(container: ApplicationContainer) -> TradingState:
    async with container.core.uow_factory()() as uow:
        state = await uow.trading_states.get(Scope.account(ACCOUNT).key)
    return TradingState.ACTIVE if state is None else state.state


async def _account(container: ApplicationContainer) -> Account:
    async with container.core.uow_factory()() as uow:
        account = await uow.accounts.get(ACCOUNT)
    assert account is not None
    return account


async def test_a_sale_filled_while_the_watch_reads_is_no_loss_and_halts_nothing(
    container: ApplicationContainer,
) -> None:
    # Arrange: 10 AAPL held at 100; the sale fills after the watch read the account's row
    assert await _trade(container, Side.BUY) is OrderStatus.FILLED
    sold: list[OrderStatus] = []

    async def sell() -> None:
        sold.append(await _trade(container, Side.SELL))

    # Act
    report = await _watch(container, [sell]).check()

    # Assert
    assert sold == [OrderStatus.FILLED]
    assert report.breaches == ()
    assert await _state(container) is TradingState.ACTIVE
    assert (await _account(container)).peak_equity == CASH


async def test_a_purchase_filled_while_the_watch_reads_raises_no_peak_and_fails_nothing(
    container: ApplicationContainer,
) -> None:
    # Arrange: the purchase fills after the watch read the account's row
    bought: list[OrderStatus] = []

    async def buy() -> None:
        bought.append(await _trade(container, Side.BUY))

    # Act
    report = await _watch(container, [buy]).check()

    # Assert
    assert bought == [OrderStatus.FILLED]
    assert report == LossLimitReport((), (), ())
    assert (await _account(container)).peak_equity == CASH


async def test_a_new_peak_the_watch_stores_does_not_fail_the_next_order(
    container: ApplicationContainer,
) -> None:
    # Arrange: the order path holds the account; the price rises and the watch stores the peak
    assert await _trade(container, Side.BUY) is OrderStatus.FILLED
    container.core.market().set_price("AAPL", D(110))
    await _watch(container).check()

    # Act
    status = await _trade(container, Side.SELL)

    # Assert
    assert status is OrderStatus.FILLED
    assert (await _account(container)).peak_equity == CASH + D(100)


async def test_the_watch_beside_a_stream_of_orders_fails_nothing_and_every_order_is_decided(
    container: ApplicationContainer,
) -> None:
    # Arrange: buys and sales of one account, and the watch checking all along
    sides = [Side.BUY, Side.SELL] * 20
    done = asyncio.Event()
    reports: list[LossLimitReport] = []
    watch = _watch(container)

    async def watching() -> None:
        while not done.is_set():
            reports.append(await watch.check())

    async def trading() -> list[OrderStatus]:
        try:
            return [await _trade(container, side) for side in sides]
        finally:
            done.set()

    # Act
    _, statuses = await asyncio.wait_for(asyncio.gather(watching(), trading()), timeout=60)

    # Assert
    assert statuses == [OrderStatus.FILLED] * len(sides)
    assert reports and all(report.breaches == () for report in reports)
    assert await _state(container) is TradingState.ACTIVE
    assert (await _account(container)).position_quantity("AAPL") == 0
