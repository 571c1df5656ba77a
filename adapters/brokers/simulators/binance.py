"""A stateful simulator of Binance's spot REST API (v3) on the venue server, for ccxt.

It answers the documented response shapes (developers.binance.com, "Spot API"): exchange
info with its PRICE_FILTER / LOT_SIZE / NOTIONAL filters, orders in the FULL response
type, openOrders, myTrades, account balances and ticker/price, and the documented error
bodies ({"code": -2010, "msg": ...}), over the shared matching engine (spot.py).
Numbers travel as strings, as Binance sends them. Signatures are not checked.

Public market data ("Market data endpoints"), over the engine's made-up candles and book:
- GET /api/v3/ticker/24hr (symbol): lastPrice, bidPrice/bidQty and askPrice/askQty (the
  book's first level), open/high/low at the last price, volume 0, openTime/closeTime;
- GET /api/v3/ticker/bookTicker (symbol): bidPrice, bidQty, askPrice, askQty;
- GET /api/v3/klines (symbol, interval 1m..1d, startTime, endTime, limit: default 500,
  at most 1000): rows of [open time, open, high, low, close, volume, close time, quote
  volume, trades, taker buy base, taker buy quote, "0"];
- GET /api/v3/depth (symbol, limit: default 100, at most 5000): lastUpdateId, bids, asks.
An unknown symbol is {"code": -1121, "msg": "Invalid symbol."} with HTTP 400.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from adapters.brokers.simulators.server import Reply, Request, VenueServer
from adapters.brokers.simulators.spot import (
    D,
    Level,
    SpotOrder,
    SpotPair,
    SpotTrade,
    SpotVenue,
    now_ms,
)

API_KEY, SECRET = "binance-fake-key", "binance-fake-secret"  # not checked
# Binance's order types and statuses -> the engine's, and back.
_KINDS = {
    "MARKET": "market",
    "LIMIT": "limit",
    "LIMIT_MAKER": "limit",
    "STOP_LOSS": "stop",
    "STOP_LOSS_LIMIT": "stop_limit",
}
_STATUSES = {
    "open": "NEW",
    "partial": "PARTIALLY_FILLED",
    "filled": "FILLED",
    "canceled": "CANCELED",
    "expired": "EXPIRED",
}
ZEROS = "0.00000000"


@dataclass(frozen=True, slots=True)
class Pair(SpotPair):
    """One spot market as exchangeInfo lists it."""

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


class BinanceSpotSimulator(SpotVenue):
    """The venue's state and its routes; `install` puts them on a server."""

    def __init__(self, pairs: tuple[Pair, ...] = (Pair("AAPL", "USD"), Pair("BTC", "USDT"))):
        super().__init__(pairs)

    def install(self, server: VenueServer) -> None:
        server.route("GET", "/api/v3/exchangeInfo", self._exchange_info)
        server.route("GET", "/api/v3/time", lambda _: Reply(200, {"serverTime": now_ms()}))
        server.route("POST", "/api/v3/order", self._submit)
        server.route("GET", "/api/v3/order", self._query)
        server.route("DELETE", "/api/v3/order", self._cancel)
        server.route("GET", "/api/v3/openOrders", self._open_orders)
        server.route("DELETE", "/api/v3/openOrders", self._cancel_all)
        server.route("GET", "/api/v3/myTrades", self._my_trades)
        server.route("GET", "/api/v3/account", self._account)
        server.route("GET", "/api/v3/ticker/price", self._ticker_price)
        server.route("GET", "/api/v3/ticker/24hr", self._known(self._ticker_24hr))
        server.route("GET", "/api/v3/ticker/bookTicker", self._known(self._book_ticker))
        server.route("GET", "/api/v3/klines", self._known(self._klines))
        server.route("GET", "/api/v3/depth", self._known(self._depth))
        # The wallet's coin list (ccxt's fetch_currencies): none listed, markets suffice.
        server.route("GET", "/sapi/v1/capital/config/getall", lambda _: Reply(200, []))

    def _exchange_info(self, _: Request) -> Reply:
        return Reply(
            200,
            {
                "timezone": "UTC",
                "serverTime": now_ms(),
                "rateLimits": [
                    {
                        "rateLimitType": "REQUEST_WEIGHT",
                        "interval": "MINUTE",
                        "intervalNum": 1,
                        "limit": 6000,
                    }
                ],
                "exchangeFilters": [],
                "symbols": [pair.info() for pair in self.pairs if isinstance(pair, Pair)],
            },
        )

    # -- orders --------------------------------------------------------------------------
    def _submit(self, request: Request) -> Reply:
        body = {**request.params, **dict(parse_qsl(request.body.decode()))}
        pair = self.pair(body.get("symbol", ""))
        if pair is None:
            return error(400, -1121, "Invalid symbol.")
        kind = _KINDS[body["type"]]
        if kind == "stop" and "timeInForce" in body:
            return error(400, -1106, "Parameter 'timeInForce' sent when not required.")
        client_id = body.get("newClientOrderId") or f"auto{self.next_id()}"
        if self.client_open(client_id):
            return error(400, -2010, "Duplicate order sent.")
        order = SpotOrder(
            id=self.next_id(),
            client_id=client_id,
            symbol=pair.symbol,
            side=body["side"].lower(),
            kind=kind,
            quantity=D(body["quantity"]),
            limit=D(body["price"]) if "price" in body and kind in ("limit", "stop_limit") else None,
            stop=D(body["stopPrice"]) if "stopPrice" in body else None,
            time_in_force=body.get("timeInForce", "GTC"),
            created_ms=now_ms(),
        )
        trades = self.place(order)
        if trades is None:
            return error(400, *INSUFFICIENT)
        fills = [
            {
                "price": str(t.price),
                "qty": str(t.quantity),
                "commission": ZEROS,
                "commissionAsset": pair.quote,
                "tradeId": t.id,
            }
            for t in trades
        ]
        return Reply(200, {**_shown(order), "transactTime": now_ms(), "fills": fills})

    def _find(self, params: dict[str, str]) -> SpotOrder | None:
        symbol = params.get("symbol")
        if "origClientOrderId" in params:
            wanted = params["origClientOrderId"]
            return next(
                (o for o in self.orders.values() if (o.client_id, o.symbol) == (wanted, symbol)),
                None,
            )
        order_id = params.get("orderId", "")
        found = self.orders.get(int(order_id)) if order_id.isdigit() else None
        return found if found is not None and found.symbol == symbol else None

    def _query(self, request: Request) -> Reply:
        found = self._find(request.params)
        return (
            error(400, -2013, "Order does not exist.")
            if found is None
            else Reply(200, _shown(found))
        )

    def _cancel(self, request: Request) -> Reply:
        found = self._find(request.params)
        if found is None or not found.is_open or found.id in self.failing_cancels:
            return error(400, -2011, "Unknown order sent.")
        return Reply(200, self._cancelled(found))

    def _cancelled(self, order: SpotOrder) -> dict[str, Any]:
        self.close(order, "canceled")
        shown = _shown(order)
        shown.update(origClientOrderId=order.client_id, transactTime=now_ms())
        return shown

    def _open_orders(self, request: Request) -> Reply:
        return Reply(200, [_shown(o) for o in self.open(request.params.get("symbol"))])

    def _cancel_all(self, request: Request) -> Reply:
        symbol = request.params.get("symbol")
        if symbol is None:
            return error(
                400,
                -1102,
                "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
            )
        orders = self.open(symbol)
        if not orders:
            return error(400, -2011, "Unknown order sent.")
        return Reply(200, [self._cancelled(o) for o in orders])

    def _my_trades(self, request: Request) -> Reply:
        symbol, since = request.params.get("symbol"), int(request.params.get("startTime", 0))
        found = [t for t in self.trades if t.order.symbol == symbol and t.at_ms >= since]
        return Reply(200, [self._trade(t) for t in found])

    def _trade(self, trade: SpotTrade) -> dict[str, Any]:
        pair = self.pair(trade.order.symbol)
        assert pair is not None
        return {
            "symbol": trade.order.symbol,
            "id": trade.id,
            "orderId": trade.order.id,
            "orderListId": -1,
            "price": str(trade.price),
            "qty": str(trade.quantity),
            "quoteQty": str(trade.quantity * trade.price),
            "commission": ZEROS,
            "commissionAsset": pair.quote,
            "time": trade.at_ms,
            "isBuyer": trade.order.buy,
            "isMaker": False,
            "isBestMatch": True,
        }

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
                "updateTime": now_ms(),
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

    # -- public market data ---------------------------------------------------------------
    def _known(self, answer: Callable[[str, dict[str, str]], Any]) -> Callable[[Request], Reply]:
        """A market-data route of one symbol: Binance's -1121 for a symbol it does not list."""

        def handler(request: Request) -> Reply:
            symbol = request.params.get("symbol", "")
            if self.pair(symbol) is None:
                return error(400, -1121, "Invalid symbol.")
            return Reply(200, answer(symbol, request.params))

        return handler

    def _ticker_24hr(self, symbol: str, _: dict[str, str]) -> dict[str, Any]:
        last = f"{self.prices.get(symbol, D(0)):f}"
        closed = now_ms()
        return {
            "symbol": symbol,
            "priceChange": ZEROS,
            "priceChangePercent": "0.000",
            "weightedAvgPrice": last,
            "prevClosePrice": last,
            "lastPrice": last,
            "lastQty": ZEROS,
            **self._book_ticker(symbol, {}),
            "openPrice": last,
            "highPrice": last,
            "lowPrice": last,
            "volume": ZEROS,
            "quoteVolume": ZEROS,
            "openTime": closed - 86_400_000,
            "closeTime": closed,
            "firstId": -1,
            "lastId": -1,
            "count": 0,
        }

    def _book_ticker(self, symbol: str, _: dict[str, str]) -> dict[str, Any]:
        bids, asks = self.book(symbol, 1)
        bid, ask = (bids or [(D(0), D(0))])[0], (asks or [(D(0), D(0))])[0]
        return {
            "symbol": symbol,
            "bidPrice": f"{bid[0]:f}",
            "bidQty": f"{bid[1]:f}",
            "askPrice": f"{ask[0]:f}",
            "askQty": f"{ask[1]:f}",
        }

    def _klines(self, symbol: str, params: dict[str, str]) -> list[list[Any]]:
        step_s = _INTERVALS[params["interval"]]
        since, until = params.get("startTime"), params.get("endTime")
        candles = self.candles(
            symbol,
            step_s,
            limit=min(int(params.get("limit", 500)), 1000),
            since_s=None if since is None else -(-int(since) // 1000),
            until_s=None if until is None else int(until) // 1000,
        )
        return [
            [
                c.start_s * 1000,
                f"{c.open:f}",
                f"{c.high:f}",
                f"{c.low:f}",
                f"{c.close:f}",
                f"{c.volume:f}",
                (c.start_s + step_s) * 1000 - 1,
                f"{c.volume * c.close:f}",
                1,
                ZEROS,
                ZEROS,
                "0",
            ]
            for c in candles
        ]

    def _depth(self, symbol: str, params: dict[str, str]) -> dict[str, Any]:
        bids, asks = self.book(symbol, min(int(params.get("limit", 100)), 5000))
        return {"lastUpdateId": now_ms(), "bids": _levels(bids), "asks": _levels(asks)}


# Binance's kline intervals (those Bulwark asks for) in seconds.
_INTERVALS = {"1m": 60, "5m": 300, "15m": 900, "30m": 1800, "1h": 3600, "4h": 14_400, "1d": 86_400}


def _levels(levels: list[Level]) -> list[list[str]]:
    return [[f"{price:f}", f"{size:f}"] for price, size in levels]


def _shown(order: SpotOrder) -> dict[str, Any]:
    """The order in Binance's shape (the FULL response type's fields, fills aside)."""
    limited = order.limit is not None
    return {
        "symbol": order.symbol,
        "orderId": order.id,
        "orderListId": -1,
        "clientOrderId": order.client_id,
        "price": str(order.limit) if limited else ZEROS,
        "origQty": str(order.quantity),
        "executedQty": str(order.filled),
        "cummulativeQuoteQty": str(order.cost),
        "status": _STATUSES[order.status],
        "timeInForce": order.time_in_force,
        "type": next(k for k, v in _KINDS.items() if v == order.kind),
        "side": order.side.upper(),
        "stopPrice": str(order.stop) if order.stop is not None else ZEROS,
        "icebergQty": ZEROS,
        "time": order.created_ms,
        "updateTime": order.created_ms,
        "isWorking": order.kind not in ("stop", "stop_limit"),
        "workingTime": order.created_ms,
        "origQuoteOrderQty": ZEROS,
        "selfTradePreventionMode": "NONE",
    }


# The ccxt binance class's options for this simulator: spot markets only, no wallet calls.
BINANCE_SPOT_OPTIONS = {
    "fetchMarkets": {"types": ["spot"]},
    "fetchCurrencies": False,
    "fetchMargins": False,
    "warnOnFetchOpenOrdersWithoutSymbol": False,
}
