"""The Alpaca broker: BrokerPort over Alpaca's trading API v2 and its trade-updates stream."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

import httpx
import msgspec

from adapters.alpaca.http import (
    AlpacaCredentials,
    AlpacaHttp,
    AlpacaHttpError,
    decode,
    trading_stream_url,
)
from adapters.brokers.alpaca import wire
from adapters.brokers.alpaca.errors import broker_error, error_code
from adapters.brokers.alpaca.fills import FillLedger
from adapters.brokers.alpaca.stream import TradeUpdatesStream
from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.core.clock import Clock
from ports.trading.broker import (
    BrokerAccount,
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerOrderStatus,
    BrokerPort,
    BrokerPosition,
    CancelResult,
    CloseResult,
)

if TYPE_CHECKING:
    from adapters.brokers.alpaca.accounts import VaultedAlpacaBrokers

T = TypeVar("T")
ACCEPTANCE_WINDOW_S = 30.0


@dataclass(frozen=True, slots=True)
class AlpacaBrokerConfig:
    """Paging and the fills source of the Alpaca broker."""

    stream: bool = True  # trade_updates websocket; False: REST activities only
    orders_page: int = 500  # Alpaca's maximum `limit` for GET /v2/orders
    activities_page: int = 100  # Alpaca's maximum `page_size` for activities
    max_pages: int = 20


class AlpacaBroker:
    """A BrokerPort for one Alpaca account (one key pair).

    Bulwark account ids are mapped onto that one Alpaca account: with `accounts` given,
    only those ids are served (others raise NOT_FOUND); with None, every Bulwark account
    routed to "alpaca" is this Alpaca account, so give such a deployment one account.
    Every call takes an optional `deadline` (a `clock.monotonic()` time) and `within()`
    binds one, so the kill switch's calls fail fast instead of waiting out a 429.
    Fills come from the trade_updates stream; while it is not listening (and once after
    each reconnect) `fills` also reads GET /v2/account/activities/FILL.
    """

    name = "alpaca"
    # Alpaca may take a few seconds to list an order POSTed (its own queueing, a retried
    # request in flight): an order it does not know past this window never reached it.
    acceptance_window_s = ACCEPTANCE_WINDOW_S

    def __init__(
        self,
        http: AlpacaHttp,
        credentials: AlpacaCredentials,
        clock: Clock,
        *,
        stream_url: str,
        accounts: frozenset[str] | None = None,
        config: AlpacaBrokerConfig | None = None,
    ) -> None:
        self._http = http
        self._clock = clock
        self._accounts = accounts
        self._config = config or AlpacaBrokerConfig()
        self._ledger = FillLedger(clock.now())
        self._stream = TradeUpdatesStream(
            stream_url, credentials, clock, self._on_update, self._on_listening
        )

    @property
    def stream(self) -> TradeUpdatesStream:
        return self._stream

    def within(self, deadline: float) -> BrokerPort:
        """This broker with every call bounded by `deadline` (see DeadlineBroker)."""
        return DeadlineBoundBroker(self, deadline)

    async def aclose(self) -> None:
        await self._stream.aclose()
        await self._http.aclose()

    # -- BrokerPort ------------------------------------------------------------
    async def submit(self, order: Order, *, deadline: float | None = None) -> BrokerOrder:
        """POST /v2/orders; a client order id Alpaca already has returns that order."""
        self._check(order.account_id)
        self._ledger.remember(order)
        body = msgspec.to_builtins(wire.OrderRequest.from_domain(order))
        try:
            response = await self._http.request("POST", "/v2/orders", json=body, deadline=deadline)
        except AlpacaHttpError as exc:
            if exc.status == 422 and "client_order_id" in exc.message.lower():
                return await self._by_client_id(order, deadline)
            raise broker_error(exc, "submit") from exc
        placed = self._decode(response, wire.ORDER, "submit")
        self._ledger.acknowledged(placed.client_order_id, placed.id)
        result = placed.to_domain(order.account_id)
        if result.status is BrokerOrderStatus.REJECTED:
            raise BrokerError(BrokerErrorCode.REJECTED, f"alpaca rejected {order.client_order_id}")
        return result

    async def cancel(
        self, account_id: str, broker_order_id: str, *, deadline: float | None = None
    ) -> CancelResult:
        """DELETE /v2/orders/{id}: 404 -> NOT_FOUND, 422 (not cancelable) -> REJECTED."""
        self._check(account_id)
        path = f"/v2/orders/{quote(broker_order_id, safe='')}"
        try:
            await self._http.request("DELETE", path, deadline=deadline)
        except AlpacaHttpError as exc:
            if exc.status in (404, 422):
                error = error_code(exc.status, exc.message).value
                return CancelResult(broker_order_id, ok=False, error=error)
            raise broker_error(exc, "cancel") from exc
        return CancelResult(broker_order_id, ok=True)

    async def cancel_all(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[CancelResult]:
        """DELETE /v2/orders: one result per order from the 207 multi-status answer."""
        self._check(account_id)
        items = await self._call("DELETE", "/v2/orders", wire.CANCELS, "cancel_all", deadline)
        return [
            CancelResult(item.id, ok=True)
            if 200 <= item.status < 300
            else CancelResult(
                item.id,
                ok=False,
                error=error_code(item.status, wire.error_message(item.body, item.status)).value,
            )
            for item in items
        ]

    async def close_all(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[CloseResult]:
        """DELETE /v2/positions?cancel_orders=true: one result per symbol, with the reason."""
        self._check(account_id)
        items = await self._call(
            "DELETE",
            "/v2/positions",
            wire.CLOSES,
            "close_all",
            deadline,
            params={"cancel_orders": "true"},
        )
        results: list[CloseResult] = []
        for item in items:
            if 200 <= item.status < 300:
                placed = wire.order_body(item.body)
                order = placed.to_domain(account_id) if placed is not None else None
                results.append(CloseResult(item.symbol, ok=True, order=order))
            else:
                message = wire.error_message(item.body, item.status)
                reason = f"{error_code(item.status, message).value}: {message}"
                results.append(CloseResult(item.symbol, ok=False, error=reason))
        return results

    async def open_orders(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[BrokerOrder]:
        """GET /v2/orders?status=open, every page (oldest first)."""
        self._check(account_id)
        page = self._config.orders_page
        params: dict[str, Any] = {
            "status": "open",
            "limit": page,
            "direction": "asc",
            "nested": "false",
        }
        found: dict[str, wire.AlpacaOrder] = {}
        for _ in range(self._config.max_pages):
            batch = await self._call(
                "GET", "/v2/orders", wire.ORDERS, "open_orders", deadline, params=params
            )
            new = [o for o in batch if o.id not in found]
            found.update((o.id, o) for o in new)
            if len(batch) < page or not new or new[-1].submitted_at is None:
                break
            # `after` is exclusive: step back so orders sharing the last timestamp are kept.
            params = {**params, "after": _just_before(new[-1].submitted_at)}
        return [o.to_domain(account_id) for o in found.values()]

    async def positions(
        self, account_id: str, *, deadline: float | None = None
    ) -> list[BrokerPosition]:
        self._check(account_id)
        held = await self._call("GET", "/v2/positions", wire.POSITIONS, "positions", deadline)
        return [p.to_domain(account_id) for p in held if p.qty != 0]

    async def account(self, account_id: str, *, deadline: float | None = None) -> BrokerAccount:
        self._check(account_id)
        found = await self._call("GET", "/v2/account", wire.ACCOUNT, "account", deadline)
        return found.to_domain(account_id)

    async def fills(self, account_id: str, *, deadline: float | None = None) -> list[Fill]:
        """Executions not returned before: the stream's, plus REST when the stream is not up."""
        self._check(account_id)
        if self._config.stream:
            self._stream.start()
        if not self._stream.listening or self._ledger.needs_catch_up:
            # Cleared before the poll: a (re)connect while it runs asks for another one.
            self._ledger.needs_catch_up = False
            try:
                await self._poll_activities(deadline)
            except BrokerError:
                self._ledger.needs_catch_up = True
                raise
        return self._ledger.drain(account_id)

    async def order_by_client_id(
        self, account_id: str, client_order_id: str, *, deadline: float | None = None
    ) -> BrokerOrder | None:
        """GET /v2/orders:by_client_order_id: the order, open or closed; 404 -> None."""
        self._check(account_id)
        try:
            response = await self._http.request(
                "GET",
                "/v2/orders:by_client_order_id",
                params={"client_order_id": client_order_id},
                deadline=deadline,
            )
        except AlpacaHttpError as exc:
            if exc.status == 404:
                return None
            raise broker_error(exc, "order_by_client_id") from exc
        found = self._decode(response, wire.ORDER, "order_by_client_id")
        self._ledger.acknowledged(found.client_order_id, found.id)
        return found.to_domain(account_id)

    # -- internals -------------------------------------------------------------
    def _check(self, account_id: str) -> None:
        if self._accounts is not None and account_id not in self._accounts:
            raise BrokerError(
                BrokerErrorCode.NOT_FOUND, f"account {account_id} is not served by this Alpaca key"
            )

    async def _call(
        self,
        method: str,
        path: str,
        decoder: msgspec.json.Decoder[T],
        action: str,
        deadline: float | None,
        *,
        params: dict[str, Any] | None = None,
    ) -> T:
        try:
            response = await self._http.request(method, path, params=params, deadline=deadline)
        except AlpacaHttpError as exc:
            raise broker_error(exc, action) from exc
        return self._decode(response, decoder, action)

    def _decode(self, response: httpx.Response, decoder: msgspec.json.Decoder[T], action: str) -> T:
        try:
            return decode(response, decoder)
        except AlpacaHttpError as exc:
            raise broker_error(exc, action) from exc

    async def _by_client_id(self, order: Order, deadline: float | None) -> BrokerOrder:
        found = await self._call(
            "GET",
            "/v2/orders:by_client_order_id",
            wire.ORDER,
            "submit",
            deadline,
            params={"client_order_id": order.client_order_id},
        )
        self._ledger.acknowledged(found.client_order_id, found.id)
        return found.to_domain(order.account_id)

    async def _poll_activities(self, deadline: float | None) -> None:
        size = self._config.activities_page
        params: dict[str, Any] = {
            "after": self._ledger.since.isoformat(),
            "direction": "asc",
            "page_size": size,
        }
        for _ in range(self._config.max_pages):
            page = await self._call(
                "GET",
                "/v2/account/activities/FILL",
                wire.ACTIVITIES,
                "fills",
                deadline,
                params=params,
            )
            self._ledger.on_activities(page)
            if len(page) < size:
                return
            params = {**params, "page_token": page[-1].id}

    def _on_update(self, update: wire.TradeUpdate) -> None:
        self._ledger.on_update(update, self._clock.now())

    def _on_listening(self) -> None:
        self._ledger.needs_catch_up = True


