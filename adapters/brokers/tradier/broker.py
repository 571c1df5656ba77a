"""The Tradier broker: BrokerPort over Tradier's brokerage API (US equities and options)."""

from __future__ import annotations

import asyncio
import copy
import itertools
from decimal import Decimal
from typing import TypeVar
from urllib.parse import quote

import httpx
import msgspec

from adapters.alpaca.http import AlpacaHttpError, decode
from adapters.brokers.alpaca.errors import broker_error as http_broker_error
from adapters.brokers.tradier import wire
from adapters.brokers.tradier.fills import OrderFills
from adapters.brokers.tradier.http import TradierHttp, TradierToken
from domain.trading.fills import Fill
from domain.trading.orders import Order, Side
from ports.core.clock import Clock
from ports.market_data.marketdata import RateLimitUsage
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

T = TypeVar("T")
ACCEPTANCE_WINDOW_S = 30.0
SENT_MEMORY = 50_000  # client order ids this process sent, remembered with their order ids
_FUNDS = ("buying power", "insufficient", "not enough")


def broker_error(exc: AlpacaHttpError, action: str) -> BrokerError:
    """The port's error for a failed Tradier call: Tradier refuses an order beyond the
    account's means with a 400 naming its buying power, told apart here."""
    error = http_broker_error(exc, action, vendor="tradier")
    if error.code is BrokerErrorCode.REJECTED and _about_funds(exc.message):
        return BrokerError(BrokerErrorCode.INSUFFICIENT_FUNDS, error.message)
    return error


