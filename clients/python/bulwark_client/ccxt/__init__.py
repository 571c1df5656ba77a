"""Bulwark behind ccxt's unified API: a script written for ccxt trades through Bulwark's gate by
changing one constructor.

    exchange = ccxt.binance({"apiKey": KEY, "secret": SECRET})          # before
    exchange = bulwark_client.ccxt.bulwark(                              # after
        {"apiKey": AGENT_KEY, "urls": {"api": "https://bulwark.example"},
         "options": {"account": "acc-1"}}
    )
    order = exchange.create_order("AAPL", "limit", "buy", 10, 185.5)

The methods and structures are ccxt's (docs.ccxt.com, "Unified API"): `load_markets`,
`create_order`, `cancel_order`, `fetch_order`, `fetch_open_orders`, `fetch_closed_orders`,
`fetch_positions`, `fetch_balance`, each order an order structure (`id`, `clientOrderId`,
`status` open/closed/canceled/expired/rejected, `amount`, `filled`, `remaining`, `average`,
`info`, ...). Numbers in the unified fields are floats, as ccxt's are; `info` keeps Bulwark's
own answer with its exact decimal strings. An amount or price given as a float is sent as its
shortest round-tripping text (`repr`), as a string or Decimal as given.

Errors are ccxt's classes when ccxt is installed (else same-named classes of this module): a
denial by the gate is `InvalidOrder` (the reasons in its message), as are bad order terms
(checked before sending: an amount or price not a finite number above 0; Bulwark's INVALID_*);
an unknown order `OrderNotFound`; an account the key may not use (another owner's, or none:
Bulwark does not say which) `AccountNotEnabled`, a `PermissionDenied`; a bad key
`AuthenticationError`, a refused action `PermissionDenied`, a halt or other refusal
`ExchangeError`, too many requests `RateLimitExceeded`, Bulwark down `ExchangeNotAvailable`.
Every order carries an Idempotency-Key, so a retried `create_order` never places twice.
`from bulwark_client.ccxt.async_support import bulwark` is the same with `await`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any

import httpx

from bulwark_client import errors
from bulwark_client.facade import Bulwark
from bulwark_client.generated.api.trading import get_account, get_margin_status, list_instruments
from bulwark_client.generated.models import OrderStatus, Side, TimeInForce

# ccxt's error hierarchy, by name: each class and its parent (None: ccxt's BaseError's), as
# ccxt 4 has it (a rate limit and an outage are network errors, not exchange errors).
_HIERARCHY: dict[str, str | None] = {
    "BaseError": None,
    "ExchangeError": "BaseError",
    "AuthenticationError": "ExchangeError",
    "PermissionDenied": "AuthenticationError",
    "AccountNotEnabled": "PermissionDenied",
    "BadRequest": "ExchangeError",
    "InvalidOrder": "ExchangeError",
    "OrderNotFound": "InvalidOrder",
    "OperationFailed": "BaseError",
    "NetworkError": "OperationFailed",
    "RateLimitExceeded": "NetworkError",
    "ExchangeNotAvailable": "NetworkError",
}


def stand_in_errors() -> dict[str, type[Exception]]:
    """Classes of ccxt's names and hierarchy, for when ccxt is not installed."""
    made: dict[str, type[Exception]] = {}
    for name, parent in _HIERARCHY.items():
        made[name] = type(name, (made[parent] if parent else Exception,), {})
    return made


def _error_classes() -> dict[str, type[Exception]]:
    """ccxt's own classes when ccxt is installed, so a script's `except ccxt.InvalidOrder`
    keeps working; else `stand_in_errors`."""
    try:
        import ccxt  # type: ignore[import-untyped]
    except ImportError:
        return stand_in_errors()
    return {name: getattr(ccxt, name) for name in _HIERARCHY}


_ERRORS = _error_classes()
BaseError = _ERRORS["BaseError"]
ExchangeError = _ERRORS["ExchangeError"]
AuthenticationError = _ERRORS["AuthenticationError"]
PermissionDenied = _ERRORS["PermissionDenied"]
AccountNotEnabled = _ERRORS["AccountNotEnabled"]
BadRequest = _ERRORS["BadRequest"]
InvalidOrder = _ERRORS["InvalidOrder"]
OrderNotFound = _ERRORS["OrderNotFound"]
RateLimitExceeded = _ERRORS["RateLimitExceeded"]
ExchangeNotAvailable = _ERRORS["ExchangeNotAvailable"]
OperationFailed = _ERRORS["OperationFailed"]
NetworkError = _ERRORS["NetworkError"]


