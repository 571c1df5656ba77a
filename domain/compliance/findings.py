"""The findings of every control for one account or one book, from what is configured now.

Pure: the application reads the facts (the rules in force, the agents granted the account and
their keys, the books, the account rules' settings, the kill switch's state, the platform's
settings, the last denials and drills) and this module says what each control amounts to.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.books.book import Book
from domain.books.limits import BookLimit
from domain.compliance.controls import (
    BOOK_CONTROLS,
    ControlFinding,
    ControlKind,
    Coverage,
    DrillRecord,
    Setting,
)
from domain.compliance.rule_findings import (
    applicable_rules,
    last_breach,
    param_text,
    rule_findings,
    rule_setting,
)
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType

# A drill older than this no longer shows the kill switch tested (FINRA 15-09 asks for
# regular testing and names no period; Bulwark takes a quarter).
DRILL_FRESH = timedelta(days=90)
_BINDING = frozenset({Action.BLOCK, Action.REDUCE, Action.HOLD})
_K = ControlKind


@dataclass(frozen=True, slots=True)
class PlatformControls:
    """The deployment's settings the inventory reports (BULWARK_* variables)."""

    kill_switch_deadline_seconds: float = 1.5
    four_eyes_resume: bool = True
    kill_switch_lane: bool = True
    held_orders_approvals: int = 1
    order_hold_seconds: float = 900.0
    surveillance_mode: str = "auto"
    surveillance_action: str = "pause"
    # Whether events go to Kafka (then surveillance in "auto" runs in `bulwark surveil`).
    kafka: bool = False
    # The execution throttle (BULWARK_THROTTLE*): on, its N breaches within the window, and
    # whether DUPLICATE_ORDER denials count besides ORDER_RATE's.
    throttle: bool = True
    throttle_breaches: int = 3
    throttle_window_seconds: float = 60.0
    throttle_duplicates: bool = False
    # The drop copy's targets (BULWARK_DROP_COPY_*): the webhook's host only (never its full URL,
    # which may carry credentials, nor its secret) and the Kafka topic; neither: off.
    drop_copy_webhook_host: str | None = None
    drop_copy_kafka_topic: str | None = None


@dataclass(frozen=True, slots=True)
class AgentGrant:
    """An agent granted the account, and the scopes of each of its live API keys."""

    agent_id: str
    key_scopes: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True, slots=True)
class AccountFacts:
    """What is configured for one account, as read for the inventory."""

    account_id: str
    owner_id: str
    margin: bool
    # How many accounts the owner has (one: the account is the customer's whole aggregate).
    owner_accounts: int
    rules: tuple[RiskRule, ...]
    platform: PlatformControls
    agents: tuple[AgentGrant, ...] = ()
    books: tuple[Book, ...] = ()
    options_level: int | None = None
    trading_state: str = "active"
    # Reason code -> the time of the latest denial carrying it (among those read).
    breaches: Mapping[str, datetime] = field(default_factory=dict)
    drill: DrillRecord | None = None


@dataclass(frozen=True, slots=True)
class BookFacts:
    """What is configured for one book, as read for the inventory."""

    book: Book
    trading_state: str = "active"
    breaches: Mapping[str, datetime] = field(default_factory=dict)
    drill: DrillRecord | None = None


def account_findings(facts: AccountFacts, now: datetime) -> dict[ControlKind, ControlFinding]:
    """A finding for every control, for the account described by `facts`."""
    agent_ids = frozenset(a.agent_id for a in facts.agents)
    rules = applicable_rules(facts.rules, facts.account_id, facts.owner_id, agent_ids)
    found = rule_findings(rules, facts.breaches)
    found.update(_book_limits(facts))
    found.update(_account_rules(facts))
    found.update(_platform(facts.platform, facts.trading_state, facts.breaches, facts.drill, now))
    found[_K.EXECUTION_THROTTLE] = _throttle(facts.platform, rules)
    found.update(_agents(facts, rules))
    return found


