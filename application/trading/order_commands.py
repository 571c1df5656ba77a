"""Order commands from any entry point, and what an idempotency key promises about them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from domain.errors import Conflict
from domain.principals import Principal, Role
from domain.risk.verdicts import Decision
from domain.trading.orders import (
    Channel,
    Order,
    OrderType,
    Origin,
    OriginKind,
    Side,
    TimeInForce,
)
from ports.core.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class SubmitOrder:
    """A request to place an order, from any entry point (HTTP, Kafka, agent)."""

    principal: Principal
    account_id: str
    symbol: str
    side: Side
    quantity: Decimal
    origin: Origin
    order_type: OrderType = OrderType.MARKET
    time_in_force: TimeInForce = TimeInForce.DAY
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    reduce_only: bool = False
    client_order_id: str | None = None
    idempotency_key: str | None = None
    # The algorithm that sent it, as its caller declares it (an agent's model, a bot, a
    # strategy's version): checked when decided (domain/trading/attribution.py); like the
    # channel, not among the terms an idempotency key promises.
    algorithm: str | None = None
    algorithm_version: str | None = None
    # Where the submitter's trace stands (ports/core/tracing.py: Tracer.origin), so the batch
    # that decides this order can be traced under the request that sent it.
    trace: object | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class OrderResult:
    """The order as it stands, the gate's decision, and whether this was a replay."""

    order: Order
    decision: Decision | None
    replayed: bool = False


def origin_for(principal: Principal, strategy_id: str | None, channel: Channel) -> Origin:
    """Who an order comes from, for every entry point: an agent trades as itself; a person
    as a named strategy or as themselves; `channel` the entry point it came through."""
    if principal.role is Role.AGENT:
        return Origin(OriginKind.AGENT, principal.id, channel)
    if strategy_id is not None:
        return Origin(OriginKind.STRATEGY, strategy_id, channel)
    return Origin(OriginKind.USER, principal.id, channel)


@dataclass(frozen=True, slots=True)
class StoredKeys:
    """What the store already holds of a batch's idempotency keys and client order ids."""

    by_key: dict[str, Order]
    client_ids: set[str]

    @classmethod
    async def read(cls, uow: UnitOfWork, account_id: str, cmds: list[SubmitOrder]) -> StoredKeys:
        keys = [c.idempotency_key for c in cmds if c.idempotency_key]
        ids = [c.client_order_id for c in cmds if c.client_order_id]
        return cls(
            await uow.orders.by_idempotency_keys(account_id, keys),
            await uow.orders.used_client_order_ids(account_id, ids),
        )


def terms_of(cmd: SubmitOrder) -> tuple[object, ...]:
    """What an idempotency key promises stays the same: the order's terms."""
    return (
        cmd.symbol.strip().upper(),
        cmd.side,
        cmd.quantity,
        cmd.order_type,
        cmd.time_in_force,
        cmd.limit_price,
        cmd.stop_price,
        cmd.reduce_only,
        cmd.origin,
    )


def _storedterms_of(order: Order) -> tuple[object, ...]:
    return (
        order.symbol,
        order.side,
        order.requested_quantity,
        order.order_type,
        order.time_in_force,
        order.limit_price,
        order.stop_price,
        order.reduce_only,
        order.origin,
    )


def check_same(first: SubmitOrder, again: SubmitOrder) -> None:
    """Two commands with one idempotency key must ask for the same order."""
    if terms_of(first) != terms_of(again):
        raise Conflict("idempotency key reused with a different order")


def check_same_order(existing: Order, cmd: SubmitOrder) -> None:
    if _storedterms_of(existing) != terms_of(cmd):
        raise Conflict("idempotency key reused with a different order")
