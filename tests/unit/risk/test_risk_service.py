"""RiskService: rule CRUD with ownership, dry runs, sizing, portfolio risk and trade analysis."""

from __future__ import annotations

from decimal import Decimal

import pytest

from application.trading.orders import SubmitOrder
from application.trading.risk import RuleDraft
from bootstrap.embedded import Embedded, build_embedded
from domain.agents.heartbeat import Agent
from domain.errors import Forbidden, InvalidRule, NotFound
from domain.principals import Principal, Role
from domain.risk.analysis import RiskRating
from domain.risk.reasons import Action, ReasonCode, RuleScope
from domain.risk.rules import RuleType
from domain.risk.sizing import InvalidSizingInput
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side

D = Decimal
ALICE = Principal("alice", Role.OWNER)
BOB = Principal("bob", Role.OWNER)
OFFICER = Principal("rita", Role.RISK_OFFICER)


@pytest.fixture
async def system() -> Embedded:
    e = build_embedded()
    await e.add_instrument(Instrument("AAPL", sector="Tech"), D(100))
    await e.add_instrument(Instrument("XOM", sector="Energy"), D(50))
    await e.open_account("acc-a", "alice", D(1_000_000))
    await e.open_account("acc-b", "bob", D(1_000_000))
    return e


async def buy(e: Embedded, symbol: str, qty: int, who: Principal = ALICE) -> None:
    origin = Origin(OriginKind.USER, who.id)
    account = "acc-a" if who is ALICE else "acc-b"
    result = await e.orders.submit(SubmitOrder(who, account, symbol, Side.BUY, D(qty), origin))
    assert result.decision is not None and result.decision.approved


def draft(rule_type: RuleType, **params: object) -> RuleDraft:
    return RuleDraft(rule_type, params, account_id=None)


async def test_create_validates_and_invalidates_compiled_policies(system: Embedded) -> None:
    # Arrange: a first order compiles the policy
    await buy(system, "AAPL", 10)
    compiled = system.policies.compilations
    # Act
    rule = await system.risk.create(ALICE, draft(RuleType.MAX_ORDER_QUANTITY, max_quantity=5))
    result = await system.orders.submit(
        SubmitOrder(ALICE, "acc-a", "AAPL", Side.BUY, D(6), Origin(OriginKind.USER, "alice"))
    )
    # Assert: the new rule binds at once
    assert rule.owner_id == "alice"
    assert system.policies.compilations == compiled + 1
    assert result.decision is not None
    assert result.decision.reasons == (ReasonCode.MAX_ORDER_QUANTITY,)


async def test_invalid_params_are_refused_and_nothing_is_stored(system: Embedded) -> None:
    with pytest.raises(InvalidRule, match="max_quantity"):
        await system.risk.create(ALICE, draft(RuleType.MAX_ORDER_QUANTITY, max_quantity=-1))
    assert await system.risk.list(ALICE) == []


async def test_other_owners_rule_answers_not_found(system: Embedded) -> None:
    rule = await system.risk.create(ALICE, draft(RuleType.MAX_LEVERAGE, max_leverage=2))
    with pytest.raises(NotFound):
        await system.risk.get(BOB, rule.id)
    with pytest.raises(NotFound):
        await system.risk.delete(BOB, rule.id)
    with pytest.raises(NotFound):
        await system.risk.update(BOB, rule.id, draft(RuleType.MAX_LEVERAGE, max_leverage=9))
    assert await system.risk.list(BOB) == []
    assert [r.id for r in await system.risk.list(OFFICER)] == [rule.id]


async def test_rule_on_another_owners_account_answers_not_found(system: Embedded) -> None:
    foreign = RuleDraft(RuleType.MAX_LEVERAGE, {"max_leverage": 2}, account_id="acc-b")
    with pytest.raises(NotFound):
        await system.risk.create(ALICE, foreign)


async def test_only_supervisors_create_global_rules(system: Embedded) -> None:
    global_rule = RuleDraft(
        RuleType.RESTRICTED_SYMBOLS, {"symbols": ["XOM"]}, scope=RuleScope.GLOBAL
    )
    with pytest.raises(Forbidden):
        await system.risk.create(ALICE, global_rule)
    await system.risk.create(OFFICER, global_rule)
    result = await system.orders.submit(
        SubmitOrder(BOB, "acc-b", "XOM", Side.BUY, D(1), Origin(OriginKind.USER, "bob"))
    )
    assert result.decision is not None
    assert result.decision.reasons == (ReasonCode.RESTRICTED_SYMBOL,)


