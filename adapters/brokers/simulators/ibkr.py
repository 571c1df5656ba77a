"""A simulator of Interactive Brokers' Client Portal Gateway (Web API v1), its routes on a
venue server (server.py), for the IBKR broker over ibind.

It answers, under /v1/api, the documented endpoints and response shapes
(interactivebrokers.com/campus/ibkr-api-page/cpapi-v1):

- POST /iserver/auth/status: {authenticated, competing, connected, message, serverInfo};
- POST /tickle: {session, iserver: {authStatus: {authenticated, competing, connected}}};
- GET /iserver/accounts: {accounts, selectedAccount}; GET /portfolio/accounts: [{id, ...}]
  (an order or portfolio call before them answers 400 "Please query /accounts first");
- GET /iserver/secdef/search?symbol=: [{conid (a string), companyName, symbol, description,
  sections: [{secType}]}];
- POST /iserver/account/{accountId}/orders with {"orders": [{acctId, conid, secType, cOID,
  orderType (MKT, LMT, STP, STOP_LIMIT), side, quantity, price, auxPrice, tif}]}: either the
  order's acknowledgement [{order_id, order_status, encrypt_message}] or a question
  [{id, message: [text], isSuppressed, messageIds}] that POST /iserver/reply/{replyId}
  with {"confirmed": true} answers (the next question, or the acknowledgement). A market
  order is asked o10151 (market order risks), a limit more than 3% from the last price o163
  (the percentage constraint); `questions` adds others. Refusals are {"error": text}: a cOID
  the session has ("Local order ID=... is already registered"), a margin shortfall ("YOUR
  EQUITY WITH LOAN VALUE ... MUST EXCEED THE INITIAL MARGIN"), a stop with IOC;
- DELETE /iserver/account/{accountId}/order/{orderId}: {msg: "Request was submitted",
  order_id, conid, account}, or {"error": "OrderID ... doesn't exist"} for an order that is
  not working (never placed, filled or cancelled); order id -1 cancels every working order
  (the documented cancel-all; its answer here names no order);
- GET /iserver/account/orders: {orders: [{acct, conid, orderId, order_ref (the cOID), ticker,
  side, totalSize, filledQuantity, remainingQuantity, status (Submitted, PreSubmitted,
  Filled, Cancelled, Inactive), origOrderType, price, auxPrice, avgPrice, timeInForce}],
  snapshot: true};
- GET /iserver/account/trades?days=: [{execution_id, symbol, side (B or S), size, price (a
  string), order_ref, commission (a string), trade_time_r, conid, account}];
- GET /portfolio/{accountId}/positions/0: [{acctId, conid, contractDesc, ticker, position,
  mktPrice, mktValue, avgCost, avgPrice, currency, assetClass}];
- GET /portfolio/{accountId}/summary: {totalcashvalue, netliquidation, buyingpower, ...},
  each {amount, currency, isNull, timestamp}.

The gateway knows AAPL and MSFT (CONIDS); `list_contract` adds a stock (the venue drill's
instrument). IBKR's numbers are JSON numbers (floats) except where it sends strings, as here.
`lapse()` ends the session (every /iserver and /portfolio call answers 401 until `login()`),
and RATE_LIMITED is the gateway's 429. Market orders fill at once at the last price; resting
orders fill when `set_price` reaches them; the account is a margin account (shorts allowed)
whose buying power is its cash less what its working buys would spend. It answers every
call at once: IBKR's pacing is the broker's to keep (adapters/brokers/ibkr/gateway.py).
"""

from __future__ import annotations

import itertools
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from adapters.brokers.simulators.server import Reply, Request, VenueServer

