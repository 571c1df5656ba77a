"""`/console/risk/new`: a new risk rule, previewed against the account's recent orders first.

The rule is written as the API's POST /api/v1/risk-rules takes it (type, scope, action, the
targets, params one `name=value` a line: a list or object is read as JSON, so
`symbols=["GME"]` is a list, true/false a flag, anything else the text: numbers stay decimal
strings, as on the API). **Preview** runs the draft through
RiskService.test_rule -- the same dry run as POST /api/v1/risk-rules/test -- for each of the
account's last RECENT orders: each as if placed now, against the current portfolio and the
account's rules plus the draft; nothing is saved or sent. **Create** goes through
RiskService.create. A rule that does not validate (INVALID_RULE naming the parameter) is shown
beside its field; a global rule by anyone but the desk is refused (403).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import FormMultiDict
from litestar.response import Template

from adapters.http.console.pages import ACTING, form_page, go_to, is_htmx
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.trading.accounts import OrderQuery
from application.trading.risk import RuleDraft
from domain.errors import DomainError, InvalidRule
from domain.principals import Principal
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RuleType
from domain.risk.verdicts import Decision
from domain.trading.orders import Order

RECENT = 20  # how many of the account's newest orders the preview decides again


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One recent order and what the gate would say of it now with the draft in force."""

    order: Order
    outcome: str  # approved / reduced / held / denied / not checked
    codes: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Preview:
    account_id: str
    rows: tuple[PreviewRow, ...]
    breaches: tuple[str, ...]
    holdings_checked: int

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)


def _param_value(raw: str) -> Any:
    """A list or an object as JSON, true/false as a flag, anything else as its text (numbers
    stay decimal strings, as on the API: the rule reads them as Decimal)."""
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    if raw.startswith(("[", "{")):
        try:
            return json.loads(raw, parse_float=str)
        except ValueError:
            return raw
    return raw


def draft_of(form: FormMultiDict) -> RuleDraft:
    """The draft the form describes; InvalidRule names the field that cannot be read."""

    def text(name: str) -> str:
        return str(form.get(name, "")).strip()

    def enum(kind: Any, name: str) -> Any:
        try:
            return kind(text(name))
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise InvalidRule(f"{name}: must be one of {allowed}", field=name) from None

    params: dict[str, Any] = {}
    for number, line in enumerate(text("params").splitlines(), start=1):
        if not line.strip():
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise InvalidRule(f"params: line {number} is not name=value", field="params")
        params[key.strip()] = _param_value(value.strip())
    return RuleDraft(
        rule_type=enum(RuleType, "rule_type"),
        params=params,
        scope=enum(RuleScope, "scope"),
        action=enum(Action, "action"),
        is_active=form.get("is_active") == "on",
        strategy_id=text("strategy_id") or None,
        agent_id=text("agent_id") or None,
        account_id=text("account_id") or None,
        name=text("name")[:200],
    )


def _outcome(decision: Decision | None) -> tuple[str, tuple[str, ...]]:
    if decision is None:
        return "not checked", ()
    if not decision.approved:
        return "denied", tuple(c.value for c in decision.reasons)
    if decision.held:
        return "held", tuple(c.value for c in decision.holds)
    if decision.quantity < decision.requested_quantity:
        return "reduced", tuple(c.value for c in decision.warnings)
    return "approved", tuple(c.value for c in decision.warnings)


async def preview_of(
    request: Request[Any, Any, Any], principal: Principal, account_id: str, draft: RuleDraft
) -> Preview:
    """The draft against `account_id`'s newest RECENT orders (InvalidRule when it does not
    validate, NotFound for an account the caller may not act on)."""
    trading = trading_of(request)
    report = await trading.risk.test_rule(principal, account_id, draft)  # validates first
    recent = await trading.accounts.orders(
        principal, OrderQuery(account_id=account_id, limit=RECENT)
    )
    rows = []
    for order in recent.items:
        try:
            tested = await trading.risk.test_rule(principal, account_id, draft, order)
        except InvalidRule:
            raise
        except DomainError as exc:  # terms no longer valid (a tick or lot size changed)
            rows.append(PreviewRow(order, "not checked", (exc.code,), exc.message))
            continue
        outcome, codes = _outcome(tested.order_decision)
        rows.append(PreviewRow(order, outcome, codes))
    return Preview(account_id, tuple(rows), report.breaches, report.holdings_checked)


class RiskRuleNewController(Controller):
    """`/console/risk/new`"""

    path = "/risk/new"

    @get("/")
    async def new(self, request: Request[Any, Any, Any]) -> Template:
        return await _new_page(request, FormMultiDict({"is_active": "on"}))

    @post("/preview", guards=[ACTING], status_code=200)
    async def preview(self, request: Request[Any, Any, Any]) -> Template:
        caller = caller_of(request)
        form = await request.form()
        account_id = str(form.get("preview_account", "")).strip()
        try:
            draft = draft_of(form)
            if not account_id:
                raise InvalidRule("choose an account to preview on", field="preview_account")
            found = await preview_of(request, caller.principal, account_id, draft)
        except InvalidRule as exc:
            return await _new_page(request, form, error=exc)
        return await _new_page(request, form, preview=found)

    @post("/", guards=[ACTING], status_code=303)
    async def create(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        caller = caller_of(request)
        form = await request.form()
        try:
            rule = await trading_of(request).risk.create(caller.principal, draft_of(form))
        except InvalidRule as exc:
            return await _new_page(request, form, error=exc)
        return go_to(request, f"/console/risk#rule-{rule.id}")


async def _new_page(
    request: Request[Any, Any, Any],
    form: FormMultiDict,
    *,
    error: InvalidRule | None = None,
    preview: Preview | None = None,
) -> Template:
    caller = caller_of(request)
    accounts = await trading_of(request).accounts.list_accounts(caller.principal)
    typed = {k: str(v) for k, v in form.items() if k != "_csrf"}
    return form_page(
        request,
        "risk_new.html",
        title="New risk rule",
        status_code=422 if error is not None else 200,
        code=error.code if error is not None else "",
        context={
            "typed": typed,
            "accounts": accounts,
            "rule_types": list(RuleType),
            "scopes": list(RuleScope),
            "actions": list(Action),
            "error": error,
            "error_field": _field_of(error),
            "preview": preview,
            "htmx": is_htmx(request),
        },
    )


def _field_of(error: InvalidRule | None) -> str | None:
    """The form field an error sits beside (a param's error beside the params)."""
    if error is None:
        return None
    field = error.field or "params"
    return "params" if field.startswith("params") else field
