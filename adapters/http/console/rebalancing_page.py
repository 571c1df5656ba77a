"""`/console/rebalancing`: a household's drift, dry-run proposals, execution, autopilot limits.

The same use cases as `/api/v1/rebalancing` (application/rebalancing: RebalancingService.drift
/ propose / proposal / execute, AutopilotLimitsService.get / put) with the signed-in
principal: only the caller's own portfolios and proposals (another user's answers 404).

- The drift of the household and of each account: a chart of current against target weights
  with the band around each target, and the table with what is out of band.
- PROPOSE (a dry run, stored like the API's) shows the trades, each sold lot's estimated gain
  and its term, the turnover, and what stays out of band with its reason.
- EXECUTE is a second step: the proposal's page asks for confirmation (the trades as orders
  through the pre-trade gate) and the POST must carry the proposal's id as `confirm`. Changing
  anything (propose, execute, the autopilot limits) takes an acting role: a viewer sees no
  button and its POST answers 403 (the use cases refuse it as well).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from litestar import Request, get, post
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from adapters.http.console.analytics_view import own_portfolios
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import ACTING, ConsolePage, fragment, is_htmx, page
from adapters.http.contexts import bundle_of
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from application.rebalancing.limits import AutopilotLimitsNotFound
from application.rebalancing.service import DriftView
from domain.errors import DomainError, NotFound
from domain.rebalancing.model import Drift
from domain.rebalancing.proposal import RebalanceSettings

REBALANCING = "/console/rebalancing"
Confirm = Annotated[bool, QueryParameter()]


def _services(request: Request[Any, Any, Any]) -> Any:
    services = bundle_of(request, "rebalancing")
    if services is None:
        raise NotFound("rebalancing is not served by this instance")
    return services


def drift_chart(drift: Drift, band: Decimal) -> dict[str, Any]:
    """Chart data of one drift (percent of the value): per symbol the current and target
    weights and the band's edges around the target (rebalancing.js draws it)."""
    symbols = drift.symbols
    pct = Decimal(100)
    return {
        "labels": [s.symbol for s in symbols],
        "current": [float(s.weight * pct) for s in symbols],
        "target": [float(s.target_weight * pct) for s in symbols],
        "low": [float(max(s.target_weight - band, Decimal(0)) * pct) for s in symbols],
        "high": [float(min(s.target_weight + band, Decimal(1)) * pct) for s in symbols],
        "out": [s.out_of_band for s in symbols],
    }


async def _limits(request: Request[Any, Any, Any]) -> Any:
    try:
        return await _services(request).limits.get(caller_of(request).principal)
    except AutopilotLimitsNotFound:
        return None


async def _portfolio_context(
    request: Request[Any, Any, Any], portfolio_id: str, band: Decimal | None = None
) -> dict[str, Any]:
    service = _services(request).rebalancing
    principal = caller_of(request).principal
    portfolio = await service.owned_portfolio(principal, portfolio_id)
    view: DriftView = await service.drift(principal, portfolio_id, band)
    return {
        "portfolio": portfolio,
        "view": view,
        "household_chart": drift_chart(view.household, view.band),
        "account_charts": {a.account_id: drift_chart(a, view.band) for a in view.accounts},
        "defaults": service.defaults,
        "propose_form": {"band": str(view.band), "fractional": service.defaults.fractional},
        "errors": {},
    }


