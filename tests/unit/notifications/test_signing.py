"""verify_signature: what a receiver accepts and refuses."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from adapters.notifications.signing import signature_header, verify_signature

SECRET = "whsec_abc"
BODY = b'{"id":"dlv-1","title":"x"}'
T = 1_780_000_000


def test_a_fresh_signature_of_the_body_verifies() -> None:
    # Arrange
    header = signature_header(SECRET, T, BODY)

    # Act / Assert
    assert verify_signature(SECRET, header, BODY, now=T + 10)
    assert verify_signature(SECRET, header, BODY.decode(), now=datetime.fromtimestamp(T, UTC))


def test_the_header_is_plain_hmac_sha256_of_timestamp_dot_body() -> None:
    # Arrange
    expected = hmac.new(SECRET.encode(), f"{T}.".encode() + BODY, hashlib.sha256).hexdigest()

    # Act
    header = signature_header(SECRET, T, BODY)

    # Assert
    assert header == f"t={T},v1={expected}"


def test_a_stale_or_future_timestamp_is_refused() -> None:
    # Arrange
    header = signature_header(SECRET, T, BODY)

    # Act / Assert
    assert not verify_signature(SECRET, header, BODY, now=T + 301)
    assert not verify_signature(SECRET, header, BODY, now=T - 301)
    assert verify_signature(SECRET, header, BODY, now=T + 3000, tolerance=3600)


def test_a_tampered_body_or_another_secret_is_refused() -> None:
    # Arrange
    header = signature_header(SECRET, T, BODY)

    # Act / Assert
    assert not verify_signature(SECRET, header, BODY + b" ", now=T)
    assert not verify_signature("whsec_other", header, BODY, now=T)


def test_a_signature_moved_to_another_timestamp_is_refused() -> None:
    # Arrange: the v1 of an old delivery replayed under a fresh t=
    old = signature_header(SECRET, T - 1000, BODY).split(",")[1]

    # Act / Assert
    assert not verify_signature(SECRET, f"t={T},{old}", BODY, now=T)


def test_one_matching_entry_of_several_is_enough() -> None:
    # Arrange
    good = signature_header(SECRET, T, BODY).split(",")[1]
    header = f"t={T},v1={'0' * 64},{good}"

    # Act / Assert
    assert verify_signature(SECRET, header, BODY, now=T)


def test_malformed_headers_are_refused() -> None:
    for header in ("", "t=,v1=ab", f"t={T}", "v1=abc", f"t=x{T},v1=ab", f"t={T};v1=ab", "tv1"):
        assert not verify_signature(SECRET, header, BODY, now=T), header


@given(st.text(max_size=60))
def test_any_header_text_gives_a_boolean_never_an_error(header: str) -> None:
    assert verify_signature(SECRET, header, BODY, now=T) in (True, False)


@given(st.binary(max_size=200), st.binary(max_size=200))
def test_only_the_signed_body_verifies(signed: bytes, other: bytes) -> None:
    header = signature_header(SECRET, T, signed)
    assert verify_signature(SECRET, header, other, now=T) is (signed == other)
