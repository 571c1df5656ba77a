"""The placed orders' audit entries: the order journal's projection over the store in use, what
an earlier run left chained at start, and what is journaled chained at a stop, within a bound
(application/trading/order_audit.py), before the store's pool closes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

import structlog

from application.trading.order_audit import OrderAuditTrail
from ports.core.audit import OrderJournalProjection

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts

WRITE_AT_STOP_S = 5.0
_log = structlog.get_logger("bulwark.order_audit")


def order_journal_projection(
    kind: str, engine: Callable[[], Any], store: Callable[[], Any], log: Any
) -> OrderJournalProjection:
    """The journal's projection into `log` (the audit log of the same store)."""
    if kind == "sql":
        from adapters.postgres.order_journal import SqlOrderJournalProjection

        return SqlOrderJournalProjection(engine(), log)
    from adapters.memory.order_journal import InMemoryOrderJournalProjection

    return InMemoryOrderJournalProjection(store(), log)


async def order_audit_lifetime(trail: OrderAuditTrail, _database: object) -> AsyncIterator[None]:
    """Given the database's resource (`_database`), so it is shut down after this one. At
    start, what an earlier run journaled and never chained (a crash) is chained."""
    await chained_within(trail, event="order_audit_unchained_at_start")
    try:
        yield
    finally:
        await chained_within(trail)


async def chained_within(
    trail: OrderAuditTrail,
    within: float = WRITE_AT_STOP_S,
    event: str = "order_audit_unchained_at_stop",
) -> None:
    """The journal's entries chained within `within` seconds; past it (or with the store
    down) they stay in the journal for the next start, logged: a stop must not hang on a
    store that is going away."""
    try:
        async with asyncio.timeout(within):
            await trail.idle()
    except TimeoutError:
        _log.warning(event, within_s=within)
    except Exception as exc:
        _log.warning(event, error=type(exc).__name__)


async def chained_after_command(contexts: Contexts) -> None:
    """After a console command: the entries of the orders it placed (`rebalance execute`),
    chained before the process ends. Nothing to do when it never built the trading context."""
    built = getattr(contexts, "built", None)
    if built is not None and "trading" not in built():
        return
    await chained_within(contexts.trading.order_audit())
