"""Fills read off Tradier's order list: each growth of an order's executed quantity is one
execution, handed out once (the ledger Alpaca's broker keeps, fed from polls instead)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from adapters.brokers.alpaca.fills import ANY_ACCOUNT, FillLedger
from adapters.brokers.tradier.wire import ZERO, TradierOrder


class OrderFills(FillLedger):
    """Per order, the quantity already returned as fills and what it cost; a poll's orders
    that executed more become fills of the difference.

    An order first seen with its last change before this ledger began (and not sent by this
    process) executed before it: its quantity so far is taken as reported, not as new fills.
    """

    def __init__(self, since: datetime) -> None:
        super().__init__(since)
        self._began = since
        self._reported: dict[str, tuple[Decimal, Decimal]] = {}  # id -> (quantity, cost)

    def on_orders(self, orders: list[TradierOrder], at: datetime) -> None:
        """Record what the orders listed at `at` executed since the last poll."""
        reported: dict[str, tuple[Decimal, Decimal]] = {}
        for order in orders:
            owner = self._by_client_id.get(order.client_order_id) or self._by_broker_id.get(
                order.broker_id
            )
            done = (order.exec_quantity, order.avg_fill_price * order.exec_quantity)
            before = self._reported.get(order.broker_id)
            if before is None and owner is None and self._before_start(order):
                before = done
            quantity, cost = before or (ZERO, ZERO)
            reported[order.broker_id] = done
            if order.exec_quantity <= quantity:
                continue
            order_id = owner.order_id if owner else order.client_order_id or order.broker_id
            account_id = owner.account_id if owner else ANY_ACCOUNT
            self._add(order.fill(order_id, account_id, quantity, cost, at))
        # Tradier lists the day's orders and the open ones: what left the list is done.
        self._reported = reported

    def _before_start(self, order: TradierOrder) -> bool:
        changed = order.transaction_date or order.create_date
        return changed is not None and changed < self._began
