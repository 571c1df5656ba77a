"""A book's limits and names as plain documents (JSON columns, and the memory store's copies):
decimal strings, never floats."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from domain.books.limits import BookLimit, BookLimitKind


def limits_document(limits: Iterable[BookLimit]) -> list[dict[str, Any]]:
    return [
        {"kind": x.kind.value, "limit": str(x.limit), "instrument": x.instrument} for x in limits
    ]


def limits_of(document: Iterable[dict[str, Any]]) -> tuple[BookLimit, ...]:
    return tuple(
        BookLimit(BookLimitKind(x["kind"]), Decimal(str(x["limit"])), x.get("instrument"))
        for x in document
    )