# Bulwark's order statuses as ccxt's.
_STATUS = {
    "new": "open",
    "pending_submit": "open",
    "accepted": "open",
    "partially_filled": "open",
    "held": "open",
    "filled": "closed",
    "canceled": "canceled",
    "expired": "expired",
    "rejected": "rejected",
    "denied": "rejected",
    "never_sent": "rejected",
}
_OPEN = [OrderStatus(s) for s in ("new", "pending_submit", "accepted", "partially_filled", "held")]
_CLOSED = [
    OrderStatus(s) for s in ("filled", "canceled", "expired", "rejected", "denied", "never_sent")
]
_TYPES = {"market", "limit", "stop", "stop_limit"}
_PARAMS = {
    "clientOrderId": "client_order_id",
    "timeInForce": "time_in_force",
    "stopPrice": "stop_price",
    "triggerPrice": "stop_price",
    "reduceOnly": "reduce_only",
}
_INSTRUMENTS_PAGE = 200
_ORDERS_PAGE = 200


_SIDES = {side.value for side in Side}
_TIMES_IN_FORCE = {time.value for time in TimeInForce}
# Bulwark's refusals of an order's terms (422), raised as ccxt's InvalidOrder; while an order is
# placed, a 400 VALIDATION_ERROR names one of its fields and is one too.
_ORDER_TERMS = {"INVALID_ORDER", "INVALID_QUANTITY", "INVALID_PRICE", "ORDER_REJECTED"}


def number(value: Any) -> str:
    """An amount or price as Bulwark's decimal text (a float through its shortest repr)."""
    if isinstance(value, float):
        return repr(value)
    return str(Decimal(str(value)))


def positive(name: str, value: Any) -> str:
    """`value` as Bulwark's decimal text, or InvalidOrder unless it is a finite number above 0."""
    try:
        parsed = Decimal(str(value)) if not isinstance(value, bool) else None
    except ArithmeticError:
        parsed = None
    if parsed is None or not parsed.is_finite() or parsed <= 0:
        raise InvalidOrder(f"bulwark: {name} must be a number above 0, not {value!r}")
    return number(value)


def _float(text: Any) -> float | None:
    return None if text in (None, "") else float(text)


def _millis(text: str | None) -> int | None:
    if not text:
        return None
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def unified_order(info: Mapping[str, Any]) -> dict[str, Any]:
    """A Bulwark order as ccxt's order structure."""
    amount = _float(info.get("quantity"))
    filled = _float(info.get("filled_quantity")) or 0.0
    average = _float(info.get("average_fill_price"))
    created = info.get("created_at")
    return {
        "id": info["id"],
        "clientOrderId": info.get("client_order_id"),
        "timestamp": _millis(created),
        "datetime": created,
        "lastTradeTimestamp": None,
        "status": _STATUS.get(str(info.get("status")), "open"),
        "symbol": info.get("symbol"),
        "type": info.get("order_type"),
        "timeInForce": str(info.get("time_in_force", "")).upper() or None,
        "side": info.get("side"),
        "price": _float(info.get("limit_price")) or average,
        "stopPrice": _float(info.get("stop_price")),
        "triggerPrice": _float(info.get("stop_price")),
        "average": average,
        "amount": amount,
        "filled": filled,
        "remaining": None if amount is None else amount - filled,
        "cost": None if average is None else filled * average,
        "reduceOnly": info.get("reduce_only"),
        "postOnly": False,  # Bulwark has no post-only orders
        "takeProfitPrice": None,
        "stopLossPrice": None,
        "lastUpdateTimestamp": None,
        "trades": [],
        "fee": None,
        "fees": [],
        "info": dict(info),
    }


