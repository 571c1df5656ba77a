"""Risk analytics (issue 18): VaR / CVaR of a series and the regime-switching scenario run."""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from adapters.http.deps import CallerDep, ServicesDep
from adapters.http.problems import problem_responses
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.schemas.risk_var import VarIn, VarOut
from adapters.http.security import READERS_AND_AGENTS, require_roles
from domain.errors import NotFound

_ANY_READER = [require_roles(*READERS_AND_AGENTS)]


class RiskMeasuresController(Controller):
    """`/api/v1/risk/var`: nothing is stored; an account is read only if the caller may."""

    path = "/risk"
    tags = ("risk",)

    @post(
        "/var",
        summary="VaR and CVaR of a returns or P&L series",
        description=(
            "Exactly one of `returns` (fractions), `pnl` (money) or `account_id` (its stored "
            "daily returns; 404 NOT_FOUND for an account the caller may not read). For each "
            "confidence level (default 0.95 and 0.99, each in (0.5, 1)) and method "
            "(historical, parametric_normal, cornish_fisher): VaR and CVaR over `horizon_days` "
            "(square-root-of-time scaling of the 1-day figures), the Hill tail index and the "
            "conventions used (docs/risk-measures.md). 422 naming the field: "
            "INVALID_RISK_INPUT (NaN / Infinity, a confidence out of range, more than "
            "1,000,000 observations), INSUFFICIENT_RETURNS (fewer than 10). Samples above "
            "100,000 run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET "
            "with Retry-After."
        ),
        guards=_ANY_READER,
        status_code=200,
        responses=problem_responses(
            400,
            401,
            403,
            404,
            422,
            429,
            503,
            notes={422: "INVALID_RISK_INPUT, INSUFFICIENT_RETURNS or NO_REFERENCE_PRICE"},
        ),
        opt=VIEWER_MAY_CALL,
    )
    async def value_at_risk(
        self, data: JSONBody[VarIn], caller: CallerDep, services: ServicesDep
    ) -> VarOut:
        if services.value_at_risk is None:
            raise NotFound("value at risk is not served by this instance")
        result = await services.value_at_risk.value_at_risk(caller.principal, data.to_request())
        return VarOut.from_domain(result)


CONTROLLERS = [RiskMeasuresController]
