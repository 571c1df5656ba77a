"""A stateful simulator of Alpaca's trading API v2, on the venue server (server.py).

It answers the documented endpoints (docs.alpaca.markets, "Trading API"): POST/GET
/v2/orders, GET /v2/orders:by_client_order_id, DELETE /v2/orders (207, one entry per
order) and /v2/orders/{order_id}, GET/DELETE /v2/positions, GET /v2/account,
GET /v2/account/activities/FILL, GET /v2/assets and the trade_updates stream, in the
response shapes recorded in alpaca_shapes/ (numbers as strings, as Alpaca sends them), with
its error bodies ({"code": 40010001, "message": ...}). The venue keeps cash, positions and
orders, fills marketable orders at the price `set_price` gives, records FILL activities and
pushes trade_updates (binary frames, as Alpaca's paper stream does) to listeners.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from adapters.brokers.simulators.server import Reply, Request, ServerSocket, VenueServer

SHAPES = Path(__file__).parent / "alpaca_shapes"


def shape(name: str) -> Any:
    """A recorded Alpaca response shape from alpaca_shapes/<name>.json (a fresh copy)."""
    return json.loads((SHAPES / f"{name}.json").read_text())


D = Decimal
ZERO = D(0)
KEY_ID, SECRET = "AKFAKE", "fake-secret"
_OPEN = {"new", "accepted", "pending_new", "partially_filled", "held", "pending_cancel"}
_STOP_TYPES = {"stop", "stop_limit"}


def _err(status: int, code: int, message: str) -> Reply:
    return Reply(status, {"code": code, "message": message})


@dataclass(slots=True)
class HeldPosition:
    qty: Decimal
    avg: Decimal


@dataclass(slots=True)
class AlpacaSimulator:
    """The venue's state and its routes; `install` puts them on a server."""

    cash: Decimal = field(default_factory=lambda: D(100_000))
    multiplier: Decimal = field(default_factory=lambda: D(1))
    prices: dict[str, Decimal] = field(default_factory=dict)
    sizes: dict[str, Decimal] = field(default_factory=dict)
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, HeldPosition] = field(default_factory=dict)
    activities: list[dict[str, Any]] = field(default_factory=list)
    listeners: set[ServerSocket] = field(default_factory=set)
    failing_cancels: set[str] = field(default_factory=set)
    failing_closes: set[str] = field(default_factory=set)
    refuse_streams: bool = False
    # GET /v2/assets: entries over the documented shape (alpaca_shapes/asset.json)
    assets: list[dict[str, Any]] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _triggered: set[str] = field(default_factory=set)

    def install(self, server: VenueServer) -> None:
        server.route("POST", "/v2/orders", self._submit)
        server.route("GET", "/v2/orders", self._list)
        server.route("GET", "/v2/orders:by_client_order_id", self._by_client_id)
        server.route("DELETE", "/v2/orders", self._cancel_all)
        server.route("DELETE", "/v2/orders/{order_id}", self._cancel)
        server.route("GET", "/v2/positions", self._positions)
        server.route("DELETE", "/v2/positions", self._close_all)
        server.route("GET", "/v2/account", self._account)
        server.route("GET", "/v2/account/activities/FILL", self._activities)
        server.route("GET", "/v2/assets", self._assets)
        server.websocket("/stream", self._stream)

    # -- the market ----------------------------------------------------------------------
    async def set_price(self, symbol: str, price: Decimal, size: Decimal | None = None) -> None:
        """Trade `symbol` at `price` (at most `size` a match) and fill what it reaches."""
        self.prices[symbol] = D(price)
        if size is None:
            self.sizes.pop(symbol, None)
        else:
            self.sizes[symbol] = D(size)
        for order in list(self.orders.values()):
            if order["symbol"] == symbol and order["status"] in _OPEN:
                await self._match(order)

    def open_count(self) -> int:
        return sum(1 for o in self.orders.values() if o["status"] in _OPEN)

    # -- orders ----------------------------------------------------------------------
    async def _submit(self, request: Request) -> Reply:
        body = request.json() or {}
        refused = self._validate(body)
        if refused is not None:
            return refused
        order = shape("order")
        now = _stamp(self._now())
        order.update(
            id=f"alp-{next(self._ids):06d}",
            client_order_id=body.get("client_order_id") or f"auto-{next(self._ids)}",
            symbol=body["symbol"],
            side=body["side"],
            type=body["type"],
            order_type=body["type"],
            time_in_force=body["time_in_force"],
            qty=body["qty"],
            filled_qty="0",
            limit_price=body.get("limit_price"),
            stop_price=body.get("stop_price"),
            status="accepted",
            created_at=now,
            updated_at=now,
            submitted_at=now,
        )
        self.orders[order["id"]] = order
        await self._match(order)
        if order["status"] in _OPEN and order["time_in_force"] in ("ioc", "fok"):
            order["status"] = "canceled"
        return Reply(200, dict(order))

    def _validate(self, body: dict[str, Any]) -> Reply | None:
        symbol, kind, tif = body.get("symbol"), body.get("type"), body.get("time_in_force")
        if any(o["client_order_id"] == body.get("client_order_id") for o in self.orders.values()):
            return _err(422, 40010001, "client_order_id must be unique")
        if symbol not in self.prices:
            return _err(422, 40010001, f'asset "{symbol}" not found')
        if D(body.get("qty", "0")) <= 0:
            return _err(422, 40010001, "qty must be > 0")
        if kind in ("limit", "stop_limit") and body.get("limit_price") is None:
            return _err(422, 40010001, "limit_price is required")
        if kind in _STOP_TYPES and body.get("stop_price") is None:
            return _err(422, 40010001, "stop_price is required")
        if kind in _STOP_TYPES and tif not in ("day", "gtc"):
            return _err(422, 42210000, f"invalid time_in_force {tif} for {kind} orders")
        if tif == "fok" and kind in ("market", "limit") and not self._fillable_at_once(body):
            return _err(422, 42210000, "fill-or-kill order cannot fill")
        if body.get("side") == "buy":
            price = D(body.get("limit_price") or self.prices[symbol])
            if D(body["qty"]) * price > self._buying_power():
                return _err(403, 40310000, "insufficient buying power")
        return None

    def _fillable_at_once(self, body: dict[str, Any]) -> bool:
        price, limit = self.prices[body["symbol"]], body.get("limit_price")
        reaches = limit is None or (
            price <= D(limit) if body["side"] == "buy" else price >= D(limit)
        )
        size = self.sizes.get(body["symbol"])
        return reaches and (size is None or size >= D(body["qty"]))

    async def _match(self, order: dict[str, Any]) -> None:
        price = self.prices.get(order["symbol"])
        if price is None:
            return
        buy = order["side"] == "buy"
        if order["type"] in _STOP_TYPES and order["id"] not in self._triggered:
            stop = D(order["stop_price"])
            if not (price >= stop if buy else price <= stop):
                return
            self._triggered.add(order["id"])
        limit = D(order.get("limit_price") or 0)
        if order["type"] in ("limit", "stop_limit") and not (
            price <= limit if buy else price >= limit
        ):
            return
        left = D(order["qty"]) - D(order["filled_qty"])
        size = self.sizes.get(order["symbol"])
        quantity = left if size is None else min(left, size)
        if quantity > 0:
            await self._fill(order, quantity, price)

    async def _fill(self, order: dict[str, Any], quantity: Decimal, price: Decimal) -> None:
        filled_before = D(order["filled_qty"])
        filled = filled_before + quantity
        average = D(order["filled_avg_price"] or 0)
        order["filled_avg_price"] = str((average * filled_before + price * quantity) / filled)
        order["filled_qty"] = str(filled)
        complete = filled >= D(order["qty"])
        order["status"] = "filled" if complete else "partially_filled"
        sign = 1 if order["side"] == "buy" else -1
        self.cash -= sign * quantity * price
        self._book_position(order["symbol"], sign * quantity, price)
        now = self._now()
        execution = f"exec-{next(self._ids):06d}"
        self.activities.append(
            {
                **shape("activity_fill"),
                "id": f"{now:%Y%m%d%H%M%S%f}::{execution}",
                "transaction_time": _stamp(now),
                "type": "fill" if complete else "partial_fill",
                "price": str(price),
                "qty": str(quantity),
                "side": order["side"],
                "symbol": order["symbol"],
                "leaves_qty": str(D(order["qty"]) - filled),
                "order_id": order["id"],
                "cum_qty": str(filled),
                "order_status": order["status"],
            }
        )
        held = self.positions.get(order["symbol"])
        await self.publish(
            {
                "event": "fill" if complete else "partial_fill",
                "execution_id": execution,
                "timestamp": _stamp(now),
                "price": str(price),
                "qty": str(quantity),
                "position_qty": str(held.qty if held else ZERO),
                "order": dict(order),
            }
        )

    def _book_position(self, symbol: str, signed: Decimal, price: Decimal) -> None:
        held = self.positions.get(symbol)
        if held is None:
            self.positions[symbol] = HeldPosition(signed, price)
            return
        total = held.qty + signed
        if total == 0:
            del self.positions[symbol]
        elif (held.qty > 0) == (signed > 0):
            held.avg = (held.avg * held.qty + price * signed) / total
            held.qty = total
        elif (held.qty > 0) != (total > 0):
            self.positions[symbol] = HeldPosition(total, price)  # flipped through zero
        else:
            held.qty = total

    def _list(self, request: Request) -> Reply:
        status = request.params.get("status", "open")
        found = [o for o in self.orders.values() if status != "open" or o["status"] in _OPEN]
        found.sort(key=lambda o: o["submitted_at"])
        if "after" in request.params:
            after = _parse(request.params["after"])
            found = [o for o in found if _parse(o["submitted_at"]) > after]
        limit = int(request.params.get("limit", "50"))
        return Reply(200, [dict(o) for o in found[:limit]])

    def _by_client_id(self, request: Request) -> Reply:
        wanted = request.params.get("client_order_id")
        for order in self.orders.values():
            if order["client_order_id"] == wanted:
                return Reply(200, dict(order))
        return _err(404, 40410000, "order not found")

    async def _cancel(self, request: Request) -> Reply:
        order = self.orders.get(request.path_params["order_id"])
        if order is None:
            return _err(404, 40410000, "order not found")
        if order["status"] not in _OPEN:
            return _err(422, 42210000, f"order is {order['status']}, not cancelable")
        if order["id"] in self.failing_cancels or order["client_order_id"] in self.failing_cancels:
            return _err(500, 50010000, "internal server error occurred")
        await self._cancel_now(order)
        return Reply(204)

    async def _cancel_all(self, _: Request) -> Reply:
        results = []
        for order in [o for o in self.orders.values() if o["status"] in _OPEN]:
            if (
                order["id"] in self.failing_cancels
                or order["client_order_id"] in self.failing_cancels
            ):
                body = {"code": 50010000, "message": "internal server error occurred"}
                results.append({"id": order["id"], "status": 500, "body": body})
                continue
            snapshot = {**order, "status": "pending_cancel"}
            await self._cancel_now(order)
            results.append({"id": order["id"], "status": 200, "body": snapshot})
        return Reply(207, results)

    async def _cancel_now(self, order: dict[str, Any]) -> None:
        order["status"] = "canceled"
        order["canceled_at"] = _stamp(self._now())
        await self.publish({"event": "canceled", "timestamp": order["canceled_at"], "order": order})

    # -- positions and account -----------------------------------------------------------
    def _positions(self, _: Request) -> Reply:
        return Reply(200, [self._position_json(s, p) for s, p in sorted(self.positions.items())])

    def _position_json(self, symbol: str, held: HeldPosition) -> dict[str, Any]:
        price = self.prices.get(symbol, held.avg)
        return {
            **shape("position"),
            "symbol": symbol,
            "qty": str(held.qty),
            "qty_available": str(held.qty),
            "avg_entry_price": str(held.avg),
            "side": "long" if held.qty > 0 else "short",
            "current_price": str(price),
            "market_value": str(held.qty * price),
            "cost_basis": str(held.qty * held.avg),
        }

    async def _close_all(self, request: Request) -> Reply:
        if request.params.get("cancel_orders") == "true":
            for order in [o for o in self.orders.values() if o["status"] in _OPEN]:
                await self._cancel_now(order)
        results = []
        for symbol, held in sorted(self.positions.items()):
            if symbol in self.failing_closes:
                message = f"insufficient qty available for order (requested: {abs(held.qty)})"
                results.append(
                    {
                        "symbol": symbol,
                        "status": 500,
                        "body": {"code": 50010000, "message": message},
                    }
                )
                continue
            side = "sell" if held.qty > 0 else "buy"
            close = {"symbol": symbol, "qty": str(abs(held.qty)), "side": side, "type": "market"}
            close |= {"time_in_force": "day", "client_order_id": f"close-{next(self._ids):06d}"}
            placed = await self._submit(Request("POST", "/v2/orders", {}, {}, _json(close)))
            body = placed.body if placed.status != 200 else {**placed.body, "status": "accepted"}
            results.append({"symbol": symbol, "status": placed.status, "body": body})
        return Reply(207, results)

    def list_asset(self, symbol: str, **fields: Any) -> None:
        """List `symbol` at GET /v2/assets (fields over the recorded shape: status, ...)."""
        self.assets.append({**shape("asset"), "symbol": symbol, "name": f"{symbol} Inc", **fields})

    def _assets(self, request: Request) -> Reply:
        status = request.params.get("status")
        asset_class = request.params.get("asset_class")
        found = [
            a
            for a in self.assets
            if (status is None or a["status"] == status)
            and (asset_class is None or a["class"] == asset_class)
        ]
        return Reply(200, found)

    def _account(self, _: Request) -> Reply:
        equity = self._equity()
        return Reply(
            200,
            {
                **shape("account"),
                "cash": str(self.cash),
                "equity": str(equity),
                "portfolio_value": str(equity),
                "buying_power": str(self._buying_power()),
                "multiplier": str(self.multiplier),
            },
        )

    def _equity(self) -> Decimal:
        value = sum((p.qty * self.prices.get(s, p.avg) for s, p in self.positions.items()), ZERO)
        return self.cash + value

    def _buying_power(self) -> Decimal:
        gross = sum(
            (abs(p.qty) * self.prices.get(s, p.avg) for s, p in self.positions.items()), ZERO
        )
        return max(ZERO, self._equity() * self.multiplier - gross)

    def _activities(self, request: Request) -> Reply:
        found = list(self.activities)
        if "after" in request.params:
            after = _parse(request.params["after"])
            found = [a for a in found if _parse(a["transaction_time"]) > after]
        token = request.params.get("page_token")
        if token is not None:
            ids = [a["id"] for a in found]
            found = found[ids.index(token) + 1 :] if token in ids else []
        size = int(request.params.get("page_size", "100"))
        return Reply(200, found[:size])

    # -- the trade_updates stream --------------------------------------------------------
    async def _stream(self, ws: ServerSocket) -> None:
        await ws.accept()
        auth = await ws.receive_json()
        ok = (
            not self.refuse_streams
            and isinstance(auth, dict)
            and auth.get("key") == KEY_ID
            and auth.get("secret") == SECRET
        )
        status = "authorized" if ok else "unauthorized"
        data = {"action": "authenticate", "status": status}
        await ws.send_json({"stream": "authorization", "data": data}, binary=True)
        if not ok:
            return
        listen = await ws.receive_json()
        if not isinstance(listen, dict) or listen.get("action") != "listen":
            return
        await ws.send_json(
            {"stream": "listening", "data": {"streams": ["trade_updates"]}}, binary=True
        )
        self.listeners.add(ws)
        try:
            while await ws.receive() is not None:
                pass
        finally:
            self.listeners.discard(ws)

    async def publish(self, data: dict[str, Any]) -> None:
        """Send one trade update to every listening stream."""
        for ws in list(self.listeners):
            try:
                await ws.send_json({"stream": "trade_updates", "data": data}, binary=True)
            except Exception:  # a client that went away mid-send
                self.listeners.discard(ws)

    async def publish_raw(self, raw: bytes) -> None:
        """Send bytes as they are (a malformed message) to every listening stream."""
        for ws in list(self.listeners):
            await ws.send_bytes(raw)

    @staticmethod
    def _now() -> datetime:
        return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _json(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()
