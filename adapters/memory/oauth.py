"""OAuth's clients, consent requests, grants and token digests in dicts (embedded mode, tests)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.oauth.grants import ConsentRequest, Grant, IssuedToken, OAuthClient


class InMemoryOAuthStore:
    """An OAuthStore in dicts, gone with the process."""

    def __init__(self) -> None:
        self._clients: dict[str, OAuthClient] = {}
        self._requests: dict[str, ConsentRequest] = {}
        self._grants: dict[str, Grant] = {}
        self._tokens: dict[str, IssuedToken] = {}

    async def add_client(self, client: OAuthClient) -> None:
        if client.client_id in self._clients:
            raise ValueError(f"client {client.client_id} exists")
        self._clients[client.client_id] = client

    async def get_client(self, client_id: str) -> OAuthClient | None:
        return self._clients.get(client_id)

    async def add_request(self, request: ConsentRequest) -> None:
        self._requests[request.id] = request

    async def get_request(self, request_id: str) -> ConsentRequest | None:
        return self._requests.get(request_id)

    async def take_request(self, request_id: str) -> ConsentRequest | None:
        return self._requests.pop(request_id, None)

    async def add_grant(self, grant: Grant) -> None:
        if grant.id in self._grants:
            raise ValueError(f"grant {grant.id} exists")
        self._grants[grant.id] = replace(grant)

    async def get_grant(self, grant_id: str) -> Grant | None:
        grant = self._grants.get(grant_id)
        return None if grant is None else replace(grant)

    async def save_grant(self, grant: Grant) -> None:
        if grant.id not in self._grants:
            raise KeyError(grant.id)
        self._grants[grant.id] = replace(grant)

    async def grants_of(self, owner_id: str) -> Sequence[Grant]:
        owned = [replace(g) for g in self._grants.values() if g.owner_id == owner_id]
        return sorted(owned, key=lambda g: (g.created_at, g.id))

    async def add_token(self, token: IssuedToken) -> None:
        if token.digest in self._tokens:
            raise ValueError("token exists")
        self._tokens[token.digest] = token

    async def get_token(self, digest: str) -> IssuedToken | None:
        return self._tokens.get(digest)

    async def use_token(self, digest: str, now: datetime) -> bool:
        token = self._tokens.get(digest)
        if token is None or token.is_used:
            return False
        self._tokens[digest] = replace(token, used_at=now)
        return True

    async def purge_expired(self, now: datetime) -> int:
        requests = [k for k, r in self._requests.items() if r.is_expired(now)]
        tokens = [k for k, t in self._tokens.items() if t.is_expired(now)]
        for key in requests:
            del self._requests[key]
        for key in tokens:
            del self._tokens[key]
        return len(requests) + len(tokens)
