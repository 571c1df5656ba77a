"""The authorization server's use cases on the in-memory store and a fake clock: expiry,
rotation, replay, the audience, and a person's grants their own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta

import pytest

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.oauth import InMemoryOAuthStore
from application.oauth.clients import Clients
from application.oauth.service import InvalidGrant, InvalidTarget, Issued, OAuthService
from domain.errors import NotFound, Unauthenticated
from domain.oauth.tokens import ACCESS_TTL, token_digest
from domain.principals import Principal, Role

RESOURCE = "https://bulwark.example/mcp"
ALICE = Principal("u-alice", Role.OWNER)
BOB = Principal("u-bob", Role.OWNER)


class Agents:
    """GrantAgents in a dict: the agents made, on their accounts."""

    def __init__(self) -> None:
        self.made: dict[str, tuple[str, ...]] = {}

    async def ensure(
        self, owner: Principal, agent_id: str, name: str, account_ids: Sequence[str]
    ) -> None:
        self.made[agent_id] = tuple(account_ids)

    async def exists(self, agent_id: str) -> bool:
        return agent_id in self.made

    async def accounts_of(self, owner: Principal) -> Sequence[tuple[str, str]]:
        return [("acct-1", "Main")]


class NoDocuments:
    async def fetch(self, url: str) -> Mapping[str, object] | None:
        return None


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(clock: FakeClock) -> OAuthService:
    store = InMemoryOAuthStore()
    clients = Clients(store, NoDocuments(), clock)
    return OAuthService(store, clients, Agents(), clock, SequentialIds(), InMemoryAuditLog())


async def issued(service: OAuthService, person: Principal = ALICE) -> tuple[str, Issued]:
    client = await service.register(
        client_id=f"c-{person.id}", secret=None, name="Assistant",
        redirect_uris=["http://localhost/cb"], auth_method="none", document={},
    )  # fmt: skip
    request_id = await service.begin(
        client, redirect_uri="http://localhost/cb", redirect_uri_explicit=True,
        code_challenge="x", state="s", scopes=["read", "trade"], resource=RESOURCE,
        served_resource=RESOURCE,
    )  # fmt: skip
    answer = await service.approve(person, request_id, ["acct-1"], ["read", "trade"])
    return client.client_id, await service.exchange_code(client.client_id, answer.params["code"])


async def test_an_access_token_is_the_agent_with_its_scopes_until_it_expires(
    service: OAuthService, clock: FakeClock
) -> None:
    # Arrange
    _, tokens = await issued(service)

    # Act
    principal = await service.authenticate(tokens.access_token, RESOURCE)
    clock.advance(ACCESS_TTL)

    # Assert
    assert principal.role is Role.AGENT and principal.id.startswith("oauth-")
    assert principal.permissions == frozenset({"read", "trade"})
    with pytest.raises(Unauthenticated):
        await service.authenticate(tokens.access_token, RESOURCE)


async def test_a_token_for_another_resource_is_refused(service: OAuthService) -> None:
    # Arrange
    _, tokens = await issued(service)

    # Act / Assert
    with pytest.raises(Unauthenticated, match="another resource"):
        await service.authenticate(tokens.access_token, "https://elsewhere.example/mcp")


async def test_a_request_for_another_resource_is_refused(service: OAuthService) -> None:
    # Arrange
    client = await service.register(
        client_id="c-9", secret=None, name="", redirect_uris=["http://localhost/cb"],
        auth_method="none", document={},
    )  # fmt: skip

    # Act / Assert
    with pytest.raises(InvalidTarget):
        await service.begin(
            client, redirect_uri="http://localhost/cb", redirect_uri_explicit=True,
            code_challenge="x", state=None, scopes=None,
            resource="https://elsewhere.example/mcp", served_resource=RESOURCE,
        )  # fmt: skip


async def test_refresh_rotates_and_a_reused_refresh_token_revokes_the_grant(
    service: OAuthService,
) -> None:
    # Arrange
    client_id, tokens = await issued(service)
    rotated = await service.exchange_refresh(client_id, tokens.refresh_token, None)

    # Act
    replayed = await service.refresh_token(client_id, tokens.refresh_token)

    # Assert: the replay is refused and every token of the grant with it
    assert replayed is None
    assert await service.refresh_token(client_id, rotated.refresh_token) is None
    with pytest.raises(Unauthenticated):
        await service.authenticate(rotated.access_token, RESOURCE)


async def test_a_code_is_used_once(service: OAuthService) -> None:
    # Arrange
    client = await service.register(
        client_id="c-2", secret=None, name="", redirect_uris=["http://localhost/cb"],
        auth_method="none", document={},
    )  # fmt: skip
    request_id = await service.begin(
        client, redirect_uri="http://localhost/cb", redirect_uri_explicit=True,
        code_challenge="x", state=None, scopes=None, resource=None, served_resource=RESOURCE,
    )  # fmt: skip
    code = (await service.approve(ALICE, request_id, ["acct-1"], ["read"])).params["code"]
    first = await service.exchange_code("c-2", code)

    # Act / Assert
    with pytest.raises(InvalidGrant):
        await service.exchange_code("c-2", code)
    with pytest.raises(Unauthenticated):
        await service.authenticate(first.access_token, RESOURCE)


async def test_the_store_never_holds_a_raw_token(service: OAuthService) -> None:
    # Arrange
    _, tokens = await issued(service)
    store = service._store  # what the store holds is the point

    # Act
    raw = await store.get_token(tokens.access_token)
    hashed = await store.get_token(token_digest(tokens.access_token))

    # Assert
    assert raw is None and hashed is not None


async def test_another_persons_grant_is_not_found(service: OAuthService) -> None:
    # Arrange
    await issued(service)
    grant = (await service.grants(ALICE))[0]

    # Act / Assert
    assert await service.grants(BOB) == []
    with pytest.raises(NotFound):
        await service.revoke_grant(BOB, grant.id)


async def test_an_unanswered_request_expires(service: OAuthService, clock: FakeClock) -> None:
    # Arrange
    client = await service.register(
        client_id="c-3", secret=None, name="", redirect_uris=["http://localhost/cb"],
        auth_method="none", document={},
    )  # fmt: skip
    request_id = await service.begin(
        client, redirect_uri="http://localhost/cb", redirect_uri_explicit=True,
        code_challenge="x", state=None, scopes=None, resource=None, served_resource=RESOURCE,
    )  # fmt: skip

    # Act
    clock.advance(timedelta(hours=1))

    # Assert
    with pytest.raises(NotFound):
        await service.approve(ALICE, request_id, ["acct-1"], ["read"])


async def test_an_erased_persons_grants_are_revoked_and_their_tokens_stop(
    service: OAuthService,
) -> None:
    # Arrange
    _, tokens = await issued(service)
    _, others = await issued(service, BOB)

    # Act
    revoked = await service.erase_owner("admin-1", ALICE.id)

    # Assert: Alice's token stops at once; Bob's is untouched
    assert revoked == 1
    with pytest.raises(Unauthenticated):
        await service.authenticate(tokens.access_token, RESOURCE)
    assert (await service.authenticate(others.access_token, RESOURCE)).role is Role.AGENT