async def test_update_and_delete_change_the_gate(system: Embedded) -> None:
    rule = await system.risk.create(ALICE, draft(RuleType.MAX_ORDER_QUANTITY, max_quantity=5))
    await system.risk.update(ALICE, rule.id, draft(RuleType.MAX_ORDER_QUANTITY, max_quantity=50))
    await buy(system, "AAPL", 20)
    await system.risk.delete(ALICE, rule.id)
    await buy(system, "AAPL", 500)
    entries = [e.action for e in await system.audit.entries(rule.id)]
    # 5 -> 50 lets more through: audited as a loosening too
    assert entries == [
        "risk_rule.delete", "risk_rule.loosen", "risk_rule.update", "risk_rule.create"
    ]  # fmt: skip


async def test_dry_run_reports_current_breaches_and_changes_nothing(system: Embedded) -> None:
    # Arrange: 300 AAPL = 30,000 notional; 100 XOM = 5,000
    await buy(system, "AAPL", 300)
    await buy(system, "XOM", 100)
    before = [r.id for r in await system.risk.list(ALICE)]
    # Act: a position limit of 250 units binds AAPL now, not XOM
    report = await system.risk.test_rule(
        ALICE, "acc-a", draft(RuleType.MAX_POSITION_SIZE, max_quantity=250)
    )
    # Assert
    assert report.holdings_checked == 2
    assert len(report.breaches) == 1 and report.breaches[0].startswith("AAPL")
    assert [r.id for r in await system.risk.list(ALICE)] == before
    await buy(system, "AAPL", 1)  # the draft was never saved


async def test_dry_run_with_an_order_decides_it_with_the_draft(system: Embedded) -> None:
    order = Order("x", "x", "acc-a", "AAPL", Side.BUY, D(80), Origin(OriginKind.USER, "alice"))
    report = await system.risk.test_rule(
        ALICE, "acc-a", draft(RuleType.MAX_ORDER_NOTIONAL, max_notional=5_000), order
    )
    # 80 x 100 = 8,000 > 5,000
    assert report.order_decision is not None
    assert report.order_decision.reasons == (ReasonCode.MAX_ORDER_NOTIONAL,)


async def test_a_dry_run_of_an_edit_stands_in_for_the_stored_rule(system: Embedded) -> None:
    # Arrange: a stored cap of 5 units; the edit would raise it to 100
    stored = await system.risk.create(ALICE, draft(RuleType.MAX_ORDER_QUANTITY, max_quantity=5))
    order = Order("x", "x", "acc-a", "AAPL", Side.BUY, D(20), Origin(OriginKind.USER, "alice"))
    edit = draft(RuleType.MAX_ORDER_QUANTITY, max_quantity=100)
    # Act
    beside = await system.risk.test_rule(ALICE, "acc-a", edit, order)
    instead = await system.risk.test_rule(ALICE, "acc-a", edit, order, replaces=stored.id)
    # Assert: alongside the stored rule the order is still refused; in its place, approved
    assert beside.order_decision is not None and instead.order_decision is not None
    assert beside.order_decision.reasons == (ReasonCode.MAX_ORDER_QUANTITY,)
    assert instead.order_decision.approved
    with pytest.raises(NotFound):
        await system.risk.test_rule(ALICE, "acc-a", edit, order, replaces="rule-nope")


def test_position_size_fixed_fractional_and_volatility(system: Embedded) -> None:
    # 100,000 x 2% / |50 - 48| = 1,000 shares, capped at 10% of equity / 50 = 200
    fixed = system.risk.position_size(D(100_000), D(50), stop=D(48))
    assert fixed.quantity == D(200) and fixed.capped
    # stop distance = 2 x ATR 1.25 = 2.5 -> 2,000 / 2.5 = 800, cap 200
    vol = system.risk.position_size(D(100_000), D(50), volatility=D("1.25"))
    assert vol.quantity == D(200)
    with pytest.raises(InvalidSizingInput):
        system.risk.position_size(D(100_000), D(50))


async def test_portfolio_risk_with_var(system: Embedded) -> None:
    await buy(system, "AAPL", 100)
    returns = [0.01, -0.02, 0.015, -0.03, 0.005, -0.01, 0.02, -0.025, 0.0, 0.01] * 3
    risk = await system.risk.portfolio_risk(ALICE, "acc-a", returns)
    # bought 100 at the ask 100 with no spread: equity stays 1,000,000; gross 10,000
    assert risk.metrics.gross_exposure == D(10_000)
    assert risk.var is not None and risk.var.at_99.historical_var >= risk.var.at_95.historical_var