class TradierBroker:
    """A BrokerPort for one Tradier brokerage account (one access token).

    Bulwark account ids map onto that account: with `accounts` given only those ids are
    served (others raise NOT_FOUND); with None every account routed to "tradier" is it.
    The client order id travels as the order's tag (see wire.to_tag). Tradier has no
    cancel-all, no close-all and no fills endpoint: they are built from its order list
    (each order's executed quantity), its positions and one DELETE per order.
    `within(deadline)` bounds each call by an absolute `clock.monotonic()` time.
    """

    name = "tradier"
    # Tradier lists an order it answered "ok" to at once; a retried send may still be
    # on its way: an order it does not know past this window never reached it.
    acceptance_window_s = ACCEPTANCE_WINDOW_S

    def __init__(
        self,
        http: TradierHttp,
        tradier_account: str,
        clock: Clock,
        *,
        accounts: frozenset[str] | None = None,
    ) -> None:
        self._http = http
        self._root = f"/accounts/{quote(tradier_account, safe='')}"
        self._clock = clock
        self._accounts = accounts
        self._fills = OrderFills(clock.now())
        # client order id -> Tradier order id (None: sent, its answer lost)
        self._sent: dict[str, str | None] = {}
        self._closing = itertools.count(1)
        self._deadline: float | None = None

    def within(self, deadline: float) -> BrokerPort:
        """This broker with every call bounded by `deadline` (see DeadlineBroker)."""
        view = copy.copy(self)
        view._deadline = deadline
        return view

    async def aclose(self) -> None:
        await self._http.aclose()

    def rate_limit(self) -> RateLimitUsage | None:
        """Tradier's request budget as its last answer gave it, None before any."""
        return self._http.rate_limit()

    # -- BrokerPort ------------------------------------------------------------------------
    async def submit(self, order: Order) -> BrokerOrder:
        """POST an order tagged with its client order id. Tradier does not refuse a repeated
        tag: a client order id this broker sent before returns that order when Tradier has
        it (found by its tag when the first answer was lost), and is sent only if not."""
        self._check(order.account_id)
        if order.client_order_id in self._sent:
            found = await self._sent_order(order.account_id, order.client_order_id, "submit")
            if found is not None:
                return found
        form = wire.order_form(
            order.symbol,
            order.side,
            order.quantity,
            order.client_order_id,
            held=await self._held(order.symbol),
            order_type=order.order_type,
            time_in_force=order.time_in_force,
            limit=order.limit_price,
            stop=order.stop_price,
        )
        self._fills.remember(order)
        self._remember(order.client_order_id, None)  # sent, whatever the answer
        broker_id = await self._place(form)
        self._remember(order.client_order_id, broker_id)
        self._fills.acknowledged(order.client_order_id, broker_id)
        placed = await self._placed_view(broker_id, order)
        if placed.status is BrokerOrderStatus.REJECTED:
            raise BrokerError(BrokerErrorCode.REJECTED, f"tradier rejected {order.client_order_id}")
        return placed

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        """DELETE the order. A refusal is told apart by looking the order up: unknown is
        NOT_FOUND, known (filled, canceled) REJECTED; a failed call is not ok with its code
        (BROKER_RATE_LIMITED, BROKER_UNAVAILABLE, ...), to be tried again."""
        self._check(account_id)
        try:
            await self._request("DELETE", f"/orders/{quote(broker_order_id, safe='')}")
        except AlpacaHttpError as exc:
            if exc.status in (400, 404):
                return CancelResult(
                    broker_order_id, ok=False, error=await self._why(broker_order_id)
                )
            return CancelResult(
                broker_order_id, ok=False, error=broker_error(exc, "cancel").code.value
            )
        return CancelResult(broker_order_id, ok=True)

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        """One DELETE per open order, sent together; each order's own outcome is returned
        (a refused or failed one as not ok, with the reason)."""
        self._check(account_id)
        listed = [o for o in await self._orders("cancel_all") if o.is_open]
        cancels = (self.cancel(account_id, order.broker_id) for order in listed)
        return list(await asyncio.gather(*cancels))

    async def close_all(self, account_id: str) -> list[CloseResult]:
        """Cancel every open order (it may hold the shares), then a market order per position."""
        self._check(account_id)
        await self.cancel_all(account_id)
        held = await self.positions(account_id)
        return [await self._close(account_id, position) for position in held]

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        self._check(account_id)
        listed = [o.to_domain(account_id) for o in await self._orders("open_orders")]
        return [o for o in listed if o.status.is_open]

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        self._check(account_id)
        return [p.to_domain(account_id) for p in await self._positions("positions")]

    async def account(self, account_id: str) -> BrokerAccount:
        self._check(account_id)
        found = await self._call("GET", "/balances", wire.BALANCES, "account")
        return found.balances.to_domain(account_id)

    async def fills(self, account_id: str) -> list[Fill]:
        """Executions not returned before, read off the order list's executed quantities."""
        self._check(account_id)
        self._fills.on_orders(await self._orders("fills"), self._clock.now())
        return self._fills.drain(account_id)

    async def order_by_client_id(self, account_id: str, client_order_id: str) -> BrokerOrder | None:
        """The newest listed order tagged with the client order id; None when none is."""
        self._check(account_id)
        return await self._sent_order(account_id, client_order_id, "order_by_client_id")

    # -- internals -------------------------------------------------------------------------
    def _check(self, account_id: str) -> None:
        if self._accounts is not None and account_id not in self._accounts:
            raise BrokerError(
                BrokerErrorCode.NOT_FOUND,
                f"account {account_id} is not served by this Tradier account",
            )

    async def _sent_order(
        self, account_id: str, client_order_id: str, action: str
    ) -> BrokerOrder | None:
        """The order of a client order id: by its Tradier id when its answer came, else the
        newest listed order tagged with it; None when Tradier has none."""
        broker_id = self._sent.get(client_order_id)
        if broker_id is not None:
            return (await self._order(broker_id, action)).to_domain(account_id)
        tagged = [o for o in await self._orders(action) if o.client_order_id == client_order_id]
        if not tagged:
            return None
        newest = max(tagged, key=lambda o: o.id)
        self._remember(client_order_id, newest.broker_id)
        self._fills.acknowledged(client_order_id, newest.broker_id)
        return newest.to_domain(account_id)

    def _remember(self, client_order_id: str, broker_order_id: str | None) -> None:
        self._sent[client_order_id] = broker_order_id
        while len(self._sent) > SENT_MEMORY:  # the oldest go first
            del self._sent[next(iter(self._sent))]

    async def _place(self, form: dict[str, str]) -> str:
        answer = await self._call("POST", "/orders", wire.PLACED, "submit", data=form)
        refused = wire.refusal(answer)
        if refused is not None or answer.order is None:
            code = BrokerErrorCode.INSUFFICIENT_FUNDS if _about_funds(refused or "") else None
            raise BrokerError(code or BrokerErrorCode.REJECTED, f"tradier submit: {refused}")
        return str(answer.order.id)

    async def _placed_view(self, broker_id: str, order: Order) -> BrokerOrder:
        """The placed order as Tradier lists it; if that look-up fails for now, the order as
        sent, accepted (the "ok" answer is Tradier's acceptance)."""
        try:
            return (await self._order(broker_id, "submit")).to_domain(order.account_id)
        except BrokerError as exc:
            if not exc.retryable:
                raise
        return BrokerOrder(
            broker_order_id=broker_id,
            client_order_id=order.client_order_id,
            account_id=order.account_id,
            symbol=order.symbol,
            side=order.side,
            order_type=order.order_type,
            quantity=order.quantity,
            filled_quantity=wire.ZERO,
            status=BrokerOrderStatus.ACCEPTED,
            limit_price=order.limit_price,
            stop_price=order.stop_price,
        )

    async def _close(self, account_id: str, held: BrokerPosition) -> CloseResult:
        side = Side.SELL if held.quantity > wire.ZERO else Side.BUY
        client_order_id = f"bw-close-{int(self._clock.now().timestamp())}-{next(self._closing)}"
        try:
            form = wire.order_form(
                held.symbol, side, abs(held.quantity), client_order_id, held=held.quantity
            )
            broker_id = await self._place(form)
            self._remember(client_order_id, broker_id)
            order = await self._order(broker_id, "close_all")
        except BrokerError as exc:
            return CloseResult(held.symbol, ok=False, error=f"{exc.code.value}: {exc.message}")
        return CloseResult(held.symbol, ok=True, order=order.to_domain(account_id))

    async def _why(self, broker_order_id: str) -> str:
        """Why Tradier refused to cancel an order: unknown to it, or no longer open."""
        try:
            await self._order(broker_order_id, "cancel")
        except BrokerError as exc:
            # Tradier answers an id it does not have with a 400 or a 404.
            return BrokerErrorCode.NOT_FOUND.value if not exc.retryable else exc.code.value
        return BrokerErrorCode.REJECTED.value

    async def _held(self, symbol: str) -> Decimal:
        held = {p.symbol: p.quantity for p in await self._positions("submit")}
        return held.get(symbol, wire.ZERO)

    async def _positions(self, action: str) -> list[wire.TradierPosition]:
        return (await self._call("GET", "/positions", wire.POSITIONS, action)).listed()

    async def _orders(self, action: str) -> list[wire.TradierOrder]:
        found = await self._call(
            "GET", "/orders", wire.ORDERS, action, params={"includeTags": "true"}
        )
        return found.listed()

    async def _order(self, broker_order_id: str, action: str) -> wire.TradierOrder:
        path = f"/orders/{quote(broker_order_id, safe='')}"
        found = await self._call("GET", path, wire.ORDER, action, params={"includeTags": "true"})
        return found.order

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        data: dict[str, str] | None = None,
    ) -> httpx.Response:
        return await self._http.request(
            method, self._root + path, params=params, data=data, deadline=self._deadline
        )

    async def _call(
        self,
        method: str,
        path: str,
        decoder: msgspec.json.Decoder[T],
        action: str,
        *,
        params: dict[str, str] | None = None,
        data: dict[str, str] | None = None,
    ) -> T:
        try:
            response = await self._request(method, path, params=params, data=data)
            return decode(response, decoder)
        except AlpacaHttpError as exc:
            raise broker_error(exc, action) from exc


def connect_tradier_broker(
    token: str,
    tradier_account: str,
    clock: Clock,
    *,
    base_url: str,
    accounts: frozenset[str] | None = None,
) -> TradierBroker:
    """A TradierBroker for `tradier_account` on the API at `base_url` (sandbox, live or a
    test server)."""
    http = TradierHttp(base_url, TradierToken(token), clock=clock)
    return TradierBroker(http, tradier_account, clock, accounts=accounts)


def _about_funds(message: str) -> bool:
    lowered = message.lower()
    return any(words in lowered for words in _FUNDS)
