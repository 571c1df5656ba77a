"""How an order is attributed for each kind of origin, and what the gate decided on it.

The algorithm (and its version) and the person responsible, by the order's origin:

- a strategy run by Bulwark: the strategy's id (its definition's version); its owner;
- a strategy named in a request: what the caller declared, else the strategy's id (the
  declared version); the caller;
- an agent: the model or algorithm the agent declared, and its version, else none; the
  agent's owner;
- a user: what the caller declared (a person's bot), else none (placed by hand); the user;
- a rebalance: `rebalance` unless declared; the person who executed the proposal.

The client is always the account's owner when the order is placed.
"""

from __future__ import annotations

from domain.trading.attribution import Attribution
from domain.trading.orders import Order, OrderStatus, Origin, OriginKind

REBALANCE_ALGORITHM = "rebalance"

# What the gate decided when the order was placed.
APPROVED = "approved"
REDUCED = "reduced"
HELD = "held"
DENIED = "denied"


def attribute(
    origin: Origin,
    responsible_id: str,
    client_id: str,
    algorithm: str | None = None,
    algorithm_version: str | None = None,
) -> Attribution:
    """The attribution of an order from `origin` (the declared algorithm and version already
    checked: domain/trading/attribution.py, `check_declared`)."""
    if algorithm is None:
        if origin.kind is OriginKind.STRATEGY:
            algorithm = origin.id
        elif origin.kind is OriginKind.REBALANCE:
            algorithm = REBALANCE_ALGORITHM
    return Attribution(responsible_id, client_id, algorithm, algorithm_version)


def agent_of(order: Order) -> str | None:
    """The agent that sent the order; None for a person's, a strategy's or a rebalance's."""
    return order.origin.id if order.origin.kind is OriginKind.AGENT else None


def strategy_of(order: Order) -> str | None:
    return order.origin.id if order.origin.kind is OriginKind.STRATEGY else None


def gate_decision(order: Order) -> str:
    """What the gate decided when the order was placed, read from the order as stored: held
    (a HOLD rule held it for a person, whatever came after), denied, reduced (a REDUCE control
    scaled it down) or approved. An order the broker rejected later was still approved."""
    if order.hold_reasons:
        return HELD
    if order.status is OrderStatus.DENIED:
        return DENIED
    if order.requested_quantity is not None and order.quantity < order.requested_quantity:
        return REDUCED
    return APPROVED
