"""`/console/retirement`: the plans kept beside the caller's accounts and the stored calculations.

The same use cases as `/api/v1/wealth/retirement/accounts/{id}/...` (application/wealth/
retirement.py RetirementService) with the signed-in principal, and the same rule: only the
caller's own accounts, whatever the role (an admin's too), another user's account id answering
the console's 404 page. Readers as the API's (a viewer reads; agents never sign in here).

- The list: each of the caller's accounts with its plan's kind, or none.
- An account (`/accounts/{id}?year=`): its plan, the form that keeps it (kind, birth date,
  pay, match tiers, vesting, service start: the API's fields and checks, a refusal beside its
  field), the year's contributions and the form that records one, and the calculations on the
  stored balance (the account's equity at the current reference marks): contribution room
  used and left, the employer match and the vested employer money, the RMD with its divisor
  and table, and the Roth conversion what-if (posted: it stores nothing, any reader may ask).
- Keeping a plan and recording a contribution take an acting role (a viewer sees no form and
  its POST answers 403); both are audited by the use case.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, Any

from litestar import Request, get, post
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from adapters.http.console import retirement_forms as forms
from adapters.http.console import retirement_view as view
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import (
    ACTING,
    ConsolePage,
    form_page,
    fragment,
    is_htmx,
    page,
    see_other,
)
from adapters.http.contexts import bundle_of
from adapters.http.problems import domain_status
from adapters.http.security import READERS, caller_of, require_roles
from application.wealth.retirement import AccountPlan, RetirementService
from domain.errors import DomainError, NotFound
from domain.principals import Principal

RETIREMENT = "/console/retirement"
Year = Annotated[int | None, QueryParameter(ge=1900, le=2200)]


def _service(request: Request[Any, Any, Any]) -> RetirementService:
    services = bundle_of(request, "wealth")
    if services is None:
        raise NotFound("retirement plans are not served by this instance")
    service: RetirementService = services.retirement
    return service


def _principal(request: Request[Any, Any, Any]) -> Principal:
    return caller_of(request).principal


async def _entry(service: RetirementService, principal: Principal, account_id: str) -> AccountPlan:
    """The caller's own account and its plan: another's (or an unknown id) answers 404."""
    for entry in await service.plans_by_account(principal):
        if entry.account.id == account_id:
            return entry
    raise NotFound(f"account {account_id} not found")


async def _account_context(
    request: Request[Any, Any, Any],
    account_id: str,
    year: int | None = None,
    **shown: Any,
) -> dict[str, Any]:
    """The account page's context; `shown` overrides a form's values, errors or answer."""
    service, principal = _service(request), _principal(request)
    entry = await _entry(service, principal, account_id)
    year = year if year is not None else service.this_year()
    context: dict[str, Any] = {
        "account": entry.account,
        "plan": entry.plan,
        "year": year,
        "kind_options": forms.KIND_OPTIONS,
        "vesting_options": forms.VESTING_OPTIONS,
        "source_options": forms.SOURCE_OPTIONS,
        "filing_options": forms.FILING_OPTIONS,
        "plan_form": forms.plan_form(entry.plan),
        "plan_errors": {},
        "contribution_form": forms.contribution_form(year),
        "contribution_errors": {},
        "roth": {"form": dict(forms.CONVERSION_DEFAULTS), "errors": {}, "card": None},
        "cards": {},
        "charts": {},
        "contributions": [],
    }
    context.update(shown)
    if entry.plan is None:
        return context
    context["contributions"] = await service.contributions(principal, account_id, year)
    cards = await view.calculations(service, principal, account_id, year)
    match = cards["match"].value
    years = match[1].years_of_service if match is not None else 0
    context["cards"] = cards
    context["charts"] = {
        "vesting": view.vesting_chart(entry.plan, years),
        "rmd": view.rmd_chart(entry.plan, year),
    }
    return context


def _title(account_id: str) -> str:
    return f"Retirement: {account_id}"


async def _form_answer(
    request: Request[Any, Any, Any], account_id: str, reader: FieldReader, form: str,
    kept: Awaitable[object] | None, refusals: tuple[int, ...], default: str, done: str | None,
) -> Redirect | Template:  # fmt: skip
    """A posted `form`'s answer once `kept` (None: the form was refused as typed) has run:
    `done` (303; None: none to go on to), or the account's page again (422) with the form's
    values and errors, a use case's refusal of a field (one of `refusals`) beside that field
    (`default` when not the form's)."""
    code = "VALIDATION_ERROR"
    if kept is not None:
        try:
            await kept
        except DomainError as exc:
            if exc.field is None or domain_status(exc) not in refusals:
                raise
            forms.refuse(reader, exc, default)
            code = exc.code
    if not reader.errors and done is not None:
        return see_other(request, done)
    shown: dict[str, Any] = {f"{form}_form": reader.values, f"{form}_errors": reader.errors}
    context = await _account_context(request, account_id, **shown)
    return form_page(
        request, "retirement_account.html", title=_title(account_id), status_code=422,
        code=code, context=context,
    )  # fmt: skip


class RetirementPageController(ConsolePage):
    """`/console/retirement`, an account's plan and calculations, and their forms."""

    path = "/retirement"
    guards = (require_roles(*READERS),)

    @get("/")
    async def retirement(self, request: Request[Any, Any, Any]) -> Template:
        entries = await _service(request).plans_by_account(_principal(request))
        return page(request, "retirement.html", title="Retirement", context={"entries": entries})

    @get("/accounts/{account_id:str}")
    async def account(
        self, request: Request[Any, Any, Any], account_id: FromPath[str], year: Year = None
    ) -> Template:
        context = await _account_context(request, account_id, year)
        return page(request, "retirement_account.html", title=_title(account_id), context=context)

    @post("/accounts/{account_id:str}/plan", guards=[ACTING], status_code=303)
    async def keep_plan(
        self, request: Request[Any, Any, Any], account_id: FromPath[str]
    ) -> Redirect | Template:
        reader = FieldReader(await request.form())
        change = forms.plan_change(reader)
        kept = None
        if change is not None:
            kept = _service(request).put_plan(_principal(request), account_id, change)
        done = f"{RETIREMENT}/accounts/{account_id}"
        return await _form_answer(request, account_id, reader, "plan", kept, (422,), "kind", done)

    @post("/accounts/{account_id:str}/contributions", guards=[ACTING], status_code=303)
    async def record_contribution(
        self, request: Request[Any, Any, Any], account_id: FromPath[str]
    ) -> Redirect | Template:
        reader = FieldReader(await request.form())
        new = forms.contribution(reader)
        kept = done = None
        if new is not None:
            kept = _service(request).add_contribution(_principal(request), account_id, new)
            done = f"{RETIREMENT}/accounts/{account_id}?year={new.tax_year}"
        return await _form_answer(
            request, account_id, reader, "contribution", kept, (409, 422), "amount", done
        )

    @post("/accounts/{account_id:str}/roth-conversion", status_code=200)
    async def roth_conversion(
        self, request: Request[Any, Any, Any], account_id: FromPath[str]
    ) -> Template:
        service, principal = _service(request), _principal(request)
        entry = await _entry(service, principal, account_id)
        reader = FieldReader(await request.form())
        question = forms.conversion(reader)
        answer = None
        if question is not None:
            answer = await view.conversion(service, principal, account_id, question)
        status, code = reader.outcome(None)
        if answer is not None and answer.refused is not None:
            status, code = answer.status, answer.code
            name = answer.field or ""
            if name in forms.CONVERSION_DEFAULTS:  # a field of the form: shown beside it
                reader.errors[name] = f"{name}: {answer.refused}"
                answer = None
        roth = {"form": reader.values, "errors": reader.errors, "card": answer}
        if is_htmx(request):
            context = {
                "roth": roth,
                "account": entry.account,
                "filing_options": forms.FILING_OPTIONS,
            }
            return fragment(
                request, "partials/retirement_roth.html", status_code=status, code=code,
                context=context,
            )  # fmt: skip
        context = await _account_context(request, account_id, roth=roth)
        return form_page(
            request, "retirement_account.html", title=_title(account_id), status_code=status,
            code=code or "", context=context,
        )  # fmt: skip
