"""Each placed order's `order.placed` audit entry: journaled in the decision's own commit,
chained off the order path in turns, like every other entry; a failing store retried, and
nothing lost to a crash or a stop."""

from __future__ import annotations

import asyncio

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.order_journal import InMemoryOrderJournalProjection
from application.core.audit_chain import ChainWalker
from application.trading.order_audit import ACTION, OrderAuditTrail
from bootstrap.embedded import Embedded
from domain.errors import StoreUnavailable
from domain.risk.reasons import Action
from domain.risk.rules import RuleType
from domain.trading.orders import Channel, Origin, OriginKind
from ports.core.audit import JournalLag
from ports.core.events import AuditEntry
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ID,
    BUY,
    OWNER,
    add_agent,
    add_rule,
    market,
)
from tests.kit.flaky import flaky_orders


def _trail(e: Embedded, **kw: float) -> OrderAuditTrail:
    """The embedded service's journal given an audit trail over its store (no turn wait)."""
    assert isinstance(e.audit, InMemoryAuditLog)
    projection = InMemoryOrderJournalProjection(e.store, e.audit)
    trail = OrderAuditTrail(projection, turn_seconds=kw.get("turn_seconds", 0.0))
    e.orders.journal.audit = trail
    return trail


def _placed(e: Embedded) -> list[AuditEntry]:
    assert isinstance(e.audit, InMemoryAuditLog)
    return [link.entry for link in e.audit.links if link.entry.action == ACTION]


async def test_an_agents_order_is_audited_with_its_attribution_and_decision(e: Embedded) -> None:
    # Arrange
    await add_agent(e, ACCOUNT)
    trail = _trail(e)
    cmd = market(
        BUY, 3, principal=AGENT, origin=Origin(OriginKind.AGENT, AGENT_ID, Channel.MCP),
        algorithm="momentum-llm", algorithm_version="2.3.1",
    )  # fmt: skip

    # Act
    result = await e.orders.submit(cmd)
    await trail.idle()

    # Assert
    [entry] = _placed(e)
    assert (entry.actor, entry.target, entry.outcome) == (
        AGENT_ID,
        f"account:{ACCOUNT}",
        "approved",
    )
    assert entry.at == result.order.created_at
    details = dict(entry.details)
    assert details["order_id"] == result.order.id
    assert (details["agent_id"], details["channel"], details["origin"]) == (
        AGENT_ID,
        "mcp",
        "agent",
    )
    assert (details["algorithm"], details["algorithm_version"]) == ("momentum-llm", "2.3.1")
    assert (details["responsible_id"], details["client_id"]) == (OWNER.id, OWNER.id)
    assert (details["quantity"], details["requested_quantity"], details["reasons"]) == (
        "3",
        "3",
        [],
    )
    assert trail.written == 1


async def test_denied_and_held_orders_are_audited_with_their_reason_codes(e: Embedded) -> None:
    # Arrange: above 1,000 of notional held for a person, above 50 shares denied
    await add_rule(e, RuleType.MAX_ORDER_NOTIONAL, {"max_notional": "1000"}, action=Action.HOLD)
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": "50"}, rule_id="rule-2")
    trail = _trail(e)

    # Act
    await e.orders.submit(market(BUY, 20))
    await e.orders.submit(market(BUY, 60))
    await trail.idle()

    # Assert
    held, denied = _placed(e)
    assert (held.outcome, held.details["reasons"]) == ("held", ["MAX_ORDER_NOTIONAL"])
    assert denied.outcome == "denied"
    assert "MAX_ORDER_QUANTITY" in denied.details["reasons"]
    assert held.actor == OWNER.id


async def test_a_replayed_order_is_audited_once_and_the_chain_holds(e: Embedded) -> None:
    # Arrange
    trail = _trail(e)
    await e.audit.record(AuditEntry("x", "auth.login", "user:x", "ok", e.clock.now()))

    # Act: a burst of one account's orders (batched), a retry of the first key
    for n in range(5):
        await e.orders.submit(market(BUY, 1, idempotency_key=f"k-{n}"))
    again = await e.orders.submit(market(BUY, 1, idempotency_key="k-0"))
    await trail.idle()

    # Assert
    assert again.replayed
    assert len(_placed(e)) == 5
    assert isinstance(e.audit, InMemoryAuditLog)
    walker = ChainWalker()
    assert walker.feed(list(e.audit.links)) is None and walker.finish() is None
    assert [link.seq for link in e.audit.links] == list(range(1, 7))


async def test_entries_are_journaled_with_the_commit_and_chained_together_at_the_turn(
    e: Embedded,
) -> None:
    # Arrange
    trail = _trail(e, turn_seconds=60.0)
    projection = _Counting(trail.journal)
    trail.journal = projection

    # Act
    for _ in range(3):
        await e.orders.submit(market(BUY, 1))
    journaled = len(e.store.order_journal)
    chained_before_the_turn = len(_placed(e))
    await trail.idle()  # a stop cuts the turn's wait short

    # Assert
    assert (journaled, chained_before_the_turn) == (3, 0)
    assert projection.moved == [3]
    assert len(_placed(e)) == 3
    assert len(e.store.order_journal) == 0


