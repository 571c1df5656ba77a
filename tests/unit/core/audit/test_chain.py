"""The audit chain's walk: any appended sequence verifies; any single-field edit is found."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.http.audit.audit_schemas import to_csv
from adapters.memory.audit import InMemoryAuditLog
from application.core.audit_chain import GENESIS, ChainWalker, canonical, entry_hash, utc_text
from application.core.audit_context import audit_context
from application.core.audit_log import InvalidAuditCursor, decode_cursor, encode_cursor
from application.core.spreadsheet_cells import spreadsheet_safe as safe_cell
from ports.core.audit import ChainedEntry
from ports.core.events import AuditEntry

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
_text = st.text(min_size=1, max_size=20)
_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), _text)
entries = st.builds(
    AuditEntry,
    actor=_text,
    action=_text,
    target=_text,
    outcome=_text,
    at=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    details=st.dictionaries(_text, _json_leaf, max_size=4),
    request_id=st.none() | _text,
    ip=st.none() | st.ip_addresses().map(str),
)


def _record_all(items: list[AuditEntry]) -> InMemoryAuditLog:
    log = InMemoryAuditLog()

    async def run() -> None:
        for item in items:
            await log.record(item)

    asyncio.run(run())
    return log


def _walk(links: list[ChainedEntry], batch: int = 3) -> Any:
    walker = ChainWalker()
    for start in range(0, len(links), batch):
        broken = walker.feed(links[start : start + batch])
        if broken is not None:
            return broken
    return walker.finish()


@settings(max_examples=60, deadline=None)
@given(st.lists(entries, min_size=0, max_size=12))
def test_any_sequence_of_entries_verifies(items: list[AuditEntry]) -> None:
    # Arrange / Act
    log = _record_all(items)

    # Assert
    assert _walk(log.links) is None
    assert [link.seq for link in log.links] == list(range(1, len(items) + 1))


_EDITS = ["actor", "action", "target", "outcome", "at", "details", "request_id", "ip"]


@settings(max_examples=80, deadline=None)
@given(st.lists(entries, min_size=1, max_size=8), st.data())
def test_any_single_field_edit_is_found(items: list[AuditEntry], data: st.DataObject) -> None:
    # Arrange
    log = _record_all(items)
    index = data.draw(st.integers(0, len(items) - 1))
    name = data.draw(st.sampled_from(_EDITS))
    link = log.links[index]
    before = getattr(link.entry, name)
    if name == "at":
        after: Any = before + timedelta(microseconds=1)
    elif name == "details":
        after = {**before, "tampered": True}
    elif before is None:
        after = "x"
    else:
        after = before + "x"
    log.links[index] = dataclasses.replace(
        link, entry=dataclasses.replace(link.entry, **{name: after})
    )

    # Act
    broken = _walk(log.links)

    # Assert
    assert broken is not None
    assert (broken.seq, broken.kind) == (index + 1, "edited")


def test_a_deleted_entry_is_found_as_a_gap() -> None:
    # Arrange
    log = _record_all(
        [AuditEntry("a", "x", "s", "ok", T0 + timedelta(seconds=n)) for n in range(5)]
    )
    del log.links[2]

    # Act
    broken = _walk(log.links)

    # Assert
    assert broken is not None and (broken.seq, broken.kind) == (3, "deleted")


def test_entries_put_in_another_order_are_found() -> None:
    # Arrange: seq 3 and 4 swapped in the walk's order (an intruder re-sorting rows)
    log = _record_all(
        [AuditEntry("a", "x", "s", "ok", T0 + timedelta(seconds=n)) for n in range(5)]
    )
    links = log.links
    reordered = [links[0], links[1], links[3], links[2], links[4]]

    # Act
    broken = ChainWalker().feed(reordered)

    # Assert
    assert broken is not None and broken.kind == "deleted" and broken.seq == 3


def test_a_chain_that_links_to_a_later_entry_reads_as_reordered() -> None:
    # Arrange: a hand-built chain whose seq 2 links to seq 3 (valid hashes, wrong order)
    first = AuditEntry("a", "x", "s", "ok", T0)
    one = ChainedEntry(1, first, GENESIS, entry_hash(1, first, GENESIS))
    three_hash = "f" * 64
    second = AuditEntry("b", "x", "s", "ok", T0)
    two = ChainedEntry(2, second, three_hash, entry_hash(2, second, three_hash))
    three = ChainedEntry(3, second, three_hash, three_hash)

    # Act
    broken = ChainWalker().feed([one, two, three])

    # Assert
    assert broken is not None and (broken.seq, broken.kind) == (2, "reordered")


def test_an_anchored_head_the_chain_no_longer_reaches_is_truncation() -> None:
    # Arrange
    log = _record_all(
        [AuditEntry("a", "x", "s", "ok", T0 + timedelta(seconds=n)) for n in range(5)]
    )
    anchor = (log.links[4].seq, log.links[4].hash)
    del log.links[3:]

    # Act
    walker = ChainWalker(expect_head=anchor)
    assert walker.feed(log.links) is None
    broken = walker.finish()

    # Assert
    assert broken is not None and (broken.seq, broken.kind) == (5, "truncated")


def test_the_canonical_form_is_the_documented_one() -> None:
    # Arrange
    entry = AuditEntry(
        "usr-1", "auth.login", "user:usr-1", "ok", T0, {"b": 1, "a": "é"}, "req-1", "10.0.0.1"
    )

    # Act
    raw = canonical(1, entry, GENESIS)

    # Assert
    assert (
        raw
        == (
            '{"action":"auth.login","actor":"usr-1","at":"2026-03-02T14:30:00.000000Z",'
            '"details":{"a":"é","b":1},"ip":"10.0.0.1","outcome":"ok","prev_hash":"'
            + GENESIS
            + '","request_id":"req-1","seq":1,"subject":"user:usr-1"}'
        ).encode()
    )
    assert utc_text(T0.astimezone()) == "2026-03-02T14:30:00.000000Z"


def test_request_id_and_ip_come_from_the_context_unless_given() -> None:
    # Arrange
    log = InMemoryAuditLog()

    async def run() -> None:
        with audit_context("req-9", "198.51.100.4"):
            await log.record(AuditEntry("a", "x", "s", "ok", T0))
            await log.record(AuditEntry("a", "x", "s", "ok", T0, request_id="own"))
        await log.record(AuditEntry("a", "x", "s", "ok", T0))

    # Act
    asyncio.run(run())

    # Assert
    assert [(link.entry.request_id, link.entry.ip) for link in log.links] == [
        ("req-9", "198.51.100.4"),
        ("own", "198.51.100.4"),
        (None, None),
    ]


@pytest.mark.parametrize("bad", ["", "x" * 200, "bm9wZQ", "eyJhIjowfQ", "eyJhIjp0cnVlfQ"])
def test_cursors_round_trip_and_refuse_other_text(bad: str) -> None:
    assert decode_cursor(encode_cursor(42)) == 42
    with pytest.raises(InvalidAuditCursor):
        decode_cursor(bad)


def test_csv_cells_cannot_start_a_formula() -> None:
    # Arrange
    log = _record_all([AuditEntry("=cmd|' /C calc'!A0", "+x", "-s", "@ok", T0, {"a": 1})])

    # Act
    text = to_csv(log.links)

    # Assert
    header, row = text.strip().split("\r\n")
    assert header.startswith("seq,at,actor,action,subject,outcome")
    assert "'=cmd" in row and ",'+x," in row and ",'-s," in row and ",'@ok," in row
    assert safe_cell("plain") == "plain"
