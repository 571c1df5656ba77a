"""Each placed order's `order.placed` audit entry: queued on the order path, appended in batches
off it, chained like every other entry; a failing store retried, a full queue counted."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from adapters.memory.audit import InMemoryAuditLog
from application.core.audit_chain import ChainWalker
from application.trading.order_audit import ACTION, OrderAuditTrail
from bootstrap.embedded import Embedded
from domain.errors import StoreUnavailable
from domain.risk.reasons import Action
from domain.risk.rules import RuleType
from domain.trading.orders import Channel, Origin, OriginKind
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


def _trail(e: Embedded, **kw: float) -> OrderAuditTrail:
    """The embedded service's journal given an audit trail on its audit log (no turn wait)."""
    assert isinstance(e.audit, InMemoryAuditLog)
    trail = OrderAuditTrail(e.audit, turn_seconds=kw.get("turn_seconds", 0.0))
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


async def test_entries_wait_for_the_turn_and_are_written_together(e: Embedded) -> None:
    # Arrange
    trail = _trail(e, turn_seconds=60.0)
    calls: list[int] = []
    appended = e.audit.record_many  # type: ignore[attr-defined]

    async def counting(entries: Sequence[AuditEntry]) -> None:
        calls.append(len(entries))
        await appended(entries)

    trail.log = _Log(counting)

    # Act
    for _ in range(3):
        await e.orders.submit(market(BUY, 1))
    queued = trail.queued
    await trail.idle()  # a stop cuts the turn's wait short

    # Assert
    assert queued == 3
    assert calls == [3]
    assert len(_placed(e)) == 3


async def test_a_failing_store_is_retried_and_nothing_is_lost(e: Embedded) -> None:
    # Arrange
    trail = _trail(e)
    trail.retry_seconds = 0.001
    failures = [StoreUnavailable("down"), StoreUnavailable("down")]
    appended = e.audit.record_many  # type: ignore[attr-defined]

    done = asyncio.Event()

    async def flaky(entries: Sequence[AuditEntry]) -> None:
        if failures:
            raise failures.pop()
        await appended(entries)
        done.set()

    trail.log = _Log(flaky)

    # Act: waited for without a stop (a stop gives a failing turn up)
    await e.orders.submit(market(BUY, 1))
    async with asyncio.timeout(5):
        await done.wait()

    # Assert
    assert (trail.written, trail.lost) == (1, 0)
    assert len(_placed(e)) == 1


async def test_at_a_stop_a_failing_turn_is_given_up_and_counted(e: Embedded) -> None:
    # Arrange
    trail = _trail(e)

    async def down(entries: Sequence[AuditEntry]) -> None:
        raise StoreUnavailable("down")

    trail.log = _Log(down)

    # Act
    await e.orders.submit(market(BUY, 1))
    await trail.idle()

    # Assert
    assert (trail.written, trail.lost) == (0, 1)


async def test_a_full_queue_skips_and_counts_what_does_not_fit(e: Embedded) -> None:
    # Arrange
    trail = _trail(e, turn_seconds=60.0)
    trail.capacity = 2

    # Act
    for _ in range(3):
        await e.orders.submit(market(BUY, 1))
    await trail.idle()

    # Assert
    assert (trail.skipped, trail.written) == (1, 2)


async def test_without_a_trail_nothing_is_queued(e: Embedded) -> None:
    # Act
    await e.orders.submit(market(BUY, 1, principal=OWNER))

    # Assert: the embedded desk wires none (tests and backtests count their own entries)
    assert e.orders.journal.audit is None
    assert _placed(e) == []


class _Log:
    """An AuditAppender over a function."""

    def __init__(self, append: object) -> None:
        self._append = append

    async def record_many(self, entries: Sequence[AuditEntry]) -> None:
        await self._append(entries)  # type: ignore[operator]
