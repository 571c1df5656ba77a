"""The use cases refuse a viewer's every change (Forbidden) and show it what a risk officer sees."""

from __future__ import annotations

import pytest

from application.safety.agents import RecordHeartbeat
from application.trading.risk import RuleDraft
from bootstrap.embedded import Embedded
from domain.errors import Forbidden
from domain.killswitch.state import Scope, TradingState
from domain.principals import Principal, Role
from domain.risk.rules import RuleScope, RuleType
from domain.trading.orders import OrderStatus
from tests.kit.desk import (
    ACCOUNT,
    AGENT_ID,
    BUY,
    OFFICER,
    OTHER_ACCOUNT,
    OWNER,
    add_agent,
    add_rule,
    halt,
    limit,
    market,
    resume,
    set_passcodes,
)

VIEWER = Principal("v-1", Role.VIEWER)


@pytest.fixture
async def desk(e: Embedded) -> Embedded:
    """OWNER, the officer and the viewer have passcodes: a refusal is about the role."""
    await set_passcodes(e, OWNER, OFFICER, VIEWER)
    return e


async def states(e: Embedded) -> dict[str, TradingState]:
    return {s.scope.key: s.state for s in await e.killswitch.status()}


@pytest.mark.parametrize("scope", [Scope.global_(), Scope.account(ACCOUNT), Scope.agent("a")])
async def test_a_viewer_cannot_pull_the_kill_switch_on_any_scope(
    desk: Embedded, scope: Scope
) -> None:
    # Act / Assert
    with pytest.raises(Forbidden):
        await desk.killswitch.activate(halt(scope, principal=VIEWER))
    assert TradingState.HALTED not in (await states(desk)).values()
    assert await desk.broker.positions(ACCOUNT) == []


async def test_a_viewer_cannot_resume_a_halted_scope(desk: Embedded) -> None:
    # Arrange
    scope = Scope.account(ACCOUNT)
    await desk.killswitch.activate(halt(scope))

    # Act / Assert
    with pytest.raises(Forbidden):
        await desk.killswitch.resume(resume(scope, principal=VIEWER))
    assert (await states(desk))[scope.key] is TradingState.HALTED


async def test_a_viewer_sees_every_scopes_state_and_event(desk: Embedded) -> None:
    # Arrange: the owner halts their account; another owner's scope is not the viewer's
    await desk.killswitch.activate(halt(Scope.account(ACCOUNT)))

    # Act
    seen = await desk.killswitch.status_for(VIEWER)
    events = await desk.killswitch.events_for(VIEWER)

    # Assert
    assert Scope.account(ACCOUNT).key in {s.scope.key for s in seen}
    assert [ev.scope.key for ev in events] == [Scope.account(ACCOUNT).key]


async def test_a_viewers_order_is_forbidden_and_nothing_is_stored(e: Embedded) -> None:
    # Act / Assert
    with pytest.raises(Forbidden):
        await e.orders.submit(market(BUY, 10, principal=VIEWER))
    assert e.store.orders == {}
    assert await e.broker.positions(ACCOUNT) == []


async def test_a_viewer_cannot_cancel_an_order_it_can_see(e: Embedded) -> None:
    # Arrange
    placed = (await e.orders.submit(limit(BUY, 10, "95"))).order

    # Act / Assert
    with pytest.raises(Forbidden):
        await e.orders.cancel(VIEWER, placed.id)
    assert placed.status is OrderStatus.ACCEPTED
    assert len(await e.broker.open_orders(ACCOUNT)) == 1


async def test_a_viewer_cannot_create_change_or_delete_rules_but_reads_them_all(
    e: Embedded,
) -> None:
    # Arrange: a rule of OWNER's, which only OWNER and supervisors saw before
    await add_rule(e, RuleType.MAX_POSITION_SIZE, {"max_quantity": 5})
    draft = RuleDraft(RuleType.MAX_POSITION_SIZE, {"max_quantity": 1}, RuleScope.GLOBAL)

    # Act / Assert
    with pytest.raises(Forbidden):
        await e.risk.create(VIEWER, draft)
    with pytest.raises(Forbidden):
        await e.risk.update(VIEWER, "rule-1", draft)
    with pytest.raises(Forbidden):
        await e.risk.delete(VIEWER, "rule-1")
    with pytest.raises(Forbidden):
        await e.risk.test_rule(VIEWER, ACCOUNT, draft)
    assert [r.id for r in await e.risk.list(VIEWER)] == ["rule-1"]
    assert (await e.risk.get(VIEWER, "rule-1")).params == {"max_quantity": 5}


async def test_a_viewer_cannot_beat_for_an_agent_but_sees_it(e: Embedded) -> None:
    # Arrange
    await add_agent(e, ACCOUNT)

    # Act / Assert
    with pytest.raises(Forbidden):
        await e.agents.record_heartbeat(RecordHeartbeat(VIEWER, AGENT_ID))
    assert [a.agent_id for a in await e.agents.status_all(VIEWER)] == [AGENT_ID]
    assert (await e.agents.status(VIEWER, AGENT_ID)).last_heartbeat is None


async def test_a_viewer_reads_any_accounts_margin(e: Embedded) -> None:
    # Act
    mine = await e.margin.status(VIEWER, ACCOUNT)
    other = await e.margin.status(VIEWER, OTHER_ACCOUNT)

    # Assert
    assert (mine.account_id, other.account_id) == (ACCOUNT, OTHER_ACCOUNT)
