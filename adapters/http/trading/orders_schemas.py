"""Order DTOs."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import DecisionOut, Ident, Input, ItemsOut, Output, Symbol
from adapters.http.wire_format import PriceOut, QuantityOut
from adapters.wire.numbers import Price, Quantity
from domain.trading.attribution import MAX_ALGORITHM, MAX_ALGORITHM_VERSION
from domain.trading.order_attribution import agent_of, strategy_of
from domain.trading.orders import HoldApproval, Order, OrderStatus, OrderType, Side, TimeInForce

# What an agent or a bot declares of the algorithm that sent an order (printable, no padding:
# 422 INVALID_ATTRIBUTION otherwise).
Algorithm = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=MAX_ALGORITHM,
        description="The model or algorithm that decided the order, e.g. `momentum-llm`",
    ),
]
AlgorithmVersion = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=MAX_ALGORITHM_VERSION,
        description="Its version, e.g. `2.3.1` or a model's checkpoint",
    ),
]


class OrderIn(Input):
    """A new order. The origin is the caller (user or agent) unless a strategy id is named."""

    account_id: Ident
    symbol: Symbol
    side: Side
    quantity: Quantity
    order_type: OrderType = OrderType.MARKET
    time_in_force: TimeInForce = TimeInForce.DAY
    limit_price: Price | None = None
    stop_price: Price | None = None
    reduce_only: bool = False
    client_order_id: Ident | None = None
    strategy_id: Ident | None = None
    algorithm: Algorithm | None = None
    algorithm_version: AlgorithmVersion | None = None


class OrderAttributionOut(Output):
    """Who and what sent the order (MiFID II RTS 6 Art. 12): `algorithm` and its version (a
    strategy's id and version, or what an agent or a bot declared; null for an order placed by
    hand), the `agent_id` or `strategy_id` behind it, `responsible_id` the person answerable
    for it (the submitting user; an agent's or a strategy's owner), `client_id` the account's
    owner, and the `channel` it came in by."""

    responsible_id: str
    client_id: str
    channel: str
    algorithm: str | None = None
    algorithm_version: str | None = None
    agent_id: str | None = None
    strategy_id: str | None = None

    @classmethod
    def from_order(cls, order: Order) -> OrderAttributionOut | None:
        """None for an order stored before orders were attributed."""
        attribution = order.attribution
        if attribution is None:
            return None
        return cls(
            algorithm=attribution.algorithm,
            algorithm_version=attribution.algorithm_version,
            agent_id=agent_of(order),
            strategy_id=strategy_of(order),
            responsible_id=attribution.responsible_id,
            client_id=attribution.client_id,
            channel=order.origin.channel.value,
        )


class ApprovalOut(Output):
    """One person's approval of a held order: their id, username and when (UTC)."""

    approver_id: str
    name: str = ""
    at: datetime | None = None

    @classmethod
    def from_domain(cls, approval: HoldApproval) -> ApprovalOut:
        return cls(approver_id=approval.approver_id, name=approval.name, at=approval.at)


class OrderOut(Output):
    """An order as it stands. `deny_reasons`: what denied or closed it (the gate's codes, a
    reviewer's reason for a rejected hold, why it never reached its broker); empty for an
    order nothing denied, a held one included. `hold_reasons`: the codes of the HOLD rules
    that held it for a person, kept after it was approved, denied, rejected or lapsed;
    `approvals`: who approved it while held."""

    id: str
    client_order_id: str
    account_id: str
    symbol: str
    side: Side
    quantity: QuantityOut
    order_type: OrderType
    time_in_force: TimeInForce
    status: OrderStatus
    filled_quantity: QuantityOut
    average_fill_price: PriceOut
    origin_kind: str
    origin_id: str
    reduce_only: bool
    broker: str
    limit_price: PriceOut | None = None
    stop_price: PriceOut | None = None
    requested_quantity: QuantityOut | None = None
    broker_order_id: str | None = None
    deny_reasons: list[str] = msgspec.field(default_factory=list)
    hold_reasons: list[str] = msgspec.field(default_factory=list)
    approvals: list[ApprovalOut] = msgspec.field(default_factory=list)
    created_at: datetime | None = None
    # The way it came in: api, console, kafka, mcp (the MCP server), internal (Bulwark itself:
    # a strategy's signal, a rebalance).
    origin_channel: str = "api"
    # Who and what sent it; null for an order placed before orders were attributed.
    attribution: OrderAttributionOut | None = None

    @classmethod
    def from_domain(cls, order: Order) -> OrderOut:
        return cls.from_attributes(
            order,
            origin_kind=order.origin.kind.value,
            origin_id=order.origin.id,
            origin_channel=order.origin.channel.value,
            deny_reasons=list(order.deny_reasons),
            hold_reasons=list(order.hold_reasons),
            approvals=[ApprovalOut.from_domain(a) for a in order.approvals],
            attribution=OrderAttributionOut.from_order(order),
        )


class OrderPlaced(Output):
    """The order as it stands after the gate and the broker, with the gate's decision."""

    order: OrderOut
    decision: DecisionOut | None = None
    replayed: bool = False


class OrderPageOut(ItemsOut):
    items: list[OrderOut]
    next_cursor: str | None = None
