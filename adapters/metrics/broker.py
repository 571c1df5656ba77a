"""A broker adapter with every call timed and its failures counted through the Meter port.

Wrapping the adapters in the composition root measures paper, Alpaca and any later adapter
alike without a line in any of them. Whatever else an adapter offers (close, test faults,
trade-update streams) passes through unchanged, and a DeadlineBroker stays one.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.core.metrics import Meter
from ports.trading.broker import (
    BrokerAccount,
    BrokerError,
    BrokerOrder,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
    DeadlineBroker,
)

T = TypeVar("T")


class MeteredBroker:
    """BrokerPort that times each call of the broker it wraps and counts its errors."""

    def __init__(self, inner: BrokerPort, meter: Meter, adapter: str) -> None:
        self.inner = inner
        self.name = inner.name
        self._meter = meter
        self._adapter = adapter

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)  # what the port does not name: as is

    @property
    def acceptance_window_s(self) -> float:
        return self.inner.acceptance_window_s

    async def _timed(self, operation: str, call: Callable[[], Awaitable[T]]) -> T:
        started = time.perf_counter()
        error: str | None = "UNEXPECTED"
        try:
            result = await call()
            error = None
            return result
        except BrokerError as exc:
            error = exc.code.value
            raise
        except asyncio.CancelledError:
            error = "CANCELLED"  # a caller's deadline passed (the kill switch's wait_for)
            raise
        finally:
            took = time.perf_counter() - started
            self._meter.broker_call(self._adapter, operation, took, error)

    async def submit(self, order: Order) -> BrokerOrder:
        return await self._timed("submit", lambda: self.inner.submit(order))

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        return await self._timed("cancel", lambda: self.inner.cancel(account_id, broker_order_id))

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        return await self._timed("cancel_all", lambda: self.inner.cancel_all(account_id))

    async def close_all(self, account_id: str) -> list[CloseResult]:
        return await self._timed("close_all", lambda: self.inner.close_all(account_id))

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        return await self._timed("open_orders", lambda: self.inner.open_orders(account_id))

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        return await self._timed("positions", lambda: self.inner.positions(account_id))

    async def account(self, account_id: str) -> BrokerAccount:
        return await self._timed("account", lambda: self.inner.account(account_id))

    async def fills(self, account_id: str) -> list[Fill]:
        return await self._timed("fills", lambda: self.inner.fills(account_id))

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        return await self._timed(
            "order_by_client_id", lambda: self.inner.order_by_client_id(account_id, client_order_id)
        )


class MeteredDeadlineBroker(MeteredBroker):
    """A metered DeadlineBroker: `within(deadline)` gives a metered broker too."""

    def within(self, deadline: float) -> BrokerPort:
        inner = self.inner
        assert isinstance(inner, DeadlineBroker)
        return MeteredBroker(inner.within(deadline), self._meter, self._adapter)


def metered(brokers: Mapping[str, BrokerPort], meter: Meter) -> dict[str, BrokerPort]:
    """Each adapter of a router's map wrapped, labelled by its routing name (paper, alpaca)."""
    return {
        name: (MeteredDeadlineBroker if isinstance(broker, DeadlineBroker) else MeteredBroker)(
            broker, meter, name
        )
        for name, broker in brokers.items()
    }
