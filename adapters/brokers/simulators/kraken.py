"""A stateful simulator of Kraken's spot REST API on the venue server, for ccxt.

It answers the documented shapes (docs.kraken.com, "Spot REST API"): every body is
{"error": [...], "result": {...}}, an error an "E<category>:<message>" string in `error`
with HTTP 200. Public calls are GETs (Time, Assets, AssetPairs, Ticker, OHLC, Depth);
private ones are form POSTs carrying a nonce, signed by ccxt with the base64 secret
(API-Key / API-Sign headers, present but not verified here). Orders are matched by the shared engine
(adapters/brokers/simulators/spot.py); fiat assets carry Kraken's Z prefix (ZUSD) and pairs
their altname.

Public market data ("Market Data"), over the engine's made-up candles and book:
- Ticker (pair): a (ask), b (bid) and c (last trade) at the last price, v, p, t, l, h, o;
- OHLC (pair, interval in minutes 1..1440, since in seconds): the pair's rows of [time,
  open, high, low, close, vwap, volume, count] with a time after `since`, at most the
  latest 720 (as Kraken keeps), and `last`; completed bars only (Kraken adds the bar still
  forming);
- Depth (pair, count: default 100, at most 500): the pair's asks and bids as
  [price, volume, timestamp].
An unknown pair is "EQuery:Unknown asset pair".
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from adapters.brokers.simulators.server import Reply, Request, VenueServer
from adapters.brokers.simulators.spot import (
    D,
    SpotOrder,
    SpotPair,
    SpotTrade,
    SpotVenue,
    now_ms,
)

API_KEY = "kraken-fake-key"  # the signature is not verified
SECRET = base64.b64encode(b"kraken-fake-secret").decode()  # Kraken's secrets are base64
# Kraken's order types -> the engine's; its statuses are the engine's but for these.
_KINDS = {
    "market": "market",
    "limit": "limit",
    "stop-loss": "stop",
    "stop-loss-limit": "stop_limit",
}
_STATUSES = {"partial": "open", "filled": "closed"}


UNKNOWN_PAIR = "EQuery:Unknown asset pair"


def ok(result: Any) -> Reply:
    return Reply(200, {"error": [], "result": result})


def error(message: str) -> Reply:
    """Kraken's error body: HTTP 200, the error named in `error`."""
    return Reply(200, {"error": [message]})


@dataclass(frozen=True, slots=True)
class KrakenPair(SpotPair):
    """One spot pair as AssetPairs lists it; `quote` as Kraken names the asset (ZUSD)."""

    tick: str = "0.01"
    step: str = "0.00001"
    min_notional: str = "0.5"

    @property
    def symbol(self) -> str:
        """The pair's altname (AAPLUSD): fiat quotes lose their Z prefix."""
        return self.base + _alt(self.quote)

    def info(self) -> dict[str, Any]:
        return {
            "altname": self.symbol,
            "wsname": f"{self.base}/{_alt(self.quote)}",
            "aclass_base": "currency",
            "base": self.base,
            "aclass_quote": "currency",
            "quote": self.quote,
            "lot": "unit",
            "cost_decimals": 5,
            "pair_decimals": _decimals(self.tick),
            "lot_decimals": _decimals(self.step),
            "lot_multiplier": 1,
            "leverage_buy": [],
            "leverage_sell": [],
            "fees": [[0, 0.26], [50000, 0.24]],
            "fees_maker": [[0, 0.16], [50000, 0.14]],
            "fee_volume_currency": "ZUSD",
            "margin_call": 80,
            "margin_stop": 40,
            "ordermin": self.step,
            "costmin": self.min_notional,
            "tick_size": self.tick,
            "status": "online",
        }


def _alt(asset: str) -> str:
    return asset[1:] if len(asset) == 4 and asset[0] in "XZ" else asset


def _decimals(step: str) -> int:
    exponent = D(step).normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return -exponent


