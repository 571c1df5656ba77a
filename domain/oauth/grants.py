"""A client's request for consent, a person's grant, and the codes and tokens of a grant."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.errors import DomainError
from domain.identity.permissions import Permission
from domain.oauth.tokens import digest_matches


class ClientKind(StrEnum):
    REGISTERED = "registered"  # dynamic client registration (RFC 7591)
    METADATA_DOCUMENT = "metadata_document"  # a client ID metadata document (an https URL)


@dataclass(frozen=True, slots=True)
class OAuthClient:
    """A program that asks people for access: its redirect URIs, and the digest of its secret
    when it has one (a public client has none and relies on PKCE)."""

    client_id: str
    name: str
    redirect_uris: tuple[str, ...]
    auth_method: str  # none, client_secret_post or client_secret_basic
    created_at: datetime
    secret_digest: str | None = None
    kind: ClientKind = ClientKind.REGISTERED
    # The client's registration as it was given (RFC 7591's fields), echoed back as OAuth wants.
    document: dict[str, object] = field(default_factory=dict)

    def secret_matches(self, secret: str | None) -> bool:
        """A public client needs no secret; a confidential one its own."""
        if self.secret_digest is None:
            return True
        return secret is not None and digest_matches(secret, self.secret_digest)

    @property
    def label(self) -> str:
        return self.name or self.client_id


@dataclass(frozen=True, slots=True)
class ConsentRequest:
    """An authorization request waiting for the person's answer on the consent page."""

    id: str
    client_id: str
    redirect_uri: str
    redirect_uri_explicit: bool
    code_challenge: str
    state: str | None
    scopes: frozenset[Permission]
    resource: str
    expires_at: datetime

    def is_expired(self, now: datetime) -> bool:
        return now >= self.expires_at


class GrantRevoked(DomainError):
    code = "GRANT_REVOKED"


@dataclass(slots=True)
class Grant:
    """A person's consent to a client, acting as one of the person's agents with some scopes,
    for one resource; revoking it ends every code and token issued under it."""

    id: str
    owner_id: str
    client_id: str
    agent_id: str
    scopes: frozenset[Permission]
    resource: str
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def revoke(self, now: datetime) -> bool:
        """Revoke once; False when it already was."""
        if self.revoked_at is not None:
            return False
        self.revoked_at = now
        return True


class TokenKind(StrEnum):
    CODE = "code"
    ACCESS = "access"
    REFRESH = "refresh"


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A code, access token or refresh token of a grant, by the digest of its value.

    A code and a refresh token are used once: `used_at` set by the exchange. A second use of
    either is a replay, and ends the grant (RFC 6749 §4.1.2, OAuth 2.1's refresh rotation).
    """

    digest: str
    kind: TokenKind
    grant_id: str
    client_id: str
    scopes: frozenset[Permission]
    resource: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    # A code's PKCE challenge (S256) and redirect URI, checked at the exchange.
    code_challenge: str = ""
    redirect_uri: str = ""
    redirect_uri_explicit: bool = False

    def is_expired(self, now: datetime) -> bool:
        return now >= self.expires_at

    @property
    def is_used(self) -> bool:
        return self.used_at is not None

    def usable(self, now: datetime) -> bool:
        """Neither used nor expired (whether its grant stands is the grant's to say)."""
        return not self.is_used and not self.is_expired(now)


def narrowed(asked: frozenset[Permission], chosen: frozenset[Permission]) -> frozenset[Permission]:
    """The scopes a person grants: those chosen among those asked, never more."""
    return asked & chosen
