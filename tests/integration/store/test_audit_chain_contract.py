"""The hash-chained audit log: one contract on memory, SQLite and PostgreSQL.

Tampering is done with raw SQL on the stored rows, as an intruder with database access
would; the chain walk must name the first broken seq and why.
"""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta
from itertools import pairwise
from typing import Any

import pytest
from sqlalchemy import text

from adapters.memory.audit import InMemoryAuditLog
from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.engine import make_engine
from application.core.audit_chain import (
    GENESIS,
    REDACT_ACTION,
    ChainWalker,
    redaction_digest,
    storable,
)
from application.core.audit_context import audit_context
from ports.core.audit import AuditFilter, ChainedEntry
from ports.core.events import AuditEntry
from tests.integration.store.conftest import T0, StoreUnderTest

Log = InMemoryAuditLog | SqlAuditLog


@pytest.fixture
def log(store: StoreUnderTest) -> Log:
    return store.adapter(InMemoryAuditLog, SqlAuditLog)


def _entry(n: int, **changes: Any) -> AuditEntry:
    fields: dict[str, Any] = {
        "actor": f"usr-{n % 3}",
        "action": "killswitch.activate" if n % 2 else "auth.login",
        "target": f"account:acc-{n % 4}",
        "outcome": "ok" if n % 5 else "denied",
        "at": T0 + timedelta(seconds=n),
        "details": {"n": n, "why": "été", "amount": "12.50"},
    }
    fields.update(changes)
    return AuditEntry(**fields)


async def _walk(log: Log, batch: int = 3) -> tuple[ChainWalker, Any]:
    walker = ChainWalker()
    while True:
        links = await log.chain(walker.last_seq, batch)
        if not links:
            return walker, walker.finish()
        broken = walker.feed(links)
        if broken is not None:
            return walker, broken


async def test_appends_form_a_gap_free_chain_from_genesis(log: Log) -> None:
    # Arrange / Act
    for n in range(1, 8):
        await log.record(_entry(n))

    # Assert
    links = await log.chain(0, 100)
    assert [link.seq for link in links] == list(range(1, 8))
    assert links[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in pairwise(links))
    walker, broken = await _walk(log)
    assert broken is None
    assert walker.checked == 7
    head = await log.head()
    assert head is not None and head.seq == 7 and head.hash == links[-1].hash


async def test_stored_entries_read_back_as_written(log: Log) -> None:
    # Arrange
    with audit_context("req-1", "203.0.113.7"):
        await log.record(_entry(1))

    # Act
    (link,) = await log.chain(0, 10)

    # Assert: what the hash covers reads back unchanged (or the walk would fail)
    assert link.entry.request_id == "req-1"
    assert link.entry.ip == "203.0.113.7"
    assert link.entry.at == T0 + timedelta(seconds=1)
    assert dict(link.entry.details) == {"n": 1, "why": "été", "amount": "12.50"}
    assert (await _walk(log))[1] is None


async def test_filters_and_the_cursor_page_newest_first(log: Log) -> None:
    # Arrange
    for n in range(1, 21):
        with audit_context(f"req-{n}", None):
            await log.record(_entry(n))

    # Act
    prefixed = await log.page(AuditFilter(action_prefix="killswitch."), 100)
    by_actor = await log.page(AuditFilter(actor="usr-1", outcome="ok"), 100)
    window = await log.page(
        AuditFilter(since=T0 + timedelta(seconds=5), until=T0 + timedelta(seconds=8)), 100
    )
    by_request = await log.page(AuditFilter(request_id="req-7"), 100)
    older = await log.page(AuditFilter(before_seq=5), 2)
    scoped = await log.page(
        AuditFilter(visible_to="usr-0", visible_subjects=["account:acc-1"]), 100
    )

    # Assert
    assert [link.seq for link in prefixed] == [19, 17, 15, 13, 11, 9, 7, 5, 3, 1]
    assert all(link.entry.actor == "usr-1" and link.entry.outcome == "ok" for link in by_actor)
    assert [link.seq for link in by_actor] == [19, 16, 13, 7, 4, 1]
    assert [link.seq for link in window] == [7, 6, 5]
    assert [link.seq for link in by_request] == [7]
    assert [link.seq for link in older] == [4, 3]
    assert {link.seq for link in scoped} == {n for n in range(1, 21) if n % 3 == 0 or n % 4 == 1}


