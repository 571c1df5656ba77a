"""Jinja filters for the console: money, quantities, ages and times shown one way everywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any


def money(value: Any, places: int = 2) -> str:
    """1234567.891 -> '1,234,567.89' (Decimal, rounded half-even; '—' for none)."""
    if value is None:
        return "—"
    amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    return f"{amount:,}"


def quantity(value: Any) -> str:
    """A quantity without trailing zeros: 10.000000 -> '10'."""
    if value is None:
        return "—"
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def signed(value: Any, places: int = 2) -> str:
    """A change with its sign: +12.50 / -3.00."""
    if value is None:
        return "—"
    amount = Decimal(str(value))
    return ("+" if amount > 0 else "") + money(amount, places)


def utc(value: datetime | None) -> str:
    """An instant as 'YYYY-MM-DD HH:MM:SS UTC'."""
    if value is None:
        return "—"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def iso(value: datetime | None) -> str:
    return "" if value is None else value.astimezone(UTC).isoformat()


def age(seconds: float | None) -> str:
    """Seconds as '4 s', '3 min 5 s', '2 h 10 min'."""
    if seconds is None:
        return "—"
    s = int(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60} s"
    return f"{s // 3600} h {(s % 3600) // 60} min"


def chart_json(value: Any) -> str:
    """Chart data for a `data-chart-data` attribute: JSON in the order given (Jinja's tojson
    sorts keys, and a chart's series order is its legend's), escaped by autoescape."""
    return json.dumps(value, separators=(",", ":"), allow_nan=False)


# How the console names an order's origin kind (domain/trading/orders.py: OriginKind).
_ORIGIN_LABELS = {"user": "person", "strategy": "strategy", "agent": "agent"}


def origin(order: Any) -> str:
    """Who an order came from, as the orders page says it: person, strategy, agent, MCP (an
    order that came through the MCP server: its origin's channel) or rebalance."""
    if str(order.origin.channel.value) == "mcp":
        return "MCP"
    kind = str(order.origin.kind.value)
    return _ORIGIN_LABELS.get(kind, kind)


FILTERS: dict[str, Callable[..., str]] = {
    "origin": origin,
    "money": money,
    "quantity": quantity,
    "signed": signed,
    "utc": utc,
    "iso": iso,
    "age": age,
    "chart_json": chart_json,
}
