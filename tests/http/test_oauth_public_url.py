"""BULWARK_PUBLIC_URL: behind a proxy that passes on its own Host, the OAuth issuer, the resource
`/mcp`, the discovery documents and the 401's `resource_metadata` name the public URL, and a token
issued for it is accepted; unset, they are the request's own origin, as before."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from application.oauth.service import Issued, OAuthService
from tests.http.harness import Harness, User, open_harness
from tests.http.harness import test_settings as settings_with

pytestmark = pytest.mark.serves("oauth", "mcp")

PUBLIC = "https://bulwark.example.com"
INTERNAL = {"Host": "bulwark-api.internal:8000"}  # what the proxy passes on
CALLBACK = "http://localhost:3030/callback"


async def documents(client: AsyncTestClient[Litestar]) -> dict[str, Any]:
    server = await client.get("/.well-known/oauth-authorization-server", headers=INTERNAL)
    resource = await client.get("/.well-known/oauth-protected-resource/mcp", headers=INTERNAL)
    refused = await client.post("/mcp", json={}, headers=INTERNAL)
    return {
        "issuer": server.json()["issuer"],
        "token_endpoint": server.json()["token_endpoint"],
        "resource": resource.json()["resource"],
        "authorization_servers": resource.json()["authorization_servers"],
        "challenge": refused.headers["www-authenticate"],
    }


async def test_the_public_url_names_the_issuer_the_resource_and_the_metadata() -> None:
    # Arrange
    _, client = await open_harness(settings_with(public_url=PUBLIC + "/"))
    async with client:
        # Act
        named = await documents(client)

    # Assert
    assert named == {
        "issuer": PUBLIC,
        "token_endpoint": f"{PUBLIC}/oauth/token",
        "resource": f"{PUBLIC}/mcp",
        "authorization_servers": [PUBLIC],
        "challenge": (
            f'Bearer resource_metadata="{PUBLIC}/.well-known/oauth-protected-resource/mcp"'
        ),
    }


async def test_without_a_public_url_the_requests_own_origin_is_named() -> None:
    # Arrange
    _, client = await open_harness(settings_with())
    async with client:
        # Act
        named = await documents(client)

    # Assert
    internal = "http://bulwark-api.internal:8000"
    assert named["issuer"] == internal
    assert named["resource"] == f"{internal}/mcp"
    assert named["challenge"] == (
        f'Bearer resource_metadata="{internal}/.well-known/oauth-protected-resource/mcp"'
    )


async def authorize(client: AsyncTestClient[Litestar], client_id: str, resource: str) -> str:
    """Where /oauth/authorize sends the browser (reached through the proxy)."""
    params = {
        "response_type": "code", "client_id": client_id, "redirect_uri": CALLBACK,
        "code_challenge": "c" * 43, "code_challenge_method": "S256", "state": "s",
        "resource": resource,
    }  # fmt: skip
    answer = await client.get(
        f"/oauth/authorize?{urlencode(params)}", headers=INTERNAL, follow_redirects=False
    )
    assert answer.status_code == 302, answer.text
    location: str = answer.headers["location"]
    return location


async def test_authorize_takes_the_public_resource_and_sends_the_person_to_its_console() -> None:
    # Arrange
    _, client = await open_harness(settings_with(public_url=PUBLIC))
    async with client:
        registered = await client.post(
            "/oauth/register", json={"redirect_uris": [CALLBACK]}, headers=INTERNAL
        )
        client_id = registered.json()["client_id"]

        # Act
        public = await authorize(client, client_id, f"{PUBLIC}/mcp")
        internal = await authorize(client, client_id, "http://bulwark-api.internal:8000/mcp")

    # Assert
    assert public.startswith(f"{PUBLIC}/console/oauth/consent/")
    assert parse_qs(urlsplit(internal).query)["error"] == ["invalid_target"]


async def tokens_for(h: Harness, owner: User, account: str, resource: str) -> Issued:
    """A grant of the owner's for `resource`, through the use cases the endpoints call."""
    service: OAuthService = h.bundle("oauth").service
    client = await service.register(
        client_id=f"c-{resource}", secret=None, name="Assistant", redirect_uris=[CALLBACK],
        auth_method="none", document={},
    )  # fmt: skip
    request_id = await service.begin(
        client, redirect_uri=CALLBACK, redirect_uri_explicit=True, code_challenge="c" * 43,
        state=None, scopes=["read"], resource=None, served_resource=resource,
    )  # fmt: skip
    answer = await service.approve(owner.principal, request_id, [account], ["read"])
    return await service.exchange_code(client.client_id, answer.params["code"])


async def test_a_token_for_the_public_resource_passes_whatever_host_the_proxy_sends() -> None:
    # Arrange
    h, client = await open_harness(settings_with(public_url=PUBLIC))
    async with client:
        owner = await h.user()
        account = await h.account(owner, "acct-1")
        public = await tokens_for(h, owner, account, f"{PUBLIC}/mcp")
        internal = await tokens_for(h, owner, account, "http://bulwark-api.internal:8000/mcp")

        # Act
        answers = [
            await client.get(
                "/api/v1/auth/scopes",
                headers={**host, "Authorization": f"Bearer {tokens.access_token}"},
            )
            for tokens, host in (
                (public, INTERNAL),
                (public, {"Host": "bulwark.example.com"}),
                (internal, INTERNAL),
            )
        ]

    # Assert: the audience is the public resource; the internal name is no audience of its own
    assert [a.status_code for a in answers] == [200, 200, 401]
