"""`/console/performance/{account_id}`: an account's performance from its daily equity
snapshots, its figures with their conventions, and its equity and drawdown charts.

The same use case as `GET /api/v1/accounts/{id}/performance` (application/analytics/
performance.py PerformanceService) with the signed-in principal: an account the caller may not
see answers 404, as on the API. The range (`from`, `to`, at most MAX_DAYS days) and an
optional `benchmark` come from a GET form; a refused field is shown beside it (400, or 422 /
503 for a benchmark the provider does not know / cannot serve: the figures without it still
show). The charts read `equity.json` and `drawdown.json` of the same range. Read-only: every
role that may read the account sees the same page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from litestar import Request, get
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, form_page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.analytics.performance import (
    BenchmarkUnavailable,
    InvalidPerformanceQuery,
    PerformanceReport,
    PerformanceService,
    UnknownBenchmark,
)
from application.core.iso_days import strict_day

Day = Annotated[str | None, QueryParameter(max_length=32)]
Benchmark = Annotated[str | None, QueryParameter(max_length=64)]
From = Annotated[str | None, QueryParameter(name="from", max_length=32)]
SHOWN_DAYS = 60  # the table's last days; the charts and the API have them all


def _performance(request: Request[Any, Any, Any]) -> PerformanceService:
    found: PerformanceService = bundle_or_not_found(
        request, "analytics", "performance is not served here"
    ).performance
    return found


def parse_day(value: str | None, name: str) -> date | None:
    """A typed YYYY-MM-DD (empty: the default); InvalidPerformanceQuery naming `name` else."""
    text = (value or "").strip()
    if not text:
        return None
    return strict_day(
        text,
        lambda: InvalidPerformanceQuery(
            f"{name}: a date as YYYY-MM-DD, not {text[:40]!r}", field=name
        ),
    )


async def report_of(
    request: Request[Any, Any, Any],
    account_id: str,
    start: str | None,
    end: str | None,
    benchmark: str | None = None,
) -> PerformanceReport:
    """The service's report for the typed range (the dates checked here, like the API)."""
    return await _performance(request).performance(
        caller_of(request).principal,
        account_id,
        parse_day(start, "from"),
        parse_day(end, "to"),
        (benchmark or "").strip() or None,
    )


def _x(day: date) -> int:
    return int(datetime.combine(day, time(), tzinfo=UTC).timestamp())


def equity_chart(report: PerformanceReport) -> dict[str, Any]:
    """Each snapshot's equity (the chart's numbers; the page shows the decimals)."""
    return {
        "x": [_x(p.day) for p in report.curve],
        "series": {"Equity": [float(p.equity) for p in report.curve]},
    }


def drawdown_chart(report: PerformanceReport) -> dict[str, Any]:
    """Each day's fall of the unit value below its running peak, in % (drawn below zero)."""
    return {
        "x": [_x(p.day) for p in report.curve],
        "series": {"Drawdown %": [round(0.0 - p.drawdown * 100, 4) for p in report.curve]},
    }


class PerformancePageController(ConsolePage):
    """`/console/performance/{account_id}` and its two charts' data."""

    path = "/performance"

    @get("/{account_id:str}")
    async def performance(
        self,
        request: Request[Any, Any, Any],
        account_id: FromPath[str],
        from_: From = None,
        to: Day = None,
        benchmark: Benchmark = None,
    ) -> Template:
        account = await trading_of(request).accounts.account(
            caller_of(request).principal, account_id
        )  # 404 first, before any field is judged
        typed = {"from": from_ or "", "to": to or "", "benchmark": benchmark or ""}
        errors: dict[str, str] = {}
        status, code = 200, ""
        report: PerformanceReport | None = None
        try:
            report = await report_of(request, account_id, from_, to, benchmark)
        except InvalidPerformanceQuery as refused:
            errors[refused.field or "from"] = refused.message
            status, code = 400, refused.code
        except (UnknownBenchmark, BenchmarkUnavailable) as refused:
            errors["benchmark"] = refused.message
            status, code = (422 if isinstance(refused, UnknownBenchmark) else 503), refused.code
            report = await report_of(request, account_id, from_, to)
        query = _query(report) if report is not None else ""
        return form_page(
            request,
            "performance.html",
            title=f"Performance of {account.name or account.id}",
            status_code=status,
            code=code,
            context={
                "account": account,
                "report": report,
                "typed": typed,
                "errors": errors,
                "query": query,
                "recent": list(reversed(report.curve[-SHOWN_DAYS:])) if report else [],
                "shown_days": SHOWN_DAYS,
            },
        )

    @get("/{account_id:str}/equity.json")
    async def equity(
        self, request: Request[Any, Any, Any], account_id: FromPath[str], from_: From = None,
        to: Day = None,
    ) -> dict[str, Any]:  # fmt: skip
        """`{"x": [unix s of each day], "series": {"Equity": [...]}}`."""
        return equity_chart(await report_of(request, account_id, from_, to))

    @get("/{account_id:str}/drawdown.json")
    async def drawdown(
        self, request: Request[Any, Any, Any], account_id: FromPath[str], from_: From = None,
        to: Day = None,
    ) -> dict[str, Any]:  # fmt: skip
        """`{"x": [unix s of each day], "series": {"Drawdown %": [-(fall below the peak)]}}`."""
        return drawdown_chart(await report_of(request, account_id, from_, to))


def _query(report: PerformanceReport) -> str:
    """The charts' range: the report's own days (the defaults resolved)."""
    return f"from={report.start.isoformat()}&to={report.end.isoformat()}"