async def test_a_crash_before_the_turn_loses_no_entry_and_the_next_start_chains_each_once(
    e: Embedded,
) -> None:
    # Arrange: decisions committed, then the process dies before its turn ran
    _trail(e, turn_seconds=60.0)
    for n in range(4):
        await e.orders.submit(market(BUY, 1, idempotency_key=f"k-{n}"))
    assert _placed(e) == []

    # Act: a new process over the same store chains what the journal holds, twice over
    assert isinstance(e.audit, InMemoryAuditLog)
    restarted = OrderAuditTrail(InMemoryOrderJournalProjection(e.store, e.audit))
    await restarted.idle()
    await restarted.idle()

    # Assert
    placed = _placed(e)
    assert len(placed) == 4
    assert len({entry.details["order_id"] for entry in placed}) == 4
    assert restarted.written == 4
    walker = ChainWalker()
    assert walker.feed(list(e.audit.links)) is None and walker.finish() is None


async def test_a_commit_that_fails_journals_nothing(e: Embedded) -> None:
    # Arrange: the decisions' commit fails once, then the retry's commit works
    trail = _trail(e)
    orders = flaky_orders(e, [StoreUnavailable("down")])
    orders.journal.audit = trail

    # Act
    failed = await orders.submit_many([market(BUY, 1)])
    journaled_after_failure = len(e.store.order_journal)
    await orders.submit(market(BUY, 1))
    await trail.idle()

    # Assert
    assert isinstance(failed[0], StoreUnavailable)
    assert journaled_after_failure == 0
    assert len(_placed(e)) == 1


async def test_a_failing_store_is_retried_and_nothing_is_lost(e: Embedded) -> None:
    # Arrange
    trail = _trail(e)
    trail.retry_seconds = 0.001
    projection = _Counting(trail.journal, failures=[StoreUnavailable("down")] * 2)
    trail.journal = projection

    # Act: waited for without a stop (a stop leaves a failing turn in the journal)
    await e.orders.submit(market(BUY, 1))
    async with asyncio.timeout(5):
        await projection.done.wait()

    # Assert
    assert (trail.written, trail.left) == (1, 0)
    assert len(_placed(e)) == 1
    assert trail.longest_wait_s > 0


async def test_at_a_stop_a_failing_turn_is_left_in_the_journal_for_the_next_start(
    e: Embedded,
) -> None:
    # Arrange
    trail = _trail(e, turn_seconds=60.0)
    healthy = trail.journal
    trail.journal = _Counting(healthy, failures=[StoreUnavailable("down")] * 5)

    # Act: the store is down through the stop
    await e.orders.submit(market(BUY, 1))
    await trail.idle()
    left, journaled = trail.left, len(e.store.order_journal)
    trail.journal = healthy
    await trail.idle()

    # Assert
    assert left >= 1 and journaled == 1
    assert len(_placed(e)) == 1
    assert await healthy.lag() == JournalLag(0, None)


async def test_the_lag_names_what_waits_and_since_when(e: Embedded) -> None:
    # Arrange
    trail = _trail(e, turn_seconds=60.0)
    first = await e.orders.submit(market(BUY, 1))
    await e.orders.submit(market(BUY, 1))

    # Act
    lag = await trail.journal.lag()
    await trail.idle()

    # Assert
    assert lag == JournalLag(2, first.order.created_at)
    assert await trail.journal.lag() == JournalLag(0, None)


async def test_an_entry_keeps_the_request_context_it_was_journaled_in(e: Embedded) -> None:
    # Arrange
    from application.core.audit_context import audit_context

    trail = _trail(e, turn_seconds=60.0)

    # Act
    with audit_context("req-17", "203.0.113.9"):
        await e.orders.submit(market(BUY, 1))
    await trail.idle()

    # Assert
    [entry] = _placed(e)
    assert (entry.request_id, entry.ip) == ("req-17", "203.0.113.9")


async def test_without_a_trail_nothing_is_journaled(e: Embedded) -> None:
    # Act
    await e.orders.submit(market(BUY, 1, principal=OWNER))

    # Assert: the embedded desk wires none (tests and backtests count their own entries)
    assert e.orders.journal.audit is None
    assert len(e.store.order_journal) == 0
    assert _placed(e) == []


class _Counting:
    """A projection that fails as planned, then counts what each turn moved."""

    def __init__(
        self,
        inner: object,
        failures: list[BaseException] | None = None,
    ) -> None:
        self._inner = inner
        self.failures = failures or []
        self.moved: list[int] = []
        self.done = asyncio.Event()

    async def project(self, most: int) -> int:
        if self.failures:
            raise self.failures.pop()
        moved: int = await self._inner.project(most)  # type: ignore[attr-defined]
        if moved:
            self.moved.append(moved)
            self.done.set()
        return moved

    async def lag(self) -> JournalLag:
        return await self._inner.lag()  # type: ignore[attr-defined, no-any-return]
