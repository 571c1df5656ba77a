"""The outbox's event ids: random version-4 UUIDs, never repeated, across refills of the pool of
random bytes they are cut from."""

from __future__ import annotations

import uuid

from adapters.postgres.outbox import _EventIds


def test_ids_are_distinct_version_4_uuids_across_several_refills() -> None:
    # Arrange
    ids = _EventIds()
    count = 3 * _EventIds._BLOCK // 16 + 5  # three refills and some

    # Act
    made = [ids.new() for _ in range(count)]

    # Assert
    assert len(set(made)) == count
    parsed = [uuid.UUID(text) for text in made]
    assert {u.version for u in parsed} == {4}
    assert {u.variant for u in parsed} == {uuid.RFC_4122}
    assert all(str(u) == text for u, text in zip(parsed, made, strict=True))
