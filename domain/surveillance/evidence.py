"""Evidence documents: the orders and fills behind a detection, as plain JSON-able dicts."""

from __future__ import annotations

from typing import Any

from domain.surveillance.detections import iso, num
from domain.surveillance.model import (
    F_ACCOUNT,
    F_AGENT,
    F_AGGRESSIVE,
    F_ID,
    F_ORDER,
    F_PRICE,
    F_QTY,
    F_SIDE,
    F_TS,
    LiveOrder,
)

MAX_ITEMS = 50  # orders or fills listed per detection (the count is in `observed`)


def side_name(side: int) -> str:
    return "buy" if side > 0 else "sell"


def order_evidence(order: LiveOrder) -> dict[str, Any]:
    cancelled = order.cancelled_us
    return {
        "order_id": order.id,
        "account_id": order.account,
        "agent_id": order.agent or None,
        "side": side_name(order.side),
        "quantity": num(order.quantity),
        "price": num(order.price) if order.price > 0 else None,
        "bid": num(order.bid) if order.bid > 0 else None,
        "ask": num(order.ask) if order.ask > 0 else None,
        "marketable": order.marketable,
        "filled": num(order.filled),
        "placed_at": iso(order.placed_us),
        "cancelled_at": iso(cancelled) if cancelled else None,
        "lifetime_ms": round((cancelled - order.placed_us) / 1000, 3) if cancelled else None,
    }


def fill_evidence(fill: list[Any]) -> dict[str, Any]:
    return {
        "fill_id": fill[F_ID],
        "order_id": fill[F_ORDER],
        "account_id": fill[F_ACCOUNT],
        "agent_id": fill[F_AGENT] or None,
        "side": side_name(fill[F_SIDE]),
        "quantity": num(fill[F_QTY]),
        "price": num(fill[F_PRICE]),
        "aggressive": fill[F_AGGRESSIVE],
        "at": iso(fill[F_TS]),
    }


def orders_evidence(orders: list[LiveOrder]) -> tuple[dict[str, Any], ...]:
    return tuple(order_evidence(o) for o in orders[:MAX_ITEMS])


def fills_evidence(fills: list[list[Any]]) -> tuple[dict[str, Any], ...]:
    return tuple(fill_evidence(f) for f in fills[:MAX_ITEMS])


def parties(orders: list[LiveOrder], fills: list[list[Any]]) -> tuple[tuple[str, ...], ...]:
    """(accounts, agents) named by the evidence, sorted, agents without the empty name."""
    accounts = {o.account for o in orders} | {f[F_ACCOUNT] for f in fills}
    agents = {o.agent for o in orders} | {f[F_AGENT] for f in fills}
    agents.discard("")
    return tuple(sorted(accounts)), tuple(sorted(agents))
