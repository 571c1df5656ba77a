"""The Interactive Brokers broker: BrokerPort over the Client Portal Gateway, through ibind."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ibind import QuestionType  # type: ignore[import-untyped]

from adapters.brokers.ibkr import wire
from adapters.brokers.ibkr.errors import duplicate
from adapters.brokers.ibkr.gateway import IbkrGateway, connect_client
from adapters.brokers.venue_account import VenueAccountBroker
from domain.trading.fills import Fill
from domain.trading.orders import Order, OrderType, Side
from ports.core.clock import Clock
from ports.trading.broker import (
    BrokerAccount,
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerOrderStatus,
    BrokerPosition,
    CancelResult,
    CloseResult,
)

ZERO = Decimal(0)


def confirmed_warnings() -> dict[Any, bool]:
    """The gateway's precautionary questions (ibind's QuestionType: price constraint, missing
    market data, size and value limits, market and stop order risks, ...) confirmed: the
    risk gate passed the order already. A question not among them refuses the order."""
    return dict.fromkeys(QuestionType, True)


@dataclass(frozen=True, slots=True)
class IbkrBrokerConfig:
    """What the IBKR broker trades and how.

    conids: explicit Bulwark symbol -> IBKR contract id; other symbols are looked up once
      with `/iserver/secdef/search` (its first stock contract) and remembered.
    answers: the order questions confirmed (ibind's Answers: a QuestionType or a message's
      text -> True); see `confirmed_warnings`.
    currency: the account's base currency when the summary names none.
    trade_days: the days of executions `fills` asks `/iserver/account/trades` for (1..7).
    outside_rth: whether orders may fill outside regular trading hours.
    """

    conids: Mapping[str, int] = field(default_factory=dict)
    answers: Mapping[Any, bool] = field(default_factory=confirmed_warnings)
    currency: str = "USD"
    trade_days: int = 1
    outside_rth: bool = False


@dataclass(slots=True)
class _Ledger:
    """What the broker learnt from its own calls, shared by every `within()` view."""

    conids: dict[str, int] = field(default_factory=dict)  # Bulwark symbol -> conid
    symbols: dict[int, str] = field(default_factory=dict)  # conid -> Bulwark symbol
    order_ids: dict[str, str] = field(default_factory=dict)  # client order id -> Bulwark id
    seen: set[str] = field(default_factory=set)  # execution ids returned as fills
    # IBKR order ids working as last known: the last listing's, and those placed since
    working: set[str] = field(default_factory=set)


class IbkrBroker(VenueAccountBroker):
    """A BrokerPort for one IBKR account behind one Client Portal Gateway session: the
    Bulwark accounts routed here and `within(deadline)` as VenueAccountBroker says."""

    def __init__(
        self,
        gateway: IbkrGateway,
        clock: Clock,
        *,
        accounts: frozenset[str] | None = None,
        config: IbkrBrokerConfig | None = None,
        name: str = "ibkr",
    ) -> None:
        super().__init__(accounts, name)
        self._gateway = gateway
        self._config = config or IbkrBrokerConfig()
        self._ledger = _Ledger()
        for symbol, conid in self._config.conids.items():
            self._remember(symbol, int(conid))
        self._closing = itertools.count(1)
        self._started = int(clock.now().timestamp())

    @property
    def gateway(self) -> IbkrGateway:
        return self._gateway

    async def warm(self) -> None:
        """List the accounts now (IBKR asks it before order and portfolio calls) and start
        keeping the session alive; a failure is the next call's to retry."""
        self._gateway.keep_alive()
        await self._call("warm", lambda client: None)

    async def aclose(self) -> None:
        await self._gateway.aclose()

    # -- BrokerPort ------------------------------------------------------------------------
    async def submit(self, order: Order) -> BrokerOrder:
        """Place the order with its client order id (cOID), confirming the gateway's
        questions; a cOID the gateway already has returns that order."""
        self._check(order.account_id)
        self._ledger.order_ids[order.client_order_id] = order.id
        return await self._place(wire.OrderTerms.of(order))

    async def _place(self, order: wire.OrderTerms) -> BrokerOrder:
        if order.time_in_force not in wire.TIME_IN_FORCE:
            raise BrokerError(
                BrokerErrorCode.REJECTED,
                f"{self.name} submit: time in force {order.time_in_force.value} is not offered "
                "by IBKR's Web API (day, gtc, ioc)",
            )
        conid = await self._conid(order.symbol)
        body = wire.order_body(
            order, conid, self._gateway.account, outside_rth=self._config.outside_rth
        )
        try:
            found = await self._gateway.place(body, self._config.answers, self._deadline)
        except BrokerError as exc:
            if not duplicate(exc):
                raise
            again = await self._by_client_id(order.account_id, order.client_order_id, "submit")
            if again is None:
                raise
            return again
        ack = found[0] if isinstance(found, list) and found else found
        if not isinstance(ack, dict) or "order_id" not in ack:
            raise BrokerError(
                BrokerErrorCode.UNAVAILABLE,
                f"{self.name} submit: the gateway's answer names no order ({str(found)[:120]})",
            )
        placed = wire.placed_order(ack, order)
        if placed.status is BrokerOrderStatus.REJECTED:
            raise BrokerError(
                BrokerErrorCode.REJECTED,
                f"{self.name} submit: {order.client_order_id} {ack.get('order_status')}",
            )
        if placed.status.is_open:
            self._ledger.working.add(placed.broker_order_id)
        return placed

    async def cancel(self, account_id: str, broker_order_id: str) -> CancelResult:
        """DELETE the order; one the gateway will not cancel is told apart by the live orders:
        not listed is NOT_FOUND, listed and no longer working is REJECTED."""
        self._check(account_id)
        return await self._cancel_one(account_id, broker_order_id)

    async def cancel_all(self, account_id: str) -> list[CancelResult]:
        """Each working order's cancel, sent together: a kill switch waits about one round
        trip. When IBKR's pacing keeps the live orders from being listed now (or the listing
        is rate-limited), the gateway's own cancel-all at once instead (`_cancel_every_order`):
        the cancels never wait on the pacing, even where the deadline would allow it."""
        self._check(account_id)
        if not self._gateway.due("orders"):
            return await self._cancel_every_order()
        try:
            working = await self.open_orders(account_id)
        except BrokerError as exc:
            if exc.code is not BrokerErrorCode.RATE_LIMITED:
                raise
            return await self._cancel_every_order()
        return list(
            await asyncio.gather(
                *(self._cancel_one(account_id, o.broker_order_id, known=True) for o in working)
            )
        )

    async def _cancel_every_order(self) -> list[CancelResult]:
        """DELETE order id -1, IBKR's cancel of every open order. It names no order: the
        results are the orders this broker last knew working (the last listing's and those
        placed since), acknowledged or refused together."""
        known = sorted(self._ledger.working)
        account = self._gateway.account
        try:
            answer = await self._call(
                "cancel_all", lambda client: client.delete(f"iserver/account/{account}/order/-1")
            )
        except BrokerError as exc:
            return [CancelResult(i, ok=False, error=exc.code.value) for i in known]
        if isinstance(answer.data, dict) and "error" in answer.data:
            return [CancelResult(i, ok=False, error=BrokerErrorCode.REJECTED.value) for i in known]
        self._ledger.working.clear()
        return [CancelResult(i, ok=True) for i in known]

    async def close_all(self, account_id: str) -> list[CloseResult]:
        """Cancel every working order, then a market order per position."""
        self._check(account_id)
        await self.cancel_all(account_id)
        return [await self._close(account_id, held) for held in await self.positions(account_id)]

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        self._check(account_id)
        listed = [self._listed(found, account_id) for found in await self._live("open_orders")]
        return [order for order in listed if order.status.is_open]

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        self._check(account_id)
        account = self._gateway.account
        found = await self._call(
            "positions", lambda client: client.get(f"portfolio/{account}/positions/0").data
        )
        held = (wire.position(p, account_id, self._symbol_of(p)) for p in found or [])
        return [p for p in held if p is not None]

    async def account(self, account_id: str) -> BrokerAccount:
        self._check(account_id)
        account = self._gateway.account
        summary = await self._call("account", lambda client: client.portfolio_summary(account).data)
        return wire.account(summary or {}, account_id, self._config.currency)

    async def fills(self, account_id: str) -> list[Fill]:
        """Executions of the last `trade_days` not returned before, oldest first. Asked
        earlier than IBKR's pacing of its trades endpoint allows, there is nothing new yet."""
        self._check(account_id)
        if not self._gateway.due("trades"):
            return []
        days = str(self._config.trade_days)
        account = self._gateway.account
        trades = await self._gateway.paced(
            "trades",
            "fills",
            lambda client: client.trades(days=days, account_id=account).data,
            deadline=self._deadline,
        )
        found: list[Fill] = []
        for trade in trades or []:
            execution = str(trade["execution_id"])
            if execution in self._ledger.seen:
                continue
            self._ledger.seen.add(execution)
            reference = str(trade.get("order_ref") or trade.get("order_id") or "")
            order_id = self._ledger.order_ids.get(reference, reference)
            found.append(wire.fill(trade, order_id, account_id, self._symbol_of(trade)))
        return sorted(found, key=lambda f: f.at)

    # -- internals -------------------------------------------------------------------------
    async def _call(self, action: str, fn: Any, *args: Any) -> Any:
        return await self._gateway.call(action, fn, *args, deadline=self._deadline)

    async def _live(self, action: str) -> list[dict[str, Any]]:
        """`/iserver/account/orders`: the session's orders, working, filled and cancelled."""
        account = self._gateway.account
        found = await self._gateway.paced(
            "orders",
            action,
            lambda client: client.live_orders(account_id=account).data,
            deadline=self._deadline,
        )
        orders = list((found or {}).get("orders") or [])
        listed = (self._listed(o, self._gateway.account) for o in orders)
        self._ledger.working = {o.broker_order_id for o in listed if o.status.is_open}
        return orders

    def _listed(self, found: dict[str, Any], account_id: str) -> BrokerOrder:
        return wire.listed_order(found, account_id, self._symbol_of(found))

    async def _by_client_id(
        self, account_id: str, client_order_id: str, action: str
    ) -> BrokerOrder | None:
        """The live order whose `order_ref` is the client order id (the cOID it was sent with)."""
        for found in await self._live(action):
            if found.get("order_ref") == client_order_id:
                return self._listed(found, account_id)
        return None

    async def _cancel_one(
        self, account_id: str, broker_order_id: str, *, known: bool = False
    ) -> CancelResult:
        """DELETE one order; a refusal of one not `known` working is looked up (see cancel)."""
        account = self._gateway.account
        try:
            answer = await self._call(
                "cancel",
                lambda client: client.delete(f"iserver/account/{account}/order/{broker_order_id}"),
            )
        except BrokerError as exc:
            if exc.retryable:
                return CancelResult(broker_order_id, ok=False, error=exc.code.value)
            refused: str | None = exc.code.value
        else:
            data = answer.data if isinstance(answer.data, dict) else {}
            refused = None if "error" not in data else BrokerErrorCode.REJECTED.value
        if refused is None:
            return CancelResult(broker_order_id, ok=True)
        if not known:
            refused = await self._why_not_cancelled(account_id, broker_order_id, refused)
        return CancelResult(broker_order_id, ok=False, error=refused)

    async def _why_not_cancelled(self, account_id: str, broker_order_id: str, refused: str) -> str:
        """An order the live orders do not list is NOT_FOUND; one they list (filled meanwhile,
        or one the gateway will not cancel) was REJECTED. Without the listing, `refused`."""
        try:
            listed = await self._live("cancel")
        except BrokerError:
            return refused
        if any(str(found.get("orderId")) == broker_order_id for found in listed):
            return BrokerErrorCode.REJECTED.value
        return BrokerErrorCode.NOT_FOUND.value

    async def _close(self, account_id: str, held: BrokerPosition) -> CloseResult:
        side = Side.SELL if held.quantity > ZERO else Side.BUY
        client_order_id = f"bw-close-{self._started}-{next(self._closing)}"
        closing = wire.OrderTerms(
            client_order_id, account_id, held.symbol, side, OrderType.MARKET, abs(held.quantity)
        )
        try:
            order = await self._place(closing)
        except BrokerError as exc:
            return CloseResult(held.symbol, ok=False, error=f"{exc.code.value}: {exc.message}")
        return CloseResult(held.symbol, ok=True, order=order)

    async def _conid(self, symbol: str) -> int:
        """The symbol's contract id: the config's, else `/iserver/secdef/search`'s first
        stock (STK) contract, remembered."""
        known = self._ledger.conids.get(symbol)
        if known is not None:
            return known
        found = await self._call(
            "submit", lambda client: client.search_contract_by_symbol(symbol).data
        )
        for entry in found or []:
            sections = entry.get("sections") or []
            if entry.get("conid") and any(s.get("secType") == "STK" for s in sections):
                return self._remember(symbol, int(entry["conid"]))
        raise BrokerError(
            BrokerErrorCode.REJECTED, f"{self.name} submit: IBKR lists no stock named {symbol}"
        )

    def _remember(self, symbol: str, conid: int) -> int:
        self._ledger.conids[symbol] = conid
        self._ledger.symbols[conid] = symbol
        return conid

    def _symbol_of(self, found: dict[str, Any]) -> str:
        """The Bulwark symbol of an order, position or trade: by its conid when this broker
        looked it up, else IBKR's ticker."""
        conid = found.get("conid")
        if conid is not None:
            with_conid = self._ledger.symbols.get(int(conid))
            if with_conid is not None:
                return with_conid
        return str(found.get("ticker") or found.get("symbol") or found.get("contractDesc") or conid)


def connect_ibkr_broker(
    url: str,
    account: str,
    clock: Clock,
    *,
    verify: bool | str = True,
    config: IbkrBrokerConfig | None = None,
    accounts: frozenset[str] | None = None,
    timeout_s: float = 10.0,
    tickle_s: float = 60.0,
    pacing: Mapping[str, float] | None = None,
) -> IbkrBroker:
    """An IbkrBroker on the Client Portal Gateway at `url` for IBKR account `account`;
    `pacing` overrides IBKR's documented spacing of the endpoints it polls (gateway.PACING)."""
    client = connect_client(url, account, verify=verify, timeout_s=timeout_s)
    gateway = IbkrGateway(client, account, clock, tickle_s=tickle_s, pacing=pacing)
    return IbkrBroker(gateway, clock, accounts=accounts, config=config)
