"""Where OAuth keeps its clients, consent requests, grants and tokens (by digest)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from domain.oauth.grants import ConsentRequest, Grant, IssuedToken, OAuthClient


class OAuthStore(Protocol):
    """Clients, consent requests, grants and tokens. A token is found by the digest of its
    value only: the store never holds a raw token, code or secret."""

    async def add_client(self, client: OAuthClient) -> None:
        """Register a client (ValueError when its id is taken)."""

    async def get_client(self, client_id: str) -> OAuthClient | None: ...

    async def add_request(self, request: ConsentRequest) -> None: ...

    async def get_request(self, request_id: str) -> ConsentRequest | None: ...

    async def take_request(self, request_id: str) -> ConsentRequest | None:
        """The request, removed: one answer per request (None when already answered)."""

    async def add_grant(self, grant: Grant) -> None: ...

    async def get_grant(self, grant_id: str) -> Grant | None: ...

    async def save_grant(self, grant: Grant) -> None:
        """Store the grant's revocation (KeyError when unknown)."""

    async def grants_of(self, owner_id: str) -> Sequence[Grant]:
        """The owner's grants, oldest first."""

    async def add_token(self, token: IssuedToken) -> None: ...

    async def get_token(self, digest: str) -> IssuedToken | None: ...

    async def use_token(self, digest: str, now: datetime) -> bool:
        """Mark a code or refresh token used, atomically: True for the one caller that did,
        False when it was already used (a replay) or is unknown."""

    async def purge_expired(self, now: datetime) -> int:
        """Delete the consent requests, codes, access and refresh tokens expired by `now`
        (`expires_at <= now`: used or not, of a standing or a revoked grant); how many rows
        went. Clients and grants stay (a person's grants are their history)."""
