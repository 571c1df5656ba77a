"""Migration 0013 chains the audit rows written before it, in their order (at, id)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from adapters.postgres import migrate
from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.engine import make_engine
from application.core.audit_log import AuditLogService
from ports.core.events import AuditEntry

T0 = datetime(2026, 1, 5, 9, 0, 0, 250000, tzinfo=UTC)


async def test_existing_rows_are_chained_and_new_ones_continue_the_chain(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    try:
        # Arrange: the schema before the chain, with rows out of insertion order in time
        await migrate.downgrade(engine)
        await migrate.upgrade(engine, "0010")
        rows = [(3, "c"), (1, "a"), (2, "b"), (2, "b2")]
        async with engine.begin() as conn:
            for seconds, actor in rows:
                at = T0 + timedelta(seconds=seconds)
                value = at if engine.dialect.name == "postgresql" else at.replace(tzinfo=None)
                await conn.execute(
                    text(
                        "INSERT INTO audit_log (actor, action, target, outcome, at, details) "
                        "VALUES (:actor, 'auth.login', 'user:x', 'ok', :at, :details)"
                    ),
                    {"actor": actor, "at": value, "details": '{"k": [1, "two"]}'},
                )

        # Act
        await migrate.upgrade(engine)
        log = SqlAuditLog(engine)
        await log.record(AuditEntry("d", "auth.logout", "user:x", "ok", T0 + timedelta(hours=1)))
        report = await AuditLogService(log, lambda: None).verify(batch=2)  # type: ignore[arg-type]

        # Assert
        links = await log.chain(0, 10)
        assert [link.entry.actor for link in links] == ["a", "b", "b2", "c", "d"]
        assert [link.seq for link in links] == [1, 2, 3, 4, 5]
        assert report.ok and report.checked == 5
    finally:
        await migrate.downgrade(engine)
        await engine.dispose()