class RebalancingPageController(ConsolePage):
    """`/console/rebalancing` and its household, proposal and autopilot routes."""

    path = "/rebalancing"

    @get("/")
    async def rebalancing(self, request: Request[Any, Any, Any]) -> Template:
        return page(
            request, "rebalancing.html", title="Rebalancing",
            context={"portfolios": await own_portfolios(request),
                     "limits": await _limits(request), "limit_errors": {}},
        )  # fmt: skip

    @get("/portfolios/{portfolio_id:str}")
    async def household(
        self, request: Request[Any, Any, Any], portfolio_id: FromPath[str]
    ) -> Template:
        context = await _portfolio_context(request, portfolio_id)
        title = f"Rebalancing {context['portfolio'].name}"
        return page(request, "rebalancing_household.html", title=title, context=context)

    @post("/portfolios/{portfolio_id:str}/propose", guards=[ACTING], status_code=200)
    async def propose(
        self, request: Request[Any, Any, Any], portfolio_id: FromPath[str]
    ) -> Template:
        service = _services(request).rebalancing
        reader = FieldReader(await request.form())
        band = reader.decimal("band", required=False)
        settings = RebalanceSettings(
            service.defaults.band if band is None else band, reader.flag("fractional")
        )
        stored, code = None, None
        if not reader.errors:
            try:
                stored = await service.propose(caller_of(request).principal, portfolio_id, settings)
            except DomainError as exc:
                code = reader.refused(exc)
        status, code = reader.outcome(code)
        context = {"stored": stored, "errors": reader.errors, "confirm": False}
        if is_htmx(request):
            return fragment(
                request, "partials/rebalancing_proposal.html", status_code=status, code=code,
                context=context,
            )  # fmt: skip
        if stored is not None:
            return page(
                request, "rebalancing_proposal.html", title="Rebalance proposal", context=context
            )
        full = await _portfolio_context(request, portfolio_id)
        full.update(errors=reader.errors, propose_form=reader.values)
        return page(request, "rebalancing_household.html", title="Rebalancing",
                    status_code=status, context=full)  # fmt: skip

    @get("/proposals/{proposal_id:str}")
    async def proposal(
        self, request: Request[Any, Any, Any], proposal_id: FromPath[str], confirm: Confirm = False
    ) -> Template:
        stored = await _services(request).rebalancing.proposal(
            caller_of(request).principal, proposal_id
        )
        context = {"stored": stored, "errors": {}, "confirm": confirm}
        if is_htmx(request):
            return fragment(request, "partials/rebalancing_proposal.html", context=context)
        return page(request, "rebalancing_proposal.html", title="Rebalance proposal",
                    context=context)  # fmt: skip

    @post("/proposals/{proposal_id:str}/execute", guards=[ACTING], status_code=200)
    async def execute(
        self, request: Request[Any, Any, Any], proposal_id: FromPath[str]
    ) -> Template:
        form = await request.form()
        if str(form.get("confirm", "")) != proposal_id:
            raise InvalidForm("confirm", message="confirm: confirm the execution first")
        execution = await _services(request).rebalancing.execute(
            caller_of(request).principal, proposal_id
        )
        context = {"stored": execution.stored, "execution": execution, "errors": {},
                   "confirm": False}  # fmt: skip
        if is_htmx(request):
            return fragment(request, "partials/rebalancing_proposal.html", context=context)
        return page(request, "rebalancing_proposal.html", title="Rebalance executed",
                    context=context)  # fmt: skip

    @post("/autopilot", guards=[ACTING], status_code=200)
    async def autopilot(self, request: Request[Any, Any, Any]) -> Template | Redirect:
        reader = FieldReader(await request.form())
        turnover = reader.decimal("max_turnover")
        gain = reader.decimal("max_realised_gain")
        code = None
        if not reader.errors and turnover is not None and gain is not None:
            try:
                await _services(request).limits.put(caller_of(request).principal, turnover, gain)
            except DomainError as exc:
                if exc.field is None or domain_status(exc) != 422:
                    raise
                reader.errors[exc.field] = exc.message
                code = exc.code
        if not reader.errors and not is_htmx(request):
            return Redirect(REBALANCING, status_code=303)
        status, code = reader.outcome(code)
        context = {"limits": await _limits(request), "limit_errors": reader.errors,
                   "limit_form": reader.values, "limits_saved": not reader.errors}  # fmt: skip
        if is_htmx(request):
            return fragment(
                request, "partials/rebalancing_limits.html", status_code=status,
                code=code, context=context,
            )  # fmt: skip
        context["portfolios"] = await own_portfolios(request)
        return page(request, "rebalancing.html", title="Rebalancing", status_code=status,
                    context=context)  # fmt: skip
