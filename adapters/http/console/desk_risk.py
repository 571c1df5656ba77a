"""`/console/risk`: the risk rules that apply, an edit form per rule, and a dry run of an order.

Every change goes through RiskService (the same calls as /api/v1/risk-rules): it validates the
rule (InvalidRule names the parameter at fault, shown beside that field) and refuses global
rules to anyone but a risk officer or an admin. The dry run never places anything: against the
current rules it is the pre-trade analysis' gate decision; against an edited rule it is the
service's rule test with the edit standing in for the stored rule.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.datastructures import FormMultiDict
from litestar.params import FromPath
from litestar.response import Redirect, Template

from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import ACTING, ACTING_ROLES, fragment, is_htmx, page
from adapters.http.schemas.risk import TradeIn
from adapters.http.security import Caller, caller_of
from adapters.http.trading import trading_of
from adapters.http.trading.orders import origin_of
from adapters.wire.numbers import dec_hook, plain_numbers
from application.core.access import SUPERVISORS
from application.trading.risk import RuleDraft
from domain.errors import InvalidRule
from domain.risk.reasons import Action
from domain.risk.rules import RiskRule
from domain.trading.orders import Channel, Order, OrderType, Side

PARAM = "param."  # form fields of a rule's params: param.<name>


@dataclass(frozen=True, slots=True)
class RuleCard:
    """A rule as its card shows it: its params as form text, and whether the caller may edit."""

    rule: RiskRule
    params: dict[str, str]
    editable: bool
    error: str | None = None  # INVALID_RULE's message
    error_field: str | None = None  # e.g. "params.max_quantity"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def may_edit(caller: Caller, rule: RiskRule) -> bool:
    """Desk roles edit any rule; another acting role only its own (global ones are read-only)."""
    role = caller.principal.role
    if role in SUPERVISORS:
        return True
    return role in ACTING_ROLES and rule.owner_id == caller.principal.id


def card_of(caller: Caller, rule: RiskRule, **error: Any) -> RuleCard:
    params = {k: _text(v) for k, v in sorted(rule.params.items())}
    return RuleCard(rule, params, may_edit(caller, rule), **error)


def _value(raw: str, like: Any) -> Any:
    """A param's form text back to the JSON type the stored value had (the rule validates it)."""
    text = raw.strip()
    if isinstance(like, bool):
        return {"true": True, "false": False}.get(text.lower(), text)
    if isinstance(like, list | tuple):
        items = [s.strip() for s in text.split(",") if s.strip()]
        numeric = all(isinstance(x, int) for x in like)  # weekdays, say
        return [int(s) if numeric and s.isdigit() else s for s in items]
    return text


