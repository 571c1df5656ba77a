"""A backlog of pending WebSocket deliveries written straight into a SQL outbox, and its
deliveries counted per status: what the dispatcher is given to work off."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, insert, select

from adapters.postgres.engine import make_engine
from adapters.postgres.repos.notifications import _delivery_row
from adapters.postgres.tables.notifications import notification_deliveries
from ports.notifications.notification_store import Delivery


def backlog(size: int) -> list[Delivery]:
    """`size` pending pushes of an `order.denied` notification, due now, ids `backlog-…`."""
    now = datetime.now(UTC)
    return [
        Delivery(
            id=f"backlog-{i:07}",
            user_id=f"u{i % 50}",
            event_type="order.denied",
            priority="normal",
            channel="websocket",
            title="Order o-1 denied",
            body="MAX_NOTIONAL: the order's notional is above the account's limit",
            created_at=now,
            next_attempt_at=now,
            source_id=f"event-{i}",
            data={"order_id": f"o{i}", "account_id": "a1", "reasons": ["MAX_NOTIONAL"]},
        )
        for i in range(size)
    ]


async def seed_backlog(url: str, size: int) -> None:
    """The backlog in one transaction: the dispatcher sees all of it at once."""
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                insert(notification_deliveries), [_delivery_row(d) for d in backlog(size)]
            )
    finally:
        await engine.dispose()


async def backlog_counts(url: str) -> dict[str, int]:
    """The backlog's deliveries per status (any other delivery in the outbox left out)."""
    engine = make_engine(url)
    try:
        c = notification_deliveries.c
        query = select(c.status, func.count()).where(c.id.like("backlog-%")).group_by(c.status)
        async with engine.connect() as conn:
            return {row[0]: row[1] for row in await conn.execute(query)}
    finally:
        await engine.dispose()
