"""MCP authorization: an assistant adds Bulwark as a remote MCP server with the SDK's own OAuth
client (discovery, registration, the person's consent in the console, PKCE, tokens bound to
/mcp), and every way a token must stop working."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import httpx2
from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import OAuthClientMetadata
from pydantic import AnyUrl

from tests.kit.fake_server import HttpRequest, threaded_http
from tests.kit.served import Served
from tests.mcp.desk import Desk
from tests.mcp.oauth_browser import CALLBACK, Browser, MemoryTokens

WRITES = {"place_order", "cancel_order", "halt_trading"}


@asynccontextmanager
async def bearer_session(api: str, token: str) -> AsyncIterator[ClientSession]:
    async with (
        httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30) as http,
        streamable_http_client(f"{api}/mcp", http_client=http) as (read, write),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        yield session


@dataclass
class Granted:
    client_id: str
    client_secret: str
    access_token: str
    refresh_token: str
    scope: str


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


async def register(http: httpx.AsyncClient, api: str) -> dict[str, Any]:
    answer = await http.post(
        f"{api}/oauth/register",
        json={
            "redirect_uris": [CALLBACK],
            "client_name": "Raw client",
            "token_endpoint_auth_method": "client_secret_post",
        },
    )
    assert answer.status_code == 201, answer.text
    client: dict[str, Any] = answer.json()
    return client


def authorize_url(api: str, client_id: str, verifier: str, **extra: str) -> str:
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": CALLBACK,
        "code_challenge": _challenge(verifier),
        "code_challenge_method": "S256",
        "state": "the-state",
        "resource": f"{api}/mcp",
        **extra,
    }
    return f"{api}/oauth/authorize?{urlencode(params)}"


async def token_request(
    http: httpx.AsyncClient, api: str, client: dict[str, Any], **form: str
) -> httpx.Response:
    data = {"client_id": client["client_id"], "client_secret": client["client_secret"], **form}
    return await http.post(f"{api}/oauth/token", data=data)


async def granted(api: str, browser: Browser) -> Granted:
    """A client registered, the person's consent through `browser`, the code exchanged."""
    async with httpx.AsyncClient(timeout=30) as http:
        client = await register(http, api)
        verifier = secrets.token_urlsafe(48)
        landed = await browser.open(authorize_url(api, client["client_id"], verifier))
        code = parse_qs(urlsplit(landed).query)["code"][0]
        answer = await token_request(
            http, api, client, grant_type="authorization_code", code=code,
            redirect_uri=CALLBACK, code_verifier=verifier,
        )  # fmt: skip
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return Granted(
        client["client_id"], client["client_secret"], body["access_token"],
        body["refresh_token"], body["scope"],
    )  # fmt: skip


