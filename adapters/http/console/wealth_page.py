"""`/console/wealth`: the investor profile, retirement calculations and the estate-tax estimate.

The same use cases as `/api/v1/wealth` (application/wealth: InvestorProfileService.profile /
put, RetirementService.room / rmd / roth_conversion, EstateTaxService.estimate) with the
signed-in principal:

- The profile is the caller's own; `/console/wealth/profiles/{user_id}` reads one by user id
  like the API (your own, or anyone's for an admin: another user's answers 404). Saving it (CSRF, an
  acting role: a viewer's POST answers 403 and the viewer sees no form) shows a field the
  service refuses (422 INVALID_INVESTOR_PROFILE) beside that field; ticking the terms box
  accepts the current terms version.
- Contribution room, RMD, the Roth conversion what-if and the estate tax are calculations on
  the posted figures (nothing stored: any signed-in role may ask); each answer shows the
  assumptions it rests on and the fields the profile supplied. Posted by htmx, only the card
  is swapped; posted without JavaScript, the whole page comes back with the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from litestar import Request, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ACTING, ConsolePage, fragment, is_htmx, page
from adapters.http.contexts import bundle_of
from adapters.http.security import caller_of
from application.wealth.profiles import InvestorProfileNotFound, ProfileChange
from application.wealth.retirement import ConversionQuestion, RoomQuestion
from domain.errors import DomainError, NotFound
from domain.retirement.contributions import AccountType, RoomRequest
from domain.retirement.limits import FilingStatus
from domain.wealth.profile import ACCREDITED_CRITERIA, InvestorProfile, RiskTolerance

WEALTH = "/console/wealth"
CALCULATIONS = ("room", "rmd", "roth", "estate")


@dataclass(frozen=True, slots=True)
class Calc:
    """One calculation card's state: what was typed, the errors by field, the answer."""

    form: dict[str, str]
    errors: dict[str, str]
    answer: Any = None


def _services(request: Request[Any, Any, Any]) -> Any:
    services = bundle_of(request, "wealth")
    if services is None:
        raise NotFound("wealth is not served by this instance")
    return services


def _choices() -> dict[str, Any]:
    return {
        "tolerances": [t.label for t in RiskTolerance],
        "statuses": [s.value for s in FilingStatus],
        "account_types": [a.value for a in AccountType],
        "criteria": ACCREDITED_CRITERIA,
    }


def _profile_form(profile: InvestorProfile | None) -> dict[str, str]:
    if profile is None:
        return {"horizon_years": "", "filing_status": "single", "federal_bracket": "",
                "risk_tolerance": "", "questionnaire_score": "", "state": "",
                "state_rate": "0"}  # fmt: skip
    return {
        "horizon_years": str(profile.horizon_years),
        "filing_status": profile.filing_status.value,
        "federal_bracket": str(profile.federal_bracket),
        "risk_tolerance": profile.risk_tolerance.label,
        "questionnaire_score": "" if profile.questionnaire_score is None
        else str(profile.questionnaire_score),
        "state": profile.state or "",
        "state_rate": str(profile.state_rate),
    }  # fmt: skip


async def _context(
    request: Request[Any, Any, Any],
    *,
    profile_form: dict[str, str] | None = None,
    profile_errors: dict[str, str] | None = None,
    calcs: dict[str, Calc] | None = None,
    saved: bool = False,
) -> dict[str, Any]:
    services = _services(request)
    profile: InvestorProfile | None
    try:
        profile = await services.profiles.profile(caller_of(request).principal)
    except InvestorProfileNotFound:
        profile = None
    this_year = datetime.now(UTC).year  # a default the user may change
    defaults = {
        "room": Calc({"account_type": "401k", "tax_year": str(this_year), "age": "",
                      "contributed": "0", "compensation": "", "magi": ""}, {}),
        "rmd": Calc({"balance": "", "birth_date": "", "year": str(this_year)}, {}),
        "roth": Calc({"amount": "", "taxable_income": "", "years": "20", "growth_rate": "0.06",
                      "future_rate": "", "state_rate": ""}, {}),
        "estate": Calc({"gross_estate": "", "year": str(this_year)}, {}),
    }  # fmt: skip
    return {
        "profile": profile,
        "terms_version": services.profiles.terms_version,
        "profile_form": profile_form or _profile_form(profile),
        "profile_errors": profile_errors or {},
        "saved": saved,
        "calcs": {**defaults, **(calcs or {})},
        **_choices(),
    }


def _change(reader: FieldReader, bases: list[str]) -> ProfileChange | None:
    horizon = reader.integer("horizon_years")
    status = reader.choice("filing_status", [s.value for s in FilingStatus])
    bracket = reader.decimal("federal_bracket")
    tolerance = reader.choice("risk_tolerance", [t.label for t in RiskTolerance], required=False)
    score = reader.integer("questionnaire_score", required=False)
    state_rate = reader.decimal("state_rate", required=False)
    if reader.errors or horizon is None or status is None or bracket is None:
        return None
    return ProfileChange(
        horizon_years=horizon,
        filing_status=FilingStatus(status),
        federal_bracket=bracket,
        risk_tolerance=RiskTolerance.from_label(tolerance) if tolerance else None,
        questionnaire_score=score,
        state=reader.text("state").upper() or None,
        state_rate=state_rate if state_rate is not None else Decimal(0),
        accredited_bases=tuple(bases),
        accept_terms=reader.text("accept_terms") or None,
    )