async def test_a_prefix_is_not_a_pattern(log: Log) -> None:
    # Arrange: "_" and "%" are LIKE wildcards; a prefix must match them literally
    await log.record(_entry(1, action="kill_switch.x"))
    await log.record(_entry(2, action="killXswitch.x"))

    # Act
    found = await log.page(AuditFilter(action_prefix="kill_"), 10)

    # Assert
    assert [link.entry.action for link in found] == ["kill_switch.x"]


async def test_concurrent_appends_keep_a_gap_free_valid_chain(log: Log) -> None:
    # Act: 60 appends from concurrent tasks
    await asyncio.gather(*(log.record(_entry(n)) for n in range(60)))

    # Assert
    links = await log.chain(0, 1000)
    assert [link.seq for link in links] == list(range(1, 61))
    assert (await _walk(log, batch=7))[1] is None


async def _tamper(store: StoreUnderTest, log: Log, statement: str) -> None:
    if isinstance(log, InMemoryAuditLog):
        pytest.skip("raw SQL tampering is for the SQL stores")
    async with store.engine.begin() as conn:
        await conn.execute(text(statement))


@pytest.mark.parametrize(
    ("statement", "seq", "kind"),
    [
        ("UPDATE audit_log SET outcome = 'ok' WHERE seq = 5", 5, "edited"),
        ("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 1", 1, "edited"),
        ("UPDATE audit_log SET details = '{\"n\": 99}' WHERE seq = 9", 9, "edited"),
        ("DELETE FROM audit_log WHERE seq = 4", 4, "deleted"),
        ("DELETE FROM audit_log WHERE seq = 1", 1, "deleted"),
        ("DELETE FROM audit_log WHERE seq IN (6, 7)", 6, "deleted"),
    ],
)
async def test_raw_sql_tampering_is_found(
    store: StoreUnderTest, log: Log, statement: str, seq: int, kind: str
) -> None:
    # Arrange
    for n in range(1, 11):
        await log.record(_entry(n))
    if store.kind == "postgres":
        statement = statement.replace("'{\"n\": 99}'", "'{\"n\": 99}'::jsonb")
    await _tamper(store, log, statement)

    # Act
    _, broken = await _walk(log)

    # Assert
    assert broken is not None
    assert (broken.seq, broken.kind) == (seq, kind)


async def test_a_deleted_row_renumbered_to_close_the_gap_is_found(
    store: StoreUnderTest, log: Log
) -> None:
    # Arrange: the intruder deletes seq 4 and shifts the later seqs down by one
    for n in range(1, 8):
        await log.record(_entry(n))
    await _tamper(store, log, "DELETE FROM audit_log WHERE seq = 4")
    for seq in range(5, 8):
        await _tamper(store, log, f"UPDATE audit_log SET seq = {seq - 1} WHERE seq = {seq}")

    # Act
    _, broken = await _walk(log)

    # Assert: seq is hashed, so the renumbered row no longer matches its hash
    assert broken is not None and broken.seq == 4 and broken.kind == "edited"


async def test_two_engines_on_one_database_keep_one_chain(store: StoreUnderTest) -> None:
    if store.kind == "memory":
        pytest.skip("two processes' engines: SQL stores only")
    # Arrange: a second engine on the same database, as a second process would have
    second = make_engine(store.engine.url.render_as_string(hide_password=False))
    logs = [SqlAuditLog(store.engine), SqlAuditLog(second)]
    try:
        # Act
        await asyncio.gather(*(logs[n % 2].record(_entry(n)) for n in range(40)))

        # Assert
        links: list[ChainedEntry] = await logs[0].chain(0, 1000)
        assert [link.seq for link in links] == list(range(1, 41))
        assert (await _walk(logs[1]))[1] is None
    finally:
        await second.dispose()


async def test_the_old_entries_listing_still_works(log: Log) -> None:
    # Arrange
    for n in range(1, 6):
        await log.record(_entry(n))

    # Act
    entries = await log.entries("account:acc-1", limit=10)

    # Assert
    assert [entry.details["n"] for entry in entries] == [5, 1]


async def test_an_over_long_request_id_is_cut_to_its_column_and_still_verifies(log: Log) -> None:
    # Arrange
    with audit_context("r" * 100, "f" * 80):
        # Act
        await log.record(_entry(1))

    # Assert
    (link,) = await log.chain(0, 10)
    assert link.entry.request_id == "r" * 64 and link.entry.ip == "f" * 64
    assert (await _walk(log))[1] is None


