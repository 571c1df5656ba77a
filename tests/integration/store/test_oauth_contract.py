"""The OAuth store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from adapters.memory.oauth import InMemoryOAuthStore
from adapters.postgres.oauth import SqlOAuthStore
from domain.identity.permissions import Permission
from domain.oauth.grants import ConsentRequest, Grant, IssuedToken, OAuthClient, TokenKind
from ports.oauth.store import OAuthStore
from tests.integration.store.conftest import T0, StoreUnderTest

P = Permission


@pytest.fixture
def oauth(store: StoreUnderTest) -> OAuthStore:
    adapted: OAuthStore = store.adapter(InMemoryOAuthStore, SqlOAuthStore)  # type: ignore[assignment]
    return adapted


def a_token(digest: str = "d" * 64, kind: TokenKind = TokenKind.REFRESH) -> IssuedToken:
    return IssuedToken(
        digest, kind, "og-1", "c-1", frozenset({P.READ, P.TRADE}), "https://b.example/mcp",
        T0, T0 + timedelta(days=30), code_challenge="ch", redirect_uri="http://localhost/cb",
        redirect_uri_explicit=True,
    )  # fmt: skip


async def test_clients_round_trip_and_an_id_is_taken_once(oauth: OAuthStore) -> None:
    # Arrange
    client = OAuthClient(
        "c-1", "Assistant", ("http://localhost/cb",), "client_secret_post", T0, "a" * 64,
        document={"client_name": "Assistant"},
    )  # fmt: skip

    # Act
    await oauth.add_client(client)

    # Assert
    assert await oauth.get_client("c-1") == client
    assert await oauth.get_client("c-2") is None
    with pytest.raises(ValueError, match="exists"):
        await oauth.add_client(client)


async def test_a_request_is_taken_once(oauth: OAuthStore) -> None:
    # Arrange
    request = ConsentRequest(
        "req-1", "c-1", "http://localhost/cb", True, "ch", "st", frozenset({P.READ}),
        "https://b.example/mcp", T0,
    )  # fmt: skip
    await oauth.add_request(request)

    # Act
    seen = await oauth.get_request("req-1")
    first = await oauth.take_request("req-1")
    second = await oauth.take_request("req-1")

    # Assert
    assert seen == request and first == request
    assert second is None


async def test_grants_are_the_owners_and_their_revocation_is_kept(oauth: OAuthStore) -> None:
    # Arrange
    grant = Grant("og-1", "u-1", "c-1", "oauth-1", frozenset({P.READ}), "r", T0)
    await oauth.add_grant(grant)
    await oauth.add_grant(Grant("og-2", "u-2", "c-1", "oauth-2", frozenset({P.HALT}), "r", T0))

    # Act
    grant.revoke(T0 + timedelta(seconds=1))
    await oauth.save_grant(grant)

    # Assert
    assert [g.id for g in await oauth.grants_of("u-1")] == ["og-1"]
    found = await oauth.get_grant("og-1")
    assert found is not None and found.revoked_at == T0 + timedelta(seconds=1)
    with pytest.raises(KeyError):
        await oauth.save_grant(Grant("og-9", "u-1", "c", "a", frozenset(), "r", T0))


async def test_a_token_is_used_once_by_digest(oauth: OAuthStore) -> None:
    # Arrange
    token = a_token()
    await oauth.add_token(token)

    # Act
    first = await oauth.use_token(token.digest, T0)
    second = await oauth.use_token(token.digest, T0)
    unknown = await oauth.use_token("e" * 64, T0)

    # Assert
    assert first and not second and not unknown
    found = await oauth.get_token(token.digest)
    assert found is not None and found.used_at == T0
    assert found.scopes == token.scopes and found.redirect_uri == token.redirect_uri


async def test_the_purge_deletes_expired_requests_and_tokens_only(oauth: OAuthStore) -> None:
    # Arrange: a request and a token of each kind on each side of the instant; a used one
    now = T0 + timedelta(minutes=10)
    for name, expires in (("gone", now), ("kept", now + timedelta(microseconds=1))):
        await oauth.add_request(
            ConsentRequest(
                f"req-{name}", "c-1", "http://localhost/cb", True, "ch", None,
                frozenset({P.READ}), "https://b.example/mcp", expires,
            )
        )  # fmt: skip
    tokens = {
        (kind, name): replace(a_token(f"{kind.value}-{name}".ljust(64, "0"), kind), expires_at=at)
        for kind in TokenKind
        for name, at in (("gone", now - timedelta(seconds=1)), ("kept", now + timedelta(days=1)))
    }
    for token in tokens.values():
        await oauth.add_token(token)
    await oauth.use_token(tokens[(TokenKind.REFRESH, "gone")].digest, T0)
    await oauth.add_grant(Grant("og-1", "u-1", "c-1", "oauth-1", frozenset({P.READ}), "r", T0))

    # Act
    purged = await oauth.purge_expired(now)
    again = await oauth.purge_expired(now)

    # Assert
    assert (purged, again) == (1 + len(TokenKind), 0)
    assert await oauth.get_request("req-gone") is None
    assert await oauth.get_request("req-kept") is not None
    for (_, name), token in tokens.items():
        assert (await oauth.get_token(token.digest) is None) == (name == "gone")
    assert await oauth.get_grant("og-1") is not None