async def test_analyze_trade_rates_safe_caution_danger(system: Embedded) -> None:
    await system.risk.create(ALICE, draft(RuleType.MAX_ORDER_QUANTITY, max_quantity=100))
    origin = Origin(OriginKind.USER, "alice")

    def order(qty: int, symbol: str = "AAPL") -> Order:
        return Order("probe", "probe", "acc-a", symbol, Side.BUY, D(qty), origin)

    safe = await system.risk.analyze_trade(ALICE, "acc-a", order(10))
    caution = await system.risk.analyze_trade(ALICE, "acc-a", order(70))
    danger = await system.risk.analyze_trade(ALICE, "acc-a", order(150))
    assert safe.assessment.rating is RiskRating.SAFE
    assert caution.assessment.rating is RiskRating.CAUTION  # 70% of the quantity limit
    assert danger.assessment.rating is RiskRating.DANGER  # denied
    # 10 x 100 at 50% initial margin = 500 more initial requirement
    assert safe.facts.margin.initial_change == D(500)
    assert safe.facts.sector == "Tech"


@pytest.mark.parametrize(
    ("lot", "room"),
    [
        (D(1), D(33)),  # 10,000 / 300 = 33.3: 33 whole units
        (D(10), D(30)),  # three lots of 10
        (D(100), D(0)),  # not one lot of 100 fits
    ],
)
async def test_the_room_left_and_the_denials_room_are_whole_lots(
    lot: Decimal, room: Decimal
) -> None:
    # Arrange: a notional limit that no whole number of lots meets exactly
    e = build_embedded()
    await e.add_instrument(Instrument("BRK", sector="Finance", lot_size=lot), D(300))
    await e.open_account("acc-a", "alice", D(1_000_000))
    await e.risk.create(ALICE, draft(RuleType.MAX_ORDER_NOTIONAL, max_notional=10_000))
    origin = Origin(OriginKind.USER, "alice")
    order = Order("probe", "probe", "acc-a", "BRK", Side.BUY, D(1000), origin)

    # Act
    analysis = await e.risk.analyze_trade(ALICE, "acc-a", order)

    # Assert
    (headroom,) = [h for h in analysis.facts.headroom if h.code is ReasonCode.MAX_ORDER_NOTIONAL]
    assert headroom.capacity == room
    (denial,) = [v for v in analysis.facts.decision.verdicts if v.code is headroom.code]
    assert denial.allowed_quantity == room
    assert headroom.used_fraction == D(1000) / (D(10_000) / D(300))


async def test_analyze_trade_for_another_owner_answers_not_found(system: Embedded) -> None:
    order = Order("p", "p", "acc-b", "AAPL", Side.BUY, D(1), Origin(OriginKind.USER, "alice"))
    with pytest.raises(NotFound):
        await system.risk.analyze_trade(ALICE, "acc-b", order)


async def test_warn_rule_does_not_block_but_is_reported(system: Embedded) -> None:
    warn = RuleDraft(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 5}, action=Action.WARN)
    await system.risk.create(ALICE, warn)
    result = await system.orders.submit(
        SubmitOrder(ALICE, "acc-a", "AAPL", Side.BUY, D(6), Origin(OriginKind.USER, "alice"))
    )
    assert result.decision is not None and result.decision.approved
    assert result.decision.warnings == (ReasonCode.MAX_ORDER_QUANTITY,)


# -- references in rules are the caller's own ------------------------------------------------


async def add_agent(e: Embedded, agent_id: str, owner_id: str) -> None:
    async with e.uow() as uow:
        await uow.agents.add(Agent(agent_id, owner_id, account_ids=("acc-b",)))
        await uow.commit()


def agent_rule(agent_id: str, account_id: str | None = None) -> RuleDraft:
    return RuleDraft(
        RuleType.MAX_ORDER_QUANTITY,
        {"max_quantity": 1},
        scope=RuleScope.AGENT,
        agent_id=agent_id,
        account_id=account_id,
    )


async def test_a_rule_naming_another_users_agent_answers_not_found_like_a_missing_one(
    system: Embedded,
) -> None:
    await add_agent(system, "agent-bob", "bob")

    with pytest.raises(NotFound) as foreign:
        await system.risk.create(ALICE, agent_rule("agent-bob"))
    with pytest.raises(NotFound) as missing:
        await system.risk.create(ALICE, agent_rule("agent-nobody"))

    assert str(foreign.value) == "agent agent-bob not found"
    assert str(missing.value) == "agent agent-nobody not found"
    assert await system.risk.list(ALICE) == []


