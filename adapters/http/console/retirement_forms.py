"""Reading the retirement page's forms (the plan kept beside an account, a contribution, the
Roth conversion what-if) into the retirement use cases' inputs, with the API's checks: the
same fields, the same number kinds (money within +-1e15, rates in [0, 1]), at most 8 match
tiers; the domain's own refusals come from the use cases. A field that cannot be used is kept
in `reader.errors` beside it (`form_field` turns a use case's field name into the form's).
"""

from __future__ import annotations

import re
from decimal import Decimal

from adapters.http.console.form_fields import FieldReader
from application.wealth.retirement import ConversionQuestion, NewContribution, PlanChange
from domain.errors import DomainError
from domain.numbers import SIGNED_MONEY, UNIT_INTERVAL, InvalidNumber, NumberSpec
from domain.retirement.contributions import AccountType
from domain.retirement.employer import MatchTier, VestingKind, VestingSchedule
from domain.retirement.limits import FilingStatus
from domain.retirement.plans import PLAN_KINDS, ContributionSource, RetirementPlan

KINDS = [k.value for k in PLAN_KINDS]
VESTING_KINDS = [k.value for k in VestingKind]
SOURCES = [s.value for s in ContributionSource]
FILING_STATUSES = ["single", "married_joint"]  # the brackets shipped (the API's choices)
FILING_OPTIONS = [("", "your profile's"), *((s, s.replace("_", " ")) for s in FILING_STATUSES)]
_KIND_LABELS = {"ira": "traditional IRA", "roth_ira": "Roth IRA", "401k": "401(k)",
                "sep_ira": "SEP IRA"}  # fmt: skip
KIND_OPTIONS = [(k, _KIND_LABELS.get(k, k)) for k in KINDS]
VESTING_OPTIONS = [("", "none kept"), *((k, k) for k in VESTING_KINDS)]
SOURCE_OPTIONS = [(s, s) for s in SOURCES]
MAX_TIERS = 8  # as the API's `match_tiers` (max_length=8)
_TIER = re.compile(r"^\s*(\S+?)\s*[\s,:@]\s*(\S+)\s*$")
# A use case's field -> the form's field it is shown beside.
_FORM_FIELDS = {
    "years": "vesting_years",
    "start": "vesting_start",
    "step": "vesting_step",
    "tiers": "match_tiers",
    "balance": "amount",
}


def form_field(service_field: str | None, default: str) -> str:
    """The form field beside which the use case's refusal of `service_field` is shown."""
    if not service_field:
        return default
    if service_field.startswith("tiers["):
        return "match_tiers"
    return _FORM_FIELDS.get(service_field, service_field)


def refuse(reader: FieldReader, exc: DomainError, default: str) -> None:
    """Keep a use case's refusal beside its field (`field: why`, as the other forms say it)."""
    name = form_field(exc.field, default)
    message = exc.message
    reader.errors[name] = (
        message if message.startswith(f"{exc.field}:") else (f"{exc.field or name}: {message}")
    )


def number(
    reader: FieldReader, name: str, spec: NumberSpec, *, required: bool = True
) -> Decimal | None:
    """A number of the API's kind `spec` (None when left empty or refused)."""
    text = reader.text(name).replace(",", "")
    if not text:
        if required:
            reader.errors[name] = f"{name}: required"
        return None
    try:
        return spec.parse(text, name)
    except InvalidNumber as exc:
        reader.errors[name] = exc.message
        return None


def _tiers(reader: FieldReader) -> tuple[MatchTier, ...]:
    """`match_tiers`: one tier a line, its band of pay then its match rate ("0.03 1")."""
    lines = [line for line in reader.text("match_tiers").splitlines() if line.strip()]
    if len(lines) > MAX_TIERS:
        reader.errors["match_tiers"] = f"match_tiers: at most {MAX_TIERS} tiers"
        return ()
    tiers: list[MatchTier] = []
    for index, line in enumerate(lines, start=1):
        found = _TIER.match(line)
        try:
            if found is None:
                raise InvalidNumber("match_tiers", f"line {index} is not “BAND RATE”")
            band = UNIT_INTERVAL.parse(found.group(1), f"match_tiers line {index} band")
            rate = SIGNED_MONEY.parse(found.group(2), f"match_tiers line {index} rate")
        except InvalidNumber as exc:
            reader.errors["match_tiers"] = exc.message
            return ()
        tiers.append(MatchTier(band, rate))
    return tuple(tiers)


