"""Masked key ids and the Credentials value object: never enough to use a key."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from domain.keys.keys import mask_key_id
from ports.keys.key_vault import Credentials

printable = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=64)


@given(printable)
def test_a_masked_key_id_shows_at_most_five_of_its_characters(key_id: str) -> None:
    masked = mask_key_id(key_id)

    assert masked.count("…") == 1
    assert len(masked) - 1 <= 5
    if len(key_id) >= 12:
        assert masked == f"{key_id[:2]}…{key_id[-3:]}"
    else:
        assert masked == "…"


def test_the_documented_mask() -> None:
    assert mask_key_id("PKA1B2C3D4E5F6G7H7XQ") == "PK…7XQ"


def test_repr_and_str_of_credentials_hide_the_secret_and_the_key_id() -> None:
    credentials = Credentials("PKA1B2C3D4E5F6G7H7XQ", "s3cr3t-value-1234")

    for text in (repr(credentials), str(credentials), f"{credentials}"):
        assert "s3cr3t-value-1234" not in text
        assert "PKA1B2C3D4E5F6G7H7XQ" not in text
        assert "PK…7XQ" in text