async def test_numbers_in_details_read_back_as_they_were_hashed(log: Log) -> None:
    # Arrange: floats JSONB would print differently, and ones it would refuse
    details = {"big": 1e16, "whole": 3.0, "tenth": 0.1, "tiny": 1e-7, "odd": 0.1 + 0.2}
    details |= {"nan": float("nan"), "inf": float("inf"), "nested": [{"x": 2.0}]}

    # Act
    await log.record(_entry(1, details=details))

    # Assert
    (link,) = await log.chain(0, 10)
    assert link.entry.details["big"] == 10**16 and link.entry.details["nan"] == "nan"
    assert (await _walk(log))[1] is None


async def test_an_owners_scope_follows_the_actor_id_never_the_name(log: Log) -> None:
    # Arrange: two login attempts under one username, by two different people over time
    await log.record(_entry(1, actor="alice", target="login:alice", actor_id="usr-old"))
    await log.record(_entry(2, actor="alice", target="login:alice", actor_id="usr-new"))
    await log.record(_entry(3, actor="usr-new", target="user:usr-new"))

    # Act
    scoped = await log.page(AuditFilter(visible_to="usr-new", visible_subjects=[]), 10)

    # Assert
    assert [link.seq for link in scoped] == [3, 2]
    assert scoped[1].entry.actor_id == "usr-new"


async def _redact(log: Log, seqs: list[int], by: str = "usr-admin") -> int:
    """Rewrite entries `seqs` to name no one, as an erasure does, and commit them."""
    links = {link.seq: link for link in await log.chain(0, 1000)}
    rewritten = {
        seq: dataclasses.replace(
            links[seq],
            entry=storable(
                dataclasses.replace(links[seq].entry, actor="erased-1", ip=None, details={})
            ),
        )
        for seq in seqs
    }
    details = {"entries": len(rewritten), "digest": redaction_digest(rewritten.values())}
    commit = AuditEntry(by, REDACT_ACTION, "user:usr-1", "ok", T0 + timedelta(hours=1), details)
    return await log.redact({seq: link.entry for seq, link in rewritten.items()}, commit)


async def test_pseudonymised_entries_keep_their_place_and_the_chain_verifies(log: Log) -> None:
    # Arrange
    with audit_context("req-1", "203.0.113.7"):
        for n in range(1, 7):
            await log.record(_entry(n))
    before = {link.seq: link for link in await log.chain(0, 100)}

    # Act
    by = await _redact(log, [2, 4])

    # Assert: rewritten in place, linked as before, committed by the new entry
    after = {link.seq: link for link in await log.chain(0, 100)}
    assert by == 7 and after[7].entry.action == REDACT_ACTION
    for seq in (2, 4):
        assert after[seq].entry.actor == "erased-1" and after[seq].entry.ip is None
        assert after[seq].redacted_by == 7
        assert (after[seq].hash, after[seq].prev_hash) == (before[seq].hash, before[seq].prev_hash)
    assert after[3].entry == before[3].entry and after[3].redacted_by is None
    walker, broken = await _walk(log, batch=2)
    assert broken is None and walker.checked == 7
    await log.record(_entry(8))
    assert (await _walk(log))[1] is None


@pytest.mark.parametrize(
    ("statement", "seq"),
    [
        ("UPDATE audit_log SET actor = 'alice' WHERE seq = 2", 7),  # the name put back
        ("UPDATE audit_log SET redacted_by = 7 WHERE seq = 3", 7),  # an entry hidden
        ("UPDATE audit_log SET redacted_by = NULL WHERE seq = 4", 4),  # the mark removed
        ("UPDATE audit_log SET redacted_by = 2 WHERE seq = 4", 4),  # pointing backwards
        ("UPDATE audit_log SET redacted_by = 5 WHERE seq = 4", 5),  # not an audit.redact
        ("UPDATE audit_log SET redacted_by = 99 WHERE seq = 4", 7),  # moved beyond the chain
        ("UPDATE audit_log SET redacted_by = 99 WHERE seq = 6", 99),  # never committed
    ],
)
async def test_tampering_with_pseudonymised_entries_is_found(
    store: StoreUnderTest, log: Log, statement: str, seq: int
) -> None:
    # Arrange
    for n in range(1, 7):
        await log.record(_entry(n))
    await _redact(log, [2, 4])
    await _tamper(store, log, statement)

    # Act
    _, broken = await _walk(log)

    # Assert
    assert broken is not None
    assert (broken.seq, broken.kind) == (seq, "edited")
