"""Mentions: the JSON record, and the bounded time index every social adapter keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.analytics.sentiment.mentions import Mention, MentionIndex, mention_from

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def raw(**over: Any) -> dict[str, Any]:
    base = {
        "id": "m-1",
        "symbols": ["acme", "BOLT"],
        "text": "ACME beats",
        "platform": "x",
        "author": "@a",
        "posted_at": "2026-03-02T12:00:00Z",
        "likes": 3,
        "views": 10,
    }
    return {**base, **over}


def at(minutes: float, ident: str, *symbols: str) -> Mention:
    return Mention(ident, symbols or ("ACME",), "t", T0 + timedelta(minutes=minutes))


def test_a_mention_from_its_json_object() -> None:
    m = mention_from(raw())

    assert (m.id, m.symbols, m.posted_at) == ("m-1", ("ACME", "BOLT"), T0)
    assert (m.likes, m.shares, m.comments, m.views) == (3, 0, 0, 10)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": ""}, "id"),
        ({"symbols": []}, "symbols"),
        ({"symbols": ["not a symbol"]}, "symbols"),
        ({"text": 7}, "text"),
        ({"posted_at": "2026-03-02T12:00:00"}, "posted_at"),
        ({"posted_at": "yesterday"}, "posted_at"),
        ({"likes": -1}, "likes"),
        ({"shares": 1.5}, "shares"),
        ({"views": True}, "views"),
    ],
)
def test_a_record_that_is_not_a_mention_names_its_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        mention_from(raw(**change))
    with pytest.raises(ValueError, match="JSON object"):
        mention_from([1, 2])


def test_the_index_answers_a_half_open_window_per_symbol_and_counts() -> None:
    # Arrange
    index = MentionIndex()
    index.extend([at(0, "a"), at(10, "b", "ACME", "BOLT"), at(20, "c", "BOLT"), at(30, "d")])

    # Act
    acme = index.between("acme", T0, T0 + timedelta(minutes=30))
    counts = index.counts(T0 - timedelta(minutes=1), T0 + timedelta(minutes=20))

    # Assert: (T0, T0+30] leaves "a" (at T0) out and takes "d" (at T0+30)
    assert [m.id for m in acme] == ["b", "d"]
    assert counts == {"ACME": 2, "BOLT": 2}


def test_a_repeated_id_is_kept_once() -> None:
    index = MentionIndex()

    assert index.add(at(0, "a")) and not index.add(at(5, "a"))
    assert len(index) == 1


def test_the_oldest_go_first_past_the_maximum_and_past_the_retention() -> None:
    # Arrange: room for 10 (and 10% slack), retention one hour
    index = MentionIndex(max_mentions=10, retention=timedelta(hours=1))

    # Act
    index.extend(at(i, f"m{i:02d}") for i in range(12))
    after_overflow = len(index)
    stale = index.add(at(-120, "old"), now=T0)
    dropped = index.prune(T0 + timedelta(minutes=65))

    # Assert: the 12th mention overflowed the slack: back to 10, the oldest two dropped
    assert after_overflow == 10
    assert [m.id for m in index.between("ACME", T0, T0 + timedelta(hours=1))][:1] == ["m05"]
    assert not stale
    assert dropped == 3  # m02, m03, m04 are older than 12:05
    assert len(index) == 7
