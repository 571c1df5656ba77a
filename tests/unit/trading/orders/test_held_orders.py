"""Orders held for a person: held by a HOLD rule, approved (decided again) or rejected, lapsed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from application.trading.held_halts import HALTED_REASON as HALTED
from application.trading.held_halts import reject_if_halted
from application.trading.held_orders import HeldOrders
from bootstrap.embedded import Embedded
from domain.errors import Forbidden, NotFound
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import ScopeState
from domain.principals import Principal, Role
from domain.risk.reasons import Action
from domain.risk.rules import RuleType
from domain.trading.holds import HoldExpired, OrderNotHeld, SecondApproverRequired
from domain.trading.orders import (
    OrderApprovalRecorded,
    OrderApproved,
    OrderExpired,
    OrderHeld,
    OrderRejectedByReviewer,
    OrderStatus,
)
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ORIGIN,
    BUY,
    OFFICER,
    OWNER,
    SECOND_OFFICER,
    STRANGER,
    add_agent,
    add_rule,
    fake_clock,
    market,
    stored_order,
)

VIEWER = Principal("v-1", Role.VIEWER)


@pytest.fixture
async def held(e: Embedded) -> HeldOrders:
    """HOLD any order above 5,000 of notional (AAPL is at 100)."""
    await add_rule(e, RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 5_000}, action=Action.HOLD)
    return HeldOrders(e.uow, e.orders, e.clock, e.audit, e.bus)


async def test_an_order_a_hold_rule_breaches_is_held_unsent_with_its_reasons(
    e: Embedded, held: HeldOrders
) -> None:
    # Act
    result = await e.orders.submit(market(BUY, 100))

    # Assert
    assert result.order.status is OrderStatus.HELD
    assert result.order.hold_reasons == ("MAX_ORDER_NOTIONAL",)
    assert result.order.deny_reasons == ()  # held, not denied
    assert await e.broker.open_orders(ACCOUNT) == []
    assert [ev.order_id for ev in e.bus.of_type(OrderHeld) if isinstance(ev, OrderHeld)] == [
        result.order.id
    ]
    queue = await held.queue(OWNER)
    assert [(o.id, o.hold_reasons, o.deny_reasons) for o in queue] == [
        (result.order.id, ("MAX_ORDER_NOTIONAL",), ())
    ]


async def test_an_approved_order_is_decided_again_and_filled(e: Embedded, held: HeldOrders) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order

    # Act
    result = await held.approve(OFFICER, order.id)

    # Assert: the paper broker fills a market order at once; nothing denied it.
    assert result.order.status is OrderStatus.FILLED
    stored = await stored_order(e, order.id)
    assert (stored.deny_reasons, stored.hold_reasons) == ((), ("MAX_ORDER_NOTIONAL",))
    assert [a.approver_id for a in stored.approvals] == [OFFICER.id]
    assert result.decision is not None and result.decision.held is True  # waived, not denied
    assert [
        ev.approver_id for ev in e.bus.of_type(OrderApproved) if isinstance(ev, OrderApproved)
    ] == [OFFICER.id]
    assert await held.queue(OWNER) == []
    [entry] = await e.audit.entries(f"order:{order.id}")
    assert (entry.actor, entry.action, entry.outcome) == (OFFICER.id, "order.approve", "filled")


async def test_approval_reruns_the_gate_and_a_block_rule_added_since_denies(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange: after the hold, a BLOCK cap on the quantity is set.
    order = (await e.orders.submit(market(BUY, 100))).order
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 10}, rule_id="rule-2")

    # Act
    result = await held.approve(OWNER, order.id)

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert result.order.deny_reasons == ("MAX_ORDER_QUANTITY",)
    stored = await stored_order(e, order.id)
    assert (stored.deny_reasons, stored.hold_reasons) == (
        ("MAX_ORDER_QUANTITY",),
        ("MAX_ORDER_NOTIONAL",),
    )
    assert await e.broker.open_orders(ACCOUNT) == []


async def test_a_halted_kill_switch_denies_the_approval(e: Embedded, held: HeldOrders) -> None:
    # Arrange: the account is HALTED in the store (by another instance, say) while the order
    # is still held: its kill switch has not reached the order yet.
    order = (await e.orders.submit(market(BUY, 100))).order
    async with e.uow() as u:
        state = ScopeState(Scope.account(ACCOUNT))
        state.change(TradingState.HALTED, OFFICER.id, "elsewhere", e.clock.now())
        await u.trading_states.add(state)
        await u.commit()

    # Act
    result = await held.approve(OFFICER, order.id)

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert "TRADING_HALTED" in result.order.deny_reasons


async def test_an_expired_hold_cannot_be_approved(e: Embedded, held: HeldOrders) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order
    fake_clock(e).advance(e.orders.hold_ttl + timedelta(seconds=1))

    # Act / Assert
    with pytest.raises(HoldExpired):
        await held.approve(OFFICER, order.id)
    expired = await stored_order(e, order.id)
    assert expired.status is OrderStatus.EXPIRED
    assert (expired.deny_reasons, expired.hold_reasons) == ((), ("MAX_ORDER_NOTIONAL",))
    assert [ev.order_id for ev in e.bus.of_type(OrderExpired) if isinstance(ev, OrderExpired)] == [
        order.id
    ]


async def test_the_queue_expires_lapsed_holds_as_it_reads(e: Embedded, held: HeldOrders) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order
    fake_clock(e).advance(e.orders.hold_ttl)

    # Act
    queue = await held.queue(OFFICER)

    # Assert
    assert queue == []
    assert (await stored_order(e, order.id)).status is OrderStatus.EXPIRED


async def test_an_agent_cannot_approve_its_own_held_order(e: Embedded, held: HeldOrders) -> None:
    # Arrange
    await add_agent(e, ACCOUNT)
    order = (await e.orders.submit(market(BUY, 100, principal=AGENT, origin=AGENT_ORIGIN))).order
    assert order.status is OrderStatus.HELD

    # Act / Assert
    with pytest.raises(Forbidden):
        await held.approve(AGENT, order.id)
    with pytest.raises(Forbidden):
        await held.queue(AGENT)
    approved = await held.approve(OWNER, order.id)  # its owner may
    assert approved.order.status is OrderStatus.FILLED


async def test_a_viewer_reads_the_queue_but_cannot_decide(e: Embedded, held: HeldOrders) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order

    # Act / Assert
    assert [o.id for o in await held.queue(VIEWER)] == [order.id]
    with pytest.raises(Forbidden):
        await held.approve(VIEWER, order.id)


async def test_another_owners_held_order_is_not_found(e: Embedded, held: HeldOrders) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order

    # Act / Assert
    assert await held.queue(STRANGER) == []
    with pytest.raises(NotFound):
        await held.approve(STRANGER, order.id)
    with pytest.raises(NotFound):
        await held.reject(STRANGER, order.id, "no")


async def test_a_rejected_order_is_canceled_with_the_reason_and_audited(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order

    # Act
    rejected = await held.reject(OFFICER, order.id, "too large for today")

    # Assert
    assert rejected.status is OrderStatus.CANCELED
    assert rejected.deny_reasons == ("too large for today",)
    assert rejected.hold_reasons == ("MAX_ORDER_NOTIONAL",)
    assert [
        ev.reason
        for ev in e.bus.of_type(OrderRejectedByReviewer)
        if isinstance(ev, OrderRejectedByReviewer)
    ] == ["too large for today"]
    [entry] = await e.audit.entries(f"order:{order.id}")
    assert (entry.action, entry.outcome) == ("order.reject", "canceled")
    with pytest.raises(OrderNotHeld):
        await held.approve(OFFICER, order.id)


async def test_the_sweep_expires_lapsed_holds_at_most_once_a_minute(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange: two holds 30 s apart; at the first sweep only the older has lapsed.
    lapsed = (await e.orders.submit(market(BUY, 100))).order
    fake_clock(e).advance(30)
    waiting = (await e.orders.submit(market(BUY, 100))).order
    fake_clock(e).advance(e.orders.hold_ttl - timedelta(seconds=30))

    # Act
    first = await held.sweep()
    fake_clock(e).advance(40)  # the second hold lapses, under a minute after the first sweep
    too_soon = await held.sweep()
    still_held = (await stored_order(e, waiting.id)).status
    fake_clock(e).advance(30)
    later = await held.sweep()

    # Assert
    assert (first, too_soon, later) == (1, 0, 1)
    assert (await stored_order(e, lapsed.id)).status is OrderStatus.EXPIRED
    assert still_held is OrderStatus.HELD
    assert (await stored_order(e, waiting.id)).status is OrderStatus.EXPIRED


@pytest.fixture
async def four_eyes(held: HeldOrders) -> HeldOrders:
    held.approvals_required = 2
    return held


async def test_with_four_eyes_a_first_approval_is_recorded_and_the_order_stays_held(
    e: Embedded, four_eyes: HeldOrders
) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order

    # Act
    result = await four_eyes.approve(OFFICER, order.id)

    # Assert: held, unsent, the approval kept with the order, audited and published
    assert (result.order.status, result.decision) == (OrderStatus.HELD, None)
    stored = await stored_order(e, order.id)
    assert [a.approver_id for a in stored.approvals] == [OFFICER.id]
    assert four_eyes.approvals_missing(stored) == 1
    assert await e.broker.open_orders(ACCOUNT) == []
    assert [o.id for o in await four_eyes.queue(OWNER)] == [order.id]
    [entry] = await e.audit.entries(f"order:{order.id}")
    assert (entry.actor, entry.outcome) == (OFFICER.id, "approval_recorded")
    assert entry.details == {"approvals": 1, "required": 2}
    [recorded] = e.bus.of_type(OrderApprovalRecorded)
    assert isinstance(recorded, OrderApprovalRecorded)
    assert (recorded.approver_id, recorded.approvals, recorded.required) == (OFFICER.id, 1, 2)
    assert e.bus.of_type(OrderApproved) == []


async def test_with_four_eyes_the_same_person_approving_twice_is_refused(
    e: Embedded, four_eyes: HeldOrders
) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order
    await four_eyes.approve(OFFICER, order.id)

    # Act / Assert
    with pytest.raises(SecondApproverRequired):
        await four_eyes.approve(OFFICER, order.id)
    stored = await stored_order(e, order.id)
    assert stored.status is OrderStatus.HELD
    assert len(stored.approvals) == 1
    outcomes = [x.outcome for x in await e.audit.entries(f"order:{order.id}")]
    assert outcomes == ["SECOND_APPROVER_REQUIRED", "approval_recorded"]  # newest first


async def test_with_four_eyes_a_second_person_releases_the_order(
    e: Embedded, four_eyes: HeldOrders
) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order
    await four_eyes.approve(OFFICER, order.id)

    # Act: the account's owner is the second person with the right role
    result = await four_eyes.approve(OWNER, order.id)

    # Assert
    assert result.order.status is OrderStatus.FILLED
    assert [a.approver_id for a in result.order.approvals] == [OFFICER.id, OWNER.id]
    [approved] = e.bus.of_type(OrderApproved)
    assert isinstance(approved, OrderApproved) and approved.approver_id == OWNER.id
    last = (await e.audit.entries(f"order:{order.id}"))[0]  # newest first
    assert (last.actor, last.outcome) == (OWNER.id, "filled")
    assert last.details["approvers"] == [OFFICER.id, OWNER.id]


async def test_with_four_eyes_one_rejection_rejects(e: Embedded, four_eyes: HeldOrders) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order
    await four_eyes.approve(OFFICER, order.id)

    # Act
    rejected = await four_eyes.reject(SECOND_OFFICER, order.id, "not this one")

    # Assert
    assert rejected.status is OrderStatus.CANCELED
    with pytest.raises(OrderNotHeld):
        await four_eyes.approve(SECOND_OFFICER, order.id)


async def test_with_four_eyes_a_viewer_or_agent_approval_counts_for_nothing(
    e: Embedded, four_eyes: HeldOrders
) -> None:
    # Arrange
    order = (await e.orders.submit(market(BUY, 100))).order

    # Act / Assert
    with pytest.raises(Forbidden):
        await four_eyes.approve(VIEWER, order.id)
    assert (await stored_order(e, order.id)).approvals == ()


async def test_a_held_order_its_owner_cancels_is_withdrawn_unsent_and_leaves_the_queue(
    e: Embedded, held: HeldOrders
) -> None:
    # Arrange
    placed = (await e.orders.submit(market(BUY, 100))).order

    # Act
    withdrawn = await e.orders.cancel(OWNER, placed.id)

    # Assert
    assert withdrawn.status is OrderStatus.CANCELED
    assert withdrawn.deny_reasons == ()  # withdrawn, not rejected
    assert await e.broker.open_orders(ACCOUNT) == []
    assert await held.queue(OWNER) == []
    with pytest.raises(OrderNotHeld):
        await held.approve(OFFICER, placed.id)


async def test_a_stranger_cannot_withdraw_a_held_order(e: Embedded, held: HeldOrders) -> None:
    # Arrange
    placed = (await e.orders.submit(market(BUY, 100))).order

    # Act
    with pytest.raises(NotFound):
        await e.orders.cancel(STRANGER, placed.id)

    # Assert
    assert (await stored_order(e, placed.id)).status is OrderStatus.HELD


@pytest.mark.parametrize("book_halted", [True, False])
async def test_a_hold_committed_as_its_book_was_halted_is_rejected_by_the_order_path(
    e: Embedded, held: HeldOrders, book_halted: bool
) -> None:
    # Arrange: a hold the batch committed after reading its scopes ACTIVE; meanwhile the
    # account's book was halted (its kill switch's search ran before the hold landed)
    order = (await e.orders.submit(market(BUY, 100))).order
    book = Scope.book("bk-desk")
    async with e.uow() as u:
        state = ScopeState(book)
        if book_halted:
            state.change(TradingState.HALTED, OFFICER.id, "the desk's book", e.clock.now())
        await u.trading_states.add(state)
        await u.commit()

    async def books_of(account_id: str) -> tuple[str, ...]:
        return (book.key,) if account_id == ACCOUNT else ()

    # Act
    ended = await reject_if_halted(e.uow, e.bus, e.clock, [order], books_of)

    # Assert: rejected TRADING_HALTED by whoever halted the book; an active book leaves it held
    stored = await stored_order(e, order.id)
    if book_halted:
        assert list(ended) == [order.id]
        assert stored.status is OrderStatus.CANCELED and HALTED in stored.deny_reasons
    else:
        assert ended == {} and stored.status is OrderStatus.HELD
