"""Reading one vendor record's fields strictly, and the answer's order and window."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.portfolio.transactions import TransactionKind
from ports.portfolio.corporate_action_source import SkippedAction, SourcedActions, VendorAction

MAX_SYMBOL = 32


class BadRecord(ValueError):
    """A record's field is missing or not of its documented type: the record is skipped."""


def number(raw: dict[str, Any], key: str) -> Decimal:
    """`raw[key]` (a JSON number or numeric string) as a finite Decimal > 0."""
    value = raw.get(key)
    if value is None or isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadRecord(f"{key} is missing or not a number")
    try:
        found = Decimal(str(value))
    except InvalidOperation:
        raise BadRecord(f"{key} is not a number: {str(value)[:32]!r}") from None
    if not found.is_finite() or found <= 0:
        raise BadRecord(f"{key} must be a positive number, got {str(value)[:32]!r}")
    return found


def day(raw: dict[str, Any], key: str) -> date:
    """`raw[key]` as a date (YYYY-MM-DD, a longer timestamp cut to its date)."""
    value = raw.get(key)
    if not isinstance(value, str) or len(value) < 10:
        raise BadRecord(f"{key} is missing or not a date")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise BadRecord(f"{key} is not a date: {value[:32]!r}") from None


def symbol(raw: dict[str, Any], key: str) -> str:
    """`raw[key]` as an upper-case ticker (printable, no spaces, at most MAX_SYMBOL)."""
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise BadRecord(f"{key} is missing")
    text = value.strip().upper()
    if len(text) > MAX_SYMBOL or not text.isprintable() or " " in text:
        raise BadRecord(f"{key} is not a ticker: {text[:40]!r}")
    return text


def text(raw: dict[str, Any], key: str) -> str:
    """`raw[key]` as a string, '' when absent."""
    value = raw.get(key)
    return value.strip() if isinstance(value, str) else ""


def split_kind(ratio: Decimal) -> TransactionKind | None:
    """SPLIT above 1 new share per old, REVERSE_SPLIT below, None at exactly 1."""
    if ratio > 1:
        return TransactionKind.SPLIT
    if ratio < 1:
        return TransactionKind.REVERSE_SPLIT
    return None


def answer(
    found: Iterable[VendorAction | SkippedAction],
    symbols: Collection[str],
    start: date,
    end: date,
) -> SourcedActions:
    """The records of `symbols` effective in [start, end], each list in (date, symbol, id)
    order; each vendor id once (a page repeated keeps its first)."""
    wanted = set(symbols)
    actions: dict[str, VendorAction] = {}
    skipped: dict[str, SkippedAction] = {}
    for record in found:
        when = record.effective_date
        if record.symbol not in wanted or (when is not None and not start <= when <= end):
            continue
        if isinstance(record, VendorAction):
            actions.setdefault(record.vendor_id, record)
        else:
            skipped.setdefault(record.vendor_id, record)
    return SourcedActions(
        sorted(actions.values(), key=lambda a: (a.effective_date, a.symbol, a.vendor_id)),
        sorted(
            skipped.values(),
            key=lambda s: (s.effective_date or date.min, s.symbol, s.vendor_id),
        ),
    )
