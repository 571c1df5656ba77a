"""The placed orders' audit entries at a stop: what is still queued is written, within a bound
(application/trading/order_audit.py), before the store's pool closes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import structlog

from application.trading.order_audit import OrderAuditTrail

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts

WRITE_AT_STOP_S = 5.0
_log = structlog.get_logger("bulwark.order_audit")


async def order_audit_lifetime(trail: OrderAuditTrail, _database: object) -> AsyncIterator[None]:
    """Given the database's resource (`_database`), so it is shut down after this one."""
    try:
        yield
    finally:
        await written_at_stop(trail)


async def written_at_stop(trail: OrderAuditTrail, within: float = WRITE_AT_STOP_S) -> None:
    """The entries still queued, written within `within` seconds (else lost, logged: a stop
    must not hang on a store that is going away)."""
    try:
        async with asyncio.timeout(within):
            await trail.idle()
    except TimeoutError:
        _log.warning("order_audit_unwritten_at_stop", queued=trail.queued)


async def written_by_command(contexts: Contexts) -> None:
    """After a console command: the entries of the orders it placed (`rebalance execute`),
    written before the process ends. Nothing to do when it never built the trading context."""
    built = getattr(contexts, "built", None)
    if built is not None and "trading" not in built():
        return
    await written_at_stop(contexts.trading.order_audit())
