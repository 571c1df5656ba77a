"""The notification store on SQL: each call in its own short transaction.

Deliveries are inserted with ON CONFLICT DO NOTHING on their id (the idempotency key), so a
replayed event adds nothing. `claim` selects due rows FOR UPDATE SKIP LOCKED on PostgreSQL
(two dispatchers never take the same row) and moves them to the lease's end in the same
transaction; on SQLite the single writer lock serialises claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import insert_for, upsert
from adapters.postgres.repos.notification_inbox import (
    InboxQueries,
    in_app_of,
    owned,
    preferences_of,
    preferences_row,
)
from adapters.postgres.rows import record, row_of
from adapters.postgres.tables.notifications import (
    notification_deliveries as deliveries,
)
from adapters.postgres.tables.notifications import (
    notification_preferences as preferences,
)
from adapters.postgres.tables.notifications import (
    notifications_in_app as in_app,
)
from domain.notifications.preferences import Preferences
from ports.notifications.notification_store import (
    Delivery,
    DeliveryStatus,
    Failure,
    InAppNotification,
    Page,
)

_D = deliveries.c
_N = in_app.c


def _delivery_row(d: Delivery) -> dict[str, Any]:
    return row_of(d, deliveries, last_error=d.last_error[:512], data=dict(d.data))


def _delivery(row: Any) -> Delivery:
    return record(
        Delivery,
        row,
        status=DeliveryStatus(row.status),
        data=dict(row.data or {}),
        sealed=bool(row.sealed),
    )


def _after(columns: Any, after: tuple[datetime, str] | None) -> Any:
    if after is None:
        return True
    at, item_id = after
    return or_(columns.created_at < at, and_(columns.created_at == at, columns.id < item_id))


class SqlNotificationStore(InboxQueries):
    async def add_deliveries(
        self, new: Sequence[Delivery], in_app: InAppNotification | None = None
    ) -> list[str]:
        if not new and in_app is None:
            return []
        unique = list({d.id: d for d in reversed(new)}.values())[::-1]  # first of each id

        async def work(conn: AsyncConnection) -> list[str]:
            if in_app is not None:
                await _insert_in_app(conn, in_app)
            if not unique:
                return []
            # One statement: the ids that were new come back.
            statement = (
                insert_for(conn)(deliveries)
                .values([_delivery_row(d) for d in unique])
                .on_conflict_do_nothing(index_elements=["id"])
                .returning(_D.id)
            )
            inserted = {row.id for row in await conn.execute(statement)}
            return [d.id for d in unique if d.id in inserted]

        result: list[str] = await self._write(work)
        return result

    async def claim(self, now: datetime, lease_until: datetime, limit: int) -> list[Delivery]:
        async def work(conn: AsyncConnection) -> list[Delivery]:
            query = (
                select(deliveries)
                .where(_D.status == DeliveryStatus.PENDING.value, _D.next_attempt_at <= now)
                .order_by(_D.next_attempt_at, _D.id)
                .limit(limit)
            )
            if conn.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            rows = [_delivery(r) for r in (await conn.execute(query)).all()]
            if rows:
                await conn.execute(
                    update(deliveries)
                    .where(_D.id.in_([d.id for d in rows]))
                    .values(next_attempt_at=lease_until)
                )
            return rows

        result: list[Delivery] = await self._write(work)
        return result

    async def _set(self, delivery_id: str, **values: Any) -> None:
        await self._change(update(deliveries).where(_D.id == delivery_id).values(**values))

    async def _set_many(self, delivery_ids: Sequence[str], **values: Any) -> None:
        if delivery_ids:
            where = _D.id.in_(list(delivery_ids))
            await self._change(update(deliveries).where(where).values(**values))

    async def mark_sent(self, delivery_ids: Sequence[str], at: datetime) -> None:
        await self._set_many(
            delivery_ids, status=DeliveryStatus.SENT.value, sent_at=at, last_error=""
        )

    async def mark_retry(self, delivery_id: str, next_at: datetime, reason: str) -> None:
        await self._set(
            delivery_id,
            status=DeliveryStatus.PENDING.value,
            attempts=_D.attempts + 1,
            next_attempt_at=next_at,
            last_error=reason[:512],
        )

    async def mark_dead(self, delivery_id: str, reason: str) -> None:
        await self._set(
            delivery_id,
            status=DeliveryStatus.DEAD.value,
            attempts=_D.attempts + 1,
            last_error=reason[:512],
        )

    async def mark_failed(self, failures: Sequence[Failure]) -> None:
        retries = [
            {"b_id": f.delivery_id, "b_at": f.retry_at, "b_reason": f.reason[:512]}
            for f in failures
            if f.retry_at is not None
        ]
        dead = [
            {"b_id": f.delivery_id, "b_reason": f.reason[:512]}
            for f in failures
            if f.retry_at is None
        ]
        if not failures:
            return

        async def work(conn: AsyncConnection) -> None:
            # One statement each for the retried and the dead, run over their rows.
            failed = update(deliveries).where(_D.id == bindparam("b_id"))
            attempt = {"attempts": _D.attempts + 1, "last_error": bindparam("b_reason")}
            if retries:
                again = failed.values(
                    status=DeliveryStatus.PENDING.value,
                    next_attempt_at=bindparam("b_at"),
                    **attempt,
                )
                await conn.execute(again, retries)
            if dead:
                await conn.execute(failed.values(status=DeliveryStatus.DEAD.value, **attempt), dead)

        await self._write(work)

    async def replay(self, delivery_id: str, now: datetime) -> Delivery | None:
        async def work(conn: AsyncConnection) -> Delivery | None:
            # Compare-and-set: only a dead row moves, so two replays make one.
            row = (
                await conn.execute(
                    update(deliveries)
                    .where(_D.id == delivery_id, _D.status == DeliveryStatus.DEAD.value)
                    .values(status=DeliveryStatus.PENDING.value, attempts=0, next_attempt_at=now)
                    .returning(*deliveries.c)
                )
            ).first()
            return None if row is None else _delivery(row)

        result: Delivery | None = await self._write(work)
        return result

    async def delivery(self, delivery_id: str) -> Delivery | None:
        return await self._read_one(select(deliveries).where(_D.id == delivery_id), _delivery)

    async def deliveries(self, page: Page) -> list[Delivery]:
        query = select(deliveries).where(_after(_D, page.after))
        if page.user_id is not None:
            query = query.where(_D.user_id == page.user_id)
        if page.status is not None:
            query = query.where(_D.status == page.status.value)
        query = query.order_by(_D.created_at.desc(), _D.id.desc()).limit(page.limit)
        return [_delivery(r) for r in await self._read(query)]

    async def due_digests(self, now: datetime, limit: int) -> list[Delivery]:
        query = (
            select(deliveries)
            .where(_D.status == DeliveryStatus.DIGEST.value, _D.next_attempt_at <= now)
            .order_by(_D.created_at, _D.id)
            .limit(limit)
        )
        return [_delivery(r) for r in await self._read(query)]

    async def mark_digested(self, delivery_ids: Sequence[str]) -> None:
        await self._set_many(delivery_ids, status=DeliveryStatus.DIGESTED.value)

    async def add_in_app(self, notification: InAppNotification) -> bool:
        async def work(conn: AsyncConnection) -> bool:
            return await _insert_in_app(conn, notification)

        result: bool = await self._write(work)
        return result

    async def in_app(self, page: Page) -> list[InAppNotification]:
        query = select(in_app).where(_N.user_id == page.user_id, _after(_N, page.after))
        if page.unread_only:
            query = query.where(_N.read_at.is_(None))
        query = query.order_by(_N.created_at.desc(), _N.id.desc()).limit(page.limit)
        return [in_app_of(r) for r in await self._read(query)]

    async def mark_read(self, user_id: str, notification_id: str, at: datetime) -> bool:
        async def work(conn: AsyncConnection) -> bool:
            mine = owned(user_id, notification_id)
            found = (await conn.execute(select(_N.id).where(mine))).first() is not None
            if found:
                await conn.execute(
                    update(in_app).where(mine, _N.read_at.is_(None)).values(read_at=at)
                )
            return found

        result: bool = await self._write(work)
        return result

    async def mark_all_read(self, user_id: str, at: datetime) -> int:
        async def work(conn: AsyncConnection) -> int:
            result = await conn.execute(
                update(in_app).where(_N.user_id == user_id, _N.read_at.is_(None)).values(read_at=at)
            )
            return int(result.rowcount or 0)

        result: int = await self._write(work)
        return result

    async def sealed_after(self, after: str | None, limit: int) -> list[Delivery]:
        query = select(deliveries).where(_D.sealed.is_(True))
        if after is not None:
            query = query.where(_D.id > after)
        return [_delivery(r) for r in await self._read(query.order_by(_D.id).limit(limit))]

    async def replace_sealed(self, delivery_id: str, old: str, new: str) -> bool:
        async def work(conn: AsyncConnection) -> bool:
            result = await conn.execute(
                update(deliveries)
                .where(_D.id == delivery_id, _D.sealed.is_(True), _D.body == old)
                .values(body=new)
            )
            return bool(result.rowcount)

        result: bool = await self._write(work)
        return result

    async def preferences(self, user_id: str) -> Preferences | None:
        rows = await self._read(select(preferences).where(preferences.c.user_id == user_id))
        return preferences_of(rows[0].user_id, rows[0]) if rows else None

    async def put_preferences(self, prefs: Preferences) -> None:
        row = {"user_id": prefs.user_id, **preferences_row(prefs)}
        await self._write(lambda conn: upsert(conn, preferences, row, ("user_id",)))


async def _insert_in_app(conn: AsyncConnection, n: InAppNotification) -> bool:
    row = row_of(n, in_app, data=dict(n.data))
    statement = (
        insert_for(conn)(in_app).values(row).on_conflict_do_nothing(index_elements=["id"])
    ).returning(_N.id)
    return (await conn.execute(statement)).first() is not None
