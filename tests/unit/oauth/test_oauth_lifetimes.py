"""The authorization server's lifetimes as the operator sets them, and the purge of what has
expired (the in-memory store, a fake clock)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.oauth import InMemoryOAuthStore
from application.oauth.clients import Clients
from application.oauth.service import InvalidGrant, OAuthService
from bootstrap.oauth import lifetimes
from bootstrap.settings import Settings
from domain.errors import NotFound, Unauthenticated
from domain.oauth.grants import OAuthClient
from domain.oauth.tokens import Lifetimes, token_digest
from tests.unit.oauth.test_oauth_service import ALICE, RESOURCE, Agents, NoDocuments, issued

SHORT = Lifetimes(
    access=timedelta(seconds=60),
    refresh=timedelta(hours=2),
    code=timedelta(seconds=20),
    request=timedelta(seconds=90),
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store() -> InMemoryOAuthStore:
    return InMemoryOAuthStore()


@pytest.fixture
def service(store: InMemoryOAuthStore, clock: FakeClock) -> OAuthService:
    clients = Clients(store, NoDocuments(), clock)
    return OAuthService(store, clients, Agents(), clock, SequentialIds(), InMemoryAuditLog(), SHORT)


async def client_of(service: OAuthService, client_id: str = "c-1") -> OAuthClient:
    return await service.register(
        client_id=client_id, secret=None, name="", redirect_uris=["http://localhost/cb"],
        auth_method="none", document={},
    )  # fmt: skip


async def request_of(service: OAuthService, client: OAuthClient) -> str:
    return await service.begin(
        client, redirect_uri="http://localhost/cb", redirect_uri_explicit=True,
        code_challenge="x", state=None, scopes=None, resource=None, served_resource=RESOURCE,
    )  # fmt: skip


def test_the_settings_give_each_lifetime_and_their_defaults_are_todays() -> None:
    # Arrange
    chosen = Settings.from_flat(
        oauth_access_token_ttl_seconds=120,
        oauth_refresh_token_ttl_days=7,
        oauth_code_ttl_seconds=30,
        oauth_consent_ttl_seconds=600,
    )

    # Act
    made, default = lifetimes(chosen), lifetimes(Settings())

    # Assert
    assert made == Lifetimes(
        access=timedelta(minutes=2),
        refresh=timedelta(days=7),
        code=timedelta(seconds=30),
        request=timedelta(minutes=10),
    )
    assert default == Lifetimes()


async def test_an_access_token_lives_as_long_as_set_and_says_so(
    service: OAuthService, clock: FakeClock
) -> None:
    # Arrange
    _, tokens = await issued(service)
    await service.authenticate(tokens.access_token, RESOURCE)

    # Act
    clock.advance(SHORT.access)

    # Assert
    assert tokens.expires_in == 60
    with pytest.raises(Unauthenticated):
        await service.authenticate(tokens.access_token, RESOURCE)


async def test_a_refresh_token_lives_as_long_as_set(
    service: OAuthService, clock: FakeClock
) -> None:
    # Arrange
    client_id, tokens = await issued(service)
    clock.advance(SHORT.refresh - timedelta(seconds=1))
    assert await service.refresh_token(client_id, tokens.refresh_token) is not None

    # Act
    clock.advance(timedelta(seconds=1))

    # Assert
    assert await service.refresh_token(client_id, tokens.refresh_token) is None
    with pytest.raises(InvalidGrant, match="expired"):
        await service.exchange_refresh(client_id, tokens.refresh_token, None)


async def test_a_code_lives_as_long_as_set(service: OAuthService, clock: FakeClock) -> None:
    # Arrange
    client = await client_of(service)
    request_id = await request_of(service, client)
    code = (await service.approve(ALICE, request_id, ["acct-1"], ["read"])).params["code"]

    # Act
    clock.advance(SHORT.code)

    # Assert
    assert await service.code(client.client_id, code) is None
    with pytest.raises(InvalidGrant, match="expired"):
        await service.exchange_code(client.client_id, code)


async def test_a_consent_request_lives_as_long_as_set(
    service: OAuthService, clock: FakeClock
) -> None:
    # Arrange
    request_id = await request_of(service, await client_of(service))
    clock.advance(SHORT.request - timedelta(seconds=1))
    await service.consent(ALICE, request_id)

    # Act
    clock.advance(timedelta(seconds=1))

    # Assert
    with pytest.raises(NotFound):
        await service.consent(ALICE, request_id)


async def test_the_purge_deletes_what_expired_and_keeps_what_lives(
    service: OAuthService, store: InMemoryOAuthStore, clock: FakeClock
) -> None:
    # Arrange: a grant's code (used), access and refresh tokens; an unanswered request
    client_id, tokens = await issued(service)
    waiting = await request_of(service, await client_of(service, "c-2"))
    clock.advance(SHORT.request)  # the request, the code and the access token are past

    # Act
    purged = await service.purge_expired()

    # Assert: the refresh token still works, and gives tokens that work
    assert purged == 3
    assert await store.get_request(waiting) is None
    assert await store.get_token(token_digest(tokens.access_token)) is None
    rotated = await service.exchange_refresh(client_id, tokens.refresh_token, None)
    assert (await service.authenticate(rotated.access_token, RESOURCE)).id.startswith("oauth-")


async def test_the_purge_takes_a_revoked_grants_tokens_once_they_expire(
    service: OAuthService, store: InMemoryOAuthStore, clock: FakeClock
) -> None:
    # Arrange
    _, tokens = await issued(service)
    grant = (await service.grants(ALICE))[0]
    await service.revoke_grant(ALICE, grant.id)
    before = await service.purge_expired()  # nothing has expired yet: the code's still there

    # Act
    clock.advance(SHORT.refresh)
    after = await service.purge_expired()

    # Assert: the code, the access and refresh tokens; the grant stays, revoked (its history)
    assert (before, after) == (0, 3)
    assert await store.get_token(token_digest(tokens.refresh_token)) is None
    kept = await store.get_grant(grant.id)
    assert kept is not None and kept.is_revoked
