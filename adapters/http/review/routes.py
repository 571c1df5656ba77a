"""Advisory reviews (docs/ai-review.md) and the models' outcome records.

The gate has already decided when a review is asked for; a review never changes a decision.
`POST /orders/{id}/review` reviews a stored order (its figures recomputed now),
`GET /orders/{id}/review` reads its newest review, `POST /reviews` reviews a proposed order
(nothing of the order is stored), `GET /reviews/{id}` reads one. Another owner's order or
review answers 404. `GET /models/{name}/record`: hit rate, calibration and drift per version
and period (supervisors and viewers: every owner's predictions; others: their own).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.problems import problem_responses
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.review import ReviewDep
from adapters.http.review.schemas import ModelRecordOut, ReviewOut
from adapters.http.schemas.risk import AnalyzeIn
from adapters.http.security import READERS, READERS_AND_AGENTS, require_roles
from adapters.http.trading.orders import origin_of
from application.model_records.record import Period

_FALLBACK = (
    "The model has the configured budget (BULWARK_REVIEW_BUDGET_SECONDS, 2 s by default); "
    "when it hangs, fails or answers off the schema the rules rater answers and `source` is "
    '"rules" with `fallback` saying why.'
)
_ERRORS = problem_responses(
    400, 401, 403, 404, 422, 429,
    notes={404: "NOT_FOUND (another owner's order)", 422: "INVALID_ORDER or NO_REFERENCE_PRICE"},
)  # fmt: skip


class OrderReviewController(Controller):
    """`/api/v1/orders/{order_id}/review`: a stored order's advisory review."""

    path = "/orders/{order_id:str}/review"
    guards = (require_roles(*READERS_AND_AGENTS),)

    @post(
        "/",
        summary="Review a stored order (advisory; the gate's decision stands)",
        description=f"The order's figures are recomputed now. {_FALLBACK}",
        status_code=201,
        responses=_ERRORS,
        opt=VIEWER_MAY_CALL,
    )
    async def review_order(
        self, order_id: FromPath[str], caller: CallerDep, review: ReviewDep
    ) -> ReviewOut:
        stored = await review.reviews.review_order(caller.principal, order_id)
        return ReviewOut.from_domain(stored)

    @get(
        "/",
        summary="An order's newest review",
        responses=problem_responses(
            400, 401, 403, 404, 429, notes={404: "NOT_FOUND or REVIEW_NOT_FOUND"}
        ),
    )
    async def get_order_review(
        self, order_id: FromPath[str], caller: CallerDep, review: ReviewDep
    ) -> ReviewOut:
        return ReviewOut.from_domain(await review.reviews.order_review(caller.principal, order_id))


class ProposedReviewController(Controller):
    """`/api/v1/reviews`: reviews of proposed orders, and any review by id."""

    path = "/reviews"
    guards = (require_roles(*READERS_AND_AGENTS),)

    @post(
        "/",
        summary="Review a proposed order (nothing of the order is stored)",
        description=f"The body is the pre-trade analysis' (POST /api/v1/risk/analyze). {_FALLBACK}",
        status_code=201,
        responses=_ERRORS,
        opt=VIEWER_MAY_CALL,
    )
    async def review_proposed_order(
        self, data: JSONBody[AnalyzeIn], caller: CallerDep, review: ReviewDep
    ) -> ReviewOut:
        order = data.to_order(origin_of(caller, data.strategy_id))
        stored = await review.reviews.review_proposed(caller.principal, data.account_id, order)
        return ReviewOut.from_domain(stored)

    @get(
        "/{review_id:str}",
        summary="One review",
        responses=problem_responses(400, 401, 403, 404, 429, notes={404: "REVIEW_NOT_FOUND"}),
    )
    async def get_review(
        self, review_id: FromPath[str], caller: CallerDep, review: ReviewDep
    ) -> ReviewOut:
        return ReviewOut.from_domain(await review.reviews.get(caller.principal, review_id))


class ModelRecordController(Controller):
    """`/api/v1/models/{name}/record`: a model judged by its outcomes."""

    path = "/models/{name:str}/record"
    guards = (require_roles(*READERS),)

    @get(
        "/",
        summary="A model's record: hit rate, calibration and input drift per version and period",
        description=(
            "Models: ai-reviewer, risk-rater, sentiment. `start`/`end` default to the last 30 "
            "days (at most 366); `period` day, week or month (UTC). Drift: the largest PSI "
            "over the inputs against the reference days before `start`."
        ),
        responses=problem_responses(400, 401, 403, 422, 429, notes={422: "INVALID_RECORD_QUERY"}),
    )
    async def get_model_record(
        self,
        name: FromPath[str],
        caller: CallerDep,
        review: ReviewDep,
        start: Annotated[datetime | None, QueryParameter()] = None,
        end: Annotated[datetime | None, QueryParameter()] = None,
        period: Annotated[Period, QueryParameter()] = Period.DAY,
    ) -> ModelRecordOut:
        found = await review.model_records.record(caller.principal, name, start, end, period)
        return ModelRecordOut.from_domain(found)


CONTROLLERS = [OrderReviewController, ProposedReviewController, ModelRecordController]