async def _answer(services: Any, principal: Any, kind: str, reader: FieldReader) -> Any:
    """The calculation `kind` on the read fields (None while a field has an error)."""
    if kind == "room":
        account = reader.choice("account_type", [a.value for a in AccountType])
        year, age = reader.integer("tax_year"), reader.integer("age")
        contributed = reader.decimal("contributed", required=False)
        compensation = reader.decimal("compensation", required=False)
        magi = reader.decimal("magi", required=False)
        if reader.errors or account is None or year is None or age is None:
            return None
        request = RoomRequest(
            account_type=AccountType(account), tax_year=year, age=age,
            contributed=contributed or Decimal(0), compensation=compensation, magi=magi,
        )  # fmt: skip
        return await services.retirement.room(principal, RoomQuestion(request))
    if kind == "rmd":
        balance, born, year = (reader.decimal("balance"), reader.day("birth_date"),
                               reader.integer("year"))  # fmt: skip
        if reader.errors or balance is None or born is None or year is None:
            return None
        return services.retirement.rmd(balance, born, year)
    if kind == "roth":
        amount, income = reader.decimal("amount"), reader.decimal("taxable_income")
        years, growth = reader.integer("years"), reader.decimal("growth_rate")
        future = reader.decimal("future_rate", required=False)
        state = reader.decimal("state_rate", required=False)
        if reader.errors or amount is None or income is None or years is None or growth is None:
            return None
        question = ConversionQuestion(
            amount=amount, taxable_income=income, years=years, growth_rate=growth,
            future_rate=future, state_rate=state,
        )  # fmt: skip
        return await services.retirement.roth_conversion(principal, question)
    gross, year = reader.decimal("gross_estate"), reader.integer("year", required=False)
    if reader.errors or gross is None:
        return None
    return services.estate_tax.estimate(gross, year)


class WealthPageController(ConsolePage):
    """`/console/wealth`, its profile form and its four calculations."""

    path = "/wealth"

    @get("/")
    async def wealth(self, request: Request[Any, Any, Any]) -> Template:
        return page(request, "wealth.html", title="Wealth", context=await _context(request))

    @get("/profiles/{user_id:str}")
    async def profile_of(self, request: Request[Any, Any, Any], user_id: FromPath[str]) -> Template:
        """A user's profile, read-only: your own, or anyone's for an admin (else 404)."""
        profiles = _services(request).profiles
        found = await profiles.profile_of(caller_of(request).principal, user_id)
        return page(
            request, "wealth_profile_of.html", title="Investor profile",
            context={"profile": found, "terms_version": profiles.terms_version},
        )  # fmt: skip

    @post("/profile", guards=[ACTING], status_code=200)
    async def save_profile(self, request: Request[Any, Any, Any]) -> Template | Redirect:
        raw = await request.form()
        reader = FieldReader(raw)
        bases = [str(b) for b in raw.getall("accredited_bases", [])]
        change = _change(reader, bases)
        if change is not None:
            try:
                await _services(request).profiles.put(caller_of(request).principal, change)
            except DomainError as exc:
                reader.refused(exc)
        if not reader.errors:
            if is_htmx(request):
                context = await _context(request, saved=True)
                return fragment(request, "partials/wealth_profile.html", context=context)
            return Redirect(WEALTH, status_code=303)
        context = await _context(request, profile_form=reader.values, profile_errors=reader.errors)
        context["profile_form"]["accredited_bases"] = bases
        if is_htmx(request):
            return fragment(
                request, "partials/wealth_profile.html", status_code=422,
                code="INVALID_INVESTOR_PROFILE", context=context,
            )  # fmt: skip
        return page(request, "wealth.html", title="Wealth", status_code=422, context=context)

    @post("/{kind:str}", status_code=200)
    async def calculate(self, request: Request[Any, Any, Any], kind: FromPath[str]) -> Template:
        if kind not in CALCULATIONS:
            raise NotFound(f"no calculation {kind!r}")
        services = _services(request)
        reader = FieldReader(await request.form())
        answer, code = None, None
        try:
            answer = await _answer(services, caller_of(request).principal, kind, reader)
        except DomainError as exc:
            code = reader.refused(exc)
        status, code = reader.outcome(code)
        calc = Calc(reader.values, reader.errors, answer)
        if is_htmx(request):
            return fragment(
                request, f"partials/wealth_{kind}.html", status_code=status, code=code,
                context={"calc": calc, **_choices()},
            )  # fmt: skip
        context = await _context(request, calcs={kind: calc})
        return page(request, "wealth.html", title="Wealth", status_code=status, context=context)