class KrakenSpotSimulator(SpotVenue):
    """The venue's state and its routes; `install` puts them on a server."""

    def __init__(self, pairs: tuple[KrakenPair, ...] = (KrakenPair("AAPL", "ZUSD"),)) -> None:
        super().__init__(pairs)

    def install(self, server: VenueServer) -> None:
        public = {
            "Time": self._time,
            "Assets": self._assets,
            "AssetPairs": lambda _: ok({p.symbol: p.info() for p in self._pairs()}),
            "Ticker": self._ticker,
            "OHLC": self._ohlc,
            "Depth": self._depth,
        }
        private = {
            "AddOrder": self._add_order,
            "QueryOrders": self._query_orders,
            "CancelOrder": self._cancel_order,
            "CancelAll": self._cancel_all,
            "OpenOrders": self._open_orders,
            "ClosedOrders": self._closed_orders,
            "Balance": self._balance_plain,
            "BalanceEx": self._balance_ex,
            "TradesHistory": self._trades_history,
        }
        for name, handler in public.items():
            server.route("GET", f"/0/public/{name}", handler)
        for name, answer in private.items():
            server.route("POST", f"/0/private/{name}", _signed(answer))

    def _pairs(self) -> list[KrakenPair]:
        return [p for p in self.pairs if isinstance(p, KrakenPair)]

    # -- public ---------------------------------------------------------------------------
    def _time(self, _: Request) -> Reply:
        return ok({"unixtime": now_ms() // 1000, "rfc1123": ""})

    def _assets(self, _: Request) -> Reply:
        assets = {a for p in self._pairs() for a in (p.base, p.quote)}
        return ok(
            {
                asset: {
                    "aclass": "currency",
                    "altname": _alt(asset),
                    "decimals": 8,
                    "display_decimals": 5,
                    "status": "enabled",
                }
                for asset in sorted(assets)
            }
        )

    def _ticker(self, request: Request) -> Reply:
        wanted = request.params.get("pair", "").split(",")
        return ok(
            {
                symbol: {
                    "a": [f"{price}", "1", "1.000"],
                    "b": [f"{price}", "1", "1.000"],
                    "c": [f"{price}", "1.00000000"],
                    "v": ["0", "0"],
                    "p": [f"{price}", f"{price}"],
                    "t": [0, 0],
                    "l": [f"{price}", f"{price}"],
                    "h": [f"{price}", f"{price}"],
                    "o": f"{price}",
                }
                for symbol, price in self.prices.items()
                if symbol in wanted or wanted == [""]
            }
        )

    def _ohlc(self, request: Request) -> Reply:
        pair = request.params.get("pair", "")
        if self.pair(pair) is None:
            return error(UNKNOWN_PAIR)
        step_s = int(request.params.get("interval", "1")) * 60
        since = request.params.get("since")
        latest = self.candles(pair, step_s, limit=720)
        prices = ("open", "high", "low", "close", "close", "volume")  # the close stands as vwap
        rows = [
            [c.start_s, *(f"{getattr(c, name)}" for name in prices), 1]
            for c in latest
            if since is None or c.start_s > int(since)
        ]
        return ok({pair: rows, "last": latest[-1].start_s if latest else 0})

    def _depth(self, request: Request) -> Reply:
        pair = request.params.get("pair", "")
        if self.pair(pair) is None:
            return error(UNKNOWN_PAIR)
        bids, asks = self.book(pair, min(int(request.params.get("count", "100")), 500))
        stamp = now_ms() // 1000
        shown = {
            side: [[f"{price}", f"{size}", stamp] for price, size in levels]
            for side, levels in (("asks", asks), ("bids", bids))
        }
        return ok({pair: shown})

    # -- private --------------------------------------------------------------------------
    def _add_order(self, form: dict[str, str]) -> Reply:
        pair = self.pair(form.get("pair", ""))
        if pair is None:
            return error("EQuery:Unknown asset pair")
        kind = _KINDS.get(form["ordertype"])
        if kind is None:
            return error("EGeneral:Invalid arguments:ordertype")
        tif = form.get("timeinforce", "GTC")
        if kind in ("stop", "stop_limit") and tif != "GTC":
            return error("EGeneral:Invalid arguments:timeinforce")
        client_id = form.get("cl_ord_id", "")
        if client_id and self.client_open(client_id):
            return error("EOrder:Duplicate order")
        stop = D(form["price"]) if kind in ("stop", "stop_limit") else None
        limit = D(form["price2"] if kind == "stop_limit" else form.get("price", "0"))
        order = SpotOrder(
            id=self.next_id(),
            client_id=client_id,
            symbol=pair.symbol,
            side=form["type"],
            kind=kind,
            quantity=D(form["volume"]),
            limit=limit if kind in ("limit", "stop_limit") else None,
            stop=stop,
            time_in_force=tif,
            created_ms=now_ms(),
        )
        if self.place(order) is None:
            return error("EOrder:Insufficient funds")
        return ok({"descr": {"order": _description(order)}, "txid": [txid(order.id)]})

    def _query_orders(self, form: dict[str, str]) -> Reply:
        wanted = [self.orders.get(_order_id(t)) for t in form.get("txid", "").split(",")]
        return ok({txid(o.id): _shown(o) for o in wanted if o is not None})

    def _cancel_order(self, form: dict[str, str]) -> Reply:
        client_id = form.get("cl_ord_id")
        found = (
            next((o for o in self.open(None) if o.client_id == client_id), None)
            if client_id
            else self.orders.get(_order_id(form.get("txid", "")))
        )
        if found is None or not found.is_open or found.id in self.failing_cancels:
            return error("EOrder:Unknown order")
        self.close(found, "canceled")
        return ok({"count": 1})

    def _cancel_all(self, _: dict[str, str]) -> Reply:
        cancelled = self.open(None)
        for order in cancelled:
            self.close(order, "canceled")
        return ok({"count": len(cancelled)})

    def _listed(self, form: dict[str, str], *, is_open: bool) -> dict[str, Any]:
        client_id = form.get("cl_ord_id")
        return {
            txid(o.id): _shown(o)
            for o in self.orders.values()
            if o.is_open is is_open and client_id in (None, o.client_id)
        }

    def _open_orders(self, form: dict[str, str]) -> Reply:
        return ok({"open": self._listed(form, is_open=True)})

    def _closed_orders(self, form: dict[str, str]) -> Reply:
        closed = self._listed(form, is_open=False)
        return ok({"closed": closed, "count": len(closed)})

    def _balance_plain(self, _: dict[str, str]) -> Reply:
        return ok({asset: f"{free + held:f}" for asset, (free, held) in self.balances.items()})

    def _balance_ex(self, _: dict[str, str]) -> Reply:
        return ok(
            {
                asset: {"balance": f"{free + held:f}", "hold_trade": f"{held:f}"}
                for asset, (free, held) in self.balances.items()
            }
        )

    def _trades_history(self, form: dict[str, str]) -> Reply:
        since_ms = int(D(form.get("start", "0")) * 1000)
        found = {f"T{t.id}-FAKE": _trade(t) for t in self.trades if t.at_ms >= since_ms}
        return ok({"trades": found, "count": len(found)})


def _signed(answer: Any) -> Any:
    """A private route: the form (with its nonce) read, the signature headers required."""

    def handler(request: Request) -> Reply:
        form = dict(parse_qsl(request.body.decode()))
        if "api-key" not in request.headers or "api-sign" not in request.headers:
            return error("EAPI:Invalid key")
        if "nonce" not in form:
            return error("EAPI:Invalid nonce")
        result: Reply = answer(form)
        return result

    return handler


def txid(order_id: int) -> str:
    """An order's id in Kraken's form (OXXXXX-XXXXX-XXXXXX)."""
    return f"O{order_id:05d}-FAKE0-KRAKEN"


def _order_id(text: str) -> int:
    digits = text[1:6]
    return int(digits) if text.startswith("O") and digits.isdigit() else -1


def _description(order: SpotOrder) -> str:
    kind = next(k for k, v in _KINDS.items() if v == order.kind)
    shown = f"{order.side} {order.quantity:.8f} {order.symbol} @ {kind}"
    price = order.stop if order.stop is not None else order.limit
    return shown if price is None else f"{shown} {price}"


def _shown(order: SpotOrder) -> dict[str, Any]:
    """The order as QueryOrders, OpenOrders and ClosedOrders list it."""
    kind = next(k for k, v in _KINDS.items() if v == order.kind)
    first = order.stop if order.stop is not None else order.limit
    second = order.limit if order.kind == "stop_limit" else None
    average = order.cost / order.filled if order.filled else D(0)
    return {
        "refid": None,
        "userref": 0,
        "cl_ord_id": order.client_id or None,
        "status": _STATUSES.get(order.status, order.status),
        "opentm": order.created_ms / 1000,
        "starttm": 0,
        "expiretm": 0,
        "descr": {
            "pair": order.symbol,
            "type": order.side,
            "ordertype": kind,
            "price": f"{first if first is not None else 0}",
            "price2": f"{second if second is not None else 0}",
            "leverage": "none",
            "order": _description(order),
            "close": "",
        },
        "vol": f"{order.quantity:.8f}",
        "vol_exec": f"{order.filled:.8f}",
        "cost": f"{order.cost}",
        "fee": "0.00000",
        "price": f"{average}",
        "stopprice": "0.00000",
        "limitprice": "0.00000",
        "misc": "",
        "oflags": "fciq",
    }


def _trade(trade: SpotTrade) -> dict[str, Any]:
    order = trade.order
    return {
        "ordertxid": txid(order.id),
        "postxid": f"P{trade.id}-FAKE",
        "pair": order.symbol,
        "time": trade.at_ms / 1000,
        "type": order.side,
        "ordertype": next(k for k, v in _KINDS.items() if v == order.kind),
        "price": f"{trade.price}",
        "cost": f"{trade.price * trade.quantity}",
        "fee": "0.00000",
        "vol": f"{trade.quantity:.8f}",
        "margin": "0.00000",
        "misc": "",
    }
