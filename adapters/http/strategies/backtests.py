"""Backtests: run your strategy over recorded or stored bars through the gate, follow, list,
cancel."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.security import HUMANS, READERS, require_roles
from adapters.http.strategies import StrategiesDep, problems
from adapters.http.strategies.backtests_schemas import BacktestIn, BacktestOut, BacktestPageOut
from application.strategies.backtests import MAX_PAGE


class BacktestController(Controller):
    """`/api/v1/backtests`: each user's own runs (another user's answer 404)."""

    path = "/backtests"

    @post(
        "/",
        summary="Start a backtest of one of your strategies",
        description=(
            "Runs the strategy over the recorded bars of `symbols` from `from` to `to` "
            "(inclusive UTC days) with the real pre-trade gate and the paper broker on a "
            "simulated clock: decisions at a bar's close, market orders filled at the next "
            "bar's open with `slippage_bps`, `commission` per share and in bps. Answers 202 "
            "with the run (status queued); follow it with GET. 404 NOT_FOUND (field "
            "strategy_id) for a strategy that is not yours; 422 INVALID_BACKTEST naming the "
            "field: an unknown symbol, a range without bars, too many symbols or bars; 429 "
            "TOO_MANY_BACKTESTS while you have as many unfinished runs as allowed. `source` "
            "`store` reads the historical bar store (real symbols; `adjusted` for split- and "
            "dividend-adjusted bars) instead of the shipped synthetic set: 422 "
            "BACKTEST_BARS_MISSING names the symbols the store lacks bars of and the first "
            "missing day. The result's `data` names the source and the adjustment."
        ),
        status_code=202,
        guards=[require_roles(*HUMANS)],
        responses=problems(
            400,
            404,
            422,
            429,
            notes={
                422: "INVALID_BACKTEST or BACKTEST_BARS_MISSING",
                429: "RATE_LIMITED or TOO_MANY_BACKTESTS",
            },
        ),
    )
    async def start_backtest(
        self, data: JSONBody[BacktestIn], caller: CallerDep, strategies: StrategiesDep
    ) -> BacktestOut:
        backtest = await strategies.backtests.start(caller.principal, data.to_domain())
        return BacktestOut.from_domain(backtest)

    @get(
        "/",
        summary="Your backtests, newest first (without results)",
        description="Pass `next_after` back as `after` for the next page.",
        guards=[require_roles(*READERS)],
        responses=problems(400, 429),
    )
    async def list_backtests(
        self,
        caller: CallerDep,
        strategies: StrategiesDep,
        after: Annotated[str | None, QueryParameter(max_length=64)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> BacktestPageOut:
        found = await strategies.backtests.list_for(caller.principal, limit, after)
        return BacktestPageOut(
            items=[BacktestOut.from_domain(b, with_result=False) for b in found],
            next_after=found[-1].id if len(found) == limit else None,
        )

    @get(
        "/{backtest_id:str}",
        summary="One of your backtests: status, percent done, then the results",
        description=(
            "`progress` (0..1) and `percent` move while it runs; once `succeeded`, `result` "
            "holds the metrics, the daily equity curve, the trades and the orders the gate "
            "denied with its reasons. 404 NOT_FOUND for another user's backtest."
        ),
        guards=[require_roles(*READERS)],
        responses=problems(404, 429),
    )
    async def get_backtest(
        self, backtest_id: FromPath[str], caller: CallerDep, strategies: StrategiesDep
    ) -> BacktestOut:
        backtest = await strategies.backtests.get(caller.principal, backtest_id)
        return BacktestOut.from_domain(backtest)

    @post(
        "/{backtest_id:str}/cancel",
        summary="Stop a queued or running backtest",
        description=(
            "A queued run is canceled at once, a running one between two bars (status "
            "canceled; GET shows it). 404 NOT_FOUND for another user's backtest; 409 CONFLICT "
            "when it has already finished."
        ),
        status_code=202,
        guards=[require_roles(*HUMANS)],
        responses=problems(404, 409, 429),
    )
    async def cancel_backtest(
        self, backtest_id: FromPath[str], caller: CallerDep, strategies: StrategiesDep
    ) -> BacktestOut:
        backtest = await strategies.backtests.cancel(caller.principal, backtest_id)
        return BacktestOut.from_domain(backtest, with_result=False)


CONTROLLERS: list[Any] = [BacktestController]
