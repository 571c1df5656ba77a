"""A stateful fake of Binance's spot REST API (v3) on the local test server, for ccxt.

It answers the documented response shapes (developers.binance.com, "Spot API"): exchange
info with its PRICE_FILTER / LOT_SIZE / NOTIONAL filters, orders in the FULL response
type, openOrders, myTrades, account balances and ticker/price, and the documented error
bodies ({"code": -2010, "msg": ...}). The venue keeps free and locked balances, fills
marketable orders at the price `set_price` gives (no commission) and records trades.
Numbers travel as strings, as Binance sends them. Signatures are not checked.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

from adapters.brokers.ccxt import CcxtBroker, CcxtBrokerConfig, connect_ccxt_broker
from adapters.memory.clock import SystemClock
from tests.alpaca_server import AlpacaServer, Reply, Request

D = Decimal
ZERO = D(0)
API_KEY, SECRET = "binance-fake-key", "binance-fake-secret"
_OPEN = {"NEW", "PARTIALLY_FILLED"}
_STOPS = {"STOP_LOSS", "STOP_LOSS_LIMIT"}
_LIMITS = {"LIMIT", "STOP_LOSS_LIMIT", "LIMIT_MAKER"}


@dataclass(frozen=True, slots=True)
class Pair:
    """One spot market as exchangeInfo lists it."""

    base: str
    quote: str
    tick: str = "0.01000000"
    step: str = "0.00001000"
    min_notional: str = "5.00000000"

    @property
    def symbol(self) -> str:
        return self.base + self.quote

    def info(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "status": "TRADING",
            "baseAsset": self.base,
            "baseAssetPrecision": 8,
            "quoteAsset": self.quote,
            "quotePrecision": 8,
            "quoteAssetPrecision": 8,
            "baseCommissionPrecision": 8,
            "quoteCommissionPrecision": 8,
            "orderTypes": ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT"],
            "icebergAllowed": True,
            "ocoAllowed": True,
            "otoAllowed": True,
            "quoteOrderQtyMarketAllowed": True,
            "allowTrailingStop": True,
            "cancelReplaceAllowed": True,
            "isSpotTradingAllowed": True,
            "isMarginTradingAllowed": False,
            "filters": [
                {
                    "filterType": "PRICE_FILTER",
                    "minPrice": self.tick,
                    "maxPrice": "1000000.00000000",
                    "tickSize": self.tick,
                },
                {
                    "filterType": "LOT_SIZE",
                    "minQty": self.step,
                    "maxQty": "9000.00000000",
                    "stepSize": self.step,
                },
                {
                    "filterType": "NOTIONAL",
                    "minNotional": self.min_notional,
                    "applyMinToMarket": True,
                    "maxNotional": "9000000.00000000",
                    "applyMaxToMarket": False,
                    "avgPriceMins": 5,
                },
            ],
            "permissions": [],
            "permissionSets": [["SPOT"]],
            "defaultSelfTradePreventionMode": "EXPIRE_MAKER",
            "allowedSelfTradePreventionModes": ["NONE", "EXPIRE_TAKER", "EXPIRE_MAKER"],
        }


def error(status: int, code: int, msg: str) -> Reply:
    """Binance's error body."""
    return Reply(status, {"code": code, "msg": msg})


INSUFFICIENT = (-2010, "Account has insufficient balance for requested action.")
RATE_LIMITED = Reply(
    429,
    {
        "code": -1003,
        "msg": "Too much request weight used; current limit is 6000 request weight "
        "per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
    },
    {"Retry-After": "3"},
)


