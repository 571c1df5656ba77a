"""A simulator of Tradier's brokerage API (documentation.tradier.com, "Trading" and
"Account"), its routes on a venue server (server.py), for the Tradier broker.

Endpoints served, under /v1 (its paths as the docs give them):

- POST /accounts/{account_id}/orders, form-encoded: class (equity | option), symbol,
  option_symbol (OCC, for options), side (buy, sell, sell_short, buy_to_cover; options:
  buy_to_open, buy_to_close, sell_to_open, sell_to_close), quantity, type (market, limit,
  stop, stop_limit), duration (day | gtc), price, stop, tag. Answers {"order": {"id",
  "status": "ok", "partner_id"}}; a refusal is HTTP 400 {"errors": {"error": [...]}}.
- GET /accounts/{account_id}/orders (tagged orders only with includeTags=true) and
  /orders/{order_id}: id, type, symbol, side, quantity, status (open, partially_filled,
  filled, expired, canceled, pending, rejected), duration, price, stop_price,
  avg_fill_price, exec_quantity, last_fill_price, last_fill_quantity, remaining_quantity,
  create_date, transaction_date, class, tag, option_symbol. No orders is {"orders": "null"},
  one is {"orders": {"order": {...}}} (an object, not a list of one).
- DELETE /accounts/{account_id}/orders/{order_id}: {"order": {"id", "status": "ok"}}.
- GET /accounts/{account_id}/positions: cost_basis, date_acquired, id, quantity, symbol;
  {"positions": "null"} when flat, one position as an object.
- GET /accounts/{account_id}/balances: a margin account's balances (total_cash,
  total_equity, market_value, ..., margin.stock_buying_power).

Every answer carries X-Ratelimit-Allowed / -Used / -Available / -Expiry (epoch ms); a
wrong token gets 401 "Invalid Access Token", and a request without `Accept:
application/json` gets XML, Tradier's default. Numbers are JSON numbers, as Tradier sends
them. Orders fill at the price `set_price` gives (at most `size` a match); an option's
quantity is in contracts of 100.
"""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

import msgspec

from adapters.brokers.simulators.server import Reply, Request, VenueServer

D = Decimal
ZERO = D(0)
TOKEN = "tradier-fake-token"
TRADIER_ACCOUNT = "VA12345678"
RATE_ALLOWED = 120
FUNDS = "You do not have enough buying power for this trade."
_OPEN = frozenset({"open", "partially_filled", "pending"})
_SIDES = {
    "equity": {"buy", "sell", "sell_short", "buy_to_cover"},
    "option": {"buy_to_open", "buy_to_close", "sell_to_open", "sell_to_close"},
}
_ENCODER = msgspec.json.Encoder(decimal_format="number")
OPTION_MULTIPLIER = D(100)  # shares per option contract
_OCC = re.compile(r"[A-Z]{1,6}\d{6}[CP]\d{8}")  # an OCC option symbol: root, expiry, C/P, strike


def answer(status: int, body: Any, headers: dict[str, str] | None = None) -> Reply:
    """A reply with JSON numbers written as Tradier writes them (Decimals kept exact)."""
    return Reply(status, headers=headers or {}, raw=_ENCODER.encode(body))


def refused(*messages: str, status: int = 400) -> Reply:
    return answer(status, {"errors": {"error": list(messages)}})


def rate_limited(expiry_in_s: float) -> Reply:
    """The 429 Tradier answers once a window's requests are used up."""
    return answer(429, {"errors": {"error": ["Rate limit exceeded"]}}, _limits(0, expiry_in_s))


