"""`/console/planning`: the retirement Monte Carlo as a form and a fan chart, and homeostasis.

Everything goes through `PlanningService` (the use cases behind /api/v1/planning):

- SIMULATE posts the plan (CSRF, like every console form) to `monte_carlo`; a field that is not
  a number, or one the service refuses (422 INVALID_PLANNING_INPUT / PATH_STEPS_TOO_MANY), is
  shown beside its field and nothing is simulated. The result: the success probability with
  its standard error, the median ending wealth, the fan chart (5/25/50/75/95th percentiles of
  nominal wealth per year) and the probability of ruin by year. Any signed-in user may
  simulate (it stores nothing).
- The homeostasis card (freedom number, progress, years covered, autopilot) when the caller
  has a profile, else a short profile form (annual expenses, safe withdrawal rate). Changing
  the profile or the autopilot takes an acting role (the service refuses a viewer: 403).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import ACTING, fragment, is_htmx, page
from adapters.http.console.planning_view import PLAN_DEFAULTS, fan_chart, ruin_chart
from adapters.http.contexts import bundle_of
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from application.portfolio.planning import (
    HomeostasisView,
    MonteCarloRun,
    PlanningProfileNotFound,
    PlanningService,
    ProfileChange,
)
from domain.analytics.planning.homeostasis import DEFAULT_SAFE_WITHDRAWAL_RATE
from domain.errors import DomainError, NotFound
from ports.core.compute import RetirementInputs

_FLOATS = (
    "initial_wealth",
    "monthly_contribution",
    "monthly_withdrawal",
    "annual_return",
    "annual_volatility",
    "inflation_rate",
)
_INTS = ("retirement_month", "horizon_months", "paths", "seed")


def _service(request: Request[Any, Any, Any]) -> PlanningService:
    portfolio = bundle_of(request, "portfolio")
    if portfolio is None:
        raise NotFound("planning is not served by this instance")
    service: PlanningService = portfolio.planning
    return service


def _float(form: dict[str, str], name: str) -> float:
    try:
        return float(form[name])
    except ValueError:
        raise InvalidForm(name, "must be a number") from None


def _int(form: dict[str, str], name: str) -> int:
    text = form[name]
    if not text.lstrip("-").isdigit():
        raise InvalidForm(name, "must be a whole number")
    return int(text)


def parse_plan(form: dict[str, str]) -> tuple[RetirementInputs | None, dict[str, str]]:
    """The plan as typed, or the errors by field (every field that is not a number)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for names, parse in ((_FLOATS, _float), (_INTS, _int)):
        for name in names:
            try:
                values[name] = parse(form, name)
            except InvalidForm as exc:
                errors[name] = exc.message
    dof = None
    if form.get("student_t") == "on":
        try:
            dof = _float(form, "student_t_dof")
        except InvalidForm as exc:
            errors["student_t_dof"] = exc.message
    if form.get("current_age"):
        try:
            _int(form, "current_age")
        except InvalidForm as exc:
            errors["current_age"] = exc.message
    if errors:
        return None, errors
    return RetirementInputs(**values, student_t_dof=dof), {}


def _form_values(raw: Any) -> dict[str, str]:
    """The posted plan with the defaults for what is missing (every value a stripped string)."""
    values = {name: str(raw.get(name, default)).strip() for name, default in PLAN_DEFAULTS.items()}
    values["student_t"] = "on" if raw.get("student_t") == "on" else ""
    return values


async def _home(
    request: Request[Any, Any, Any], errors: dict[str, str] | None = None
) -> dict[str, Any]:
    """The homeostasis card's context: the view, or None with the profile form's errors."""
    home: HomeostasisView | None
    try:
        home = await _service(request).homeostasis(caller_of(request).principal)
    except PlanningProfileNotFound:
        home = None
    return {
        "home": home,
        "profile_errors": errors or {},
        "default_swr": DEFAULT_SAFE_WITHDRAWAL_RATE,
    }


def _result(run: MonteCarloRun, age: str) -> dict[str, Any]:
    start = int(age) if age else None
    return {"run": run, "fan": fan_chart(run.result, start), "ruin": ruin_chart(run.result, start)}


class PlanningPageController(Controller):
    """`/console/planning`"""

    path = "/planning"

    @get("/")
    async def planning(self, request: Request[Any, Any, Any]) -> Template:
        context = {"form": dict(PLAN_DEFAULTS, student_t=""), "errors": {}, "run": None}
        context.update(await _home(request))
        return page(request, "planning.html", title="Planning", context=context)

    @post("/simulate", status_code=200)
    async def simulate(self, request: Request[Any, Any, Any]) -> Template:
        form = _form_values(await request.form())
        plan, errors = parse_plan(form)
        context: dict[str, Any] = {"form": form, "errors": errors, "run": None}
        status, code = 200, None
        if plan is not None:
            try:
                run = await _service(request).monte_carlo(plan)
            except DomainError as exc:
                if exc.field is None or domain_status(exc) != 422:
                    raise  # 503 busy / over budget: the error page or the flash
                errors[exc.field] = exc.message
                status, code = 422, exc.code
            else:
                context.update(_result(run, form["current_age"]))
        else:
            status, code = 422, InvalidForm.code
        if is_htmx(request):
            return fragment(
                request, "partials/planning_plan.html", status_code=status, code=code,
                context=context,
            )  # fmt: skip
        context.update(await _home(request))
        return page(request, "planning.html", title="Planning", status_code=status, context=context)

    @post("/profile", guards=[ACTING], status_code=200)
    async def profile(self, request: Request[Any, Any, Any]) -> Template | Redirect:
        raw = await request.form()
        errors: dict[str, str] = {}
        figures: dict[str, Decimal] = {}
        for name, default in (("annual_expenses", ""), ("safe_withdrawal_rate", "0.04")):
            try:
                figures[name] = Decimal(str(raw.get(name, default)).strip() or default)
            except InvalidOperation:
                errors[name] = f"{name}: must be a number"
        if not errors:
            try:
                await _service(request).put_profile(
                    caller_of(request).principal,
                    ProfileChange(figures["annual_expenses"], figures["safe_withdrawal_rate"]),
                )
            except DomainError as exc:
                if exc.field is None:
                    raise
                errors[exc.field] = exc.message
        if not errors:
            if is_htmx(request):
                return fragment(
                    request, "partials/planning_home.html", context=await _home(request)
                )
            return Redirect("/console/planning", status_code=303)
        context = await _home(request, errors)
        if is_htmx(request):
            return fragment(
                request, "partials/planning_home.html", status_code=422,
                code="INVALID_PLANNING_INPUT", context=context,
            )  # fmt: skip
        context.update({"form": dict(PLAN_DEFAULTS, student_t=""), "errors": {}, "run": None})
        return page(request, "planning.html", title="Planning", status_code=422, context=context)

    @post("/autopilot", guards=[ACTING], status_code=200)
    async def autopilot(self, request: Request[Any, Any, Any]) -> Template | Redirect:
        raw = await request.form()
        enabled = str(raw.get("enabled", "")).strip()
        if enabled not in ("on", "off"):
            raise InvalidForm("enabled", "must be on or off")
        await _service(request).set_autopilot(caller_of(request).principal, enabled == "on")
        if is_htmx(request):
            return fragment(
                request,
                "partials/planning_home.html",
                context={**await _home(request), "toggled": True},
            )
        return Redirect("/console/planning", status_code=303)
