"""Broker port: where approved orders go, and where the kill switch cancels them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Protocol, runtime_checkable

from domain.trading.fills import Fill
from domain.trading.orders import Order, OrderType, Side


class BrokerOrderStatus(StrEnum):
    """A broker's view of an order, mapped to the domain's vocabulary."""

    ACCEPTED = "accepted"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELED = "canceled"
    REJECTED = "rejected"
    EXPIRED = "expired"
    PENDING_CANCEL = "pending_cancel"

    @property
    def is_open(self) -> bool:
        return self in _OPEN


_OPEN = frozenset(
    {
        BrokerOrderStatus.ACCEPTED,
        BrokerOrderStatus.PARTIALLY_FILLED,
        BrokerOrderStatus.PENDING_CANCEL,
    }
)


@dataclass(frozen=True, slots=True)
class BrokerOrder:
    """An order as the broker reports it."""

    broker_order_id: str
    client_order_id: str
    account_id: str
    symbol: str
    side: Side
    order_type: OrderType
    quantity: Decimal
    filled_quantity: Decimal
    status: BrokerOrderStatus
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    average_fill_price: Decimal | None = None


@dataclass(frozen=True, slots=True)
class BrokerPosition:
    account_id: str
    symbol: str
    quantity: Decimal
    average_price: Decimal


@dataclass(frozen=True, slots=True)
class BrokerAccount:
    account_id: str
    cash: Decimal
    equity: Decimal
    buying_power: Decimal
    currency: str = "USD"


@dataclass(frozen=True, slots=True)
class CancelResult:
    """Outcome of one cancel request. `ok` means acknowledged, not confirmed gone."""

    broker_order_id: str
    ok: bool
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CloseResult:
    """Outcome of closing one position; `order` is the closing order when one was sent."""

    symbol: str
    ok: bool
    order: BrokerOrder | None = None
    error: str | None = None


class BrokerErrorCode(StrEnum):
    """Stable codes for broker failures."""

    REJECTED = "BROKER_REJECTED"
    # The venue refused the credentials themselves (a wrong, revoked or expired key).
    AUTH_FAILED = "BROKER_AUTH_FAILED"
    # The account's venue connection is revoked (or gone): nothing is sent.
    CONNECTION_REVOKED = "CONNECTION_REVOKED"
    UNAVAILABLE = "BROKER_UNAVAILABLE"
    TIMEOUT = "BROKER_TIMEOUT"
    RATE_LIMITED = "BROKER_RATE_LIMITED"
    NOT_FOUND = "BROKER_ORDER_NOT_FOUND"
    INSUFFICIENT_FUNDS = "BROKER_INSUFFICIENT_FUNDS"
    # Never sent: this process's kill switch halted the order's scope after the gate passed it.
    HALTED = "TRADING_HALTED"


class BrokerError(Exception):
    """A broker call failed. `retryable` tells whether trying again can help."""

    def __init__(self, code: BrokerErrorCode, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retryable = retryable


class BrokerPort(Protocol):
    """A brokerage connection for one or more accounts.

    Contract:
    - `submit` sends an approved order and returns the broker's view of it; an
      order the broker refuses raises BrokerError(REJECTED) and nothing rests.
    - `cancel`/`cancel_all` return acknowledgements; only a later `open_orders`
      that no longer lists an order proves it is gone.
    - `close_all` sends market orders that flatten every position of the account.
    - `fills` returns executions not yet returned by a previous call (drains).
    - `order_by_client_id` looks up an order by its client order id, open or closed;
      None means the broker does not know it. `acceptance_window_s` is how long after a
      send an order may still be unknown to that lookup: past it, None proves the order
      never reached the broker.
    - Transient failures raise BrokerError with `retryable=True`.
    """

    name: str

    @property
    def acceptance_window_s(self) -> float: ...

    async def submit(self, order: Order) -> BrokerOrder: ...

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult: ...

    async def cancel_all(self, account_id: str) -> list[CancelResult]: ...

    async def close_all(self, account_id: str) -> list[CloseResult]: ...

    async def open_orders(self, account_id: str) -> list[BrokerOrder]: ...

    async def positions(self, account_id: str) -> list[BrokerPosition]: ...

    async def account(self, account_id: str) -> BrokerAccount: ...

    async def fills(self, account_id: str) -> list[Fill]: ...

    async def order_by_client_id(
        self, account_id: str, client_order_id: str
    ) -> BrokerOrder | None: ...


@runtime_checkable
class DeadlineBroker(Protocol):
    """A broker that can bound its own waits and retries by an absolute deadline.

    `within(deadline)` returns the same broker with every call bounded by `deadline`
    (a `Clock.monotonic()` time on the clock the broker was built with): rather than
    sleep out a rate limit or retry past it, a call raises BrokerError at once. The kill
    switch binds its deadline this way, so a refusal is reported as what it was.
    """

    def within(self, deadline: float) -> BrokerPort: ...
