"""A crash rehearsal for tests: the process dies on a chosen broker submit, before it leaves.

CRASH_REHEARSAL_DIE_ON_SUBMIT=N (honoured only when BULWARK_ENV is dev or test) wraps each
broker so that its N-th submit ends the process at once (`os._exit`, as a SIGKILL would),
after the orders were decided and stored and before the broker answers: the window where a
crash leaves orders in doubt (application/in_doubt.py). Production never reads it.
"""

from __future__ import annotations

import os
from typing import Any

from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.broker import (
    BrokerAccount,
    BrokerOrder,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
)

DIE_ON_SUBMIT = "CRASH_REHEARSAL_DIE_ON_SUBMIT"  # not BULWARK_*: no setting
KILLED = 137  # the exit status of a SIGKILLed process


def rehearsing(env: str, brokers: dict[str, BrokerPort]) -> dict[str, BrokerPort]:
    """`brokers` as they are, or each dying on the N-th submit when the variable says so."""
    after = os.environ.get(DIE_ON_SUBMIT, "")
    if env == "prod" or not after:
        return brokers
    counter = [0]
    return {name: DyingBroker(broker, int(after), counter) for name, broker in brokers.items()}


class DyingBroker:
    """A BrokerPort that ends the process on the `after`-th submit (counted across brokers)."""

    def __init__(self, inner: BrokerPort, after: int, counter: list[int]) -> None:
        self.inner = inner
        self.name = inner.name
        self._after = after
        self._counter = counter

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)  # what the port does not name: as is

    @property
    def acceptance_window_s(self) -> float:
        return self.inner.acceptance_window_s

    async def submit(self, order: Order) -> BrokerOrder:
        self._counter[0] += 1
        if self._counter[0] >= self._after:
            os._exit(KILLED)
        return await self.inner.submit(order)

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