def book_findings(
    facts: BookFacts, platform: PlatformControls, now: datetime
) -> dict[ControlKind, ControlFinding]:
    """A finding for each of the book's own controls: its limits and its kill switch scope."""
    found: dict[ControlKind, ControlFinding] = {}
    for limit_kind, kind in BOOK_CONTROLS.items():
        limits = [x for x in facts.book.limits if x.kind is limit_kind]
        settings = tuple(_limit_setting(facts.book, x) for x in limits)
        coverage = Coverage.FULL if limits else Coverage.NONE
        found[kind] = ControlFinding(
            kind, coverage, settings, "", last_breach(kind, facts.breaches)
        )
    found[_K.KILL_SWITCH] = _kill_switch(platform, facts.trading_state, facts.breaches, facts.drill)
    return found


def _limit_setting(book: Book, limit: BookLimit) -> Setting:
    values = [("limit", param_text(limit.limit))]
    if limit.instrument is not None:
        values.append(("instrument", limit.instrument))
    values.append(("currency", book.currency))
    return Setting(f"book:{book.id}", "book", Action.BLOCK.value, tuple(values))


def _book_limits(facts: AccountFacts) -> dict[ControlKind, ControlFinding]:
    """The limits of the books the account is a member of bind its orders too."""
    found: dict[ControlKind, ControlFinding] = {}
    for limit_kind, kind in BOOK_CONTROLS.items():
        settings = tuple(
            _limit_setting(book, limit)
            for book in facts.books
            for limit in book.limits
            if limit.kind is limit_kind
        )
        breach = last_breach(kind, facts.breaches)
        if settings:
            found[kind] = ControlFinding(kind, Coverage.FULL, settings, last_breach=breach)
        elif facts.owner_accounts <= 1:
            note = "the owner's only account: its own limits are the customer's aggregate"
            found[kind] = ControlFinding(kind, Coverage.NOT_APPLICABLE, (), note, breach)
        else:
            found[kind] = ControlFinding(
                kind, Coverage.NONE, (), "in no book with this limit", breach
            )
    return found


def _account_rules(facts: AccountFacts) -> dict[ControlKind, ControlFinding]:
    breaches = facts.breaches
    found: dict[ControlKind, ControlFinding] = {}
    for kind in (_K.PATTERN_DAY_TRADER, _K.DAY_TRADING_BUYING_POWER):
        if facts.margin:
            setting = Setting("built-in", "account", Action.BLOCK.value)
            found[kind] = ControlFinding(
                kind, Coverage.FULL, (setting,), "a margin account", last_breach(kind, breaches)
            )
        else:
            found[kind] = ControlFinding(kind, Coverage.NOT_APPLICABLE, (), "a cash account")
    level = facts.options_level
    breach = last_breach(_K.OPTIONS_LEVEL, breaches)
    if level is None:
        note = "no level set: option orders are not checked against one"
        found[_K.OPTIONS_LEVEL] = ControlFinding(_K.OPTIONS_LEVEL, Coverage.NONE, (), note, breach)
    else:
        setting = Setting(
            "account-rules", "account", Action.BLOCK.value, (("options_level", str(level)),)
        )
        found[_K.OPTIONS_LEVEL] = ControlFinding(
            _K.OPTIONS_LEVEL, Coverage.FULL, (setting,), "", breach
        )
    return found


def _kill_switch(
    platform: PlatformControls,
    state: str,
    breaches: Mapping[str, datetime],
    drill: DrillRecord | None,
) -> ControlFinding:
    values = (
        ("state", state),
        ("deadline_seconds", param_text(platform.kill_switch_deadline_seconds)),
        ("resume", "four eyes" if platform.four_eyes_resume else "one person"),
        ("own_lane", param_text(platform.kill_switch_lane)),
    )
    setting = Setting("built-in", "platform", "", values)
    return ControlFinding(
        _K.KILL_SWITCH, Coverage.FULL, (setting,), "", last_breach(_K.KILL_SWITCH, breaches), drill
    )


def _drill(drill: DrillRecord | None, now: datetime) -> ControlFinding:
    if drill is None:
        return ControlFinding(_K.KILL_SWITCH_DRILL, Coverage.NONE, (), "never drilled")
    values = (("passed", param_text(drill.passed)), ("at", drill.at.isoformat()))
    setting = Setting("drill", f"route:{drill.target}", "", values)
    if not drill.passed:
        note = "the last drill failed"
        return ControlFinding(
            _K.KILL_SWITCH_DRILL, Coverage.PARTIAL, (setting,), note, last_test=drill
        )
    if now - drill.at > DRILL_FRESH:
        note = f"the last drill is older than {DRILL_FRESH.days} days"
        return ControlFinding(
            _K.KILL_SWITCH_DRILL, Coverage.PARTIAL, (setting,), note, last_test=drill
        )
    return ControlFinding(_K.KILL_SWITCH_DRILL, Coverage.FULL, (setting,), last_test=drill)


