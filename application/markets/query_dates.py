"""Dates named in a markets screen's query: a YYYY-MM-DD day, and a start..end window.

Each screen refuses with its own 422 error (`refusal`: INVALID_RATES_QUERY,
INVALID_MARKET_INPUT, INVALID_SENTIMENT_INPUT, ...) naming the query parameter at fault.
"""

from __future__ import annotations

from datetime import date

from application.core.iso_days import strict_day
from domain.errors import DomainError


def parse_day(text: str | None, field: str, refusal: type[DomainError]) -> date | None:
    """A YYYY-MM-DD date, or None when absent; `refusal` naming `field` otherwise."""
    if text is None or text == "":
        return None
    return strict_day(
        text,
        lambda: refusal(f"{field}: expected a date as YYYY-MM-DD, got {text[:40]!r}", field=field),
    )


def check_window(
    start: date,
    end: date,
    refusal: type[DomainError],
    max_days: int | None = None,
    too_long: str = "",
) -> None:
    """`refusal` naming `start` when the window starts after its end, or spans more than
    `max_days` days (the message `too_long`)."""
    if start > end:
        raise refusal("start is after end", field="start")
    if max_days is not None and (end - start).days > max_days:
        raise refusal(too_long, field="start")
