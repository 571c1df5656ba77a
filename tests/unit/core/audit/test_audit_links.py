"""Many entries chained at once (adapters/audit_links.py) make exactly the links that
`chained(seq, storable(entry), prev)` makes one by one, on the fast path and off it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.audit_links import link_many
from adapters.memory.audit import InMemoryAuditLog
from application.core.audit_chain import GENESIS, ChainWalker, chained, storable
from ports.core.events import AuditEntry

T0 = datetime(2026, 11, 3, 14, 30, 0, 123456, tzinfo=UTC)

# Text without lone surrogates (which no encoder takes): every other code point, controls and
# quotes and backslashes included.
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_PLAIN = st.recursive(
    st.none() | st.booleans() | _TEXT | st.integers(-(2**63), 2**63 - 1),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)


def _one_by_one(entries: list[AuditEntry], seq: int, prev: str) -> list[Any]:
    links = []
    for entry in entries:
        seq += 1
        link = chained(seq, storable(entry), prev)
        links.append(link)
        prev = link.hash
    return links


def _entry(details: dict[str, Any], **kw: Any) -> AuditEntry:
    fields: dict[str, Any] = {
        "actor": "u-1",
        "action": "order.placed",
        "target": "account:acc-1",
        "outcome": "approved",
        "at": T0,
    }
    fields.update(kw)
    return AuditEntry(details=details, **fields)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_TEXT, _PLAIN, max_size=6), _TEXT, st.integers(0, 10**6))
def test_plain_details_link_to_the_same_bytes_as_one_by_one(
    details: dict[str, Any], actor: str, seq: int
) -> None:
    # Arrange
    entries = [_entry(details, actor=actor), _entry({"n": 1}, at=T0 + timedelta(seconds=1))]

    # Act
    fast = link_many(entries, seq, "ab" * 32)

    # Assert
    assert fast == _one_by_one(entries, seq, "ab" * 32)


@pytest.mark.parametrize(
    "details",
    [
        {"price": Decimal("1.50")},  # normalized to its text
        {"ratio": 1.5e-07, "whole": 1e16},  # floats: their JSON spelling differs by encoder
        {"when": T0},
        {"codes": ("A", "B")},  # a tuple reads back as a list
        {"big": 2**70},
        {1: "int key"},
    ],
)
def test_details_off_the_fast_path_link_as_one_by_one(details: dict[Any, Any]) -> None:
    # Arrange
    entries = [_entry(details), _entry({"ok": True}, request_id="r" * 80, ip="1" * 70)]

    # Act
    fast = link_many(entries, 0, GENESIS)

    # Assert
    assert fast == _one_by_one(entries, 0, GENESIS)


def test_plain_details_are_kept_as_given_and_others_normalized() -> None:
    # Arrange
    plain = _entry({"reasons": ["A"], "quantity": "1.5"})
    other = _entry({"reasons": ("A",), "quantity": Decimal("1.5")})

    # Act
    kept, normalized = link_many([plain, other], 0, GENESIS)

    # Assert: both read as they will from a JSON column, the plain one without a copy
    assert kept.entry is plain
    assert normalized.entry.details == {"reasons": ["A"], "quantity": "1.5"}


async def test_record_many_appends_consecutive_links_the_walk_accepts() -> None:
    # Arrange
    log = InMemoryAuditLog()
    await log.record(_entry({"first": True}))

    # Act
    await log.record_many([_entry({"n": n}) for n in range(3)])
    await log.record_many([])
    await log.record(_entry({"last": True}))

    # Assert
    assert [link.seq for link in log.links] == [1, 2, 3, 4, 5]
    walker = ChainWalker()
    assert walker.feed(log.links) is None and walker.finish() is None


async def test_a_batch_that_cannot_be_encoded_appends_nothing() -> None:
    # Arrange
    log = InMemoryAuditLog()

    # Act
    with pytest.raises(UnicodeEncodeError):
        await log.record_many([_entry({"n": 1}), _entry({"bad": "\ud800"})])

    # Assert
    assert log.links == []