@dataclass(slots=True)
class FakeBinanceSpot:
    """The venue's state and its routes; `install` puts them on a server."""

    pairs: tuple[Pair, ...] = (Pair("AAPL", "USD"), Pair("BTC", "USDT"))
    balances: dict[str, list[Decimal]] = field(default_factory=dict)  # asset -> [free, locked]
    prices: dict[str, Decimal] = field(default_factory=dict)  # venue symbol -> last price
    orders: dict[int, dict[str, Any]] = field(default_factory=dict)
    trades: list[dict[str, Any]] = field(default_factory=list)
    failing_cancels: set[int] = field(default_factory=set)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1001))

    def install(self, server: AlpacaServer) -> None:
        server.route("GET", "/api/v3/exchangeInfo", self._exchange_info)
        server.route("GET", "/api/v3/time", lambda _: Reply(200, {"serverTime": self._now()}))
        server.route("POST", "/api/v3/order", self._submit)
        server.route("GET", "/api/v3/order", self._query)
        server.route("DELETE", "/api/v3/order", self._cancel)
        server.route("GET", "/api/v3/openOrders", self._open_orders)
        server.route("DELETE", "/api/v3/openOrders", self._cancel_all)
        server.route("GET", "/api/v3/myTrades", self._my_trades)
        server.route("GET", "/api/v3/account", self._account)
        server.route("GET", "/api/v3/ticker/price", self._ticker_price)

    def _exchange_info(self, _: Request) -> Reply:
        return Reply(
            200,
            {
                "timezone": "UTC",
                "serverTime": self._now(),
                "rateLimits": [
                    {
                        "rateLimitType": "REQUEST_WEIGHT",
                        "interval": "MINUTE",
                        "intervalNum": 1,
                        "limit": 6000,
                    }
                ],
                "exchangeFilters": [],
                "symbols": [pair.info() for pair in self.pairs],
            },
        )

    def fund(self, asset: str, amount: Decimal) -> None:
        self._balance(asset)[0] += amount

    # -- the market ----------------------------------------------------------------------
    async def set_price(self, symbol: str, price: Decimal) -> None:
        """Trade `symbol` (a base asset, or a venue symbol) at `price`; fill what it reaches."""
        venue = self._venue_symbol(symbol)
        self.prices[venue] = D(price)
        for order in list(self.orders.values()):
            if order["symbol"] == venue and order["status"] in _OPEN:
                self._match(order)

    def open_count(self) -> int:
        return len(self._open(None))

    def _venue_symbol(self, symbol: str) -> str:
        return next((p.symbol for p in self.pairs if symbol in (p.base, p.symbol)), symbol)

    def _pair(self, venue_symbol: str) -> Pair | None:
        return next((p for p in self.pairs if p.symbol == venue_symbol), None)

    def _balance(self, asset: str) -> list[Decimal]:
        return self.balances.setdefault(asset, [ZERO, ZERO])

    def _now(self) -> int:
        return int(time.time() * 1000)

    # -- orders --------------------------------------------------------------------------
    def _submit(self, request: Request) -> Reply:
        body = {**request.params, **dict(parse_qsl(request.body.decode()))}
        pair = self._pair(body.get("symbol", ""))
        if pair is None:
            return error(400, -1121, "Invalid symbol.")
        kind, side = body["type"], body["side"]
        if kind in _STOPS - _LIMITS and "timeInForce" in body:
            return error(400, -1106, "Parameter 'timeInForce' sent when not required.")
        client_id = body.get("newClientOrderId") or f"auto{next(self._ids)}"
        if any(
            o["clientOrderId"] == client_id for o in self.orders.values() if o["status"] in _OPEN
        ):
            return error(400, -2010, "Duplicate order sent.")
        quantity = D(body["quantity"])
        price = D(body["price"]) if kind in _LIMITS else self.prices.get(pair.symbol, ZERO)
        locked = self._lock(pair, side, quantity, price)
        if locked is None:
            return error(400, *INSUFFICIENT)
        now = self._now()
        order: dict[str, Any] = {
            "symbol": pair.symbol,
            "orderId": next(self._ids),
            "orderListId": -1,
            "clientOrderId": client_id,
            "price": body.get("price", "0.00000000") if kind in _LIMITS else "0.00000000",
            "origQty": body["quantity"],
            "executedQty": "0.00000000",
            "cummulativeQuoteQty": "0.00000000",
            "status": "NEW",
            "timeInForce": body.get("timeInForce", "GTC"),
            "type": kind,
            "side": side,
            "stopPrice": body.get("stopPrice", "0.00000000"),
            "icebergQty": "0.00000000",
            "time": now,
            "updateTime": now,
            "isWorking": kind not in _STOPS,
            "workingTime": now,
            "origQuoteOrderQty": "0.00000000",
            "selfTradePreventionMode": "NONE",
            "_locked": locked,
        }
        self.orders[order["orderId"]] = order
        fills = self._match(order)
        if order["status"] in _OPEN and (
            kind == "MARKET" or order["timeInForce"] in ("IOC", "FOK")
        ):
            self._close(order, "EXPIRED")
        return Reply(200, {**_shown(order), "transactTime": now, "fills": fills})

    def _lock(self, pair: Pair, side: str, quantity: Decimal, price: Decimal) -> Decimal | None:
        asset, needed = (pair.quote, quantity * price) if side == "BUY" else (pair.base, quantity)
        balance = self._balance(asset)
        if needed > balance[0]:
            return None
        balance[0] -= needed
        balance[1] += needed
        return needed

    def _close(self, order: dict[str, Any], status: str) -> None:
        order["status"] = status
        pair = self._pair(order["symbol"])
        assert pair is not None
        balance = self._balance(pair.quote if order["side"] == "BUY" else pair.base)
        balance[0] += order["_locked"]
        balance[1] -= order["_locked"]
        order["_locked"] = ZERO

    def _match(self, order: dict[str, Any]) -> list[dict[str, Any]]:
        price = self.prices.get(order["symbol"])
        if price is None:
            return []
        buy = order["side"] == "BUY"
        if order["type"] in _STOPS:
            stop = D(order["stopPrice"])
            if not (price >= stop if buy else price <= stop):
                return []
        if order["type"] in _LIMITS:
            limit = D(order["price"])
            if not (price <= limit if buy else price >= limit):
                return []
        left = D(order["origQty"]) - D(order["executedQty"])
        return [self._fill(order, left, price)] if left > 0 else []

    def _fill(self, order: dict[str, Any], quantity: Decimal, price: Decimal) -> dict[str, Any]:
        pair = self._pair(order["symbol"])
        assert pair is not None
        buy = order["side"] == "BUY"
        spent, got = (pair.quote, pair.base) if buy else (pair.base, pair.quote)
        paid, received = (quantity * price, quantity) if buy else (quantity, quantity * price)
        self._balance(spent)[1] -= paid
        order["_locked"] -= paid
        self._balance(got)[0] += received
        order["executedQty"] = str(D(order["executedQty"]) + quantity)
        order["cummulativeQuoteQty"] = str(D(order["cummulativeQuoteQty"]) + quantity * price)
        if D(order["executedQty"]) >= D(order["origQty"]):
            self._close(order, "FILLED")
        else:
            order["status"] = "PARTIALLY_FILLED"
        trade_id = next(self._ids)
        self.trades.append(
            {
                "symbol": order["symbol"],
                "id": trade_id,
                "orderId": order["orderId"],
                "orderListId": -1,
                "price": str(price),
                "qty": str(quantity),
                "quoteQty": str(quantity * price),
                "commission": "0.00000000",
                "commissionAsset": pair.quote,
                "time": self._now(),
                "isBuyer": buy,
                "isMaker": False,
                "isBestMatch": True,
            }
        )
        return {
            "price": str(price),
            "qty": str(quantity),
            "commission": "0.00000000",
            "commissionAsset": pair.quote,
            "tradeId": trade_id,
        }

    def _find(self, params: dict[str, str]) -> dict[str, Any] | None:
        if "origClientOrderId" in params:
            return next(
                (
                    o
                    for o in self.orders.values()
                    if o["clientOrderId"] == params["origClientOrderId"]
                    and o["symbol"] == params.get("symbol")
                ),
                None,
            )
        order_id = params.get("orderId", "")
        found = self.orders.get(int(order_id)) if order_id.isdigit() else None
        return found if found is not None and found["symbol"] == params.get("symbol") else None

    def _query(self, request: Request) -> Reply:
        found = self._find(request.params)
        return (
            error(400, -2013, "Order does not exist.")
            if found is None
            else Reply(200, _shown(found))
        )

    def _cancel(self, request: Request) -> Reply:
        found = self._find(request.params)
        if (
            found is None
            or found["status"] not in _OPEN
            or found["orderId"] in self.failing_cancels
        ):
            return error(400, -2011, "Unknown order sent.")
        return Reply(200, self._cancelled(found))

    def _cancelled(self, order: dict[str, Any]) -> dict[str, Any]:
        self._close(order, "CANCELED")
        shown = _shown(order)
        shown.update(origClientOrderId=order["clientOrderId"], transactTime=self._now())
        return shown

    def _open_orders(self, request: Request) -> Reply:
        symbol = request.params.get("symbol")
        return Reply(200, [_shown(o) for o in self._open(symbol)])

    def _open(self, symbol: str | None) -> list[dict[str, Any]]:
        return [
            o
            for o in self.orders.values()
            if o["status"] in _OPEN and symbol in (None, o["symbol"])
        ]

    def _cancel_all(self, request: Request) -> Reply:
        symbol = request.params.get("symbol")
        if symbol is None:
            return error(
                400,
                -1102,
                "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
            )
        orders = self._open(symbol)
        if not orders:
            return error(400, -2011, "Unknown order sent.")
        return Reply(200, [self._cancelled(o) for o in orders])

    def _my_trades(self, request: Request) -> Reply:
        symbol, since = request.params.get("symbol"), int(request.params.get("startTime", 0))
        found = [t for t in self.trades if t["symbol"] == symbol and t["time"] >= since]
        return Reply(200, found)

    def _account(self, _: Request) -> Reply:
        return Reply(
            200,
            {
                "makerCommission": 0,
                "takerCommission": 0,
                "buyerCommission": 0,
                "sellerCommission": 0,
                "commissionRates": {
                    "maker": "0.00000000",
                    "taker": "0.00000000",
                    "buyer": "0.00000000",
                    "seller": "0.00000000",
                },
                "canTrade": True,
                "canWithdraw": True,
                "canDeposit": True,
                "brokered": False,
                "requireSelfTradePrevention": False,
                "preventSor": False,
                "updateTime": self._now(),
                "accountType": "SPOT",
                "balances": [
                    {"asset": asset, "free": f"{free:f}", "locked": f"{locked:f}"}
                    for asset, (free, locked) in self.balances.items()
                ],
                "permissions": ["SPOT"],
                "uid": 354937868,
            },
        )

    def _ticker_price(self, request: Request) -> Reply:
        prices = [{"symbol": s, "price": f"{p:f}"} for s, p in self.prices.items()]
        symbol = request.params.get("symbol")
        if symbol is not None:
            return Reply(200, next(p for p in prices if p["symbol"] == symbol))
        return Reply(200, prices)


def _shown(order: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in order.items() if not k.startswith("_")}


BINANCE_SPOT_OPTIONS = {
    "fetchMarkets": {"types": ["spot"]},
    "fetchCurrencies": False,
    "fetchMargins": False,
    "warnOnFetchOpenOrdersWithoutSymbol": False,
}


def binance_broker(
    server: AlpacaServer,
    *,
    quote: str = "USD",
    accounts: frozenset[str] | None = None,
    watch: tuple[str, ...] = (),
) -> CcxtBroker:
    """A CcxtBroker on ccxt's binance class, its spot API pointed at the local server."""
    api = f"{server.url}/api/v3"
    broker = connect_ccxt_broker(
        "binance",
        SystemClock(),
        api_key=API_KEY,
        secret=SECRET,
        config=CcxtBrokerConfig(quote=quote, watch=watch),
        accounts=accounts,
        options=BINANCE_SPOT_OPTIONS,
        api_urls={"public": api, "private": api},
        rate_limit_ms=0.001,
        timeout_ms=2_000,
    )
    broker.exchange.timeout_on_exit = 0  # ccxt's pause for closing TLS; the fake is plain HTTP
    return broker
