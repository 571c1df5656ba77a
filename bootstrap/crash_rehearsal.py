"""A crash rehearsal for tests: the process dies at a chosen point of the order path.

Honoured only when BULWARK_ENV is not prod (production never reads these variables):

- `CRASH_REHEARSAL_DIE_ON_SUBMIT=N`: die on the N-th time the order path reaches the point;
- `CRASH_REHEARSAL_POINT`: which point (default `before_send`):
  - `before_store`: the N-th decided order is being added to its decisions' transaction,
    which never commits: nothing of that transaction is stored, no answer was given;
  - `before_send`: the N-th send, its order decided and stored (`pending_submit`), before
    the broker hears of it;
  - `after_send`: the N-th send accepted by the broker, before its answer is booked.

The process ends at once (`os._exit`, as a SIGKILL would). The hooks sit at the port
boundary: a unit-of-work wrapper for `before_store`, a broker wrapper for the sends, so the
order path itself knows nothing of them. In-process tests pass a `CrashPlan` whose `die`
raises instead (tests/integration/chaos/): the services are then thrown away, as a killed
process's are. The last two points leave orders in doubt (application/trading/in_doubt.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NoReturn, cast

from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.trading.broker import (
    BrokerAccount,
    BrokerOrder,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
)

DIE_ON_SUBMIT = "CRASH_REHEARSAL_DIE_ON_SUBMIT"  # not BULWARK_*: no setting
CRASH_POINT = "CRASH_REHEARSAL_POINT"
KILLED = 137  # the exit status of a SIGKILLed process


class CrashPoint(StrEnum):
    """Where on the order path the rehearsal dies."""

    BEFORE_STORE = "before_store"
    BEFORE_SEND = "before_send"
    AFTER_SEND = "after_send"


def _killed() -> NoReturn:
    os._exit(KILLED)


@dataclass(slots=True)
class CrashPlan:
    """Die (`die`) the `after`-th time the order path reaches `point`."""

    point: CrashPoint
    after: int
    die: Callable[[], NoReturn] = _killed
    reached: int = 0

    def at(self, point: CrashPoint) -> None:
        """The order path is at `point`: count it, and die on the `after`-th time."""
        if point is self.point:
            self.reached += 1
            if self.reached >= self.after:
                self.die()


def crash_plan(env: str) -> CrashPlan | None:
    """The plan the variables ask for; None in prod or when they are unset."""
    after = os.environ.get(DIE_ON_SUBMIT, "")
    if env == "prod" or not after:
        return None
    return CrashPlan(CrashPoint(os.environ.get(CRASH_POINT) or CrashPoint.BEFORE_SEND), int(after))


def rehearsing(
    env: str, brokers: dict[str, BrokerPort], plan: CrashPlan | None = None
) -> dict[str, BrokerPort]:
    """`brokers` as they are, or each dying at a send point when the plan says so."""
    plan = plan or crash_plan(env)
    if plan is None or plan.point is CrashPoint.BEFORE_STORE:
        return brokers
    return {name: DyingBroker(broker, plan) for name, broker in brokers.items()}


def rehearsing_store(
    env: str, factory: UnitOfWorkFactory, plan: CrashPlan | None = None
) -> UnitOfWorkFactory:
    """`factory` as it is, or one whose units die adding an order when the plan says so."""
    plan = plan or crash_plan(env)
    if plan is None or plan.point is not CrashPoint.BEFORE_STORE:
        return factory
    chosen = plan
    return lambda: cast(UnitOfWork, _DyingUnitOfWork(factory(), chosen))


class _DyingUnitOfWork:
    """A unit of work whose `orders.add` is the `before_store` point."""

    def __init__(self, inner: UnitOfWork, plan: CrashPlan) -> None:
        self._inner = inner
        self.orders = _DyingOrders(inner.orders, plan)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._inner, attribute)

    async def __aenter__(self) -> _DyingUnitOfWork:
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._inner.__aexit__(*exc)


class _DyingOrders:
    """An order repository that reaches `before_store` on each add (before storing it)."""

    def __init__(self, inner: Any, plan: CrashPlan) -> None:
        self._inner = inner
        self._plan = plan

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._inner, attribute)

    async def add(self, order: Order) -> None:
        self._plan.at(CrashPoint.BEFORE_STORE)
        await self._inner.add(order)


class DyingBroker:
    """A BrokerPort whose submits are the send points of a plan (counted across brokers)."""

    def __init__(self, inner: BrokerPort, plan: CrashPlan) -> None:
        self.inner = inner
        self.name = inner.name
        self._plan = plan

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)  # what the port does not name: as is

    @property
    def acceptance_window_s(self) -> float:
        return self.inner.acceptance_window_s

    async def submit(self, order: Order) -> BrokerOrder:
        self._plan.at(CrashPoint.BEFORE_SEND)
        accepted = await self.inner.submit(order)
        self._plan.at(CrashPoint.AFTER_SEND)
        return accepted

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        return await self.inner.cancel(account_id, broker_order_id)

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        return await self.inner.cancel_all(account_id)

    async def close_all(self, account_id: str) -> list[CloseResult]:
        return await self.inner.close_all(account_id)

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        return await self.inner.open_orders(account_id)

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        return await self.inner.positions(account_id)

    async def account(self, account_id: str) -> BrokerAccount:
        return await self.inner.account(account_id)

    async def fills(self, account_id: str) -> list[Fill]:
        return await self.inner.fills(account_id)

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        return await self.inner.order_by_client_id(account_id, client_order_id)