def unified_position(info: Mapping[str, Any]) -> dict[str, Any]:
    """A Bulwark position as ccxt's position structure (a short is a negative quantity)."""
    quantity = _float(info.get("quantity")) or 0.0
    return {
        "symbol": info.get("symbol"),
        "side": "long" if quantity >= 0 else "short",
        "contracts": abs(quantity),
        "contractSize": 1.0,
        "entryPrice": _float(info.get("average_price")),
        "markPrice": _float(info.get("mark")),
        "notional": _float(info.get("market_value")),
        "unrealizedPnl": _float(info.get("unrealized_pnl")),
        "realizedPnl": _float(info.get("realized_pnl")),
        "marginMode": None,
        "hedged": False,  # one net position per symbol
        **dict.fromkeys(_POSITION_UNKNOWN),
        "info": dict(info),
    }


# ccxt's position fields a Bulwark position does not carry (its margin is `fetch_balance`'s).
_POSITION_UNKNOWN = (
    "id",
    "timestamp",
    "datetime",
    "lastUpdateTimestamp",
    "lastPrice",
    "leverage",
    "collateral",
    "initialMargin",
    "initialMarginPercentage",
    "maintenanceMargin",
    "marginRatio",
    "liquidationPrice",
    "percentage",
    "stopLossPrice",
    "takeProfitPrice",
)


_CENT = Decimal("0.01")
_RATE = Decimal("0.0001")


def _decimal(text: Any) -> Decimal | None:
    return None if text in (None, "") else Decimal(str(text))


def _rate(requirement: Decimal, notional: Decimal) -> Decimal:
    return (requirement / notional).quantize(_RATE) if notional > 0 else Decimal(1)


def committed(
    account: Mapping[str, Any], margin: Mapping[str, Any] | None, orders: list[Mapping[str, Any]]
) -> Decimal:
    """What the account's positions and open orders commit of its equity, as the gate's
    buying power counts it: each position's initial margin, and each open order's remaining
    quantity at its limit (else stop, else the held mark) price times the initial rate of its
    symbol (100% in a cash account; in a margin account the position's rate, else the rate
    behind the buying power Bulwark reports)."""
    equity = _decimal(account.get("equity")) or _decimal(account.get("cash")) or Decimal(0)
    power = _decimal(account.get("buying_power"))
    rates: dict[str, Decimal] = {}
    marks: dict[str, Decimal] = {}
    if margin is None:  # a cash account: every position and order needs 100% of its value
        held = equity - (power if power is not None else equity)
        default = Decimal(1)
    else:
        held = Decimal(str(margin["initial_requirement"]))
        margin_power = Decimal(str(margin["buying_power"]))
        default = _rate(Decimal(str(margin["equity"])) - held, margin_power)
        for line in margin.get("positions") or []:
            rates[line["symbol"]] = _rate(
                Decimal(str(line["initial_requirement"])), Decimal(str(line["notional"]))
            )
            marks[line["symbol"]] = Decimal(str(line["mark"]))
    pending = Decimal(0)
    for order in orders:
        symbol = str(order.get("symbol"))
        remaining = Decimal(str(order.get("quantity") or 0)) - Decimal(
            str(order.get("filled_quantity") or 0)
        )
        price = (
            _decimal(order.get("limit_price"))
            or _decimal(order.get("stop_price"))
            or marks.get(symbol, Decimal(0))
        )
        pending += max(remaining, Decimal(0)) * price * rates.get(symbol, default)
    return max(held, Decimal(0)) + pending