async def test_an_update_cannot_point_a_rule_at_another_users_agent_or_account(
    system: Embedded,
) -> None:
    await add_agent(system, "agent-alice", "alice")
    await add_agent(system, "agent-bob", "bob")
    rule = await system.risk.create(ALICE, agent_rule("agent-alice"))

    with pytest.raises(NotFound):
        await system.risk.update(ALICE, rule.id, agent_rule("agent-bob"))
    with pytest.raises(NotFound):
        await system.risk.update(ALICE, rule.id, agent_rule("agent-alice", "acc-b"))

    assert (await system.risk.get(ALICE, rule.id)).agent_id == "agent-alice"


async def test_a_dry_run_cannot_name_another_users_agent_or_account(system: Embedded) -> None:
    await add_agent(system, "agent-bob", "bob")

    with pytest.raises(NotFound):
        await system.risk.test_rule(ALICE, "acc-a", agent_rule("agent-bob"))
    with pytest.raises(NotFound):
        await system.risk.test_rule(ALICE, "acc-a", agent_rule("agent-bob", "acc-b"))
    with pytest.raises(NotFound):
        await system.risk.test_rule(ALICE, "acc-b", draft(RuleType.MAX_LEVERAGE, max_leverage=2))


async def test_owners_name_their_own_agents_and_supervisors_any(system: Embedded) -> None:
    await add_agent(system, "agent-bob", "bob")

    mine = await system.risk.create(BOB, agent_rule("agent-bob"))
    supervised = await system.risk.create(OFFICER, agent_rule("agent-bob"))

    assert (mine.owner_id, supervised.owner_id) == ("bob", "rita")


async def test_a_strategy_id_is_a_name_in_its_owners_namespace_only(system: Embedded) -> None:
    # Arrange: Bob restricts AAPL for "his" strategy "momentum", a name Alice uses too
    await system.risk.create(
        BOB,
        RuleDraft(
            RuleType.RESTRICTED_SYMBOLS,
            {"symbols": ["AAPL"]},
            scope=RuleScope.STRATEGY,
            strategy_id="momentum",
        ),
    )
    strategy = Origin(OriginKind.STRATEGY, "momentum")

    # Act
    alices = await system.orders.submit(
        SubmitOrder(ALICE, "acc-a", "AAPL", Side.BUY, D(1), strategy)
    )
    bobs = await system.orders.submit(SubmitOrder(BOB, "acc-b", "AAPL", Side.BUY, D(1), strategy))

    # Assert: the rule binds only Bob's own orders
    assert alices.decision is not None and alices.decision.approved
    assert bobs.decision is not None
    assert bobs.decision.reasons == (ReasonCode.RESTRICTED_SYMBOL,)


async def test_a_buy_stop_limit_above_the_market_is_projected_at_its_limit(
    system: Embedded,
) -> None:
    # Arrange: AAPL at 100; a buy stop at 190 limited at 200 fills at up to 200
    origin = Origin(OriginKind.USER, "alice")
    order = Order(
        "probe", "probe", "acc-a", "AAPL", Side.BUY, D(10), origin,
        order_type=OrderType.STOP_LIMIT, stop_price=D(190), limit_price=D(200),
    )  # fmt: skip

    # Act
    analysis = await system.risk.analyze_trade(ALICE, "acc-a", order)

    # Assert: the buy's cash is projected at its limit (what it may pay), not at the mark
    assert analysis.facts.margin.price == D(200)


async def test_a_loosening_update_is_audited_with_the_values_before_and_after(
    system: Embedded,
) -> None:
    # Arrange
    rule = await system.risk.create(
        ALICE, RuleDraft(RuleType.MAX_ORDER_NOTIONAL, {"max_notional": "1000"}, account_id="acc-a")
    )

    # Act: tightened, then loosened (raised and turned into a warning)
    await system.risk.update(
        ALICE, rule.id,
        RuleDraft(RuleType.MAX_ORDER_NOTIONAL, {"max_notional": "500"}, account_id="acc-a"),
    )  # fmt: skip
    await system.risk.update(
        ALICE, rule.id,
        RuleDraft(
            RuleType.MAX_ORDER_NOTIONAL, {"max_notional": "5000"}, action=Action.WARN,
            account_id="acc-a",
        ),
    )  # fmt: skip
    loosened = [e for e in await system.audit.entries(rule.id) if e.action == "risk_rule.loosen"]

    # Assert
    assert len(loosened) == 1
    details = loosened[0].details
    assert details["before"]["params"] == {"max_notional": "500"}
    assert (details["before"]["action"], details["after"]["action"]) == ("block", "warn")
    assert details["after"]["params"] == {"max_notional": "5000"}
    assert details["looser"] == ["action block -> warn", "max_notional 500 -> 5000"]
    assert loosened[0].actor == "alice"
