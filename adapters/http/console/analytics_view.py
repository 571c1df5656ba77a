"""Shown one way on the analytics pages (attribution, fixed income, frontier, simulation):
fractions as percent strings, the caller's portfolios and readable accounts for a picker,
today's date, and a calculator form's context (what was typed, the errors by field, the
answer).

Figures are plain decimal strings (`percent(0.01234) == "1.23"`), the unit named beside them
on the page; nothing is rounded before it is shown.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from litestar import Request

from adapters.http.contexts import bundle_of
from adapters.http.security import caller_of


def percent(value: float | None, places: int = 2) -> str:
    """A fraction as percent: 0.012345 -> '1.23' (None -> '—')."""
    return plain(None if value is None else value * 100.0, places)


def plain(value: float | None, places: int = 4) -> str:
    """A figure to `places` decimals: 98.765432 -> '98.7654' (None -> '—')."""
    if value is None:
        return "—"
    text = format(value, f".{places}f")
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text  # never -0.00


def chart_percent(value: float | None, places: int = 6) -> float | None:
    """A fraction as percent for chart data (JSON numbers, rounded to keep it small)."""
    return None if value is None else round(value * 100.0, places)


async def own_portfolios(request: Request[Any, Any, Any]) -> list[Any]:
    """The caller's portfolios (the first 100), through the portfolios' use case."""
    portfolio = bundle_of(request, "portfolio")
    if portfolio is None:
        return []
    found = await portfolio.portfolios.list(caller_of(request).principal, None, 100)
    return list(found.items)


async def readable_accounts(request: Request[Any, Any, Any]) -> list[Any]:
    """The trading accounts the caller may read (the accounts' use case's list)."""
    trading = bundle_of(request, "trading")
    if trading is None:
        return []
    return list(await trading.accounts.list_accounts(caller_of(request).principal))


def today_of(request: Request[Any, Any, Any]) -> date:
    """Today as the portfolios' tax clock sees it (UTC's date where portfolios are not served)."""
    portfolio = bundle_of(request, "portfolio")
    if portfolio is not None:
        today: date = portfolio.tax.today()
        return today
    return datetime.now(UTC).date()


async def calculator_context(
    request: Request[Any, Any, Any],
    form: dict[str, str],
    errors: dict[str, str],
    answer: dict[str, Any] | None,
    **choices: Any,
) -> dict[str, Any]:
    """A calculator page's context: the form as typed, the errors by field, the answer, the
    caller's portfolios to pick from, and the page's own `choices`."""
    return {
        "form": form,
        "errors": errors,
        "answer": answer,
        "portfolios": await own_portfolios(request),
        **choices,
    }
