"""The outbox's event ids: random version-4 UUIDs, never repeated, across refills of the pool of
random bytes they are cut from."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from adapters.postgres.outbox import _EventIds, uuid4_text


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


@given(st.binary(min_size=16, max_size=16))
def test_the_text_is_the_standard_librarys_for_the_same_bytes(raw: bytes) -> None:
    # Arrange
    expected = str(uuid.UUID(bytes=raw, version=4))

    # Act
    text = uuid4_text(raw)

    # Assert
    assert text == expected


def test_every_variant_nibble_is_set_as_the_standard_library_sets_it() -> None:
    # Arrange
    blocks = [bytes([0] * 8 + [nibble << 4] + [0] * 7) for nibble in range(16)]

    # Act
    texts = [uuid4_text(raw) for raw in blocks]

    # Assert
    assert texts == [str(uuid.UUID(bytes=raw, version=4)) for raw in blocks]