async def test_an_assistant_adds_bulwark_and_trades_within_the_scopes_it_was_granted(
    served: Served, desk: Desk
) -> None:
    # Arrange: the SDK's client, which knows nothing but the MCP URL; the person keeps read
    # and trade and leaves halt unticked
    browser = Browser(served.api, scopes=["read", "trade"])
    storage = MemoryTokens()
    auth = OAuthClientProvider(
        server_url=f"{served.api}/mcp",
        client_metadata=OAuthClientMetadata(
            client_name="Test assistant",
            redirect_uris=[AnyUrl(CALLBACK)],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
        ),
        storage=storage,
        redirect_handler=browser.redirect_handler,
        callback_handler=browser.callback_handler,
    )

    # Act
    try:
        async with (
            httpx2.AsyncClient(auth=auth, timeout=30) as http,
            streamable_http_client(f"{served.api}/mcp", http_client=http) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            listed = {tool.name for tool in (await session.list_tools()).tools}
            placed = await session.call_tool(
                "place_order", {"symbol": "AAPL", "side": "buy", "quantity": "1"}
            )
    finally:
        await browser.close()

    # Assert: the page named the client and the scopes; the token is opaque, bound to /mcp
    assert "Test assistant" in browser.page and "oauth-" in browser.page
    assert storage.tokens is not None and storage.tokens.access_token.startswith("bwo_")
    assert storage.tokens.scope == "read trade"
    assert {"place_order", "cancel_order", "list_orders"} <= listed
    assert "halt_trading" not in listed
    assert not placed.is_error, placed.content
    assert placed.structured_content is not None
    assert placed.structured_content["decision"] == "approved"


async def test_mcp_without_credentials_names_its_resource_metadata(served: Served) -> None:
    # Act
    async with httpx.AsyncClient(timeout=30) as http:
        refused = await http.post(f"{served.api}/mcp", json={})
        resource = await http.get(f"{served.api}/.well-known/oauth-protected-resource/mcp")
        server = await http.get(f"{served.api}/.well-known/oauth-authorization-server")

    # Assert
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == (
        f'Bearer resource_metadata="{served.api}/.well-known/oauth-protected-resource/mcp"'
    )
    assert resource.json()["resource"] == f"{served.api}/mcp"
    assert resource.json()["authorization_servers"] == [served.api]
    metadata = server.json()
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert metadata["token_endpoint"] == f"{served.api}/oauth/token"
    assert metadata["client_id_metadata_document_supported"] is True


async def test_a_token_without_trade_is_refused_a_tool_that_trades(served: Served) -> None:
    # Arrange
    browser = Browser(served.api, scopes=["read"])
    try:
        grant = await granted(served.api, browser)
    finally:
        await browser.close()

    # Act
    async with bearer_session(served.api, grant.access_token) as session:
        listed = {tool.name for tool in (await session.list_tools()).tools}
        placed = await session.call_tool(
            "place_order", {"symbol": "AAPL", "side": "buy", "quantity": "1"}
        )

    # Assert
    assert grant.scope == "read"
    assert listed and not listed & WRITES
    assert placed.is_error
    assert placed.structured_content is not None
    assert placed.structured_content["error"]["code"] == "INSUFFICIENT_SCOPE"


async def test_a_token_is_refused_for_another_resource(served: Served) -> None:
    # Arrange
    browser = Browser(served.api)
    try:
        grant = await granted(served.api, browser)
        async with httpx.AsyncClient(timeout=30) as http:
            client = await register(http, served.api)
            landed = await browser.open(
                authorize_url(
                    served.api, client["client_id"], "v" * 50,
                    resource="https://elsewhere.example/mcp",
                )
            )  # fmt: skip

            # Act: the same token at this server under another name (another audience)
            here = await http.get(
                f"{served.api}/api/v1/auth/scopes",
                headers={"Authorization": f"Bearer {grant.access_token}"},
            )
            elsewhere = await http.post(
                f"{served.api}/mcp",
                json={},
                headers={
                    "Authorization": f"Bearer {grant.access_token}",
                    "Host": "elsewhere.example",
                },
            )
    finally:
        await browser.close()

    # Assert
    assert here.status_code == 200, here.text
    assert elsewhere.status_code == 401
    assert parse_qs(urlsplit(landed).query)["error"] == ["invalid_target"]


async def test_a_rotated_refresh_token_used_again_revokes_the_grant(served: Served) -> None:
    # Arrange
    browser = Browser(served.api)
    try:
        grant = await granted(served.api, browser)
    finally:
        await browser.close()
    client = {"client_id": grant.client_id, "client_secret": grant.client_secret}

    async with httpx.AsyncClient(timeout=30) as http:
        # Act
        rotated = await token_request(
            http, served.api, client, grant_type="refresh_token", refresh_token=grant.refresh_token
        )
        replayed = await token_request(
            http, served.api, client, grant_type="refresh_token", refresh_token=grant.refresh_token
        )
        newest = await token_request(
            http, served.api, client, grant_type="refresh_token",
            refresh_token=rotated.json()["refresh_token"],
        )  # fmt: skip
        used = await http.get(
            f"{served.api}/api/v1/auth/scopes",
            headers={"Authorization": f"Bearer {rotated.json()['access_token']}"},
        )

    # Assert
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["refresh_token"] != grant.refresh_token
    assert replayed.status_code == 400 and replayed.json()["error"] == "invalid_grant"
    assert newest.status_code == 400 and newest.json()["error"] == "invalid_grant"
    assert used.status_code == 401


async def test_a_revoked_grant_ends_its_tokens_and_another_person_cannot_revoke_it(
    served: Served, desk: Desk
) -> None:
    # Arrange
    browser = Browser(served.api)
    try:
        grant = await granted(served.api, browser)
    finally:
        await browser.close()
    grants = desk.client.get("/oauth/grants").json()["grants"]
    grant_id = grants[-1]["id"]

    # Act
    with desk._another_owner() as other:
        theirs = other.delete(f"/oauth/grants/{grant_id}")
        their_list = other.get("/oauth/grants").json()["grants"]
    revoked = desk.client.delete(f"/oauth/grants/{grant_id}")
    async with httpx.AsyncClient(timeout=30) as http:
        after = await http.post(
            f"{served.api}/mcp", json={}, headers={"Authorization": f"Bearer {grant.access_token}"}
        )

    # Assert
    assert theirs.status_code == 404
    assert their_list == []
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    assert after.status_code == 401


async def test_revocation_by_the_client_ends_the_grant(served: Served) -> None:
    # Arrange
    browser = Browser(served.api)
    try:
        grant = await granted(served.api, browser)
    finally:
        await browser.close()

    # Act
    async with httpx.AsyncClient(timeout=30) as http:
        answer = await http.post(
            f"{served.api}/oauth/revoke",
            data={
                "token": grant.access_token,
                "client_id": grant.client_id,
                "client_secret": grant.client_secret,
            },
        )
        after = await http.get(
            f"{served.api}/api/v1/auth/scopes",
            headers={"Authorization": f"Bearer {grant.access_token}"},
        )

    # Assert
    assert answer.status_code == 200
    assert after.status_code == 401


async def test_a_verifier_that_does_not_match_gets_no_token(served: Served) -> None:
    # Arrange
    browser = Browser(served.api)
    try:
        async with httpx.AsyncClient(timeout=30) as http:
            client = await register(http, served.api)
            landed = await browser.open(authorize_url(served.api, client["client_id"], "a" * 50))
            code = parse_qs(urlsplit(landed).query)["code"][0]

            # Act
            answer = await token_request(
                http, served.api, client, grant_type="authorization_code", code=code,
                redirect_uri=CALLBACK, code_verifier="b" * 50,
            )  # fmt: skip
    finally:
        await browser.close()

    # Assert
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"


async def test_an_unregistered_redirect_uri_is_never_redirected_to(served: Served) -> None:
    # Arrange
    async with httpx.AsyncClient(timeout=30) as http:
        client = await register(http, served.api)
        url = authorize_url(
            served.api, client["client_id"], "a" * 50, redirect_uri="https://evil.example/cb"
        )

        # Act
        answer = await http.get(url)

    # Assert
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_request"
    assert "location" not in answer.headers


async def test_a_denied_consent_sends_the_client_access_denied(served: Served) -> None:
    # Arrange
    browser = Browser(served.api, decision="deny")
    try:
        async with httpx.AsyncClient(timeout=30) as http:
            client = await register(http, served.api)

        # Act
        landed = await browser.open(authorize_url(served.api, client["client_id"], "a" * 50))
    finally:
        await browser.close()

    # Assert
    query = parse_qs(urlsplit(landed).query)
    assert query["error"] == ["access_denied"]
    assert query["state"] == ["the-state"]
    assert "code" not in query


def metadata_document(redirect_uris: list[str]) -> Any:
    """An answer serving a client ID metadata document whose client_id is its own URL."""

    def answer(request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        host = request.header("Host") or ""
        document = {
            "client_id": f"http://{host}{request.path}",
            "client_name": "Documented assistant",
            "redirect_uris": redirect_uris,
            "grant_types": ["authorization_code", "refresh_token"],
            "response_types": ["code"],
            "token_endpoint_auth_method": "none",
        }
        return 200, json.dumps(document).encode(), {}

    return answer


async def test_a_client_known_by_its_metadata_document_is_granted_a_token(
    served: Served,
) -> None:
    # Arrange: the client's id is the URL of its metadata document (no registration)
    browser = Browser(served.api)
    verifier = secrets.token_urlsafe(48)
    try:
        with threaded_http(metadata_document([CALLBACK])) as base:
            client_id = f"{base}/client.json"
            landed = await browser.open(authorize_url(served.api, client_id, verifier))
            code = parse_qs(urlsplit(landed).query)["code"][0]
            async with httpx.AsyncClient(timeout=30) as http:
                # Act
                answer = await http.post(
                    f"{served.api}/oauth/token",
                    data={
                        "grant_type": "authorization_code", "client_id": client_id,
                        "code": code, "redirect_uri": CALLBACK, "code_verifier": verifier,
                    },
                )  # fmt: skip
    finally:
        await browser.close()

    # Assert: the consent named the document's client, and the code became a token
    assert "Documented assistant" in browser.page
    assert answer.status_code == 200, answer.text
    assert answer.json()["access_token"].startswith("bwo_")


async def test_a_redirect_uri_the_document_does_not_list_is_never_redirected_to(
    served: Served,
) -> None:
    # Arrange
    with threaded_http(metadata_document(["http://localhost:9/elsewhere"])) as base:
        async with httpx.AsyncClient(timeout=30) as http:
            # Act
            answer = await http.get(authorize_url(served.api, f"{base}/client.json", "a" * 50))

    # Assert
    assert answer.status_code == 400
    assert "location" not in answer.headers