D = Decimal
ZERO = D(0)
ACCOUNT_ID = "U1234567"
API = "/v1/api"
CONIDS = {"AAPL": 265598, "MSFT": 272093}
WORKING = frozenset({"Submitted", "PreSubmitted"})
MARKET_RISKS = (
    "o10151",
    "A Market Order is an instruction to trade your order at any available price. Market "
    "orders may execute at prices away from the last price. Are you sure you want to submit "
    "this order?",
)
RATE_LIMITED = Reply(429, raw=b"Too Many Requests", headers={"content-type": "text/plain"})


def error(text: str, status: int = 200) -> Reply:
    """The gateway's refusal: {"error": text} (in a 200 where IBKR sends one)."""
    return Reply(status, {"error": text})


@dataclass(slots=True)
class SimulatedOrder:
    id: int
    coid: str
    conid: int
    side: str  # BUY | SELL
    kind: str  # MKT, LMT, STP, STOP_LIMIT
    quantity: Decimal
    limit: Decimal | None
    stop: Decimal | None
    tif: str
    status: str = "Submitted"
    filled: Decimal = ZERO
    cost: Decimal = ZERO

    @property
    def working(self) -> bool:
        return self.status in WORKING

    @property
    def buy(self) -> bool:
        return self.side == "BUY"


@dataclass(slots=True)
class Held:
    quantity: Decimal = ZERO
    average: Decimal = ZERO


