"""CORS of the OAuth endpoints: a browser-based MCP client on another origin reads the discovery
documents and calls token, register and revoke; /oauth/authorize and the consent page (they are
navigations) and the rest of the API answer no CORS of theirs."""

from __future__ import annotations

import pytest

from tests.http.harness import open_harness
from tests.http.harness import test_settings as settings_with

pytestmark = pytest.mark.serves("mcp", "oauth")

INSPECTOR = "http://localhost:6274"  # an MCP inspector, served from another origin
ASKED_HEADERS = "authorization, content-type, mcp-protocol-version"
DOCUMENTS = (
    "/.well-known/oauth-authorization-server",
    "/.well-known/oauth-protected-resource",
    "/.well-known/oauth-protected-resource/mcp",
)
ENDPOINTS = ("/oauth/token", "/oauth/register", "/oauth/revoke")


def preflight(method: str, origin: str = INSPECTOR) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": ASKED_HEADERS,
    }


def cors_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower().startswith("access-control-")}


@pytest.mark.parametrize(
    ("path", "method"),
    [*((p, "GET") for p in DOCUMENTS), *((p, "POST") for p in ENDPOINTS)],
)
async def test_a_preflight_to_an_oauth_endpoint_is_allowed_from_any_origin(
    path: str, method: str
) -> None:
    # Arrange
    _, client = await open_harness(settings_with())
    async with client:
        # Act
        answer = await client.options(path, headers=preflight(method))

    # Assert
    assert answer.status_code == 204
    assert answer.headers["access-control-allow-origin"] == "*"
    assert answer.headers["access-control-allow-methods"] == f"{method}, OPTIONS"
    allowed = {h.strip().lower() for h in answer.headers["access-control-allow-headers"].split(",")}
    assert allowed == {"authorization", "content-type", "mcp-protocol-version"}
    assert "access-control-allow-credentials" not in answer.headers


async def test_the_discovery_documents_are_readable_cross_origin() -> None:
    # Arrange
    _, client = await open_harness(settings_with())
    async with client:
        # Act
        answers = [await client.get(path, headers={"Origin": INSPECTOR}) for path in DOCUMENTS]

    # Assert
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert [a.headers["access-control-allow-origin"] for a in answers] == ["*", "*", "*"]


async def test_register_token_and_revoke_answer_cross_origin_errors_included() -> None:
    # Arrange
    _, client = await open_harness(settings_with())
    origin = {"Origin": INSPECTOR}
    async with client:
        # Act
        registered = await client.post(
            "/oauth/register",
            json={"redirect_uris": [f"{INSPECTOR}/oauth/callback"], "client_name": "Inspector"},
            headers=origin,
        )
        known = {k: registered.json()[k] for k in ("client_id", "client_secret")}
        token = await client.post(
            "/oauth/token",
            data={**known, "grant_type": "authorization_code", "code": "bwc_x",
                  "redirect_uri": f"{INSPECTOR}/oauth/callback", "code_verifier": "v" * 50},
            headers=origin,
        )  # fmt: skip
        revoked = await client.post(
            "/oauth/revoke", data={**known, "token": "bwo_x"}, headers=origin
        )

    # Assert: the browser may read each answer, the refusal of a bad code as much as the rest
    assert registered.status_code == 201, registered.text
    assert token.status_code == 400 and token.json()["error"] == "invalid_grant"
    assert revoked.status_code == 200, revoked.text
    answers = (registered, token, revoked)
    assert [a.headers["access-control-allow-origin"] for a in answers] == ["*", "*", "*"]


async def test_authorize_and_the_rest_of_the_app_answer_no_cors() -> None:
    # Arrange
    _, client = await open_harness(settings_with())
    origin = {"Origin": INSPECTOR}
    async with client:
        # Act
        authorize = await client.get("/oauth/authorize?client_id=unknown", headers=origin)
        authorize_preflight = await client.options("/oauth/authorize", headers=preflight("GET"))
        api = await client.get("/api/status", headers=origin)
        api_preflight = await client.options("/api/v1/auth/login", headers=preflight("POST"))

    # Assert
    for answer in (authorize, authorize_preflight, api, api_preflight):
        assert cors_headers(dict(answer.headers)) == {}, answer.request.url


async def test_the_operators_own_cors_policy_stands_beside_oauths() -> None:
    # Arrange: the operator lets its web app call the API; the consent page is the console's
    app = "https://app.example.com"
    served = "health,core,identity,oauth,console"
    _, client = await open_harness(settings_with(cors_origins=app, served_contexts=served))
    async with client:
        # Act
        token_from_anywhere = await client.options("/oauth/token", headers=preflight("POST"))
        token_from_the_app = await client.post(
            "/oauth/token", data={"grant_type": "refresh_token"}, headers={"Origin": app}
        )
        authorize_from_the_app = await client.get(
            "/oauth/authorize?client_id=unknown", headers={"Origin": app}
        )
        consent_from_the_app = await client.options(
            "/console/oauth/consent/some-request", headers=preflight("POST", app)
        )
        api_from_the_app = await client.get("/api/status", headers={"Origin": app})
        api_from_elsewhere = await client.options(
            "/api/v1/auth/login", headers=preflight("POST", INSPECTOR)
        )

    # Assert: OAuth's own on its endpoints, none on the navigations, the operator's elsewhere
    assert token_from_anywhere.status_code == 204
    assert token_from_anywhere.headers["access-control-allow-origin"] == "*"
    assert cors_headers(dict(token_from_the_app.headers)) == {"access-control-allow-origin": "*"}
    assert cors_headers(dict(authorize_from_the_app.headers)) == {}
    assert cors_headers(dict(consent_from_the_app.headers)) == {}
    assert api_from_the_app.headers["access-control-allow-origin"] == app
    assert "access-control-allow-origin" not in api_from_elsewhere.headers


async def test_a_browser_client_on_another_origin_calls_mcp_and_reads_its_challenge() -> None:
    # Arrange
    _, client = await open_harness(settings_with())
    async with client:
        # Act
        allowed = await client.options("/mcp", headers=preflight("POST"))
        refused = await client.post("/mcp", json={}, headers={"Origin": INSPECTOR})

    # Assert: the preflight admits the MCP headers; the 401's challenge is readable
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-methods"] == "GET, POST, DELETE, OPTIONS"
    asked = {h.strip().lower() for h in allowed.headers["access-control-allow-headers"].split(",")}
    assert {"x-api-key", "mcp-session-id", "mcp-name", "last-event-id"} <= asked
    assert refused.status_code == 401
    assert refused.headers["access-control-allow-origin"] == "*"
    exposed = {
        h.strip().lower() for h in refused.headers["access-control-expose-headers"].split(",")
    }
    assert exposed == {"www-authenticate", "mcp-session-id"}
    assert "resource_metadata" in refused.headers["www-authenticate"]
