"""Migration 0013 chains the audit rows written before it, in their order (at, id); migration
0040 links login entries to the user who held their username then, by id."""

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


async def test_login_entries_are_linked_to_the_user_who_held_the_name_then(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    postgres = engine.dialect.name == "postgresql"

    def when(hours: int) -> datetime:
        at = T0 + timedelta(hours=hours)
        return at if postgres else at.replace(tzinfo=None)

    try:
        # Arrange: alice's name was freed by an erasure (hour 0) and taken again (hour 1);
        # bob's user was erased since; carol's attempt was made before anyone held the name
        await migrate.downgrade(engine)
        await migrate.upgrade(engine, "0039")
        users = [
            ("usr-new", "alice", "$argon2id$x", 1),
            ("usr-bob", "erased-0123456789abcdef", "!erased", 0),
            ("usr-carol", "carol", "$argon2id$x", 5),
        ]
        rows = [
            (1, "alice", "login:alice", 0),  # the erased person's attempt
            (2, "alice", "login:alice", 2),  # the new alice's
            (3, "bob", "login:bob", 3),  # bob's, who is erased now
            (4, "carol", "login:carol", 4),  # before carol's user existed
            (5, "usr-new", "user:usr-new", 2),  # not a login entry
        ]
        async with engine.begin() as conn:
            for user_id, name, password_hash, hours in users:
                await conn.execute(
                    text(
                        "INSERT INTO users (id, username, username_normalized, password_hash, "
                        "role, created_at, mfa_enabled, backup_code_digests, "
                        "pending_backup_code_digests, active) VALUES (:id, :name, :name, "
                        ":password_hash, 'owner', :at, false, '[]', '[]', true)"
                    ),
                    {"id": user_id, "name": name, "password_hash": password_hash}
                    | {"at": when(hours)},
                )
            for seq, actor, target, hours in rows:
                await conn.execute(
                    text(
                        "INSERT INTO audit_log (actor, action, target, outcome, at, details, seq, "
                        "prev_hash, hash) VALUES (:actor, 'auth.login', :target, 'refused', :at, "
                        "'{}', :seq, :h, :h)"
                    ),
                    {"actor": actor, "target": target, "at": when(hours)}
                    | {"seq": seq, "h": "0" * 64},
                )

        # Act
        await migrate.upgrade(engine)

        # Assert: only the new alice's own attempt is hers
        async with engine.connect() as conn:
            found = (await conn.execute(text("SELECT seq, actor_id FROM audit_log"))).all()
        assert dict(found) == {1: None, 2: "usr-new", 3: None, 4: None, 5: None}
    finally:
        await migrate.downgrade(engine)
        await engine.dispose()
