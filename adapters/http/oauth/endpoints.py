"""The OAuth endpoints, served by the MCP SDK's own handlers (mcp.server.auth.handlers) over
BulwarkProvider: discovery (RFC 9728, RFC 8414), authorize, token, register (RFC 7591) and
revoke (RFC 7009). They answer OAuth's own JSON, as the RFCs require, never problem+json.

Bulwark's URLs are its public URL (BULWARK_PUBLIC_URL) when one is set, else read from each
request (its scheme and Host, as the proxy in front passes them on): the issuer is that origin,
the protected resource its `/mcp` (adapters/http/security.py: public_origin). Browsers may
call all but `authorize` cross-origin (cors.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar import asgi
from litestar.types import ControllerRouterHandler, Receive, Scope, Send
from mcp.server.auth.handlers.authorize import AuthorizationHandler
from mcp.server.auth.handlers.metadata import MetadataHandler, ProtectedResourceMetadataHandler
from mcp.server.auth.handlers.register import RegistrationHandler
from mcp.server.auth.handlers.revoke import RevocationHandler
from mcp.server.auth.handlers.token import TokenHandler
from mcp.server.auth.settings import ClientRegistrationOptions
from mcp.server.transport_security import DEFAULT_MAX_REQUEST_BODY_SIZE, RequestBodyLimitMiddleware
from mcp.shared.auth import OAuthMetadata, ProtectedResourceMetadata
from starlette.requests import Request
from starlette.responses import Response

from adapters.http.oauth.provider import BulwarkProvider, DigestClientAuthenticator
from adapters.http.security import public_origin
from application.oauth.service import OAuthService, default_scopes
from ports.core.clock import Clock

AUTHORIZE_PATH = "/oauth/authorize"
TOKEN_PATH = "/oauth/token"
REGISTER_PATH = "/oauth/register"
REVOKE_PATH = "/oauth/revoke"
AS_METADATA_PATH = "/.well-known/oauth-authorization-server"
RESOURCE_METADATA_PATHS = (
    "/.well-known/oauth-protected-resource",
    "/.well-known/oauth-protected-resource/mcp",
)
_NO_STORE = {"Cache-Control": "no-store"}
_SECRET_METHODS = ["client_secret_post", "client_secret_basic"]

Handle = Callable[[Request, BulwarkProvider], Awaitable[Response]]


def authorization_server_metadata(origin: str) -> OAuthMetadata:
    """RFC 8414: where to authorize, get tokens, register and revoke; PKCE S256 only."""
    # Given as text, so the models keep the issuer as it is (no trailing slash added).
    return OAuthMetadata.model_validate(
        {
            "issuer": origin,
            "authorization_endpoint": origin + AUTHORIZE_PATH,
            "token_endpoint": origin + TOKEN_PATH,
            "registration_endpoint": origin + REGISTER_PATH,
            "revocation_endpoint": origin + REVOKE_PATH,
            "revocation_endpoint_auth_methods_supported": _SECRET_METHODS,
            "scopes_supported": default_scopes(),
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "token_endpoint_auth_methods_supported": ["none", *_SECRET_METHODS],
            "code_challenge_methods_supported": ["S256"],
            "client_id_metadata_document_supported": True,
        }
    )


def protected_resource_metadata(origin: str) -> ProtectedResourceMetadata:
    """RFC 9728: the MCP endpoint, the server that authorizes it, and its scopes."""
    return ProtectedResourceMetadata.model_validate(
        {
            "resource": f"{origin}/mcp",
            "authorization_servers": [origin],
            "scopes_supported": default_scopes(),
            "resource_name": "Bulwark",
        }
    )


def resource_metadata_url(origin: str) -> str:
    return f"{origin}{RESOURCE_METADATA_PATHS[1]}"


_REGISTRATION = ClientRegistrationOptions(
    enabled=True, valid_scopes=default_scopes(), default_scopes=default_scopes()
)


async def _authorize(request: Request, provider: BulwarkProvider) -> Response:
    return await AuthorizationHandler(provider).handle(request)


def _token(service: OAuthService) -> Handle:
    async def handle(request: Request, provider: BulwarkProvider) -> Response:
        authenticator = DigestClientAuthenticator(provider, service)
        handler = TokenHandler(provider, authenticator)
        response: Response = await handler.handle(request)
        return response

    return handle


def _revoke(service: OAuthService) -> Handle:
    async def handle(request: Request, provider: BulwarkProvider) -> Response:
        authenticator = DigestClientAuthenticator(provider, service)
        return await RevocationHandler(provider, authenticator).handle(request)

    return handle


async def _register(request: Request, provider: BulwarkProvider) -> Response:
    return await RegistrationHandler(provider, _REGISTRATION).handle(request)


async def _as_metadata(request: Request, provider: BulwarkProvider) -> Response:
    origin = public_origin(request.scope)
    return await MetadataHandler(authorization_server_metadata(origin)).handle(request)


async def _resource_metadata(request: Request, provider: BulwarkProvider) -> Response:
    origin = public_origin(request.scope)
    handler = ProtectedResourceMetadataHandler(protected_resource_metadata(origin))
    return await handler.handle(request)


def controllers(service: OAuthService, clock: Clock) -> list[ControllerRouterHandler]:
    """The OAuth endpoints as ASGI handlers of the app (outside the OpenAPI document)."""

    def endpoint(path: str, handle: Handle, name: str) -> ControllerRouterHandler:
        # Starlette's ASGI types, which Litestar's spell otherwise.
        async def app(scope: Any, receive: Any, send: Any) -> None:
            provider = BulwarkProvider(service, clock, public_origin(scope))
            request = Request(scope, receive)
            response = await handle(request, provider)
            if response.status_code >= 400:
                response.headers.update(_NO_STORE)
            await response(scope, receive, send)

        limited: Any = RequestBodyLimitMiddleware(app, DEFAULT_MAX_REQUEST_BODY_SIZE)

        @asgi(path, name=name, copy_scope=False, include_in_schema=False)
        async def handler(scope: Scope, receive: Receive, send: Send) -> None:
            await limited(scope, receive, send)

        return handler

    return [
        endpoint(AS_METADATA_PATH, _as_metadata, "oauth-as-metadata"),
        *(
            endpoint(path, _resource_metadata, f"oauth-resource-metadata-{i}")
            for i, path in enumerate(RESOURCE_METADATA_PATHS)
        ),
        endpoint(AUTHORIZE_PATH, _authorize, "oauth-authorize"),
        endpoint(TOKEN_PATH, _token(service), "oauth-token"),
        endpoint(REGISTER_PATH, _register, "oauth-register"),
        endpoint(REVOKE_PATH, _revoke(service), "oauth-revoke"),
    ]