def _limits(available: int, expiry_in_s: float = 60.0) -> dict[str, str]:
    return {
        "X-Ratelimit-Allowed": str(RATE_ALLOWED),
        "X-Ratelimit-Used": str(RATE_ALLOWED - available),
        "X-Ratelimit-Available": str(available),
        "X-Ratelimit-Expiry": str(int((time.time() + expiry_in_s) * 1000)),
    }


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(slots=True)
class TradierSimulator:
    """One Tradier account's cash, positions (symbol -> [quantity, cost basis]) and orders."""

    cash: Decimal = field(default_factory=lambda: D(100_000))
    prices: dict[str, Decimal] = field(default_factory=dict)
    sizes: dict[str, Decimal] = field(default_factory=dict)
    orders: dict[int, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, list[Decimal]] = field(default_factory=dict)
    failing_cancels: dict[int, int] = field(default_factory=dict)  # order id -> HTTP status
    rejecting: bool = False  # answer "ok", then reject the order (its back office's refusal)
    token: str = TOKEN  # the access token it accepts (another: the owner's was revoked)
    lost_answers: int = 0  # orders placed whose answer is lost: a 504 from the gateway
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(228_001))
    _triggered: set[int] = field(default_factory=set)  # stop orders their stop reached
    _available: int = RATE_ALLOWED

    def install(self, server: VenueServer) -> None:
        root = "/v1/accounts/{account}"
        server.route("POST", f"{root}/orders", self._guarded(self._submit))
        server.route("GET", f"{root}/orders", self._guarded(self._list))
        server.route("GET", f"{root}/orders/{{order_id}}", self._guarded(self._one))
        server.route("DELETE", f"{root}/orders/{{order_id}}", self._guarded(self._cancel))
        server.route("GET", f"{root}/positions", self._guarded(self._positions))
        server.route("GET", f"{root}/balances", self._guarded(self._balances))

    # -- the market ----------------------------------------------------------------------
    async def set_price(self, symbol: str, price: Decimal, size: Decimal | None = None) -> None:
        """Trade `symbol` (an OCC symbol for an option) at `price`, at most `size` a match."""
        self.prices[symbol] = D(price)
        if size is None:
            self.sizes.pop(symbol, None)
        else:
            self.sizes[symbol] = D(size)
        for order in list(self.orders.values()):
            if order["status"] in _OPEN and _instrument(order) == symbol:
                self._match(order)

    def open_count(self) -> int:
        return sum(1 for o in self.orders.values() if o["status"] in _OPEN)

    def held(self, symbol: str) -> Decimal:
        return self.positions.get(symbol, [ZERO, ZERO])[0]

    # -- routes --------------------------------------------------------------------------
    def _guarded(self, route: Any) -> Any:
        def guarded(request: Request) -> Reply:
            if request.headers.get("authorization") != f"Bearer {self.token}":
                return Reply(
                    401, raw=b"Invalid Access Token", headers={"content-type": "text/plain"}
                )
            if request.headers.get("accept") != "application/json":
                return Reply(200, raw=b"<response/>", headers={"content-type": "application/xml"})
            if request.path_params.get("account") != TRADIER_ACCOUNT:
                return refused("Account not found or not authorized")
            self._available = max(0, self._available - 1)
            reply: Reply = route(request)
            return Reply(
                reply.status, headers={**_limits(self._available), **reply.headers}, raw=reply.raw
            )

        return guarded

    def _submit(self, request: Request) -> Reply:
        form = dict(parse_qsl(request.body.decode()))
        problem = self._problem(form)
        if problem is not None:
            return refused(problem)
        order_id = next(self._ids)
        now = _stamp()
        order: dict[str, Any] = {
            "id": order_id,
            "type": form["type"],
            "symbol": form["symbol"],
            "side": form["side"],
            "quantity": D(form["quantity"]),
            "status": "open",
            "duration": form["duration"],
            "avg_fill_price": ZERO,
            "exec_quantity": ZERO,
            "last_fill_price": ZERO,
            "last_fill_quantity": ZERO,
            "remaining_quantity": D(form["quantity"]),
            "create_date": now,
            "transaction_date": now,
            "class": form["class"],
        }
        if "price" in form:
            order["price"] = D(form["price"])
        if "stop" in form:
            order["stop_price"] = D(form["stop"])
        if "option_symbol" in form:
            order["option_symbol"] = form["option_symbol"]
        if form.get("tag"):
            order["tag"] = form["tag"]
        self.orders[order_id] = order
        if self.rejecting:
            order.update(status="rejected", remaining_quantity=ZERO)
        else:
            self._match(order)
        if self.lost_answers > 0:
            self.lost_answers -= 1
            return refused("Gateway Timeout", status=504)
        return answer(200, {"order": {"id": order_id, "status": "ok", "partner_id": "fake"}})

    def _problem(self, form: dict[str, str]) -> str | None:
        """Why Tradier would refuse the order, or None."""
        kind, side, order_type = form.get("class"), form.get("side"), form.get("type")
        if kind not in _SIDES or side not in _SIDES[kind]:
            return f"Invalid Parameter: side {side} for class {kind}"
        symbol = form["option_symbol"] if kind == "option" else form["symbol"]
        if symbol not in self.prices:
            return f"Invalid Parameter: symbol {symbol}"
        if form.get("duration") not in ("day", "gtc"):
            return "Invalid Parameter: duration"
        if order_type in ("limit", "stop_limit") and "price" not in form:
            return "Invalid Parameter: price"
        if order_type in ("stop", "stop_limit") and "stop" not in form:
            return "Invalid Parameter: stop"
        quantity, held = D(form["quantity"]), self.held(symbol)
        closing = side in ("sell", "buy_to_cover", "sell_to_close", "buy_to_close")
        if closing and quantity > abs(held):
            return f"The {side} quantity exceeds the position held in {symbol}."
        if not closing and held != 0 and (held > 0) != side.startswith("buy"):
            return f"A {side} order cannot open while {symbol} is held the other way."
        if side.startswith("buy") and not closing:
            price = D(form.get("price") or self.prices[symbol])
            if quantity * price * _multiplier(symbol) > self.cash:
                return FUNDS
        return None

    def _list(self, request: Request) -> Reply:
        tagged = request.params.get("includeTags") == "true"
        shown = [o for o in self.orders.values() if tagged or "tag" not in o]
        if not shown:
            return answer(200, {"orders": "null"})
        return answer(200, {"orders": {"order": shown[0] if len(shown) == 1 else shown}})

    def _one(self, request: Request) -> Reply:
        order = self.orders.get(_int(request.path_params["order_id"]))
        if order is None:
            return refused("Order not found", status=404)
        return answer(200, {"order": order})

    def _cancel(self, request: Request) -> Reply:
        order_id = _int(request.path_params["order_id"])
        order = self.orders.get(order_id)
        if order_id in self.failing_cancels:
            return refused("Order could not be canceled", status=self.failing_cancels[order_id])
        if order is None or order["status"] not in _OPEN:
            return refused("Order is not in a cancelable state" if order else "Order not found")
        order.update(status="canceled", remaining_quantity=ZERO, transaction_date=_stamp())
        return answer(200, {"order": {"id": order_id, "status": "ok"}})

    def _positions(self, request: Request) -> Reply:
        shown = [
            {
                "cost_basis": cost,
                "date_acquired": "2026-01-02T14:41:11.405Z",
                "id": 130_000 + number,
                "quantity": quantity,
                "symbol": symbol,
            }
            for number, (symbol, (quantity, cost)) in enumerate(self.positions.items())
            if quantity != 0
        ]
        if not shown:
            return answer(200, {"positions": "null"})
        return answer(200, {"positions": {"position": shown[0] if len(shown) == 1 else shown}})

    def _balances(self, request: Request) -> Reply:
        values = {s: q * self.prices[s] * _multiplier(s) for s, (q, _) in self.positions.items()}
        long = sum((v for v in values.values() if v > 0), ZERO)
        short = sum((v for v in values.values() if v < 0), ZERO)
        balances = {
            "account_number": TRADIER_ACCOUNT,
            "account_type": "margin",
            "close_pl": ZERO,
            "current_requirement": ZERO,
            "equity": ZERO,
            "long_market_value": long,
            "market_value": long + short,
            "open_pl": ZERO,
            "option_short_value": ZERO,
            "pending_orders_count": self.open_count(),
            "short_market_value": short,
            "total_cash": self.cash,
            "total_equity": self.cash + long + short,
            "uncleared_funds": ZERO,
            "pending_cash": ZERO,
            "margin": {
                "fed_call": 0,
                "maintenance_call": 0,
                "option_buying_power": self.cash,
                "stock_buying_power": self.cash,
                "stock_short_value": short,
                "sweep": 0,
            },
        }
        return answer(200, {"balances": balances})

    # -- matching ------------------------------------------------------------------------
    def _match(self, order: dict[str, Any]) -> None:
        symbol = _instrument(order)
        price = self.prices[symbol]
        buy = order["side"].startswith("buy")
        kind = order["type"]
        if kind in ("stop", "stop_limit") and order["id"] not in self._triggered:
            if not (price >= order["stop_price"] if buy else price <= order["stop_price"]):
                return
            self._triggered.add(order["id"])
        if kind in ("limit", "stop_limit") and not (
            price <= order["price"] if buy else price >= order["price"]
        ):
            return
        left = order["remaining_quantity"]
        size = self.sizes.get(symbol)
        quantity = left if size is None else min(left, size)
        if quantity > 0:
            self._fill(order, symbol, quantity, price, D(1 if buy else -1))

    def _fill(
        self, order: dict[str, Any], symbol: str, quantity: Decimal, price: Decimal, sign: Decimal
    ) -> None:
        done = order["exec_quantity"] + quantity
        order["avg_fill_price"] = (
            order["avg_fill_price"] * order["exec_quantity"] + price * quantity
        ) / done
        order.update(
            exec_quantity=done,
            last_fill_price=price,
            last_fill_quantity=quantity,
            remaining_quantity=order["quantity"] - done,
            status="filled" if done >= order["quantity"] else "partially_filled",
            transaction_date=_stamp(),
        )
        value = quantity * price * _multiplier(symbol)
        self.cash -= sign * value
        held, cost = self.positions.get(symbol, [ZERO, ZERO])
        moved = sign * quantity
        if held == 0 or (held > 0) == (moved > 0):
            cost += sign * value  # opening or adding: cost grows
        else:
            cost -= cost * (min(quantity, abs(held)) / abs(held))  # closing: pro rata
        self.positions[symbol] = [held + moved, cost]


def _instrument(order: dict[str, Any]) -> str:
    return str(order.get("option_symbol") or order["symbol"])


def _multiplier(symbol: str) -> Decimal:
    return OPTION_MULTIPLIER if _OCC.fullmatch(symbol) else D(1)


def _int(text: str) -> int:
    return int(text) if text.isdigit() else -1
