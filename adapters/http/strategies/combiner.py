"""The learned combiner's report: the weights a strategy's sources earn on a symbol's stored
daily bars, judged out of sample."""

from __future__ import annotations

from typing import Any

from litestar import Controller, post
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.security import READERS, require_roles
from adapters.http.strategies import StrategiesDep, problems
from adapters.http.strategies.combiner_schemas import CombinerIn, CombinerReportOut


class CombinerController(Controller):
    """`/api/v1/strategies/{id}/combiner`: the caller's own strategies (another's answer 404)."""

    path = "/strategies/{strategy_id:str}/combiner"

    @post(
        "/evaluate",
        summary="Fit your strategy's learned combiner walk-forward on a symbol and judge it",
        description=(
            "Reads `symbol`'s daily bars from `from` to `to` in the bar store, computes each "
            "source's reading at every close as a backtest does (no reading sees a later bar "
            "or news item), and fits the sources' weights walk-forward: every `refit_bars` "
            "days an L2 logistic regression (scikit-learn) of the next day's direction on the "
            "last `training_bars` days. Answers the last weights and every refit, and the hit "
            "rate and information coefficient of the learned score, the stated-weights fusion "
            "and each source alone on the same out-of-sample days (docs/strategies.md). Any "
            "strategy may be judged, with its entry's `training_bars` and `refit_bars`. 404 "
            "NOT_FOUND for a strategy that is not yours; 422 COMBINER_TOO_FEW_BARS when the "
            "range holds no more days than `training_bars`, COMBINER_TOO_MANY_REFITS, "
            "BACKTEST_BARS_MISSING when the store lacks the range."
        ),
        status_code=200,
        guards=[require_roles(*READERS)],
        responses=problems(
            400,
            404,
            422,
            429,
            notes={
                422: "COMBINER_TOO_FEW_BARS, COMBINER_TOO_MANY_REFITS, BACKTEST_BARS_MISSING "
                "or INVALID_COMBINER_QUERY"
            },
        ),
    )
    async def evaluate_combiner(
        self,
        strategy_id: FromPath[str],
        data: JSONBody[CombinerIn],
        caller: CallerDep,
        strategies: StrategiesDep,
    ) -> CombinerReportOut:
        report = await strategies.combiner_reports.report(
            caller.principal, data.to_query(strategy_id)
        )
        return CombinerReportOut.from_domain(report)


CONTROLLERS: list[Any] = [CombinerController]