@dataclass(slots=True)
class IbkrGatewaySimulator:
    """The gateway's state and routes; `install` puts them on a server under /v1/api."""

    cash: Decimal = ZERO
    account: str = ACCOUNT_ID
    conids: dict[str, int] = field(default_factory=lambda: dict(CONIDS))  # symbol -> conid
    prices: dict[int, Decimal] = field(default_factory=dict)  # conid -> last price
    orders: dict[int, SimulatedOrder] = field(default_factory=dict)
    positions: dict[int, Held] = field(default_factory=dict)
    trades: list[dict[str, Any]] = field(default_factory=list)
    # (message id, text) asked of every order before those of its kind
    questions: list[tuple[str, str]] = field(default_factory=list)
    # order ids that fill at the last price as their cancel arrives (the race a cancel loses)
    filling_on_cancel: set[int] = field(default_factory=set)
    authenticated: bool = True
    accounts_listed: bool = False
    replies: dict[str, tuple[SimulatedOrder, list[tuple[str, str]]]] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1_800_000_001))

    def install(self, server: VenueServer) -> None:
        routes = [
            ("POST", "/iserver/auth/status", self._auth_status),
            ("POST", "/tickle", self._tickle),
            ("GET", "/iserver/accounts", self._iserver_accounts),
            ("GET", "/portfolio/accounts", self._portfolio_accounts),
            ("GET", "/iserver/secdef/search", self._search),
            ("POST", "/iserver/account/{account}/orders", self._place),
            ("POST", "/iserver/reply/{reply}", self._reply),
            ("DELETE", "/iserver/account/{account}/order/{order}", self._cancel),
            ("GET", "/iserver/account/orders", self._live_orders),
            ("GET", "/iserver/account/trades", self._trades),
            ("GET", "/iserver/account/trades/", self._trades),  # ibind's path ends in "/"
            ("GET", "/portfolio/{account}/positions/0", self._positions),
            ("GET", "/portfolio/{account}/summary", self._summary),
        ]
        for method, path, handler in routes:
            server.route(method, API + path, self._session(path, handler))

    # -- controls ----------------------------------------------------------------------
    def list_contract(self, symbol: str, conid: int) -> None:
        """Make `symbol` a stock the gateway knows, as contract `conid`."""
        self.conids[symbol] = conid

    def fund(self, amount: Decimal) -> None:
        self.cash += amount

    async def set_price(self, symbol: str, price: Decimal) -> None:
        conid = self.conids[symbol]
        self.prices[conid] = D(price)
        for order in [o for o in self.orders.values() if o.conid == conid and o.working]:
            self._match(order)

    def lapse(self) -> None:
        """The brokerage session ends (a timeout, a login elsewhere)."""
        self.authenticated = False
        self.accounts_listed = False

    def login(self) -> None:
        self.authenticated = True

    def working(self) -> list[SimulatedOrder]:
        return [o for o in self.orders.values() if o.working]

    # -- session -----------------------------------------------------------------------
    def _session(self, path: str, handler: Any) -> Any:
        guarded = path.startswith(("/iserver/", "/portfolio/")) and path != "/iserver/auth/status"
        needs_accounts = path.startswith(("/iserver/account/", "/portfolio/{account}"))

        def answer(request: Request) -> Reply:
            if guarded and not self.authenticated:
                return Reply(401, raw=b"", headers={"content-type": "text/plain"})
            if needs_accounts and not self.accounts_listed:
                return error("Please query /accounts first", 400)
            reply: Reply = handler(request)
            return reply

        return answer

    def _auth(self) -> dict[str, Any]:
        return {
            "authenticated": self.authenticated,
            "competing": False,
            "connected": True,
            "message": "",
            "MAC": "98:F2:B3:23:BF:A0",
            "serverInfo": {"serverName": "JifN19053", "serverVersion": "Build 10.25.0p"},
        }

    def _auth_status(self, _: Request) -> Reply:
        return Reply(200, {**self._auth(), "fail": ""})

    def _tickle(self, _: Request) -> Reply:
        body = {
            "session": "bb665d0f55b6289d70bc3d089a2d8f0b",
            "ssoExpires": 460311,
            "collission": False,
            "userId": 123456789,
            "iserver": {"authStatus": self._auth()},
        }
        return Reply(200, body)

    def _iserver_accounts(self, _: Request) -> Reply:
        self.accounts_listed = True
        return Reply(200, {"accounts": [self.account], "selectedAccount": self.account})

    def _portfolio_accounts(self, _: Request) -> Reply:
        shown = {"id": self.account, "accountId": self.account, "currency": "USD"}
        return Reply(200, [{**shown, "type": "INDIVIDUAL", "tradingType": "STKMRGN"}])

    def _search(self, request: Request) -> Reply:
        symbol = request.params.get("symbol", "")
        if symbol not in self.conids:
            return Reply(200, [])
        found = {
            "conid": str(self.conids[symbol]),
            "companyHeader": f"{symbol} INC - NASDAQ",
            "companyName": f"{symbol} INC",
            "symbol": symbol,
            "description": "NASDAQ",
            "restricted": None,
            "sections": [{"secType": "STK"}, {"secType": "OPT", "months": "JAN27"}],
        }
        return Reply(200, [found])

    # -- orders ------------------------------------------------------------------------
    def _place(self, request: Request) -> Reply:
        [wanted] = request.json()["orders"]
        coid = str(wanted.get("cOID") or "")
        if coid and any(o.coid == coid for o in self.orders.values()):
            return error(
                f"Order couldn't be submitted: Local order ID={coid} is already registered."
            )
        kind, tif = wanted["orderType"], wanted.get("tif", "DAY")
        if kind in ("STP", "STOP_LIMIT") and tif == "IOC":
            return error(f"Invalid time in force {tif} for order type {kind}")
        price, aux = wanted.get("price"), wanted.get("auxPrice")
        trigger = aux if kind == "STOP_LIMIT" else price
        order = SimulatedOrder(
            id=next(self._ids),
            coid=coid or uuid.uuid4().hex,
            conid=int(wanted["conid"]),
            side=wanted["side"],
            kind=kind,
            quantity=D(str(wanted["quantity"])),
            limit=D(str(price)) if price is not None and kind in ("LMT", "STOP_LIMIT") else None,
            stop=D(str(trigger)) if kind in ("STP", "STOP_LIMIT") else None,
            tif=tif,
        )
        return self._ask(order, [*self.questions, *self._precautions(order)])

    def _precautions(self, order: SimulatedOrder) -> list[tuple[str, str]]:
        last = self.prices.get(order.conid)
        if order.kind == "MKT":
            return [MARKET_RISKS]
        if order.limit is not None and last and abs(order.limit - last) / last > D("0.03"):
            text = (
                f'The following order "{order.side} {order.quantity} {order.conid} NASDAQ.NMS @ '
                f'{order.limit}" price exceeds \nthe Percentage constraint of 3%.\nAre you sure '
                "you want to submit this order?"
            )
            return [("o163", text)]
        return []

    def _ask(self, order: SimulatedOrder, questions: list[tuple[str, str]]) -> Reply:
        if not questions:
            return self._accept(order)
        (message_id, text), rest = questions[0], questions[1:]
        reply_id = str(uuid.uuid4())
        self.replies[reply_id] = (order, rest)
        ask = {"id": reply_id, "message": [text], "isSuppressed": False, "messageIds": [message_id]}
        return Reply(200, [ask])

    def _reply(self, request: Request) -> Reply:
        pending = self.replies.pop(request.path_params["reply"], None)
        if pending is None:
            return error("reply id not found", 400)
        if not (request.json() or {}).get("confirmed"):
            return Reply(200, [{"order_id": str(pending[0].id), "order_status": "Cancelled"}])
        return self._ask(*pending)

    def _accept(self, order: SimulatedOrder) -> Reply:
        if order.buy and order.quantity * self._price_of(order) > self._buying_power():
            needed = order.quantity * self._price_of(order)
            return error(
                "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE "
                f"DESIRED POSITION YOUR EQUITY WITH LOAN VALUE [{self.cash} USD] MUST EXCEED "
                f"THE INITIAL MARGIN [{needed} USD]"
            )
        if order.kind in ("STP", "STOP_LIMIT"):
            order.status = "PreSubmitted"  # held at IBKR until triggered
        self.orders[order.id] = order
        self._match(order)
        if order.working and (order.kind == "MKT" or order.tif == "IOC"):
            order.status = "Cancelled"
        ack = {"order_id": str(order.id), "order_status": order.status, "encrypt_message": "1"}
        return Reply(200, [ack])

    def _symbol(self, conid: int) -> str:
        return next(s for s, c in self.conids.items() if c == conid)

    def _price_of(self, order: SimulatedOrder) -> Decimal:
        return order.limit if order.limit is not None else self.prices.get(order.conid, ZERO)

    def _buying_power(self) -> Decimal:
        reserved = sum(
            ((o.quantity - o.filled) * self._price_of(o) for o in self.working() if o.buy), ZERO
        )
        return self.cash - reserved

    def _match(self, order: SimulatedOrder) -> None:
        price = self.prices.get(order.conid)
        if price is None or not _reaches(order, price):
            return
        self._fill(order, price)

    def _fill(self, order: SimulatedOrder, price: Decimal) -> None:
        size = order.quantity - order.filled
        order.filled += size
        order.cost += size * price
        order.status = "Filled"
        self._book(order, size, price)

    def _book(self, order: SimulatedOrder, size: Decimal, price: Decimal) -> None:
        signed = size if order.buy else -size
        self.cash -= signed * price
        held = self.positions.setdefault(order.conid, Held())
        after = held.quantity + signed
        if after == ZERO:
            del self.positions[order.conid]
        elif held.quantity == ZERO or (held.quantity > 0) != (after > 0):
            held.average = price  # opened, or flipped through flat
        elif (held.quantity > 0) == (signed > 0):
            held.average = (held.quantity * held.average + signed * price) / after
        held.quantity = after
        symbol = self._symbol(order.conid)
        self.trades.append(
            {
                "execution_id": f"0000e0d5.{len(self.trades) + 1:08x}.01.01",
                "symbol": symbol,
                "side": "B" if order.buy else "S",
                "order_description": f"{'Bot' if order.buy else 'Sold'} {size} @ {price}",
                "trade_time_r": int(time.time() * 1000),
                "size": float(size),
                "price": str(price),
                "order_ref": order.coid,
                "exchange": "ISLAND",
                "commission": "0.00",
                "net_amount": float(size * price),
                "account": self.account,
                "accountCode": self.account,
                "sec_type": "STK",
                "conid": order.conid,
            }
        )

    def _cancel(self, request: Request) -> Reply:
        wanted = request.path_params["order"]
        if wanted == "-1":  # every working order
            for working in self.working():
                working.status = "Cancelled"
            return Reply(200, {"msg": "Request was submitted", "order_id": -1})
        order = next((o for o in self.orders.values() if str(o.id) == wanted), None)
        if order is not None and order.id in self.filling_on_cancel:
            self._fill(order, self.prices[order.conid])
        if order is None or not order.working:
            return error(f"OrderID {request.path_params['order']} doesn't exist")
        order.status = "Cancelled"
        body = {"msg": "Request was submitted", "order_id": order.id, "conid": order.conid}
        return Reply(200, {**body, "account": self.account})

    def _live_orders(self, _: Request) -> Reply:
        return Reply(
            200, {"orders": [self._shown(o) for o in self.orders.values()], "snapshot": True}
        )

    def _shown(self, order: SimulatedOrder) -> dict[str, Any]:
        symbol = self._symbol(order.conid)
        kinds = {"MKT": "MARKET", "LMT": "LIMIT", "STP": "STOP", "STOP_LIMIT": "STOP_LIMIT"}
        shown: dict[str, Any] = {
            "acct": self.account,
            "conidex": str(order.conid),
            "conid": order.conid,
            "orderId": order.id,
            "order_ref": order.coid,
            "ticker": symbol,
            "secType": "STK",
            "listingExchange": "NASDAQ.NMS",
            "side": order.side,
            "totalSize": float(order.quantity),
            "filledQuantity": float(order.filled),
            "remainingQuantity": float(order.quantity - order.filled),
            "status": order.status,
            "origOrderType": kinds[order.kind],
            "timeInForce": order.tif,
        }
        if order.limit is not None:
            shown["price"] = str(order.limit)
        if order.stop is not None:
            shown["auxPrice"] = str(order.stop)
        if order.filled:
            shown["avgPrice"] = str(order.cost / order.filled)
        return shown

    def _trades(self, _: Request) -> Reply:
        return Reply(200, list(self.trades))

    def _positions(self, _: Request) -> Reply:
        shown = []
        for conid, held in self.positions.items():
            symbol = self._symbol(conid)
            last = self.prices.get(conid, held.average)
            shown.append(
                {
                    "acctId": self.account,
                    "conid": conid,
                    "contractDesc": symbol,
                    "ticker": symbol,
                    "position": float(held.quantity),
                    "mktPrice": float(last),
                    "mktValue": float(held.quantity * last),
                    "currency": "USD",
                    "avgCost": float(held.average),
                    "avgPrice": float(held.average),
                    "assetClass": "STK",
                }
            )
        return Reply(200, shown)

    def _summary(self, _: Request) -> Reply:
        value = sum(
            (h.quantity * self.prices.get(c, h.average) for c, h in self.positions.items()), ZERO
        )

        def entry(amount: Decimal) -> dict[str, Any]:
            stamp = int(time.time() * 1000)
            return {"amount": float(amount), "currency": "USD", "isNull": False, "timestamp": stamp}

        return Reply(
            200,
            {
                "accountcode": {"value": self.account, "isNull": False},
                "totalcashvalue": entry(self.cash),
                "netliquidation": entry(self.cash + value),
                "buyingpower": entry(self._buying_power()),
                "availablefunds": entry(self._buying_power()),
            },
        )


def _reaches(order: SimulatedOrder, price: Decimal) -> bool:
    stop = order.stop
    if stop is not None and order.status == "PreSubmitted":
        triggered = price >= stop if order.buy else price <= stop
        if not triggered:
            return False
    if order.limit is None:
        return True
    return price <= order.limit if order.buy else price >= order.limit
