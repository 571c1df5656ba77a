"""The MCP SDK's authorization-server provider (mcp.server.auth.provider) over OAuthService:
the SDK's handlers parse and check the requests (PKCE S256, redirect URIs, scopes, grant
types) and answer in OAuth's own JSON; this maps their calls to Bulwark's use cases.

The SDK compares expiry with the wall clock while Bulwark's use cases decide by their Clock:
a code or token reaches the SDK only while it is live, with the time it has left."""

from __future__ import annotations

import base64
import binascii
import time
from datetime import datetime
from typing import Any
from urllib.parse import unquote

from mcp.server.auth.middleware.client_auth import AuthenticationError, ClientAuthenticator
from mcp.server.auth.provider import (
    AccessToken,
    AuthorizationCode,
    AuthorizationParams,
    AuthorizeError,
    RefreshToken,
    RegistrationError,
    TokenError,
)
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken
from pydantic import AnyUrl
from starlette.requests import Request

from application.oauth.service import (
    InvalidGrant,
    InvalidScope,
    InvalidTarget,
    Issued,
    OAuthService,
    default_scopes,
    scope_names,
)
from domain.errors import DomainError
from domain.oauth.grants import IssuedToken, OAuthClient
from ports.core.clock import Clock

CONSENT_PATH = "/console/oauth/consent"
SCOPES_TEXT = " ".join(default_scopes())


def client_information(client: OAuthClient) -> OAuthClientInformationFull:
    """The SDK's record of a client, without its secret (checked by digest: see below)."""
    return OAuthClientInformationFull(
        client_id=client.client_id,
        client_name=client.name or None,
        redirect_uris=[AnyUrl(u) for u in client.redirect_uris],
        token_endpoint_auth_method=client.auth_method,
        scope=SCOPES_TEXT,
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
    )


