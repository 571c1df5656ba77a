"""A broker in front of a drill's venue that notes the first moment the venue was seen flat:
asked for its positions right after its open orders, it showed no working order and no
position (how the kill switch's flatten confirms an account: killswitch_cancels.py)."""

from __future__ import annotations

import threading
from datetime import datetime

from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.core.clock import Clock
from ports.trading.broker import (
    BrokerAccount,
    BrokerOrder,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
    DeadlineBroker,
)


class FlatTape:
    """When the venue was first seen flat while armed; the kill switch's lane may note from
    its own thread."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._armed = False
        self._none_open = False
        self._flat_at: datetime | None = None

    def arm(self) -> None:
        with self._lock:
            self._armed, self._none_open, self._flat_at = True, False, None

    def disarm(self) -> None:
        with self._lock:
            self._armed = False

    @property
    def flat_at(self) -> datetime | None:
        with self._lock:
            return self._flat_at

    def saw_orders(self, orders: list[BrokerOrder]) -> None:
        with self._lock:
            self._none_open = not orders

    def saw_positions(self, positions: list[BrokerPosition]) -> None:
        holding = any(p.quantity != 0 for p in positions)
        with self._lock:
            if self._armed and self._none_open and not holding and self._flat_at is None:
                self._flat_at = self.clock.now()


class FlatWatch:
    """A BrokerPort over `inner` that shows its open orders and positions to a FlatTape."""

    def __init__(self, inner: BrokerPort, tape: FlatTape) -> None:
        self._inner = inner
        self._tape = tape
        self.name = inner.name

    @property
    def inner(self) -> BrokerPort:
        return self._inner

    async def submit(self, order: Order) -> BrokerOrder:
        return await self._inner.submit(order)

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        return await self._inner.cancel(account_id, broker_order_id)

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        return await self._inner.cancel_all(account_id)

    async def close_all(self, account_id: str) -> list[CloseResult]:
        return await self._inner.close_all(account_id)

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        found = await self._inner.open_orders(account_id)
        self._tape.saw_orders(found)
        return found

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        found = await self._inner.positions(account_id)
        self._tape.saw_positions(found)
        return found

    async def account(self, account_id: str) -> BrokerAccount:
        return await self._inner.account(account_id)

    async def fills(self, account_id: str) -> list[Fill]:
        return await self._inner.fills(account_id)

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        return await self._inner.order_by_client_id(account_id, client_order_id)

    @property
    def acceptance_window_s(self) -> float:
        return self._inner.acceptance_window_s


class FlatWatchDeadline(FlatWatch):
    """A FlatWatch over a DeadlineBroker: `within` bounds the venue's own calls as the kill
    switch asks, the watch staying in front."""

    def within(self, deadline: float) -> BrokerPort:
        inner = self.inner
        assert isinstance(inner, DeadlineBroker)
        return FlatWatch(inner.within(deadline), self._tape)


def flat_watch(inner: BrokerPort, tape: FlatTape) -> FlatWatch:
    """`inner` watched by `tape`, still bounding its calls by a deadline if it can."""
    kind = FlatWatchDeadline if isinstance(inner, DeadlineBroker) else FlatWatch
    return kind(inner, tape)