def _platform(
    platform: PlatformControls,
    state: str,
    breaches: Mapping[str, datetime],
    drill: DrillRecord | None,
    now: datetime,
) -> dict[ControlKind, ControlFinding]:
    mode = platform.surveillance_mode
    where = mode
    if mode == "auto":
        where = "bulwark surveil (events on Kafka)" if platform.kafka else "in process"
    surveillance_values = (
        ("mode", mode),
        ("runs", where),
        ("on_high_alert", platform.surveillance_action),
    )
    surveillance = (
        ControlFinding(_K.SURVEILLANCE, Coverage.NONE, (), "BULWARK_SURVEILLANCE=off")
        if mode == "off"
        else ControlFinding(
            _K.SURVEILLANCE,
            Coverage.FULL,
            (Setting("settings", "platform", "", surveillance_values),),
        )
    )
    built_in = {
        _K.AUDIT_CHAIN: "every entry hash-chained to the one before (GET /audit/verify)",
        _K.LIVE_EVENTS: "decisions, fills and halts on /ws/events and the events topic",
        _K.ORDER_ORIGIN: "every order keeps its origin (user, strategy, agent) and channel",
        _K.ACCESS_CONTROL: "people sign in, agents by key or token, on owned or granted accounts",
    }
    found = {
        kind: ControlFinding(kind, Coverage.FULL, (Setting("built-in", "platform"),), note)
        for kind, note in built_in.items()
    }
    found[_K.SURVEILLANCE] = surveillance
    found[_K.DROP_COPY] = _drop_copy(platform)
    found[_K.KILL_SWITCH] = _kill_switch(platform, state, breaches, drill)
    found[_K.KILL_SWITCH_DRILL] = _drill(drill, now)
    return found


def _throttle(platform: PlatformControls, rules: list[RiskRule]) -> ControlFinding:
    """The execution throttle: on per deployment, but it counts only orders denied by a
    blocking ORDER_RATE rule (DUPLICATE_ORDER too when configured), so it binds the account's
    orders as far as such a rule does: every order (one of account or global scope), some (an
    agent's or a strategy's), or none (nothing for it to count)."""
    if not platform.throttle:
        return ControlFinding(_K.EXECUTION_THROTTLE, Coverage.NONE, (), "BULWARK_THROTTLE=false")
    counted = [RuleType.ORDER_RATE]
    if platform.throttle_duplicates:
        counted.append(RuleType.DUPLICATE_ORDER)
    names = "/".join(t.value for t in counted)
    values = (
        ("breaches", str(platform.throttle_breaches)),
        ("window_seconds", param_text(platform.throttle_window_seconds)),
        ("counts", ",".join(t.value for t in counted)),
        ("reenabled_by", "a person"),
    )
    # Only a BLOCK denies an order for its rate (HOLD holds it for a person, WARN lets it
    # through, and neither rule type can REDUCE): the throttle counts denials.
    denying = [r for r in rules if r.rule_type in counted and r.action is Action.BLOCK]
    settings = (Setting("settings", "platform", "", values), *(rule_setting(r) for r in denying))
    kind = _K.EXECUTION_THROTTLE
    if any(r.scope in (RuleScope.GLOBAL, RuleScope.ACCOUNT) for r in denying):
        return ControlFinding(kind, Coverage.FULL, settings)
    if denying:
        scoped = ", ".join(sorted({f"{r.scope.value} {r.scope_id}" for r in denying}))
        note = f"counts only the {names} denials of {scoped}"
        return ControlFinding(kind, Coverage.PARTIAL, settings, note)
    note = f"no blocking {names} rule for the account: nothing for it to count"
    return ControlFinding(kind, Coverage.NONE, settings, note)


