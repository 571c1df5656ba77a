"""The OAuth model: credentials kept by digest, expiry, one use of a code or refresh token."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain.identity.permissions import Permission
from domain.oauth.grants import Grant, IssuedToken, OAuthClient, TokenKind, narrowed
from domain.oauth.tokens import ACCESS_PREFIX, digest_matches, new_token, token_digest

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
P = Permission


def test_a_token_is_stored_as_a_digest_that_never_contains_it() -> None:
    # Arrange
    raw = new_token(ACCESS_PREFIX)

    # Act
    stored = token_digest(raw)

    # Assert
    assert raw.startswith(ACCESS_PREFIX) and len(raw) == len(ACCESS_PREFIX) + 43
    assert raw not in stored and len(stored) == 64
    assert digest_matches(raw, stored)
    assert not digest_matches(raw + "x", stored)


@given(st.text(min_size=1, max_size=80), st.text(min_size=1, max_size=80))
def test_digests_tell_any_two_credentials_apart(first: str, second: str) -> None:
    # Act / Assert
    assert (token_digest(first) == token_digest(second)) == (first == second)


def test_a_token_expires_at_its_instant_and_a_used_one_is_never_usable() -> None:
    # Arrange
    token = IssuedToken(
        "d", TokenKind.REFRESH, "og-1", "c-1", frozenset({P.READ}), "r", T0, T0 + timedelta(hours=1)
    )

    # Act
    used = replace(token, used_at=T0)

    # Assert
    assert token.usable(T0 + timedelta(minutes=59))
    assert not token.usable(T0 + timedelta(hours=1))
    assert not used.usable(T0)


def test_a_grant_is_revoked_once() -> None:
    # Arrange
    grant = Grant("og-1", "u-1", "c-1", "oauth-1", frozenset({P.READ}), "r", T0)

    # Act
    first = grant.revoke(T0 + timedelta(seconds=1))
    second = grant.revoke(T0 + timedelta(seconds=2))

    # Assert
    assert first and not second
    assert grant.revoked_at == T0 + timedelta(seconds=1)


@given(
    st.frozensets(st.sampled_from([P.READ, P.TRADE, P.HALT])),
    st.frozensets(st.sampled_from(list(P))),
)
def test_a_person_never_grants_more_than_was_asked(
    asked: frozenset[Permission], chosen: frozenset[Permission]
) -> None:
    # Act
    granted = narrowed(asked, chosen)

    # Assert
    assert granted <= asked and granted <= chosen


def test_a_public_client_needs_no_secret_and_a_confidential_one_its_own() -> None:
    # Arrange
    secret = new_token("bws_")
    public = OAuthClient("c-1", "", ("http://localhost/cb",), "none", T0)
    confidential = OAuthClient(
        "c-2", "", ("http://localhost/cb",), "client_secret_post", T0, token_digest(secret)
    )

    # Act / Assert
    assert public.secret_matches(None)
    assert confidential.secret_matches(secret)
    assert not confidential.secret_matches(None)
    assert not confidential.secret_matches(secret + "x")