def unified_balance(
    account: Mapping[str, Any],
    margin: Mapping[str, Any] | None = None,
    orders: list[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """An account as ccxt's balance structure in its currency: `total` its equity, `used` what
    its positions' margin and its open orders commit (`committed`), `free` the rest (the
    buying power Bulwark reports, in equity, less the open orders'), so free + used == total;
    computed in Decimal to the cent, then given as floats as every unified number is."""
    currency = account.get("currency") or "USD"
    total = _decimal(account.get("equity")) or _decimal(account.get("cash")) or Decimal(0)
    used = committed(account, margin, orders or []).quantize(_CENT)
    free = total - used
    info = {"account": dict(account), "margin": margin, "open_orders": list(orders or [])}
    amounts = {"free": float(free), "used": float(used), "total": float(total)}
    return {
        "info": info,
        "timestamp": None,
        "datetime": None,
        currency: amounts,
        "free": {currency: amounts["free"]},
        "used": {currency: amounts["used"]},
        "total": {currency: amounts["total"]},
    }


def unified_market(info: Mapping[str, Any]) -> dict[str, Any]:
    symbol = str(info["symbol"])
    base, _, quote = symbol.partition("/")
    return {
        "id": symbol,
        "symbol": symbol,
        "base": base,
        "quote": quote or str(info.get("currency") or "USD"),
        "active": info.get("active", True),
        "type": "spot",
        "spot": True,
        "precision": {
            "amount": _float(info.get("lot_size")),
            "price": _float(info.get("tick_size")),
        },
        "limits": {"amount": {"min": _float(info.get("lot_size")), "max": None}},
        "info": dict(info),
    }


@contextmanager
def ccxt_errors(*, placing: bool = False, account: str | None = None) -> Iterator[None]:
    """Bulwark's problems raised as ccxt's errors (the original as their cause); `placing`: the
    request places an order, so a malformed field of it is an invalid order; `account`: the
    request is the account's, so its 404 (not there, or not the caller's: Bulwark does not say
    which) is ccxt's AccountNotEnabled, an account one may not use."""
    try:
        yield
    except errors.OrderDenied as exc:
        raise InvalidOrder(f"bulwark ORDER_DENIED: {'; '.join(exc.reasons) or exc}") from exc
    except errors.NotFound as exc:
        if account is not None:
            raise AccountNotEnabled(
                f"bulwark {exc.code}: account {account} is not one this key may use"
            ) from exc
        raise OrderNotFound(f"bulwark {exc.code}: {exc}") from exc
    except errors.Unauthenticated as exc:
        raise AuthenticationError(f"bulwark {exc.code}: {exc}") from exc
    except errors.Forbidden as exc:
        raise PermissionDenied(f"bulwark {exc.code}: {exc}") from exc
    except errors.RateLimited as exc:
        raise RateLimitExceeded(f"bulwark {exc.code}: {exc}") from exc
    except (errors.BadRequest, errors.Unprocessable) as exc:
        terms = exc.code in _ORDER_TERMS or (placing and exc.code == "VALIDATION_ERROR")
        raise (InvalidOrder if terms else BadRequest)(f"bulwark {exc.code}: {exc}") from exc
    except errors.ServerError as exc:
        raise ExchangeNotAvailable(f"bulwark {exc.code}: {exc}") from exc
    except errors.BulwarkError as exc:
        raise ExchangeError(f"bulwark {exc.code}: {exc}") from exc
    except httpx.TransportError as exc:
        raise ExchangeNotAvailable(f"bulwark unreachable: {exc}") from exc


class _Unified:
    """What the sync and async exchanges share: the configuration and the request bodies."""

    id = "bulwark"
    name = "Bulwark"

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        config = dict(config or {})
        urls = config.get("urls") or {}
        url = urls.get("api") if isinstance(urls, Mapping) else None
        self.url = str(url or config.get("url") or "")
        self.apiKey = str(config.get("apiKey") or "")
        self.options = dict(config.get("options") or {})
        if not self.url:
            raise BadRequest("bulwark: set urls.api to the Bulwark instance's URL")
        if not self.apiKey:
            raise AuthenticationError("bulwark: set apiKey to an agent's API key")
        if not self.options.get("account"):
            raise BadRequest("bulwark: set options.account to the account to trade")
        self.markets: dict[str, dict[str, Any]] = {}

    def _account(self, params: Mapping[str, Any]) -> str:
        return str(params.get("account") or self.options["account"])

    def _order_body(
        self, symbol: str, type: str, side: str, amount: Any, price: Any, params: Mapping[str, Any]
    ) -> dict[str, Any]:
        if type not in _TYPES:
            raise InvalidOrder(f"bulwark: order type {type!r} is none of {sorted(_TYPES)}")
        if side not in _SIDES:
            raise InvalidOrder(f"bulwark: side {side!r} is none of {sorted(_SIDES)}")
        body: dict[str, Any] = {
            "account_id": self._account(params),
            "symbol": symbol,
            "side": side,
            "quantity": positive("amount", amount),
            "order_type": type,
        }
        if price is not None and type in ("limit", "stop_limit"):
            body["limit_price"] = positive("price", price)
        for theirs, ours in _PARAMS.items():
            if params.get(theirs) is not None:
                value = params[theirs]
                body[ours] = positive(theirs, value) if ours == "stop_price" else value
        if "time_in_force" in body:
            body["time_in_force"] = str(body["time_in_force"]).lower()
            if body["time_in_force"] not in _TIMES_IN_FORCE:
                raise InvalidOrder(
                    f"bulwark: timeInForce {params['timeInForce']!r} is none of "
                    f"{sorted(t.upper() for t in _TIMES_IN_FORCE)}"
                )
        return body

    @staticmethod
    def _closed(
        orders: list[dict[str, Any]], since: int | None, limit: int | None
    ) -> list[dict[str, Any]]:
        kept = [o for o in orders if since is None or (o["timestamp"] or 0) >= since]
        return kept[:limit] if limit else kept


class bulwark(_Unified):
    """Bulwark as a synchronous ccxt exchange (see the module docstring)."""

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        super().__init__(config)
        self.client = Bulwark(self.url, api_key=self.apiKey)

    def close(self) -> None:
        self.client.close()

    def load_markets(
        self, reload: bool = False, params: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        if self.markets and not reload:
            return self.markets
        items: list[dict[str, Any]] = []
        cursor: str | None = None
        with ccxt_errors():
            while True:
                page = self.client.call(list_instruments, cursor=cursor, limit=_INSTRUMENTS_PAGE)
                items += page.to_dict()["items"]
                if not (cursor := page.to_dict().get("next_cursor")):
                    break
        self.markets = {m["symbol"]: m for m in map(unified_market, items)}
        return self.markets

    def create_order(
        self, symbol: str, type: str, side: str, amount: Any, price: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        body = self._order_body(symbol, type, side, amount, price, params or {})
        with ccxt_errors(placing=True, account=body["account_id"]):
            placed = self.client.place_order(body)
        return unified_order(placed.to_dict()["order"])

    def cancel_order(
        self, id: str, symbol: str | None = None, params: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        with ccxt_errors():
            return unified_order(self.client.cancel_order(id).to_dict())

    def fetch_order(
        self, id: str, symbol: str | None = None, params: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        with ccxt_errors():
            return unified_order(self.client.get_order(id).to_dict())

    def _orders(
        self,
        statuses: list[OrderStatus],
        symbol: str | None,
        limit: int | None,
        params: Mapping[str, Any],
    ) -> list[dict[str, Any]]:
        orders: list[dict[str, Any]] = []
        cursor: str | None = None
        with ccxt_errors(account=self._account(params)):
            while limit is None or len(orders) < limit:
                page = self.client.list_orders(
                    self._account(params), status=statuses, symbol=symbol, cursor=cursor,
                    limit=_ORDERS_PAGE,
                ).to_dict()  # fmt: skip
                orders += page["items"]
                if not (cursor := page.get("next_cursor")):
                    break
        return [unified_order(o) for o in orders]

    def fetch_open_orders(
        self,
        symbol: str | None = None,
        since: int | None = None,
        limit: int | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        return self._closed(self._orders(_OPEN, symbol, limit, params or {}), since, limit)

    def fetch_closed_orders(
        self,
        symbol: str | None = None,
        since: int | None = None,
        limit: int | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        return self._closed(self._orders(_CLOSED, symbol, limit, params or {}), since, limit)

    def fetch_positions(
        self, symbols: list[str] | None = None, params: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        with ccxt_errors(account=self._account(params or {})):
            listed = self.client.list_positions(self._account(params or {})).to_dict()
        positions = [unified_position(p) for p in listed["items"]]
        return [p for p in positions if not symbols or p["symbol"] in symbols]

    def fetch_balance(self, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        account_id = self._account(params or {})
        with ccxt_errors(account=account_id):
            account = self.client.call(get_account, account_id).to_dict()
            margin = None
            if account.get("trading_type") != "cash":
                margin = self.client.call(get_margin_status, account_id).to_dict()
        orders = self._orders(_OPEN, None, None, params or {})
        return unified_balance(account, margin, [o["info"] for o in orders])


# ccxt's layout: `ccxt.async_support.binance`, here `bulwark_client.ccxt.async_support.bulwark`.
from bulwark_client.ccxt import async_support as async_support  # noqa: E402  (built on the above)
