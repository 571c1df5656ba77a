"""`/console/fixed-income`: a bond calculator, a ladder builder and the bonds of a stored
portfolio (`?portfolio_id=`, or its card's form: fixed_income_portfolio.py).

The same use case as POST /api/v1/analytics/fixed-income/bond and /ladder
(`FixedIncomeService.bond` / `ladder`, within the compute budget): a calculation on the typed
inputs that reads and stores nothing, so any signed-in role may ask (the viewer too, as on the
API). A field the form or the use case refuses (422 INVALID_BOND_INPUT) is shown beside it; a
ladder rung's refusal names its line. Conventions in fixed_income_view.py, named on the page
in the API's own words (adapters/http/analytics/fixed_income_schemas.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request, get, post
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from adapters.http.analytics.fixed_income_schemas import SCHEDULE, compounding
from adapters.http.console.analytics_view import own_portfolios, today_of
from adapters.http.console.fixed_income_portfolio import analyse_portfolio, portfolio_defaults
from adapters.http.console.fixed_income_view import (
    FREQUENCIES,
    RUNG_FORMAT,
    bond_defaults,
    cash_flow_schedule,
    ladder_defaults,
    ladder_field,
    read_bond_form,
    read_ladder_form,
    schedule_chart,
    shock_chart,
)
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ConsolePage, fragment, is_htmx, page, part_or_page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.problems import domain_status
from application.analytics.fixed_income import BondResult, FixedIncomeService, LadderResult
from domain.errors import DomainError, NotFound
from domain.fixedincome.daycount import DAY_COUNT_NAMES

TITLE = "Fixed income"
KINDS = ("bond", "ladder")


@dataclass(frozen=True, slots=True)
class Calc:
    """One card's state: what was typed, the errors by field, the answer's context."""

    form: dict[str, str]
    errors: dict[str, str]
    answer: dict[str, Any] | None = None


def _service(request: Request[Any, Any, Any]) -> FixedIncomeService:
    service: FixedIncomeService = bundle_or_not_found(
        request, "analytics", "fixed income is not served by this instance"
    ).fixed_income
    return service


def _bond_answer(result: BondResult) -> dict[str, Any]:
    a = result.analytics
    return {
        "a": a,
        "result": result,
        "compounding": compounding(a.bond.frequency),
        "shock_chart": shock_chart(a.shocks),
        "flows": list(zip(a.flows.pay_dates, a.flows.amounts.tolist(), strict=True)),
    }


def _ladder_answer(result: LadderResult) -> dict[str, Any]:
    a = result.analytics
    schedule = cash_flow_schedule(a)
    frequencies = sorted({p.analytics.bond.frequency for p in a.positions})
    return {
        "a": a,
        "currency": result.currency,
        "day_count": ", ".join(sorted({p.analytics.bond.day_count.value for p in a.positions})),
        "compounding": "; ".join(compounding(f) for f in frequencies),
        "schedule": schedule,
        "schedule_chart": schedule_chart(schedule),
        "shock_chart": shock_chart(a.shocks),
    }


async def _answer(
    service: FixedIncomeService, kind: str, reader: FieldReader
) -> dict[str, Any] | None:
    """The calculation `kind` on the read fields (None while a field has an error)."""
    if kind == "bond":
        bond = read_bond_form(reader)
        return None if bond is None else _bond_answer(await service.bond(bond))
    ladder = read_ladder_form(reader)
    return None if ladder is None else _ladder_answer(await service.ladder(ladder))


def _choices() -> dict[str, Any]:
    return {
        "day_counts": DAY_COUNT_NAMES,
        "frequencies": FREQUENCIES,
        "schedule_rule": SCHEDULE,
        "rung_format": RUNG_FORMAT,
    }


class FixedIncomePageController(ConsolePage):
    """`/console/fixed-income`, `/bond` and `/ladder`"""

    path = "/fixed-income"

    @get("/")
    async def fixed_income(
        self, request: Request[Any, Any, Any], portfolio_id: FromQuery[str] = ""
    ) -> Template:
        today = today_of(request)
        held = Calc(portfolio_defaults(today), {})
        if portfolio_id:  # a portfolio chosen: its bonds' figures (404 when not yours)
            reader = FieldReader({"portfolio_id": portfolio_id})
            answer, _ = await analyse_portfolio(request, reader)
            held = Calc({**held.form, **reader.values}, reader.errors, answer)
        calcs = {
            "bond": Calc(bond_defaults(today), {}),
            "ladder": Calc(ladder_defaults(today), {}),
            "portfolio": held,
        }
        context = {"calcs": calcs, "portfolios": await own_portfolios(request), **_choices()}
        status = 422 if held.errors else 200
        return page(request, "fixed_income.html", title=TITLE, status_code=status, context=context)

    @post("/portfolio", status_code=200)
    async def portfolio_bonds(self, request: Request[Any, Any, Any]) -> Template:
        today = today_of(request)
        reader = FieldReader(await request.form())
        answer, code = await analyse_portfolio(request, reader)
        status, code = reader.outcome(code)
        calc = Calc({**portfolio_defaults(today), **reader.values}, reader.errors, answer)
        calcs = {
            "bond": Calc(bond_defaults(today), {}),
            "ladder": Calc(ladder_defaults(today), {}),
            "portfolio": calc,
        }
        portfolios = await own_portfolios(request)
        return part_or_page(
            request, "partials/fixed_income_portfolio.html", "fixed_income.html", title=TITLE,
            status_code=status, code=code,
            context={"calc": calc, "calcs": calcs, "portfolios": portfolios, **_choices()},
        )  # fmt: skip

    @post("/{kind:str}", status_code=200)
    async def calculate(self, request: Request[Any, Any, Any], kind: FromPath[str]) -> Template:
        if kind not in KINDS:
            raise NotFound(f"no calculation {kind!r}")
        today = today_of(request)
        reader = FieldReader(await request.form())
        answer, code = None, None
        try:
            answer = await _answer(_service(request), kind, reader)
        except DomainError as exc:
            if exc.field is None or domain_status(exc) != 422:
                raise  # 503 busy / over budget: the error page or the flash
            field, message = (
                ladder_field(exc.field, exc.message)
                if kind == "ladder"
                else (exc.field, f"{exc.field}: {exc.message}")
            )
            reader.errors[field] = message
            code = exc.code
        status, code = reader.outcome(code)
        defaults = bond_defaults(today) if kind == "bond" else ladder_defaults(today)
        calc = Calc({**defaults, **reader.values}, reader.errors, answer)
        if is_htmx(request):
            return fragment(
                request, f"partials/fixed_income_{kind}.html", status_code=status, code=code,
                context={"calc": calc, **_choices()},
            )  # fmt: skip
        other = "ladder" if kind == "bond" else "bond"
        other_defaults = ladder_defaults(today) if kind == "bond" else bond_defaults(today)
        calcs = {kind: calc, other: Calc(other_defaults, {}),
                 "portfolio": Calc(portfolio_defaults(today), {})}  # fmt: skip
        portfolios = await own_portfolios(request)
        return page(
            request, "fixed_income.html", title=TITLE, status_code=status,
            context={"calcs": calcs, "portfolios": portfolios, **_choices()},
        )  # fmt: skip
