"""`/console/giving`: the signed-in user's donations (cursor pages), recording and deleting one,
donor-advised funds with their grants, opening carryovers and the deduction estimate under the
AGI limits.

The same use cases as `/api/v1/planning/giving` (application/portfolio/giving.py GivingService)
with the signed-in principal, answered through the API's own DTOs: every amount is the decimal
string the API answers. Only the caller's own records: another user's donation id answers 404.
Recording, deleting and granting take an acting role (the viewer sees the lists without a form
or button, and its POSTs answer 403); the deduction is a calculation that stores nothing, so
any role may ask, as on the API. A refused field is shown beside it (422; 200 with
`X-Bulwark-Status` for htmx).
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Request, get, post
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from adapters.http.console import giving_forms
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
from adapters.http.contexts import bundle_of, bundle_or_not_found
from adapters.http.portfolio.giving_reports_schemas import GivingDeductionOut
from adapters.http.portfolio.giving_schemas import (
    DEDUCTION_CONVENTIONS,
    DafFundOut,
    DonationReceiptOut,
    DonationReceiptPageOut,
    GivingCarryoversOut,
)
from adapters.http.security import caller_of
from domain.analytics.giving.model import InvalidGivingInput

GIVING = "/console/giving"
PAGE_SIZE = 25
Cursor = Annotated[str | None, QueryParameter(min_length=1, max_length=128)]
Year = Annotated[int | None, QueryParameter(ge=2000, le=2100)]


def _wire(value: Any) -> Any:
    return msgspec.to_builtins(value)


def _giving(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "portfolio", "giving is not served by this instance").giving


def _today_year(request: Request[Any, Any, Any]) -> int:
    services: Any = bundle_of(request, "portfolio")
    year: int = services.tax.today().year
    return year


def _back(request: Request[Any, Any, Any], query: str = "") -> Redirect:
    return see_other(request, GIVING + query)


def _donation_defaults(year: int) -> dict[str, str]:
    return {
        "donated_on": "",
        "donee": "",
        "donee_kind": "public_charity",
        "kind": "cash",
        "amount": "",
        "fund": "",
        "donee_ein": "",
        "symbol": "",
        "shares": "",
        "cost_basis": "",
        "acquired": "",
        "memo": "",
        "tax_year": str(year),
    }


async def _context(
    request: Request[Any, Any, Any],
    *,
    year: int | None = None,
    cursor: str | None = None,
    donation_form: dict[str, str] | None = None,
    donation_errors: dict[str, str] | None = None,
    grant_form: dict[str, str] | None = None,
    grant_errors: dict[str, str] | None = None,
) -> dict[str, Any]:
    service = _giving(request)
    principal = caller_of(request).principal
    found = await service.donations(principal, year=year, cursor=cursor, limit=PAGE_SIZE)
    this_year = _today_year(request)
    funds = await service.funds(principal)
    return {
        "donations": _wire(DonationReceiptPageOut.from_page(found)),
        "year": year,
        "cursor": cursor,
        "funds": [_wire(DafFundOut.from_domain(f)) for f in funds],
        "fund_options": [(f.fund, f.fund) for f in funds],
        "carryovers": _wire(
            GivingCarryoversOut.from_domain(await service.opening_carryovers(principal))
        ),
        "donation_form": donation_form or _donation_defaults(this_year),
        "donation_errors": donation_errors or {},
        "grant_form": grant_form or {},
        "grant_errors": grant_errors or {},
        "deduction": {
            "form": {"tax_year": str(this_year), "agi": "", "earlier_agi": ""},
            "errors": {},
            "answer": None,
        },
        "donee_kinds": [(k, k.replace("_", " ")) for k in giving_forms.DONEE_KINDS],
        "kinds": [(k, k) for k in giving_forms.KINDS],
        "conventions": DEDUCTION_CONVENTIONS,
    }


class GivingPageController(ConsolePage):
    """`/console/giving`, a donation's receipt, and the changes and the deduction."""

    path = "/giving"

    @get("/")
    async def giving(
        self, request: Request[Any, Any, Any], year: Year = None, cursor: Cursor = None
    ) -> Template:
        context = await _context(request, year=year, cursor=cursor)
        return page(request, "giving.html", title="Giving", context=context)

    @get("/donations/{donation_id:str}")
    async def receipt(
        self, request: Request[Any, Any, Any], donation_id: FromPath[str]
    ) -> Template:
        found = await _giving(request).donation(caller_of(request).principal, donation_id)
        context = {"r": _wire(DonationReceiptOut.from_domain(found))}
        return page(request, "giving_receipt.html", title="Donation receipt", context=context)

    @post("/donations", guards=[ACTING], status_code=303)
    async def record(self, request: Request[Any, Any, Any]) -> Redirect | Template:
        reader = FieldReader(await request.form())
        new = giving_forms.donation(reader)
        code = "VALIDATION_ERROR"
        if new is not None:
            try:
                await _giving(request).record_donation(caller_of(request).principal, new)
            except InvalidGivingInput as exc:
                reader.errors[giving_forms.form_field(exc.field or "")] = (
                    f"{exc.field}: {exc.message}"
                )
                code = exc.code
        if not reader.errors:
            return _back(request)
        context = await _context(
            request, donation_form=reader.values, donation_errors=reader.errors
        )
        return form_page(
            request, "giving.html", title="Giving", status_code=422, code=code, context=context
        )

    @post("/donations/{donation_id:str}/delete", guards=[ACTING], status_code=303)
    async def delete(self, request: Request[Any, Any, Any], donation_id: FromPath[str]) -> Redirect:
        await _giving(request).delete_donation(caller_of(request).principal, donation_id)
        return _back(request)

    @post("/grants", guards=[ACTING], status_code=303)
    async def grant(self, request: Request[Any, Any, Any]) -> Redirect | Template:
        reader = FieldReader(await request.form())
        new = giving_forms.grant(reader)
        code = "VALIDATION_ERROR"
        if new is not None:
            try:
                await _giving(request).record_grant(caller_of(request).principal, new)
            except InvalidGivingInput as exc:
                reader.errors[exc.field or "amount"] = f"{exc.field}: {exc.message}"
                code = exc.code
        if not reader.errors:
            return _back(request)
        context = await _context(request, grant_form=reader.values, grant_errors=reader.errors)
        return form_page(
            request, "giving.html", title="Giving", status_code=422, code=code, context=context
        )

    @post("/deduction", status_code=200)
    async def deduction(self, request: Request[Any, Any, Any]) -> Template:
        reader = FieldReader(await request.form())
        asked = giving_forms.deduction(reader)
        answer, code = None, "VALIDATION_ERROR"
        if asked is not None:
            tax_year, agi = asked
            try:
                report = await _giving(request).deduction(
                    caller_of(request).principal, tax_year, agi
                )
                answer = _wire(GivingDeductionOut.from_domain(report))
            except InvalidGivingInput as exc:
                name = giving_forms.form_field(exc.field or "", tax_year=tax_year)
                reader.errors[name] = f"{exc.field}: {exc.message}"
                code = exc.code
        status = 422 if reader.errors else 200
        calc = {"form": reader.values, "errors": reader.errors, "answer": answer}
        if is_htmx(request):
            return fragment(
                request,
                "partials/giving_deduction.html",
                status_code=status,
                code=code if reader.errors else None,
                context={"deduction": calc, "conventions": DEDUCTION_CONVENTIONS},
            )
        context = {**await _context(request), "deduction": calc}
        return page(request, "giving.html", title="Giving", status_code=status, context=context)
