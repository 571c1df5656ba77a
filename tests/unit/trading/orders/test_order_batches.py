"""OrderService.submit in batches: concurrent submissions for one account are decided together,
in arrival order, each seeing the ones before it; per-command errors fail that command only."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest

from application.trading.orders import OrderResult, SubmitOrder
from bootstrap.embedded import Embedded, build_embedded
from domain.errors import ConcurrentUpdate, Conflict, NotFound
from domain.killswitch.state import Scope
from domain.risk.rules import RuleType
from domain.trading.orders import OrderAccepted, OrderDenied, OrderStatus
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    OTHER_ACCOUNT,
    STRANGER,
    add_rule,
    fake_clock,
    limit,
    market,
    seed,
    stored_account,
)
from tests.kit.flaky import flaky_orders

D = Decimal
Rules = list[tuple[RuleType, dict[str, Any]]]


def resting(n: int, quantity: int = 1, **extra: Any) -> SubmitOrder:
    """A resting DAY limit buy (95, below the ask) with client order id `cl-<n>`."""
    return limit(BUY, quantity, "95", client_order_id=f"cl-{n}", **extra)


async def add_rules(e: Embedded, rules: Rules) -> None:
    for n, (rule_type, params) in enumerate(rules):
        await add_rule(e, rule_type, params, rule_id=f"rule-{n}")


async def submit_together(e: Embedded, cmds: Sequence[SubmitOrder]) -> list[Any]:
    return list(
        await asyncio.gather(*(e.orders.submit(cmd) for cmd in cmds), return_exceptions=True)
    )


async def submit_one_by_one(e: Embedded, cmds: Sequence[SubmitOrder]) -> list[Any]:
    results: list[Any] = []
    for cmd in cmds:
        try:
            results.append(await e.orders.submit(cmd))
        except Exception as exc:
            results.append(exc)
    return results


def outcome(result: OrderResult | Exception) -> tuple[object, ...]:
    """What a caller learns from one result, without the generated ids."""
    if isinstance(result, Exception):
        return (type(result).__name__,)
    order = result.order
    return (order.status, order.deny_reasons, order.quantity, result.replayed)


def orders_of(result: OrderResult | Exception) -> OrderResult:
    assert isinstance(result, OrderResult), result
    return result


# -- batching ----------------------------------------------------------------------------


async def test_a_burst_for_one_account_is_decided_in_batches_with_results_in_order(
    e: Embedded,
) -> None:
    # Arrange
    cmds = [resting(n, quantity=n + 1) for n in range(20)]

    # Act
    results = await submit_together(e, cmds)

    # Assert
    got = [(orders_of(r).order.client_order_id, orders_of(r).order.quantity) for r in results]
    assert got == [(f"cl-{n}", D(n + 1)) for n in range(20)]
    assert all(orders_of(r).order.status is OrderStatus.ACCEPTED for r in results)
    assert e.orders.batcher.batches < len(cmds)
    assert e.orders.batcher.items == len(cmds)
    assert e.orders.batcher._lanes == {}
    account = await stored_account(e)
    assert list(account.open_orders) == [orders_of(r).order.id for r in results]
    assert len(await e.broker.open_orders(ACCOUNT)) == len(cmds)


async def test_accounts_are_batched_apart(e: Embedded) -> None:
    # Arrange: each owner submits to an account of their own
    mine = [resting(n) for n in range(3)]
    theirs = [limit(BUY, 1, "95", principal=STRANGER, account_id=OTHER_ACCOUNT) for _ in range(3)]

    # Act
    results = await submit_together(e, [c for pair in zip(mine, theirs, strict=True) for c in pair])

    # Assert
    accounts = [orders_of(r).order.account_id for r in results]
    assert accounts == [ACCOUNT, OTHER_ACCOUNT] * 3
    assert e.orders.batcher.batches == 2


# -- limits hold across a batch exactly as one by one ------------------------------------


async def test_max_open_orders_approves_exactly_the_first_n_of_a_concurrent_burst(
    e: Embedded,
) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_OPEN_ORDERS, {"max_open": 3})
    cmds = [resting(n) for n in range(8)]

    # Act
    results = await submit_together(e, cmds)

    # Assert
    statuses = [orders_of(r).order.status for r in results]
    assert statuses == [OrderStatus.ACCEPTED] * 3 + [OrderStatus.DENIED] * 5
    assert {orders_of(r).order.deny_reasons for r in results[3:]} == {("MAX_OPEN_ORDERS",)}
    assert e.orders.batcher.batches == 1
    assert len(await e.broker.open_orders(ACCOUNT)) == 3


LIMIT_CASES: dict[str, tuple[Rules, list[SubmitOrder]]] = {
    "max open orders": (
        [(RuleType.MAX_OPEN_ORDERS, {"max_open": 4})],
        [resting(n) for n in range(7)],
    ),
    "position size": (
        [(RuleType.MAX_POSITION_SIZE, {"max_quantity": 100})],
        [resting(n, q) for n, q in enumerate((40, 40, 30, 20, 10, 5))],
    ),
    "gross exposure": (
        [(RuleType.GROSS_EXPOSURE, {"max_gross": 10000})],  # 40 x 95 = 3,800 each
        [resting(n, q) for n, q in enumerate((40, 40, 40, 20, 10))],
    ),
    "duplicate order": (
        [(RuleType.DUPLICATE_ORDER, {"window_seconds": 5})],
        [limit(BUY, 5, "95"), limit(BUY, 5, "95"), limit(BUY, 6, "95"), limit(BUY, 5, "95")],
    ),
    "order rate": (
        [(RuleType.ORDER_RATE, {"per_second": 3})],
        [resting(n) for n in range(6)],
    ),
    "open orders, position and rate together": (
        [
            (RuleType.MAX_OPEN_ORDERS, {"max_open": 5}),
            (RuleType.MAX_POSITION_SIZE, {"max_quantity": 50}),
            (RuleType.ORDER_RATE, {"per_second": 4}),
        ],
        [resting(n, q) for n, q in enumerate((20, 40, 20, 5, 5, 1, 1))],
    ),
}


@pytest.mark.parametrize("case", list(LIMIT_CASES))
async def test_a_batch_of_resting_orders_is_decided_exactly_as_one_by_one(case: str) -> None:
    # Arrange
    rules, cmds = LIMIT_CASES[case]
    together = await seed(build_embedded())
    one_by_one = await seed(build_embedded())
    await add_rules(together, rules)
    await add_rules(one_by_one, rules)

    # Act
    batched = await submit_together(together, cmds)
    sequential = await submit_one_by_one(one_by_one, cmds)

    # Assert
    assert together.orders.batcher.batches == 1
    assert [outcome(r) for r in batched] == [outcome(r) for r in sequential]
    assert {OrderStatus.ACCEPTED, OrderStatus.DENIED} <= {outcome(r)[0] for r in batched}
    open_together = await together.broker.open_orders(ACCOUNT)
    open_sequential = await one_by_one.broker.open_orders(ACCOUNT)
    assert [o.quantity for o in open_together] == [o.quantity for o in open_sequential]


async def test_a_burst_larger_than_max_batch_is_decided_in_order_across_batches(
    e: Embedded,
) -> None:
    # Arrange: batches of 4, and a limit that runs out in the second one
    await add_rule(e, RuleType.MAX_OPEN_ORDERS, {"max_open": 6})
    orders = flaky_orders(e, [], max_batch=4)
    cmds = [resting(n) for n in range(10)]

    # Act
    results = await asyncio.gather(*(orders.submit(cmd) for cmd in cmds))

    # Assert
    assert [r.order.status for r in results] == [OrderStatus.ACCEPTED] * 6 + [
        OrderStatus.DENIED
    ] * 4
    assert [r.order.client_order_id for r in results] == [f"cl-{n}" for n in range(10)]
    assert (orders.batcher.batches, orders.batcher.items) == (3, 10)


# -- idempotency and client order ids inside one batch -----------------------------------


async def test_a_repeated_idempotency_key_in_one_batch_places_one_order_and_replays_it(
    e: Embedded,
) -> None:
    # Arrange
    cmd = limit(BUY, 10, "95", idempotency_key="key-1")

    # Act
    first, again, other = await submit_together(e, [cmd, cmd, resting(9)])

    # Assert
    first, again, other = orders_of(first), orders_of(again), orders_of(other)
    assert (first.replayed, again.replayed, other.replayed) == (False, True, False)
    assert again.order.id == first.order.id
    assert again.decision is None
    assert first.order.status is OrderStatus.ACCEPTED
    assert len(e.store.orders) == 2
    assert len(await e.broker.open_orders(ACCOUNT)) == 2
    assert e.orders.batcher.batches == 1


async def test_a_key_repeated_in_a_batch_replays_a_denied_order_as_denied(e: Embedded) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 5})
    cmd = limit(BUY, 10, "95", idempotency_key="key-1")

    # Act
    first, again = await submit_together(e, [cmd, cmd])

    # Assert
    first, again = orders_of(first), orders_of(again)
    assert first.order.status is OrderStatus.DENIED
    assert (again.replayed, again.order.id) == (True, first.order.id)
    assert len(e.store.orders) == 1


async def test_a_key_reused_with_other_terms_in_one_batch_is_a_conflict_for_the_second_only(
    e: Embedded,
) -> None:
    # Arrange
    cmds = [
        limit(BUY, 10, "95", idempotency_key="key-1"),
        limit(BUY, 10, "96", idempotency_key="key-1"),
        resting(7),
    ]

    # Act
    first, second, third = await submit_together(e, cmds)

    # Assert
    assert isinstance(second, Conflict)
    assert orders_of(first).order.status is OrderStatus.ACCEPTED
    assert orders_of(third).order.status is OrderStatus.ACCEPTED
    assert [o.limit_price for o in await e.broker.open_orders(ACCOUNT)] == [D(95), D(95)]
    assert len(e.store.orders) == 2
    assert e.orders.batcher.batches == 1


async def test_a_client_order_id_used_twice_in_one_batch_is_a_conflict_for_the_second_only(
    e: Embedded,
) -> None:
    # Arrange
    cmds = [resting(1, 10), resting(2, 3), resting(1, 5)]

    # Act
    first, second, third = await submit_together(e, cmds)

    # Assert
    assert isinstance(third, Conflict)
    assert orders_of(first).order.quantity == D(10)
    assert orders_of(second).order.status is OrderStatus.ACCEPTED
    assert sorted(o.client_order_id for o in await e.broker.open_orders(ACCOUNT)) == [
        "cl-1",
        "cl-2",
    ]
    assert e.orders.batcher.batches == 1


async def test_a_batch_replays_a_key_stored_by_an_earlier_batch(e: Embedded) -> None:
    # Arrange
    stored = await e.orders.submit(limit(BUY, 10, "95", idempotency_key="key-1"))
    cmd = limit(BUY, 10, "95", idempotency_key="key-1")

    # Act
    results = await submit_together(e, [cmd, resting(3), cmd])

    # Assert
    first, fresh, last = (orders_of(r) for r in results)
    assert (first.replayed, fresh.replayed, last.replayed) == (True, False, True)
    assert first.order.id == last.order.id == stored.order.id
    assert len(e.store.orders) == 2


# -- access --------------------------------------------------------------------------------


async def test_a_principal_without_access_is_not_found_while_the_rest_of_the_batch_succeeds(
    e: Embedded,
) -> None:
    # Arrange: STRANGER does not own ACCOUNT
    cmds = [resting(1), limit(BUY, 1, "95", principal=STRANGER), resting(2)]

    # Act
    mine, stranger, also_mine = await submit_together(e, cmds)

    # Assert
    assert isinstance(stranger, NotFound)
    assert orders_of(mine).order.status is OrderStatus.ACCEPTED
    assert orders_of(also_mine).order.status is OrderStatus.ACCEPTED
    assert len(e.store.orders) == 2
    assert e.orders.batcher.batches == 1


async def test_a_missing_account_fails_every_command_of_its_batch_with_not_found(
    e: Embedded,
) -> None:
    # Act
    results = await submit_together(e, [market(BUY, 1, account_id="acc-missing")] * 3)

    # Assert
    assert all(isinstance(r, NotFound) for r in results)
    assert e.store.orders == {}


async def test_a_batch_publishes_its_decisions_then_the_brokers_answers(e: Embedded) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_OPEN_ORDERS, {"max_open": 1})

    # Act
    results = await submit_together(e, [resting(1), resting(2)])

    # Assert: the denial is committed with the decisions, the acceptance with the answers
    accepted, denied = (orders_of(r).order for r in results)
    assert accepted.broker_order_id is not None
    published = [ev for ev in e.bus.published if isinstance(ev, OrderAccepted | OrderDenied)]
    assert [(type(ev), ev.order_id) for ev in published] == [
        (OrderDenied, denied.id),
        (OrderAccepted, accepted.id),
    ]
    assert published[0] == OrderDenied(denied.id, ACCOUNT, ("MAX_OPEN_ORDERS",))
    acceptance = published[1]
    assert isinstance(acceptance, OrderAccepted)
    assert acceptance.broker_order_id == accepted.broker_order_id


# -- a batch whose commit fails ------------------------------------------------------------


FLOW_RULES: Rules = [
    (RuleType.DUPLICATE_ORDER, {"window_seconds": 5}),
    (RuleType.ORDER_RATE, {"per_second": 2}),
]


async def test_a_failed_commit_undoes_the_flow_so_a_retry_is_not_a_duplicate(
    e: Embedded,
) -> None:
    # Arrange: the clock stands still, so a remembered order would be a duplicate and
    # would also use up the rate of two per second
    await add_rules(e, FLOW_RULES)
    orders = flaky_orders(e, [RuntimeError("commit lost")])
    cmds = [limit(BUY, 5, "95"), limit(BUY, 6, "95")]

    # Act
    failed = await asyncio.gather(*(orders.submit(c) for c in cmds), return_exceptions=True)
    retried = await asyncio.gather(*(orders.submit(c) for c in cmds))

    # Assert
    assert all(isinstance(r, RuntimeError) for r in failed)
    assert [r.order.status for r in retried] == [OrderStatus.ACCEPTED] * 2
    assert [r.order.deny_reasons for r in retried] == [(), ()]
    assert sorted(e.store.orders) == sorted(r.order.id for r in retried)
    assert len(await e.broker.open_orders(ACCOUNT)) == 2


async def test_a_conflicting_commit_is_retried_without_the_flow_of_the_lost_attempt(
    e: Embedded,
) -> None:
    # Arrange
    await add_rules(e, FLOW_RULES)
    orders = flaky_orders(e, [ConcurrentUpdate("another instance changed the account")])
    cmds = [limit(BUY, 5, "95"), limit(BUY, 6, "95"), limit(BUY, 5, "95")]

    # Act
    first, second, repeat = await asyncio.gather(*(orders.submit(c) for c in cmds))

    # Assert: the retry decides as the lost attempt did, not against its own shadow
    assert [first.order.status, second.order.status] == [OrderStatus.ACCEPTED] * 2
    assert repeat.order.status is OrderStatus.DENIED
    assert set(repeat.order.deny_reasons) <= {"DUPLICATE_ORDER", "ORDER_RATE"}
    assert "DUPLICATE_ORDER" in repeat.order.deny_reasons
    assert len(e.store.orders) == 3
    assert len(await e.broker.open_orders(ACCOUNT)) == 2


async def test_a_broker_failure_while_sending_keeps_the_other_commands_outcomes(
    e: Embedded,
) -> None:
    # Arrange
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 50})
    e.broker.fail_next(1, methods={"fills"})
    cmds = [resting(1), resting(2, 60), limit(BUY, 1, "95", principal=STRANGER)]

    # Act
    _, over, stranger = await submit_together(e, cmds)

    # Assert
    assert isinstance(stranger, NotFound)
    assert orders_of(over).order.status is OrderStatus.DENIED
    assert orders_of(over).order.deny_reasons == ("MAX_ORDER_QUANTITY",)


# -- the event loop between a batch's orders ---------------------------------------------


async def turns_while(work: Any) -> tuple[Any, int]:
    """`work`'s result and the turns another task of the loop had while it ran."""
    turns = 0
    running = True

    async def other_task() -> None:
        nonlocal turns
        while running:
            await asyncio.sleep(0)
            turns += 1

    beside = asyncio.create_task(other_task())
    await asyncio.sleep(0)  # the other task is waiting for its first turn
    turns = 0
    try:
        result = await work
    finally:
        running = False
        await beside
    return result, turns