def _vesting(reader: FieldReader) -> VestingSchedule | None:
    kind = reader.choice("vesting_kind", VESTING_KINDS, required=False)
    years = reader.integer("vesting_years", required=False)
    start = reader.integer("vesting_start", required=False)
    step = number(reader, "vesting_step", UNIT_INTERVAL, required=False)
    own = ("vesting_kind", "vesting_years", "vesting_start", "vesting_step")
    if kind is None or any(name in reader.errors for name in own):
        return None
    try:
        return VestingSchedule(
            VestingKind(kind),
            3 if years is None else years,
            2 if start is None else start,
            Decimal("0.20") if step is None else step,
        )
    except DomainError as exc:
        refuse(reader, exc, "vesting_kind")
        return None


def plan_change(reader: FieldReader) -> PlanChange | None:
    """The whole plan a posted form keeps (None while a field has an error)."""
    kind = reader.choice("kind", KINDS)
    born = reader.day("birth_date")
    compensation = number(reader, "compensation", SIGNED_MONEY, required=False)
    tiers = _tiers(reader)
    vesting = _vesting(reader)
    service_start = reader.day("service_start", required=False)
    if reader.errors or kind is None or born is None:
        return None
    return PlanChange(
        kind=AccountType(kind),
        birth_date=born,
        compensation=compensation,
        self_employed=reader.flag("self_employed"),
        match_tiers=tiers,
        vesting=vesting,
        service_start=service_start,
    )


def plan_form(plan: RetirementPlan | None) -> dict[str, str]:
    """The plan form as first shown: the kept plan, or an empty one."""
    if plan is None:
        return {"kind": "ira", "birth_date": "", "compensation": "", "self_employed": "",
                "match_tiers": "", "vesting_kind": "", "vesting_years": "3",
                "vesting_start": "2", "vesting_step": "0.20", "service_start": ""}  # fmt: skip
    v = plan.vesting
    return {
        "kind": plan.kind.value,
        "birth_date": plan.birth_date.isoformat(),
        "compensation": "" if plan.compensation is None else f"{plan.compensation:f}",
        "self_employed": "on" if plan.self_employed else "",
        "match_tiers": "\n".join(f"{t.band:f} {t.rate:f}" for t in plan.match_tiers),
        "vesting_kind": "" if v is None else v.kind.value,
        "vesting_years": "3" if v is None else str(v.years),
        "vesting_start": "2" if v is None else str(v.start),
        "vesting_step": "0.20" if v is None else f"{v.step:f}",
        "service_start": "" if plan.service_start is None else plan.service_start.isoformat(),
    }


def contribution(reader: FieldReader) -> NewContribution | None:
    """The contribution a posted form records (None while a field has an error)."""
    year = reader.integer("tax_year")
    amount = number(reader, "amount", SIGNED_MONEY)
    on = reader.day("contributed_on")
    source = reader.choice("source", SOURCES)
    if reader.errors or year is None or amount is None or on is None or source is None:
        return None
    return NewContribution(year, amount, on, ContributionSource(source))


def contribution_form(year: int) -> dict[str, str]:
    return {"tax_year": str(year), "amount": "", "contributed_on": "", "source": "employee"}


def conversion(reader: FieldReader) -> ConversionQuestion | None:
    """The what-if on the stored account (the API's fields; `amount` 0 or empty: it all)."""
    amount = number(reader, "amount", SIGNED_MONEY, required=False)
    income = number(reader, "taxable_income", SIGNED_MONEY)
    years = reader.integer("years")
    growth = number(reader, "growth_rate", SIGNED_MONEY)
    status = reader.choice("filing_status", FILING_STATUSES, required=False)
    future = number(reader, "future_rate", UNIT_INTERVAL, required=False)
    state = number(reader, "state_rate", UNIT_INTERVAL, required=False)
    outside = number(reader, "outside_growth_rate", SIGNED_MONEY, required=False)
    age = reader.integer("age", required=False)
    if reader.errors or income is None or years is None or growth is None:
        return None
    return ConversionQuestion(
        amount=amount if amount is not None else Decimal(0),
        taxable_income=income,
        years=years,
        growth_rate=growth,
        filing_status=FilingStatus(status) if status else None,
        future_rate=future,
        state_rate=state,
        tax_from_outside=reader.flag("tax_from_outside"),
        outside_growth_rate=outside,
        age=age,
    )


CONVERSION_DEFAULTS: dict[str, str] = {
    "amount": "0", "taxable_income": "", "years": "10", "growth_rate": "0.05",
    "filing_status": "", "future_rate": "", "state_rate": "", "tax_from_outside": "on",
    "outside_growth_rate": "", "age": "",
}  # fmt: skip
