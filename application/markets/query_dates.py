"""Dates named in a markets screen's query: a YYYY-MM-DD day, and a start..end window.

Each screen refuses with its own 422 error (`refusal`: INVALID_RATES_QUERY,
INVALID_MARKET_INPUT, INVALID_SENTIMENT_INPUT, ...) naming the query parameter at fault.
"""

from __future__ import annotations

from datetime import date, timedelta

from application.core.iso_days import strict_day
from domain.errors import DomainError
from ports.core.clock import Clock


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


def history_window(
    start_text: str | None,
    end_text: str | None,
    refusal: type[DomainError],
    clock: Clock,
    default_days: int,
    max_years: int = 5,
) -> tuple[date, date]:
    """The start..end a history query names: `end` defaults to today, `start` to `default_days`
    before `end`; `refusal` for a bad day, a start after the end or more than `max_years`."""
    end = parse_day(end_text, "end", refusal) or clock.now().date()
    start = parse_day(start_text, "start", refusal) or end - timedelta(days=default_days)
    too_long = f"the window spans more than {max_years} years"
    check_window(start, end, refusal, max_years * 366, too_long)
    return start, end