class BulwarkProvider:
    """OAuthAuthorizationServerProvider for one request (`origin`: this server as the
    request reached it, where the consent page is)."""

    def __init__(self, service: OAuthService, clock: Clock, origin: str) -> None:
        self._service = service
        self._clock = clock
        self._origin = origin

    @property
    def resource(self) -> str:
        return f"{self._origin}/mcp"

    async def get_client(self, client_id: str) -> OAuthClientInformationFull | None:
        client = await self._service.client(client_id)
        return None if client is None else client_information(client)

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        uris = [str(u) for u in client_info.redirect_uris or []]
        if not uris:
            raise RegistrationError("invalid_redirect_uri", "redirect_uris is required")
        document = client_info.model_dump(mode="json", exclude_none=True)
        try:
            await self._service.register(
                client_id=client_info.client_id,
                secret=client_info.client_secret,
                name=client_info.client_name or "",
                redirect_uris=uris,
                auth_method=client_info.token_endpoint_auth_method or "client_secret_post",
                document=document,
            )
        except DomainError as exc:
            raise RegistrationError("invalid_client_metadata", exc.message) from None

    async def authorize(
        self, client: OAuthClientInformationFull, params: AuthorizationParams
    ) -> str:
        try:
            request_id = await self._service.begin(
                await self._known(client.client_id),
                redirect_uri=str(params.redirect_uri),
                redirect_uri_explicit=params.redirect_uri_provided_explicitly,
                code_challenge=params.code_challenge,
                state=params.state,
                scopes=params.scopes,
                resource=params.resource,
                served_resource=self.resource,
            )
        except InvalidTarget as exc:
            raise AuthorizeError("invalid_target", exc.message) from None
        except InvalidScope as exc:
            raise AuthorizeError("invalid_scope", exc.message) from None
        return f"{self._origin}{CONSENT_PATH}/{request_id}"

    async def load_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: str
    ) -> AuthorizationCode | None:
        code = await self._service.code(client.client_id, authorization_code)
        if code is None:
            return None
        return AuthorizationCode(
            code=authorization_code,
            scopes=scope_names(code.scopes),
            expires_at=self._wall(code.expires_at),
            client_id=code.client_id,
            code_challenge=code.code_challenge,
            redirect_uri=AnyUrl(code.redirect_uri),
            redirect_uri_provided_explicitly=code.redirect_uri_explicit,
            resource=code.resource,
        )

    async def exchange_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: AuthorizationCode
    ) -> OAuthToken:
        try:
            issued = await self._service.exchange_code(client.client_id, authorization_code.code)
        except InvalidGrant as exc:
            raise TokenError("invalid_grant", exc.message) from None
        return _token_response(issued)

    async def load_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: str
    ) -> RefreshToken | None:
        token = await self._service.refresh_token(client.client_id, refresh_token)
        if token is None:
            return None
        return RefreshToken(
            token=refresh_token,
            client_id=token.client_id,
            scopes=scope_names(token.scopes),
            expires_at=int(self._wall(token.expires_at)),
            resource=token.resource,
        )

    async def exchange_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: RefreshToken, scopes: list[str]
    ) -> OAuthToken:
        try:
            issued = await self._service.exchange_refresh(
                client.client_id, refresh_token.token, scopes or None
            )
        except InvalidGrant as exc:
            raise TokenError("invalid_grant", exc.message) from None
        except InvalidScope as exc:
            raise TokenError("invalid_scope", exc.message) from None
        return _token_response(issued)

    async def load_access_token(self, token: str) -> AccessToken | None:
        found = await self._service.access_token(token)
        return None if found is None else self._access(token, found)

    async def revoke_token(self, token: AccessToken | RefreshToken) -> None:
        await self._service.revoke(token.client_id, token.token)

    async def exchange_identity_assertion(self, client: Any, params: Any) -> OAuthToken:
        raise TokenError("unsupported_grant_type", "the JWT bearer grant is not supported")

    async def _known(self, client_id: str) -> OAuthClient:
        client = await self._service.client(client_id)
        if client is None:
            raise AuthorizeError("unauthorized_client", "unknown client")
        return client

    def _access(self, raw: str, token: IssuedToken) -> AccessToken:
        return AccessToken(
            token=raw,
            client_id=token.client_id,
            scopes=scope_names(token.scopes),
            expires_at=int(self._wall(token.expires_at)),
            resource=token.resource,
        )

    def _wall(self, at: datetime) -> float:
        """`at` on the wall clock the SDK compares with: now plus the time left by ours."""
        return time.time() + (at - self._clock.now()).total_seconds()


def _token_response(issued: Issued) -> OAuthToken:
    return OAuthToken(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        scope=" ".join(scope_names(issued.scopes)),
        refresh_token=issued.refresh_token,
    )


class DigestClientAuthenticator(ClientAuthenticator):
    """The SDK's client authentication, against the digest of the client's secret: the
    SDK's own compares a stored raw secret, which Bulwark never keeps."""

    def __init__(self, provider: BulwarkProvider, service: OAuthService) -> None:
        super().__init__(provider)
        self._service = service

    async def authenticate_request(self, request: Request) -> OAuthClientInformationFull:
        form = await request.form()
        client_id = form.get("client_id")
        if not isinstance(client_id, str) or not client_id:
            raise AuthenticationError("Missing client_id")
        client = await self._service.client(client_id)
        if client is None:
            raise AuthenticationError("Invalid client_id")
        secret: str | None = None
        if client.auth_method == "client_secret_basic":
            secret = _basic_secret(request.headers.get("authorization", ""), client_id)
        elif client.auth_method == "client_secret_post":
            posted = form.get("client_secret")
            secret = posted if isinstance(posted, str) else None
        if not client.secret_matches(secret):
            raise AuthenticationError("Invalid client credentials")
        return client_information(client)


def _basic_secret(header: str, client_id: str) -> str:
    if not header.startswith("Basic "):
        raise AuthenticationError("Missing or invalid Basic authentication")
    try:
        decoded = base64.b64decode(header[6:]).decode("utf-8")
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise AuthenticationError("Invalid Basic authentication header") from None
    given_id, sep, secret = decoded.partition(":")
    if not sep or unquote(given_id) != client_id:
        raise AuthenticationError("Client ID mismatch in Basic auth")
    return unquote(secret)
