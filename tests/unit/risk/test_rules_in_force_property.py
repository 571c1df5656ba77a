"""Rules written one by one through the rule use cases, orders decided between each write: the
next decision is always the one compiled from scratch from the rules then stored, whatever the
order the rules were written in (no compiled policy outlives a write)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from application.trading.risk import RuleDraft
from bootstrap.embedded import Embedded, build_embedded
from domain.risk.gate import Policy, compile_policy
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.risk.verdicts import Decision
from domain.trading.orders import Order, Origin, OriginKind, Side
from tests.kit.desk import ACCOUNT, AGENT_ID, BUY, OFFICER, OWNER, SELL, add_agent, seed
from tests.kit.gate import order as gate_order

_ORIGINS = (
    Origin(OriginKind.USER, OWNER.id),
    Origin(OriginKind.AGENT, AGENT_ID),
    Origin(OriginKind.STRATEGY, "s-1"),
)
_LIMITS = {
    RuleType.MAX_ORDER_QUANTITY: ("max_quantity", 1),
    RuleType.MAX_ORDER_NOTIONAL: ("max_notional", 100),
    RuleType.GROSS_EXPOSURE: ("max_gross", 100),
}


@st.composite
def _draft(draw: st.DrawFn) -> RuleDraft:
    rule_type = draw(st.sampled_from(sorted(_LIMITS, key=lambda t: t.value)))
    name, unit = _LIMITS[rule_type]
    scope = draw(st.sampled_from(tuple(RuleScope)))
    return RuleDraft(
        rule_type,
        {name: draw(st.integers(1, 60)) * unit},
        scope,
        draw(st.sampled_from((Action.BLOCK, Action.HOLD, Action.WARN, Action.REDUCE))),
        strategy_id="s-1" if scope is RuleScope.STRATEGY else None,
        agent_id=AGENT_ID if scope is RuleScope.AGENT else None,
        account_id=None if scope is RuleScope.GLOBAL else ACCOUNT,
    )


def _outcome(decision: Decision) -> tuple[object, ...]:
    return (
        decision.approved,
        decision.held,
        decision.quantity,
        sorted(decision.reasons),
        sorted(decision.holds),
        sorted(decision.warnings),
    )


def order(symbol: str, side: Side, quantity: int, *, origin: Origin) -> Order:
    return replace(gate_order(symbol, side, quantity, origin=origin), account_id=ACCOUNT)


@settings(max_examples=40, deadline=None)
@given(
    drafts=st.lists(_draft(), min_size=1, max_size=5),
    origin=st.sampled_from(_ORIGINS),
    quantity=st.integers(1, 80),
    sell=st.booleans(),
)
def test_each_decision_is_the_one_compiled_from_scratch_after_every_rule_write(
    drafts: list[RuleDraft], origin: Origin, quantity: int, sell: bool
) -> None:
    asyncio.run(_check(drafts, origin, quantity, sell))


async def _check(drafts: list[RuleDraft], origin: Origin, quantity: int, sell: bool) -> None:
    # Arrange
    e = await seed(build_embedded())
    await add_agent(e, ACCOUNT)
    probe = order("AAPL", SELL if sell else BUY, quantity, origin=origin)

    for draft in drafts:
        # Act: a decision (its policy compiled and kept), a rule written, a decision again.
        await e.orders.decide(ACCOUNT, OWNER, probe)
        await e.risk.create(OFFICER, draft)
        decision = await e.orders.decide(ACCOUNT, OWNER, probe)

        # Assert
        assert _outcome(decision) == _outcome(await _from_scratch(e, probe))


async def _from_scratch(e: Embedded, probe: Order) -> Decision:
    """The decision of a policy compiled anew from every stored rule, over the same risk view."""
    async with e.uow() as uow:
        rules: list[RiskRule] = await uow.risk_rules.list()
        account = await uow.accounts.get(ACCOUNT)
    assert account is not None
    fresh = compile_policy(account.id, account.owner_id, rules, calendar=e.policies.calendar)

    async def compiled_now(*_: object) -> Policy:
        return fresh

    cached = e.policies.policy_for
    e.policies.policy_for = compiled_now  # type: ignore[method-assign]
    try:
        return await e.orders.decide(ACCOUNT, OWNER, probe)
    finally:
        e.policies.policy_for = cached  # type: ignore[method-assign]