def _new_value(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.strip()


def draft_from(rule: RiskRule, form: FormMultiDict) -> RuleDraft:
    """The stored rule with the form's name, action, active flag and params (scope stays)."""
    params: dict[str, Any] = {}
    for key, like in rule.params.items():
        raw = str(form.get(PARAM + key, ""))
        if raw.strip():  # an emptied field drops that param
            params[key] = _value(raw, like)
    new_key = str(form.get("new_param_key", "")).strip()
    if new_key:
        params[new_key] = _new_value(str(form.get("new_param_value", "")))
    try:
        action = Action(str(form.get("action", rule.action.value)))
    except ValueError:
        raise InvalidRule("action: must be block, warn, reduce or hold", field="action") from None
    return RuleDraft(
        rule_type=rule.rule_type,
        params=params,
        scope=rule.scope,
        action=action,
        is_active=form.get("is_active") == "on",
        strategy_id=rule.strategy_id,
        agent_id=rule.agent_id,
        account_id=rule.account_id,
        name=str(form.get("name", rule.name)).strip()[:200],
    )


def sample_order(caller: Caller, form: FormMultiDict) -> tuple[str, Order]:
    """The dry run's order from the form, through the API's own prospective-order DTO."""
    account_id = str(form.get("account_id", "")).strip()
    if not account_id:
        raise InvalidForm("account_id", "choose an account")
    price = str(form.get("limit_price", "")).strip()
    raw = {
        "symbol": str(form.get("symbol", "")).strip(),
        "side": str(form.get("side", Side.BUY.value)),
        "quantity": str(form.get("quantity", "")).strip(),
        "order_type": str(form.get("order_type", OrderType.MARKET.value)),
        **({"limit_price": price} if price else {}),
    }
    try:
        trade = msgspec.convert(raw, TradeIn, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        raise InvalidForm("order", str(exc)) from None
    plain_numbers(trade)
    return account_id, trade.to_order(account_id, origin_of(caller, None, Channel.CONSOLE))


class RiskDeskController(Controller):
    """`/console/risk`"""

    path = "/risk"

    @get("/")
    async def rules(self, request: Request[Any, Any, Any]) -> Template:
        return await _whole_page(request)

    @get("/table")
    async def table(self, request: Request[Any, Any, Any]) -> Template:
        caller = caller_of(request)
        rules = await trading_of(request).risk.list(caller.principal)
        cards = [card_of(caller, r) for r in rules]
        return fragment(request, "partials/risk_rules_table.html", context={"cards": cards})

    @post("/rules/{rule_id:str}", guards=[ACTING], status_code=200)
    async def save(
        self, request: Request[Any, Any, Any], rule_id: FromPath[str]
    ) -> Template | Redirect:
        caller = caller_of(request)
        risk = trading_of(request).risk
        stored = await risk.get(caller.principal, rule_id)
        form = await request.form()
        try:
            saved = await risk.update(caller.principal, rule_id, draft_from(stored, form))
        except InvalidRule as exc:
            card = card_of(caller, stored, error=exc.message, error_field=exc.field)
            card = RuleCard(card.rule, _posted_params(card, form), True, exc.message, exc.field)
            if not is_htmx(request):  # a form posted without JavaScript: the page, with it
                return await _whole_page(request, card, status_code=422)
            return _card(request, card, status_code=422, code=exc.code)
        if not is_htmx(request):
            return Redirect("/console/risk", status_code=303)
        return _card(
            request, card_of(caller, saved), saved=True, headers={"HX-Trigger": "rules-changed"}
        )

    @post("/dry-run", guards=[ACTING], status_code=200)
    async def dry_run(self, request: Request[Any, Any, Any]) -> Template:
        caller = caller_of(request)
        risk = trading_of(request).risk
        form = await request.form()
        account_id, order = sample_order(caller, form)
        rule_id = str(form.get("rule_id", "")).strip() or None
        context: dict[str, Any] = {"order": order, "rule_id": rule_id, "breaches": None}
        if rule_id is None:
            analysis = await risk.analyze_trade(caller.principal, account_id, order)
            context["decision"] = analysis.facts.decision
        else:
            stored = await risk.get(caller.principal, rule_id)
            try:
                draft = draft_from(stored, form)
                report = await risk.test_rule(
                    caller.principal, account_id, draft, order, replaces=rule_id
                )
            except InvalidRule as exc:
                context.update(error=exc.message, code=exc.code, field=exc.field)
                return fragment(
                    request,
                    "partials/risk_dryrun.html",
                    status_code=422,
                    code=exc.code,
                    context=context,
                )
            context["decision"] = report.order_decision
            context["breaches"] = report.breaches
        return fragment(request, "partials/risk_dryrun.html", context=context)


async def _whole_page(
    request: Request[Any, Any, Any], refused: RuleCard | None = None, status_code: int = 200
) -> Template:
    """The risk page; `refused` (a card with its error) stands in for its rule's card."""
    caller = caller_of(request)
    trading = trading_of(request)
    rules = await trading.risk.list(caller.principal)
    accounts = await trading.accounts.list_accounts(caller.principal)
    cards = [
        refused if refused is not None and r.id == refused.rule.id else card_of(caller, r)
        for r in rules
    ]
    return page(
        request,
        "risk.html",
        title="Risk rules",
        status_code=status_code,
        context={
            "cards": cards,
            "accounts": accounts,
            "sides": list(Side),
            "order_types": [OrderType.MARKET, OrderType.LIMIT],
            "actions": list(Action),
        },
    )


def _posted_params(card: RuleCard, form: FormMultiDict) -> dict[str, str]:
    """What the user typed, kept in the re-rendered form next to the error."""
    return {k: str(form.get(PARAM + k, v)) for k, v in card.params.items()}


def _card(
    request: Request[Any, Any, Any],
    card: RuleCard,
    *,
    status_code: int = 200,
    code: str | None = None,
    saved: bool = False,
    headers: dict[str, str] | None = None,
) -> Template:
    return fragment(
        request,
        "partials/risk_rule.html",
        status_code=status_code,
        code=code,
        context={"card": card, "actions": list(Action), "saved": saved},
        headers=headers,
    )