def _drop_copy(platform: PlatformControls) -> ControlFinding:
    """The drop copy: every order event and fill copied to the desk's targets; off (a gap)
    until one is set."""
    values: list[tuple[str, str]] = []
    if platform.drop_copy_webhook_host:
        values.append(("webhook_host", platform.drop_copy_webhook_host))
    if platform.drop_copy_kafka_topic:
        values.append(("kafka_topic", platform.drop_copy_kafka_topic))
    if not values:
        note = "no BULWARK_DROP_COPY_WEBHOOK_URL or BULWARK_DROP_COPY_KAFKA_TOPIC set"
        return ControlFinding(_K.DROP_COPY, Coverage.NONE, (), note)
    note = "every order event and fill copied to the desk as it happens, at least once"
    setting = Setting("settings", "platform", "", tuple(values))
    return ControlFinding(_K.DROP_COPY, Coverage.FULL, (setting,), note)


def _agents(facts: AccountFacts, rules: list[RiskRule]) -> dict[ControlKind, ControlFinding]:
    """Held-order approvals, agent-scoped rules, key scopes and the agent's own halt, for the
    agents granted the account; not applicable when no agent is."""
    kinds = (_K.HELD_ORDER_APPROVAL, _K.AGENT_SCOPED_RULES, _K.KEY_SCOPES, _K.AGENT_HALT)
    if not facts.agents:
        note = "no agent is granted this account"
        return {k: ControlFinding(k, Coverage.NOT_APPLICABLE, (), note) for k in kinds}
    agents = sorted(a.agent_id for a in facts.agents)
    holds = [r for r in rules if r.action is Action.HOLD and _binds_agents(r)]
    held = {a for a in agents if any(_binds(r, a) for r in holds)}
    approvals = (
        ("approvals_required", str(facts.platform.held_orders_approvals)),
        ("lapses_after_seconds", param_text(facts.platform.order_hold_seconds)),
    )
    hold_settings = (
        *(rule_setting(r) for r in holds),
        Setting("settings", "platform", "", approvals),
    )
    scoped = [r for r in rules if r.scope is RuleScope.AGENT and r.action in _BINDING]
    limited = {r.agent_id for r in scoped}
    keys = tuple(
        Setting(f"agent:{a.agent_id}", f"agent:{a.agent_id}", "", (("keys", _scopes_text(a)),))
        for a in sorted(facts.agents, key=lambda g: g.agent_id)
    )
    return {
        _K.HELD_ORDER_APPROVAL: _share(
            _K.HELD_ORDER_APPROVAL, agents, held, hold_settings, "no HOLD rule binds",
        ),
        _K.AGENT_SCOPED_RULES: _share(
            _K.AGENT_SCOPED_RULES, agents, limited, tuple(rule_setting(r) for r in scoped),
            "no agent-scoped rule binds",
        ),
        _K.AGENT_HALT: ControlFinding(
            _K.AGENT_HALT, Coverage.FULL, tuple(Setting("built-in", f"agent:{a}") for a in agents),
            "each agent's own kill switch scope halts it alone; an agent never resumes",
        ),
        _K.KEY_SCOPES: ControlFinding(
            _K.KEY_SCOPES, Coverage.FULL, keys,
            "granted accounts only; never the approve scope; never a resume",
        ),
    }  # fmt: skip


def _binds_agents(rule: RiskRule) -> bool:
    return rule.scope in (RuleScope.GLOBAL, RuleScope.ACCOUNT, RuleScope.AGENT)


def _binds(rule: RiskRule, agent_id: str) -> bool:
    return rule.scope is not RuleScope.AGENT or rule.agent_id == agent_id


def _share(
    kind: ControlKind,
    agents: list[str],
    covered: Collection[str | None],
    settings: tuple[Setting, ...],
    missing: str,
) -> ControlFinding:
    left = [a for a in agents if a not in covered]
    if not left:
        return ControlFinding(kind, Coverage.FULL, settings)
    coverage = Coverage.NONE if len(left) == len(agents) else Coverage.PARTIAL
    return ControlFinding(kind, coverage, settings, f"{missing} agent {', '.join(left)}")


def _scopes_text(agent: AgentGrant) -> str:
    if not agent.key_scopes:
        return "none live"
    return "; ".join("+".join(sorted(scopes)) or "-" for scopes in agent.key_scopes)