async def test_a_long_batch_hands_the_loop_back_every_few_orders(e: Embedded) -> None:
    # Arrange: one account's 64 commands at once (a Kafka fetch); the memory store's decisions
    # and the paper broker's sends never await anything that yields
    cmds = [resting(n) for n in range(64)]

    # Act
    results, turns = await turns_while(e.orders.submit_many(cmds))

    # Assert: a turn before every 16th decision and every 16th send (3 + 3), all decided
    assert turns >= 6
    assert [orders_of(r).order.status for r in results] == [OrderStatus.ACCEPTED] * 64


async def test_a_halt_latched_during_a_batch_stops_the_sends_after_it(e: Embedded) -> None:
    # Arrange: another task of the loop latches a halt of the account (as the kill switch
    # does first) once 16 of the batch's orders are at the broker
    cmds = [resting(n) for n in range(64)]
    latched = asyncio.Event()

    async def halt_once_sending() -> None:
        while len(await e.broker.open_orders(ACCOUNT)) < 16:  # noqa: ASYNC110 (polls the broker)
            await asyncio.sleep(0)
        e.orders.latch.halt(Scope.account(ACCOUNT).key, fake_clock(e).now())
        latched.set()

    halting = asyncio.create_task(halt_once_sending())

    # Act
    results = await e.orders.submit_many(cmds)
    await halting

    # Assert: the orders sent before the halt are at the broker, those after it were refused
    statuses = [orders_of(r).order.status for r in results]
    sent = statuses.index(OrderStatus.REJECTED)
    assert latched.is_set() and 16 <= sent < 64
    assert set(statuses[:sent]) == {OrderStatus.ACCEPTED}
    assert set(statuses[sent:]) == {OrderStatus.REJECTED}
    assert len(await e.broker.open_orders(ACCOUNT)) == sent
