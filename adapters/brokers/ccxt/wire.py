"""ccxt's unified structures (order, trade, position, market) mapped to the port's types.

Every number is read with `symbols.decimal` from the strings ccxt hands over (the broker
sets `exchange.number = str`): never through float.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from adapters.ccxt_venues.symbols import SymbolMap, amount, decimal, text
from domain.trading.fills import Fill
from domain.trading.orders import Order, OrderType, Side, TimeInForce
from ports.trading.broker import BrokerOrder, BrokerOrderStatus, BrokerPosition

ZERO = Decimal(0)

# ccxt's unified order statuses -> the port's. "open" splits on the filled amount; an
# unknown or missing status counts as open (fail closed: the order may still trade).
_STATUS: dict[str, BrokerOrderStatus] = {
    "open": BrokerOrderStatus.ACCEPTED,
    "closed": BrokerOrderStatus.FILLED,
    "canceled": BrokerOrderStatus.CANCELED,
    "canceling": BrokerOrderStatus.PENDING_CANCEL,
    "expired": BrokerOrderStatus.EXPIRED,
    "rejected": BrokerOrderStatus.REJECTED,
}

# Crypto venues trade around the clock: a DAY order has no session end to expire at, so
# it rests until cancelled (GTC), which is what it would do within one trading day.
_TIME_IN_FORCE = {
    TimeInForce.DAY: "GTC",
    TimeInForce.GTC: "GTC",
    TimeInForce.IOC: "IOC",
    TimeInForce.FOK: "FOK",
}


def order_status(status: str | None, quantity: Decimal, filled: Decimal) -> BrokerOrderStatus:
    mapped = _STATUS.get(status or "", BrokerOrderStatus.ACCEPTED)
    if mapped is BrokerOrderStatus.ACCEPTED and filled > ZERO:
        return BrokerOrderStatus.PARTIALLY_FILLED
    # A venue that closes an order it filled only in part (an IOC's rest) says "closed";
    # one that reports no filled amount at all is taken at its word.
    if mapped is BrokerOrderStatus.FILLED and ZERO < filled < quantity:
        return BrokerOrderStatus.CANCELED
    return mapped


@dataclass(frozen=True, slots=True)
class OrderRequest:
    """The arguments of `exchange.create_order` for a domain order (strings, not floats)."""

    symbol: str
    type: str
    side: str
    amount: str
    price: str | None
    params: dict[str, Any]

    @classmethod
    def from_domain(
        cls,
        order: Order,
        symbols: SymbolMap,
        extra: dict[str, Any],
        trigger_param: str = "triggerPrice",
    ) -> OrderRequest:
        """`trigger_param`: where a stop's trigger goes (adapters/brokers/ccxt/venues.py)."""
        limited = order.order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT)
        # ccxt unifies `clientOrderId` (Binance's newClientOrderId, Kraken's cl_ord_id, ...).
        params: dict[str, Any] = {**extra, "clientOrderId": order.client_order_id}
        if order.stop_price is not None:
            params[trigger_param] = text(order.stop_price)
        if limited or order.time_in_force in (TimeInForce.IOC, TimeInForce.FOK):
            # A market order or market stop takes no time in force on most venues; an IOC
            # or FOK one is sent anyway, and a venue's refusal comes back as REJECTED.
            params["timeInForce"] = _TIME_IN_FORCE[order.time_in_force]
        return cls(
            symbol=symbols.to_venue(order.symbol),
            type="limit" if limited else "market",
            side=order.side.value,
            amount=text(order.quantity),
            price=text(order.limit_price) if limited and order.limit_price is not None else None,
            params=params,
        )


def _trigger(found: dict[str, Any]) -> Any:
    """A stop's trigger: ccxt's unified `triggerPrice`, else `stopPrice` or (Kraken's
    stop-loss orders) `stopLossPrice`."""
    return found.get("triggerPrice") or found.get("stopPrice") or found.get("stopLossPrice")


def order_type(found: dict[str, Any]) -> OrderType:
    kind = str(found.get("type") or "market").lower()
    stop = _trigger(found) is not None
    limited = "limit" in kind
    if stop or "stop" in kind:
        return OrderType.STOP_LIMIT if limited else OrderType.STOP
    return OrderType.LIMIT if limited else OrderType.MARKET