def connect_alpaca_broker(
    credentials: AlpacaCredentials,
    clock: Clock,
    *,
    base_url: str,
    accounts: frozenset[str] | None = None,
    config: AlpacaBrokerConfig | None = None,
) -> AlpacaBroker:
    """An AlpacaBroker on the trading API at `base_url`, its trade stream derived from it."""
    http = AlpacaHttp(base_url, credentials, provider_name="alpaca", clock=clock)
    return AlpacaBroker(
        http,
        credentials,
        clock,
        stream_url=trading_stream_url(base_url),
        accounts=accounts,
        config=config,
    )


class DeadlineBoundBroker:
    """An AlpacaBroker (or the vaulted brokers of many key pairs) whose every call carries
    one absolute deadline."""

    def __init__(self, broker: AlpacaBroker | VaultedAlpacaBrokers, deadline: float) -> None:
        self._broker = broker
        self._deadline = deadline
        self.name = broker.name
        self.acceptance_window_s = broker.acceptance_window_s

    async def submit(self, order: Order) -> BrokerOrder:
        return await self._broker.submit(order, deadline=self._deadline)

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        return await self._broker.cancel(account_id, broker_order_id, deadline=self._deadline)

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        return await self._broker.cancel_all(account_id, deadline=self._deadline)

    async def close_all(self, account_id: str) -> list[CloseResult]:
        return await self._broker.close_all(account_id, deadline=self._deadline)

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        return await self._broker.open_orders(account_id, deadline=self._deadline)

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        return await self._broker.positions(account_id, deadline=self._deadline)

    async def account(self, account_id: str) -> BrokerAccount:
        return await self._broker.account(account_id, deadline=self._deadline)

    async def fills(self, account_id: str) -> list[Fill]:
        return await self._broker.fills(account_id, deadline=self._deadline)

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        return await self._broker.order_by_client_id(
            account_id, client_order_id, deadline=self._deadline
        )


def _just_before(moment: datetime) -> str:
    return (moment - timedelta(microseconds=1)).isoformat()
