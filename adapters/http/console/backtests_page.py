"""`/console/backtests`: the signed-in user's strategies and backtests, and one backtest's
results: its metrics, the daily equity curve and the drawdown (underwater) curve as charts,
its trades and the orders the pre-trade gate denied.

The same use cases as `/api/v1/backtests` and `/api/v1/strategies` (application/strategies:
BacktestService.list_for / get, StrategyService.list_for) with the signed-in principal: only
the caller's own runs; another user's backtest answers 404. The page changes nothing (runs
start from the API), so the viewer sees its own (none), like anyone. The results carry no
benchmark: the equity chart is the strategy's alone.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Annotated, Any

from litestar import Request, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, page
from adapters.http.contexts import bundle_of
from adapters.http.security import caller_of
from domain.analytics.performance import drawdown_curve
from domain.backtests.model import BacktestResult

PAGE = 50
After = Annotated[str | None, QueryParameter(min_length=1, max_length=64)]
SHOWN_TRADES = 200


def _services(request: Request[Any, Any, Any]) -> Any:
    services = bundle_of(request, "strategies")
    if services is None:
        raise NotFoundException("strategies are not served here")
    return services


def result_charts(result: BacktestResult) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(equity, drawdown) chart data of a finished run; None without an equity curve."""
    if not result.equity:
        return None
    x = [int(datetime.combine(p.day, time(), tzinfo=UTC).timestamp()) for p in result.equity]
    values = [p.equity for p in result.equity]
    equity = {"x": x, "series": {"Equity": [float(v) for v in values]}}
    under = {"x": x, "series": {"Drawdown %": [round(v * 100, 4) for v in drawdown_curve(values)]}}
    return equity, under


class BacktestsPageController(ConsolePage):
    """`/console/backtests` and `/console/backtests/{id}`"""

    path = "/backtests"

    @get("/")
    async def backtests(self, request: Request[Any, Any, Any], after: After = None) -> Template:
        services = _services(request)
        principal = caller_of(request).principal
        runs = await services.backtests.list_for(principal, PAGE, after)
        strategies = await services.strategies.list_for(principal)
        return page(
            request,
            "backtests.html",
            title="Backtests",
            context={
                "runs": runs,
                "strategies": strategies,
                "names": {s.id: s.name for s in strategies},
                "next_after": runs[-1].id if len(runs) == PAGE else None,
            },
        )

    @get("/{backtest_id:str}")
    async def backtest(
        self, request: Request[Any, Any, Any], backtest_id: FromPath[str]
    ) -> Template:
        services = _services(request)
        run = await services.backtests.get(caller_of(request).principal, backtest_id)
        charts = None if run.result is None else result_charts(run.result)
        return page(
            request,
            "backtest.html",
            title=f"Backtest {run.id}",
            context={"run": run, "charts": charts, "shown_trades": SHOWN_TRADES},
        )
