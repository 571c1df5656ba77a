"""Performance of an account: its stored daily equity curve, statistics, and a benchmark."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import FromPath, QueryParameter

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.performance_schemas import PerformanceOut
from adapters.http.deps import CallerDep
from adapters.http.params import day_param
from adapters.http.problems import FieldError, Problem, problem_response, title_for
from application.analytics.performance import (
    MAX_DAYS,
    BenchmarkUnavailable,
    InvalidPerformanceQuery,
    UnknownBenchmark,
)
from application.core.iso_days import strict_day
from domain.errors import DomainError

_STATUS = {InvalidPerformanceQuery: 400, UnknownBenchmark: 422, BenchmarkUnavailable: 503}


def on_query_error(request: Request[Any, Any, Any], exc: DomainError) -> Response[Problem]:
    """400 for a reversed or too long range or a malformed symbol, 422 for a benchmark the
    provider does not know, 503 when it fails: each naming the query parameter at fault."""
    errors = None if exc.field is None else [FieldError(exc.field, exc.message, "query")]
    status = _STATUS.get(type(exc), 422)
    return problem_response(
        request, status, exc.code, title_for(exc.code), exc.message, errors=errors
    )


class PerformanceController(AnalyticsController):
    """`/api/v1/accounts/{id}/performance`: an account the caller may not act on answers 404."""

    path = "/accounts"

    @get(
        "/{account_id:str}/performance",
        summary="Performance of an account from its daily equity snapshots",
        description=(
            "Reads the daily snapshots the snapshot job stores (`bulwark snapshots take`, or "
            "the daily run of `bulwark serve`): the equity curve with each day's "
            "time-weighted return (external flows at the start of the day) and drawdown; "
            "CAGR, volatility, Sharpe, Sortino, Calmar, max drawdown and its duration on "
            "the unit value those returns compound to (252 days a year, risk-free 0); trade "
            "statistics of the closing fills in the range; average gross exposure; turnover. "
            "With `benchmark`, its daily closes from the market-data provider give its "
            "return over each of the account's periods (previous snapshot to this one, on "
            "the days it has a close), and from those beta, Jensen's alpha, tracking error "
            "and information ratio. `from` defaults to a year before `to`, `to` to today (UTC); "
            f"the range spans at most {MAX_DAYS} days. 400 INVALID_PERFORMANCE_QUERY names "
            "`from` or `to` (not a YYYY-MM-DD date; `from` after `to` or the range too long) "
            "or `benchmark` (malformed); 404 NOT_FOUND for "
            "an account the caller may not act on; 422 UNKNOWN_BENCHMARK when the provider "
            "has no daily bars of the symbol; 503 BENCHMARK_UNAVAILABLE when it fails."
        ),
        responses=problems(
            400,
            404,
            422,
            notes={
                400: "INVALID_PERFORMANCE_QUERY naming the parameter at fault",
                422: "UNKNOWN_BENCHMARK naming `benchmark`",
                503: "BENCHMARK_UNAVAILABLE: the market-data provider failed",
            },
        ),
        exception_handlers=dict.fromkeys(_STATUS, on_query_error),
    )
    async def get_account_performance(
        self,
        account_id: FromPath[str],
        caller: CallerDep,
        analytics: AnalyticsDep,
        from_: Annotated[
            str | None,
            day_param("First day, ISO 8601 (YYYY-MM-DD), inclusive", "2026-01-05", name="from"),
        ] = None,
        to: Annotated[
            str | None, day_param("Last day, ISO 8601 (YYYY-MM-DD), inclusive", "2026-03-31")
        ] = None,
        benchmark: Annotated[
            str | None,
            QueryParameter(
                min_length=1,
                max_length=32,
                description="A symbol whose daily bars the market-data provider serves",
            ),
        ] = None,
    ) -> PerformanceOut:
        report = await analytics.performance.performance(
            caller.principal, account_id, _day(from_, "from"), _day(to, "to"), benchmark
        )
        return PerformanceOut.from_domain(report)


def _day(value: str | None, name: str) -> date | None:
    """An ISO date parsed here, not by the framework: its error would name `from_`."""
    if value is None:
        return None
    return strict_day(
        value,
        lambda: InvalidPerformanceQuery(
            f"`{name}` must be a date as YYYY-MM-DD, got {value[:40]!r}", field=name
        ),
    )


CONTROLLERS: list[Any] = [PerformanceController]