def broker_order(found: dict[str, Any], account_id: str, symbols: SymbolMap) -> BrokerOrder:
    """A ccxt unified order as the port's BrokerOrder."""
    quantity = amount(found.get("amount"))
    filled = amount(found.get("filled"))
    kind = order_type(found)
    limited = kind in (OrderType.LIMIT, OrderType.STOP_LIMIT)
    return BrokerOrder(
        broker_order_id=str(found["id"]),
        client_order_id=str(found.get("clientOrderId") or ""),
        account_id=account_id,
        symbol=symbols.from_venue(str(found["symbol"])),
        side=Side(str(found["side"]).lower()),
        order_type=kind,
        quantity=quantity,
        filled_quantity=filled,
        status=order_status(found.get("status"), quantity, filled),
        limit_price=decimal(found.get("price")) if limited else None,
        stop_price=decimal(_trigger(found)),
        average_fill_price=decimal(found.get("average")) if filled > ZERO else None,
    )


def fill(trade: dict[str, Any], order_id: str, account_id: str, symbols: SymbolMap) -> Fill:
    """A ccxt unified trade (fetch_my_trades) as a domain Fill; commission in the quote only."""
    fee = trade.get("fee") or {}
    quote = str(trade["symbol"]).partition("/")[2].partition(":")[0]
    commission = amount(fee.get("cost")) if fee.get("currency") == quote else ZERO
    stamp = trade.get("timestamp")
    at = datetime.fromtimestamp(int(stamp) / 1000, UTC) if stamp is not None else datetime.now(UTC)
    return Fill(
        id=str(trade["id"]),
        order_id=order_id,
        account_id=account_id,
        symbol=symbols.from_venue(str(trade["symbol"])),
        side=Side(str(trade["side"]).lower()),
        quantity=amount(trade.get("amount")),
        price=amount(trade.get("price")),
        at=at,
        commission=commission,
    )


def average_cost(trades: list[dict[str, Any]]) -> Decimal | None:
    """The average cost of what the trades leave held (oldest first); None when flat.

    Buys add at their price; sells take out at the running average; going flat starts over.
    """
    held, cost = ZERO, ZERO
    for trade in sorted(trades, key=lambda t: int(t.get("timestamp") or 0)):
        size, price = amount(trade.get("amount")), amount(trade.get("price"))
        if str(trade.get("side")).lower() == "buy":
            held, cost = held + size, cost + size * price
        elif held > ZERO:
            taken = min(size, held)
            cost -= cost * taken / held
            held -= taken
        if held <= ZERO:
            held, cost = ZERO, ZERO
    return cost / held if held > ZERO else None


def derivative_position(
    found: dict[str, Any], account_id: str, symbols: SymbolMap
) -> BrokerPosition | None:
    """A ccxt unified position (fetch_positions); None when it holds no contracts.

    Its quantity is in contracts, as ccxt's order amounts for the market are (the
    instrument's `contract_size` is the multiplier to units of the base).
    """
    contracts = amount(found.get("contracts"))
    if contracts == ZERO:
        return None
    signed = -abs(contracts) if found.get("side") == "short" else abs(contracts)
    return BrokerPosition(
        account_id,
        symbols.from_venue(str(found["symbol"])),
        signed,
        amount(found.get("entryPrice")),
    )


@dataclass(frozen=True, slots=True)
class VenueInstrument:
    """What the gate needs of a venue's market: tick, lot and minimums, as Decimal.

    `tick_size` and `lot_size` are the smallest price and amount steps (ccxt's precision
    in TICK_SIZE mode, or 10**-digits in DECIMAL_PLACES mode); `min_notional` is the
    smallest order value in the quote currency (None where the venue sets none);
    `contract_size` is what one contract of a derivative holds of the base (1 for spot).
    """

    symbol: str
    venue_symbol: str
    base: str
    quote: str
    tick_size: Decimal | None
    lot_size: Decimal | None
    min_quantity: Decimal | None
    min_notional: Decimal | None
    active: bool
    spot: bool
    contract_size: Decimal = Decimal(1)


def instrument(market: dict[str, Any], symbols: SymbolMap, tick_mode: bool) -> VenueInstrument:
    precision = market.get("precision") or {}
    limits = market.get("limits") or {}
    return VenueInstrument(
        symbol=symbols.from_venue(str(market["symbol"])),
        venue_symbol=str(market["symbol"]),
        base=str(market.get("base") or ""),
        quote=str(market.get("quote") or ""),
        tick_size=_step(precision.get("price"), tick_mode),
        lot_size=_step(precision.get("amount"), tick_mode),
        min_quantity=decimal((limits.get("amount") or {}).get("min")),
        min_notional=decimal((limits.get("cost") or {}).get("min")),
        active=market.get("active") is not False,
        spot=bool(market.get("spot")),
        contract_size=decimal(market.get("contractSize")) or Decimal(1),
    )


def _step(value: object, tick_mode: bool) -> Decimal | None:
    found = decimal(value)
    if found is None or tick_mode:
        return found.normalize() if found is not None else None
    return Decimal(1).scaleb(-int(found))  # DECIMAL_PLACES: 8 -> 0.00000001
