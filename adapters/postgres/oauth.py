"""OAuth on SQL (PostgreSQL or SQLite): the `oauth_*` tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.oauth import oauth_clients, oauth_grants, oauth_requests, oauth_tokens
from domain.identity.permissions import parse_permissions_text, permissions_text
from domain.oauth.grants import (
    ClientKind,
    ConsentRequest,
    Grant,
    IssuedToken,
    OAuthClient,
    TokenKind,
)

_c, _r, _g, _t = oauth_clients, oauth_requests, oauth_grants, oauth_tokens


def _client(row: Any) -> OAuthClient:
    return OAuthClient(
        client_id=row.client_id,
        name=row.name,
        redirect_uris=tuple(row.redirect_uris),
        auth_method=row.auth_method,
        created_at=row.created_at,
        secret_digest=row.secret_digest,
        kind=ClientKind(row.kind),
        document=dict(row.document),
    )


def _request(row: Any) -> ConsentRequest:
    return ConsentRequest(
        id=row.id,
        client_id=row.client_id,
        redirect_uri=row.redirect_uri,
        redirect_uri_explicit=row.redirect_uri_explicit,
        code_challenge=row.code_challenge,
        state=row.state,
        scopes=parse_permissions_text(row.scopes),
        resource=row.resource,
        expires_at=row.expires_at,
    )


def _grant(row: Any) -> Grant:
    return Grant(
        id=row.id,
        owner_id=row.owner_id,
        client_id=row.client_id,
        agent_id=row.agent_id,
        scopes=parse_permissions_text(row.scopes),
        resource=row.resource,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )


def _token(row: Any) -> IssuedToken:
    return IssuedToken(
        digest=row.digest,
        kind=TokenKind(row.kind),
        grant_id=row.grant_id,
        client_id=row.client_id,
        scopes=parse_permissions_text(row.scopes),
        resource=row.resource,
        created_at=row.created_at,
        expires_at=row.expires_at,
        used_at=row.used_at,
        code_challenge=row.code_challenge,
        redirect_uri=row.redirect_uri,
        redirect_uri_explicit=row.redirect_uri_explicit,
    )


class SqlOAuthStore(EngineStore):
    """An OAuthStore on SQL (ports/oauth/store.py)."""

    async def add_client(self, client: OAuthClient) -> None:
        row = {
            "client_id": client.client_id,
            "name": client.name,
            "redirect_uris": list(client.redirect_uris),
            "auth_method": client.auth_method,
            "secret_digest": client.secret_digest,
            "kind": client.kind.value,
            "document": dict(client.document),
            "created_at": client.created_at,
        }

        async def work(conn: AsyncConnection) -> None:
            found = await conn.execute(
                select(_c.c.client_id).where(_c.c.client_id == row["client_id"])
            )
            if found.first() is not None:
                raise ValueError(f"client {client.client_id} exists")
            await conn.execute(_c.insert().values(row))

        await self._write(work)

    async def get_client(self, client_id: str) -> OAuthClient | None:
        return await self._read_one(select(_c).where(_c.c.client_id == client_id), _client)

    async def add_request(self, request: ConsentRequest) -> None:
        row = {
            "id": request.id,
            "client_id": request.client_id,
            "redirect_uri": request.redirect_uri,
            "redirect_uri_explicit": request.redirect_uri_explicit,
            "code_challenge": request.code_challenge,
            "state": request.state,
            "scopes": permissions_text(request.scopes),
            "resource": request.resource,
            "expires_at": request.expires_at,
        }
        await self._change(_r.insert().values(row))

    async def get_request(self, request_id: str) -> ConsentRequest | None:
        return await self._read_one(select(_r).where(_r.c.id == request_id), _request)

    async def take_request(self, request_id: str) -> ConsentRequest | None:
        async def work(conn: AsyncConnection) -> ConsentRequest | None:
            row = (await conn.execute(select(_r).where(_r.c.id == request_id))).first()
            if row is None:
                return None
            if (await conn.execute(delete(_r).where(_r.c.id == request_id))).rowcount != 1:
                return None  # another answer took it first
            return _request(row)

        return await self._write(work)

    async def add_grant(self, grant: Grant) -> None:
        row = {
            "id": grant.id,
            "owner_id": grant.owner_id,
            "client_id": grant.client_id,
            "agent_id": grant.agent_id,
            "scopes": permissions_text(grant.scopes),
            "resource": grant.resource,
            "created_at": grant.created_at,
            "revoked_at": grant.revoked_at,
        }
        await self._insert_new(_g, row, f"grant {grant.id} exists")

    async def get_grant(self, grant_id: str) -> Grant | None:
        return await self._read_one(select(_g).where(_g.c.id == grant_id), _grant)

    async def save_grant(self, grant: Grant) -> None:
        statement = update(_g).where(_g.c.id == grant.id).values(revoked_at=grant.revoked_at)
        if await self._change(statement) == 0:
            raise KeyError(grant.id)

    async def grants_of(self, owner_id: str) -> Sequence[Grant]:
        query = select(_g).where(_g.c.owner_id == owner_id).order_by(_g.c.created_at, _g.c.id)
        return [_grant(r) for r in await self._read(query)]

    async def add_token(self, token: IssuedToken) -> None:
        row = {
            "digest": token.digest,
            "kind": token.kind.value,
            "grant_id": token.grant_id,
            "client_id": token.client_id,
            "scopes": permissions_text(token.scopes),
            "resource": token.resource,
            "created_at": token.created_at,
            "expires_at": token.expires_at,
            "used_at": token.used_at,
            "code_challenge": token.code_challenge,
            "redirect_uri": token.redirect_uri,
            "redirect_uri_explicit": token.redirect_uri_explicit,
        }
        await self._change(_t.insert().values(row))

    async def get_token(self, digest: str) -> IssuedToken | None:
        return await self._read_one(select(_t).where(_t.c.digest == digest), _token)

    async def use_token(self, digest: str, now: datetime) -> bool:
        # One UPDATE guarded by `used_at IS NULL`: of two racing exchanges, one changes the row.
        statement = (
            update(_t).where(_t.c.digest == digest, _t.c.used_at.is_(None)).values(used_at=now)
        )
        return await self._change(statement) == 1

    async def purge_expired(self, now: datetime) -> int:
        # Both on their `expires_at` index; one transaction, so a reader sees all or none gone.
        async def work(conn: AsyncConnection) -> int:
            requests = await conn.execute(delete(_r).where(_r.c.expires_at <= now))
            tokens = await conn.execute(delete(_t).where(_t.c.expires_at <= now))
            return int(requests.rowcount or 0) + int(tokens.rowcount or 0)

        return await self._write(work)
