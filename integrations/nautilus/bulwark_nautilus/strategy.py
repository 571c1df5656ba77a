"""`BulwarkGatedStrategy`: a NautilusTrader strategy whose orders pass Bulwark's gate first.

Subclass it instead of `nautilus_trader.trading.strategy.Strategy`. Its `submit_order` asks
Bulwark (`BulwarkGate.check`) before the order goes the way Nautilus sends it (the
RiskEngine, the OrderEmulator or an ExecAlgorithm). An order Bulwark would not take whole is
denied the way Nautilus's own RiskEngine denies one: the order is cached and an `OrderDenied`
carrying Bulwark's reason goes to the ExecEngine (`ExecEngine.process`), which applies it, so
the order ends DENIED in the cache, the portfolio hears of it and the strategy's
`on_order_denied` receives it. Fail closed: when Bulwark cannot answer, the reason says so.

Tested against nautilus_trader 1.221.0 (the pin in this package's pyproject.toml).
"""

from __future__ import annotations

from typing import Any

from nautilus_trader.core.uuid import UUID4
from nautilus_trader.model.enums import OrderSide, OrderType, TimeInForce
from nautilus_trader.model.events import OrderDenied
from nautilus_trader.model.identifiers import ClientId, PositionId
from nautilus_trader.model.orders import Order, OrderList
from nautilus_trader.trading.strategy import Strategy

from bulwark_nautilus.gate import Answer, BulwarkGate, Terms

__all__ = ["BulwarkGatedStrategy", "terms_of"]

# Nautilus order type -> Bulwark's. The market-like and triggered variants are checked as
# their nearest Bulwark type: the gate values a market order at its mark, a stop at its
# trigger's side of the book. Trailing stops have no fixed trigger to send and are denied.
_ORDER_TYPES = {
    OrderType.MARKET: "market",
    OrderType.MARKET_TO_LIMIT: "market",
    OrderType.LIMIT: "limit",
    OrderType.STOP_MARKET: "stop",
    OrderType.MARKET_IF_TOUCHED: "stop",
    OrderType.STOP_LIMIT: "stop_limit",
    OrderType.LIMIT_IF_TOUCHED: "stop_limit",
}
# Nautilus time in force -> Bulwark's: GTD rests past the day (checked as GTC); the auction
# instructions live within the day.
_TIME_IN_FORCE = {
    TimeInForce.DAY: "day",
    TimeInForce.GTC: "gtc",
    TimeInForce.GTD: "gtc",
    TimeInForce.IOC: "ioc",
    TimeInForce.FOK: "fok",
    TimeInForce.AT_THE_OPEN: "day",
    TimeInForce.AT_THE_CLOSE: "day",
}


def terms_of(order: Order, gate: BulwarkGate) -> Terms | str:
    """Bulwark's terms for a Nautilus order, or why it has none (the order is then denied)."""
    order_type = _ORDER_TYPES.get(order.order_type)
    if order_type is None:
        return f"Bulwark cannot check a {order.type_string()} order: denied (fail closed)"
    limit = str(order.price) if order_type in ("limit", "stop_limit") else None
    stop = str(order.trigger_price) if order_type in ("stop", "stop_limit") else None
    return Terms(
        symbol=gate.symbol(order.instrument_id.value),
        side="buy" if order.side == OrderSide.BUY else "sell",
        quantity=str(order.quantity),
        order_type=order_type,
        time_in_force=_TIME_IN_FORCE.get(order.time_in_force, "day"),
        limit_price=limit,
        stop_price=stop,
        reduce_only=order.is_reduce_only,
    )


class BulwarkGatedStrategy(Strategy):
    """A Strategy whose `submit_order` and `submit_order_list` ask Bulwark first.

    `gate` names the Bulwark instance, its account and the agent's key; without one it is
    read from BULWARK_URL, BULWARK_API_KEY and BULWARK_ACCOUNT (`BulwarkGate.from_env`), so
    a strategy built from an importable config needs no code for it.
    """

    def __init__(self, config: Any = None, gate: BulwarkGate | None = None) -> None:
        super().__init__(config)
        self.bulwark = gate if gate is not None else BulwarkGate.from_env()

    def bulwark_check(self, order: Order) -> Answer:
        """Bulwark's answer on one order (a hook: override to log or count)."""
        terms = terms_of(order, self.bulwark)
        if isinstance(terms, str):
            return Answer(False, terms)
        answer = self.bulwark.check(terms)
        for warning in answer.warnings:
            self.log.warning(f"Bulwark warns on {order.client_order_id}: {warning}")
        return answer

    def submit_order(
        self,
        order: Order,
        position_id: PositionId | None = None,
        client_id: ClientId | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        if self.cache.order_exists(order.client_order_id):
            # Nautilus denies a duplicate client order id itself, before anything is sent.
            super().submit_order(order, position_id, client_id, params)
            return
        answer = self.bulwark_check(order)
        if answer.allowed:
            super().submit_order(order, position_id, client_id, params)
            return
        self._publish_initialized(order)
        self.cache.add_order(order, position_id, client_id)
        self._deny(order, answer.reason)

    def submit_order_list(
        self,
        order_list: OrderList,
        position_id: PositionId | None = None,
        client_id: ClientId | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        """The list goes on only when Bulwark takes each of its orders that stands alone; a
        contingent child (one with a parent, e.g. a bracket's exits) acts only once its
        parent has filled and is not checked. One denial denies the whole list, as
        Nautilus's RiskEngine does."""
        if self.cache.order_list_exists(order_list.id) or any(
            self.cache.order_exists(o.client_order_id) for o in order_list.orders
        ):
            super().submit_order_list(order_list, position_id, client_id, params)
            return
        denied: dict[Any, str] = {}
        for order in order_list.orders:
            if order.parent_order_id is None:
                answer = self.bulwark_check(order)
                if not answer.allowed:
                    denied[order.client_order_id] = answer.reason
        if not denied:
            super().submit_order_list(order_list, position_id, client_id, params)
            return
        for order in order_list.orders:
            self._publish_initialized(order)
        self.cache.add_order_list(order_list)
        for order in order_list.orders:
            self.cache.add_order(order, position_id, client_id)
        first = next(iter(denied))
        for order in order_list.orders:
            reason = denied.get(order.client_order_id)
            if reason is None:
                reason = f"{order_list.id} denied: {first} was denied ({denied[first]})"
            self._deny(order, reason)

    def _publish_initialized(self, order: Order) -> None:
        # As Strategy.submit_order does first, so every listener sees the order born.
        self.msgbus.publish(topic=f"events.order.{order.strategy_id}", msg=order.init_event)

    def _deny(self, order: Order, reason: str) -> None:
        """Deny as the RiskEngine does: an OrderDenied to the ExecEngine, which applies it to
        the cached order and publishes it to the strategy."""
        self.log.warning(f"SubmitOrder for {order.client_order_id} DENIED by Bulwark: {reason}")
        denied = OrderDenied(
            trader_id=order.trader_id,
            strategy_id=order.strategy_id,
            instrument_id=order.instrument_id,
            client_order_id=order.client_order_id,
            reason=reason,
            event_id=UUID4(),
            ts_init=self.clock.timestamp_ns(),
        )
        self.msgbus.send(endpoint="ExecEngine.process", msg=denied)
