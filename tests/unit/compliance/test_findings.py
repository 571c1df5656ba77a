"""Each control's finding for an account, from a fixture of rules and settings: the rules the gate
applies and only those, covering rules against agent-scoped or warning ones, defaults, book
limits, the account rules, the agents' controls, the kill switch's drills, surveillance, the
execution throttle (as far as a denying rule it counts binds) and the drop copy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from domain.books.book import Book
from domain.books.limits import BookLimit, BookLimitKind
from domain.compliance.catalog import BY_ID
from domain.compliance.controls import ControlKind, Coverage, DrillRecord
from domain.compliance.findings import (
    AccountFacts,
    AgentGrant,
    PlatformControls,
    account_findings,
)
from domain.compliance.inventory import account_inventory
from domain.compliance.status import (
    ElementState,
    ElementStatus,
    RequirementStatus,
    Status,
    assess,
)
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType

K = ControlKind
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
ACCOUNT, OWNER = "acc-1", "owner-1"


def rule(
    rule_id: str,
    rule_type: RuleType,
    params: dict[str, Any],
    *,
    scope: RuleScope = RuleScope.ACCOUNT,
    action: Action = Action.BLOCK,
    account_id: str | None = ACCOUNT,
    owner_id: str = OWNER,
    agent_id: str | None = None,
    active: bool = True,
) -> RiskRule:
    return RiskRule(
        rule_id, owner_id, rule_type, params, scope, action, active,
        agent_id=agent_id, account_id=account_id,
    )  # fmt: skip


def facts(*rules: RiskRule, **fields: Any) -> AccountFacts:
    base: dict[str, Any] = {
        "account_id": ACCOUNT,
        "owner_id": OWNER,
        "margin": True,
        "owner_accounts": 2,
        "rules": rules,
        "platform": PlatformControls(),
    }
    return AccountFacts(**{**base, **fields})


def test_only_the_rules_the_gate_applies_to_the_account_count() -> None:
    # Arrange: one for this account, one for another, one inactive, one of another owner
    fixture = (
        rule("r-mine", RuleType.PRICE_COLLAR, {"max_pct": "0.05"}),
        rule("r-other-acc", RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 5}, account_id="acc-2"),
        rule("r-off", RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 10}, active=False),
        rule("r-theirs", RuleType.DUPLICATE_ORDER, {}, account_id=None, owner_id="owner-2"),
        rule("r-global", RuleType.ORDER_RATE, {"per_second": 2}, scope=RuleScope.GLOBAL,
             account_id=None, owner_id="officer"),
    )  # fmt: skip

    # Act
    found = account_findings(facts(*fixture), NOW)

    # Assert
    assert found[K.PRICE_COLLAR].coverage is Coverage.FULL
    assert found[K.PRICE_COLLAR].settings[0].values == (("max_pct", "0.05"),)
    assert found[K.MAX_ORDER_QUANTITY].coverage is Coverage.NONE
    assert found[K.MAX_ORDER_NOTIONAL].coverage is Coverage.NONE
    assert found[K.DUPLICATE_ORDER].coverage is Coverage.NONE
    assert found[K.ORDER_RATE].coverage is Coverage.FULL
    assert found[K.ORDER_RATE].settings[0].scope == "global"


def test_an_agent_scoped_or_warning_rule_covers_only_in_part() -> None:
    # Arrange
    fixture = (
        rule("r-agent", RuleType.MAX_ORDER_NOTIONAL, {"max_notional": Decimal("1000.50")},
             scope=RuleScope.AGENT, agent_id="bot-1"),
        rule("r-warn", RuleType.PRICE_COLLAR, {"max_pct": "0.05"}, action=Action.WARN),
        rule("r-stranger", RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 5},
             scope=RuleScope.AGENT, agent_id="bot-9"),
    )  # fmt: skip

    # Act
    found = account_findings(facts(*fixture, agents=(AgentGrant("bot-1"),)), NOW)

    # Assert
    notional = found[K.MAX_ORDER_NOTIONAL]
    assert notional.coverage is Coverage.PARTIAL
    assert notional.note == "binds only the orders of agent bot-1"
    assert notional.settings[0].values == (("max_notional", "1000.50"),)
    assert found[K.PRICE_COLLAR].coverage is Coverage.PARTIAL
    assert found[K.PRICE_COLLAR].note == "only warns (r-warn)"
    assert found[K.MAX_ORDER_QUANTITY].coverage is Coverage.NONE  # bot-9 is not granted it


def test_defaults_hold_unless_a_covering_rule_replaces_them() -> None:
    # Arrange: a warning BUYING_POWER rule replaces the default; SELF_MATCH keeps its default
    fixture = (rule("r-bp", RuleType.BUYING_POWER, {}, action=Action.WARN),)

    # Act
    found = account_findings(facts(*fixture), NOW)

    # Assert
    assert found[K.BUYING_POWER].coverage is Coverage.PARTIAL
    assert found[K.SELF_MATCH].coverage is Coverage.FULL
    assert found[K.SELF_MATCH].settings[-1].source == "default"
    assert found[K.SECTOR_CONCENTRATION].coverage is Coverage.FULL


def test_the_last_breach_is_the_latest_denial_with_the_controls_codes() -> None:
    # Arrange
    closed, after_hours = NOW - timedelta(days=1), NOW - timedelta(hours=2)
    breaches = {"MARKET_CLOSED": closed, "OUTSIDE_TRADING_HOURS": after_hours, "MAX_POSITION": NOW}

    # Act
    found = account_findings(facts(breaches=breaches), NOW)

    # Assert
    assert found[K.TRADING_HOURS].last_breach == after_hours
    assert found[K.POSITION_LIMIT].last_breach == NOW
    assert found[K.PRICE_COLLAR].last_breach is None


def test_book_limits_bind_their_members_and_an_only_account_needs_none() -> None:
    # Arrange
    book = Book.of(
        id="bk-1", owner_id=OWNER, name="desk", currency="USD", members=[ACCOUNT, "acc-2"],
        limits=[BookLimit(BookLimitKind.GROSS_EXPOSURE, Decimal("500000"))], created_at=NOW,
    )  # fmt: skip

    # Act
    in_book = account_findings(facts(books=(book,)), NOW)
    alone = account_findings(facts(owner_accounts=1), NOW)

    # Assert
    assert in_book[K.BOOK_GROSS_EXPOSURE].coverage is Coverage.FULL
    assert dict(in_book[K.BOOK_GROSS_EXPOSURE].settings[0].values)["limit"] == "500000"
    assert in_book[K.BOOK_DAILY_LOSS].coverage is Coverage.NONE
    assert alone[K.BOOK_GROSS_EXPOSURE].coverage is Coverage.NOT_APPLICABLE


def test_account_rules_by_account_type_and_options_level() -> None:
    cash = account_findings(facts(margin=False), NOW)
    leveled = account_findings(facts(options_level=2), NOW)

    assert cash[K.PATTERN_DAY_TRADER].coverage is Coverage.NOT_APPLICABLE
    assert cash[K.OPTIONS_LEVEL].coverage is Coverage.NONE
    assert leveled[K.PATTERN_DAY_TRADER].coverage is Coverage.FULL
    assert leveled[K.OPTIONS_LEVEL].settings[0].values == (("options_level", "2"),)


def test_agents_controls_are_not_applicable_without_an_agent_and_judged_per_agent() -> None:
    # Arrange: a HOLD rule for bot-1 only; bot-2 has none
    fixture = (
        rule("r-hold", RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 5000},
             scope=RuleScope.AGENT, agent_id="bot-1", action=Action.HOLD),
    )  # fmt: skip
    agents = (AgentGrant("bot-1", (frozenset({"read", "trade"}),)), AgentGrant("bot-2"))

    # Act
    none = account_findings(facts(*fixture), NOW)
    two = account_findings(facts(*fixture, agents=agents), NOW)

    # Assert
    assert none[K.HELD_ORDER_APPROVAL].coverage is Coverage.NOT_APPLICABLE
    assert none[K.AGENT_HALT].coverage is Coverage.NOT_APPLICABLE
    assert two[K.AGENT_HALT].coverage is Coverage.FULL
    held = two[K.HELD_ORDER_APPROVAL]
    assert held.coverage is Coverage.PARTIAL and held.note.endswith("agent bot-2")
    assert dict(held.settings[-1].values)["approvals_required"] == "1"
    assert two[K.AGENT_SCOPED_RULES].coverage is Coverage.PARTIAL
    keys = {s.source: dict(s.values)["keys"] for s in two[K.KEY_SCOPES].settings}
    assert keys == {"agent:bot-1": "read+trade", "agent:bot-2": "none live"}


def test_the_kill_switch_is_never_tested_without_a_drill_and_a_stale_drill_counts_in_part() -> None:
    # Arrange
    fresh = DrillRecord("paper", NOW - timedelta(days=3), passed=True)
    stale = DrillRecord("paper", NOW - timedelta(days=200), passed=True)

    # Act
    never = account_findings(facts(), NOW)
    recent = account_findings(facts(drill=fresh), NOW)
    old = account_findings(facts(drill=stale), NOW)

    # Assert
    assert never[K.KILL_SWITCH].coverage is Coverage.FULL
    assert never[K.KILL_SWITCH].last_test is None
    assert never[K.KILL_SWITCH_DRILL].coverage is Coverage.NONE
    assert recent[K.KILL_SWITCH].last_test == fresh
    assert recent[K.KILL_SWITCH_DRILL].coverage is Coverage.FULL
    assert old[K.KILL_SWITCH_DRILL].coverage is Coverage.PARTIAL
    testing = assess(BY_ID["finra-15-09-testing"], never)
    assert testing is not None and testing.status is Status.GAP


def test_surveillance_off_is_a_gap_for_the_surveillance_requirements() -> None:
    # Arrange
    off = facts(platform=PlatformControls(surveillance_mode="off"))

    # Act
    inventory = account_inventory(off, "main", NOW)

    # Assert
    art13 = next(r for r in inventory.requirements if r.requirement.id == "rts6-art13")
    assert art13.status is Status.GAP
    assert art13.gaps[0] == (
        "the firm's own orders and trades surveilled, alerts reviewed as cases: "
        "no SURVEILLANCE configured (BULWARK_SURVEILLANCE=off)"
    )
    assert len(inventory.requirements) == len(BY_ID)


def part(judged: RequirementStatus, marker: str) -> ElementStatus:
    return next(e for e in judged.elements if marker in e.text)


def test_the_execution_throttle_on_meets_art_15_3_and_off_is_a_gap() -> None:
    # Arrange: a blocking ORDER_RATE rule on the account, for the throttle to count
    rate = rule("r-rate", RuleType.ORDER_RATE, {"per_second": 2})
    on = facts(rate, platform=PlatformControls(throttle_breaches=5, throttle_window_seconds=30))
    off = facts(rate, platform=PlatformControls(throttle=False))

    # Act
    found_on, found_off = account_findings(on, NOW), account_findings(off, NOW)
    art15_on = assess(BY_ID["rts6-art15"], found_on)
    art15_off = assess(BY_ID["rts6-art15"], found_off)

    # Assert
    throttle = found_on[K.EXECUTION_THROTTLE]
    assert throttle.coverage is Coverage.FULL
    assert dict(throttle.settings[0].values) == {
        "breaches": "5", "window_seconds": "30", "counts": "ORDER_RATE",
        "reenabled_by": "a person",
    }  # fmt: skip
    assert throttle.settings[1].source == "rule:r-rate"
    assert art15_on is not None and art15_off is not None
    assert part(art15_on, "Art. 15(3)").state is ElementState.MET
    assert not any(g.startswith("repeated automated") for g in art15_on.gaps)
    assert found_off[K.EXECUTION_THROTTLE].coverage is Coverage.NONE
    assert part(art15_off, "Art. 15(3)").state is ElementState.UNMET
    assert any(
        g.startswith("repeated automated execution throttles")
        and "no EXECUTION_THROTTLE configured (BULWARK_THROTTLE=false)" in g
        for g in art15_off.gaps
    )


def test_the_throttle_binds_only_as_far_as_a_denying_rule_it_counts() -> None:
    # Arrange: no rate rule; an agent's; a DUPLICATE_ORDER rule counted when configured
    agent_rate = rule("r-bot", RuleType.ORDER_RATE, {"per_second": 1},
                      scope=RuleScope.AGENT, agent_id="bot-1")  # fmt: skip
    dup = rule("r-dup", RuleType.DUPLICATE_ORDER, {"window_seconds": 5})
    held_rate = rule("r-held", RuleType.ORDER_RATE, {"per_second": 1}, action=Action.HOLD)
    with_dups = PlatformControls(throttle_duplicates=True)

    # Act
    bare = account_findings(facts(), NOW)[K.EXECUTION_THROTTLE]
    held = account_findings(facts(held_rate), NOW)[K.EXECUTION_THROTTLE]
    agent = account_findings(facts(agent_rate, agents=(AgentGrant("bot-1"),)), NOW)
    dups_off = account_findings(facts(dup), NOW)[K.EXECUTION_THROTTLE]
    dups_on = account_findings(facts(dup, platform=with_dups), NOW)[K.EXECUTION_THROTTLE]

    # Assert
    assert bare.coverage is Coverage.NONE
    assert bare.note == "no blocking ORDER_RATE rule for the account: nothing for it to count"
    assert held.coverage is Coverage.NONE  # a HOLD holds for a person: no denial to count
    assert agent[K.EXECUTION_THROTTLE].coverage is Coverage.PARTIAL
    assert agent[K.EXECUTION_THROTTLE].note == "counts only the ORDER_RATE denials of agent bot-1"
    assert dups_off.coverage is Coverage.NONE
    assert dups_on.coverage is Coverage.FULL
    assert dict(dups_on.settings[0].values)["counts"] == "ORDER_RATE,DUPLICATE_ORDER"


def test_the_drop_copy_configured_meets_c_2_iv_and_unset_is_a_gap() -> None:
    # Arrange
    desk = PlatformControls(
        drop_copy_webhook_host="surveillance.example.com", drop_copy_kafka_topic="desk.drop-copy"
    )

    # Act
    configured = account_findings(facts(platform=desk), NOW)
    unset = account_findings(facts(), NOW)
    c2_configured = assess(BY_ID["sec-15c3-5-c2"], configured)
    c2_unset = assess(BY_ID["sec-15c3-5-c2"], unset)

    # Assert
    copy = configured[K.DROP_COPY]
    assert copy.coverage is Coverage.FULL
    assert copy.settings[0].values == (
        ("webhook_host", "surveillance.example.com"), ("kafka_topic", "desk.drop-copy"),
    )  # fmt: skip
    assert c2_configured is not None and c2_unset is not None
    assert part(c2_configured, "(c)(2)(iv)").state is ElementState.MET
    assert not any("(c)(2)(iv)" in g for g in c2_configured.gaps)
    assert unset[K.DROP_COPY].coverage is Coverage.NONE
    assert part(c2_unset, "(c)(2)(iv)").state is ElementState.UNMET
    assert any(
        "(c)(2)(iv)" in g and "no DROP_COPY configured" in g
        and "BULWARK_DROP_COPY_WEBHOOK_URL" in g
        for g in c2_unset.gaps
    )  # fmt: skip
