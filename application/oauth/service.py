"""The authorization server's use cases: clients register, a person consents on behalf of an
agent of theirs, codes become tokens, refresh tokens rotate, grants are revoked; and the
resource server's check of an access token (the agent's principal, with the granted scopes).

Every code and token is stored by digest; a code or refresh token used twice is a replay and
revokes its grant (OAuth 2.1 §4.3.1, §6.1)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from application.core.access import ensure_may_change
from application.core.audited import audit
from application.oauth.clients import Clients
from domain.errors import DomainError, Forbidden, NotFound, Unauthenticated
from domain.identity.permissions import (
    AGENT_DEFAULT,
    InvalidPermissions,
    Permission,
    agent_permissions,
    permissions_text,
)
from domain.oauth.grants import ConsentRequest, Grant, IssuedToken, OAuthClient, TokenKind, narrowed
from domain.oauth.tokens import (
    ACCESS_PREFIX,
    CODE_PREFIX,
    REFRESH_PREFIX,
    Lifetimes,
    new_token,
    token_digest,
)
from domain.principals import Principal, Role
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditLog
from ports.oauth.agents import GrantAgents
from ports.oauth.store import OAuthStore

_PEOPLE = frozenset({Role.OWNER, Role.TRADER, Role.RISK_OFFICER, Role.ADMIN})


class InvalidGrant(DomainError):
    """A code or refresh token that is unknown, used, expired, of another client, or of a
    revoked grant (OAuth's invalid_grant)."""

    code = "INVALID_GRANT"


class InvalidClient(DomainError):
    code = "INVALID_CLIENT"


class InvalidTarget(DomainError):
    """A resource indicator naming a resource this server does not serve (RFC 8707)."""

    code = "INVALID_TARGET"


class InvalidScope(DomainError):
    code = "INVALID_SCOPE"


@dataclass(frozen=True, slots=True)
class Issued:
    """A token response: the raw values, handed to the client once and never kept."""

    access_token: str
    refresh_token: str
    expires_in: int
    scopes: frozenset[Permission]


@dataclass(frozen=True, slots=True)
class ConsentView:
    """What the consent page shows: the client, the agent it will act as, the person's
    accounts to tick and the scopes asked."""

    request: ConsentRequest
    client: OAuthClient
    agent_id: str
    agent_exists: bool
    accounts: Sequence[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Answer:
    """Where the consent page sends the browser: the client's redirect URI with these."""

    redirect_uri: str
    params: Mapping[str, str]


def agent_id_for(owner_id: str, client_id: str) -> str:
    """The agent a client acts as for an owner: one per (owner, client), reused on consent."""
    tag = hashlib.sha256(f"{owner_id}\x00{client_id}".encode()).hexdigest()[:12]
    return f"oauth-{tag}"


def requested_scopes(names: Iterable[str] | None) -> frozenset[Permission]:
    """The scopes a client asks for: read, trade, halt (all three when it names none); never
    approve, and nothing unknown (InvalidScope)."""
    try:
        return agent_permissions(None if names is None else list(names))
    except InvalidPermissions as exc:
        raise InvalidScope(exc.message) from None


class OAuthService:
    """Bulwark as its people's OAuth 2.1 authorization server for the agents' MCP server."""

    def __init__(
        self,
        store: OAuthStore,
        clients: Clients,
        agents: GrantAgents,
        clock: Clock,
        ids: IdGenerator,
        audit_log: AuditLog,
        lifetimes: Lifetimes | None = None,
    ) -> None:
        self._store = store
        self._clients = clients
        self._agents = agents
        self._clock = clock
        self._ids = ids
        self._audit = audit_log
        self._lifetimes = lifetimes or Lifetimes()

    # Clients -------------------------------------------------------------------------------

    async def register(
        self,
        *,
        client_id: str,
        secret: str | None,
        name: str,
        redirect_uris: Sequence[str],
        auth_method: str,
        document: Mapping[str, object],
    ) -> OAuthClient:
        """A new client (RFC 7591), kept with its secret's digest only (the secret is shown
        to the client this once, by the registration's answer)."""
        if (secret is None) != (auth_method == "none"):
            raise InvalidClient("a confidential client has a secret, a public one none")
        client = OAuthClient(
            client_id=client_id,
            name=name[:120],
            redirect_uris=tuple(redirect_uris),
            auth_method=auth_method,
            created_at=self._clock.now(),
            secret_digest=None if secret is None else token_digest(secret),
            document={k: v for k, v in document.items() if k != "client_secret"},
        )
        await self._store.add_client(client)
        await self._record("anonymous", "oauth.client.register", client.client_id, {})
        return client

    async def client(self, client_id: str) -> OAuthClient | None:
        return await self._clients.get(client_id)

    # Authorization -------------------------------------------------------------------------

    async def begin(
        self,
        client: OAuthClient,
        *,
        redirect_uri: str,
        redirect_uri_explicit: bool,
        code_challenge: str,
        state: str | None,
        scopes: Iterable[str] | None,
        resource: str | None,
        served_resource: str,
    ) -> str:
        """A consent request for the person to answer; its id. The resource must be this
        server's (`served_resource`), named or not."""
        if resource is not None and resource.rstrip("/") != served_resource:
            raise InvalidTarget(f"this server issues tokens for {served_resource} only")
        request = ConsentRequest(
            id=new_token(""),
            client_id=client.client_id,
            redirect_uri=redirect_uri,
            redirect_uri_explicit=redirect_uri_explicit,
            code_challenge=code_challenge,
            state=state,
            scopes=requested_scopes(scopes),
            resource=served_resource,
            expires_at=self._clock.now() + self._lifetimes.request,
        )
        await self._store.add_request(request)
        return request.id

    async def consent(self, person: Principal, request_id: str) -> ConsentView:
        """What the person is asked (NotFound once answered or expired)."""
        _ensure_person(person)
        request = await self._store.get_request(request_id)
        if request is None or request.is_expired(self._clock.now()):
            raise NotFound("this authorization request has expired or was already answered")
        client = await self._clients.get(request.client_id)
        if client is None:
            raise NotFound("the client of this authorization request is gone")
        agent_id = agent_id_for(person.id, client.client_id)
        return ConsentView(
            request,
            client,
            agent_id,
            await self._agents.exists(agent_id),
            await self._agents.accounts_of(person),
        )

    async def approve(
        self,
        person: Principal,
        request_id: str,
        account_ids: Sequence[str],
        scopes: Iterable[str],
    ) -> Answer:
        """The person's yes: the agent made (or kept) on the accounts ticked, a grant of the
        scopes kept among those asked, and a code for the client."""
        _ensure_person(person)
        if not account_ids:
            raise InvalidPermissions("tick at least one account the agent may trade")
        chosen = narrowed(await self._asked(person, request_id), requested_scopes(scopes))
        if not chosen:
            raise InvalidPermissions("keep at least one scope the client asked for")
        request = await self._take(request_id)
        client = await self._clients.get(request.client_id)
        if client is None:
            raise NotFound("the client of this authorization request is gone")
        now = self._clock.now()
        agent_id = agent_id_for(person.id, client.client_id)
        await self._agents.ensure(person, agent_id, f"{client.label} (OAuth)"[:120], account_ids)
        grant = Grant(
            self._ids.new("og-"), person.id, client.client_id, agent_id, chosen,
            request.resource, now,
        )  # fmt: skip
        await self._store.add_grant(grant)
        code = new_token(CODE_PREFIX)
        await self._store.add_token(
            IssuedToken(
                token_digest(code), TokenKind.CODE, grant.id, client.client_id, chosen,
                request.resource, now, now + self._lifetimes.code,
                code_challenge=request.code_challenge,
                redirect_uri=request.redirect_uri,
                redirect_uri_explicit=request.redirect_uri_explicit,
            )
        )  # fmt: skip
        details = {
            "client_id": client.client_id,
            "agent_id": agent_id,
            "scopes": permissions_text(chosen),
            "accounts": list(account_ids),
        }
        await self._record(person.id, "oauth.grant", grant.id, details)
        return Answer(request.redirect_uri, _with_state({"code": code}, request.state))

    async def deny(self, person: Principal, request_id: str) -> Answer:
        """The person's no: the client is told access_denied."""
        _ensure_person(person)
        request = await self._take(request_id)
        await self._record(person.id, "oauth.deny", request.client_id, {})
        params = {"error": "access_denied", "error_description": "the person denied access"}
        return Answer(request.redirect_uri, _with_state(params, request.state))

    async def _asked(self, person: Principal, request_id: str) -> frozenset[Permission]:
        return (await self.consent(person, request_id)).request.scopes

    async def _take(self, request_id: str) -> ConsentRequest:
        request = await self._store.take_request(request_id)
        if request is None or request.is_expired(self._clock.now()):
            raise NotFound("this authorization request has expired or was already answered")
        return request

    # Tokens --------------------------------------------------------------------------------

    async def code(self, client_id: str, raw: str) -> IssuedToken | None:
        """A live code of the client's (None otherwise)."""
        return await self._live(client_id, raw, TokenKind.CODE)

    async def exchange_code(self, client_id: str, raw: str) -> Issued:
        """The code's tokens; a code used twice revokes its grant."""
        return await self._exchange(client_id, raw, TokenKind.CODE, None)

    async def refresh_token(self, client_id: str, raw: str) -> IssuedToken | None:
        """A live refresh token of the client's; a rotated one presented again revokes the
        grant (and is None)."""
        token = await self._store.get_token(token_digest(raw))
        if token is not None and token.kind is TokenKind.REFRESH and token.is_used:
            await self._revoke_grant(token.grant_id, "refresh token reused")
            return None
        return await self._live(client_id, raw, TokenKind.REFRESH)

    async def exchange_refresh(
        self, client_id: str, raw: str, scopes: Iterable[str] | None
    ) -> Issued:
        """New tokens for a refresh token, which stops working (rotation)."""
        return await self._exchange(client_id, raw, TokenKind.REFRESH, scopes)

    async def access_token(self, raw: str) -> IssuedToken | None:
        """A live access token, whatever its client."""
        if not raw.startswith(ACCESS_PREFIX):
            return None
        token = await self._store.get_token(token_digest(raw))
        if token is None or token.kind is not TokenKind.ACCESS:
            return None
        if token.is_expired(self._clock.now()) or await self._grant_of(token) is None:
            return None
        return token

    async def revoke(self, client_id: str, raw: str) -> None:
        """RFC 7009: the token's grant revoked, every token of it with it (a token unknown or
        of another client: nothing, and no error)."""
        token = await self._store.get_token(token_digest(raw))
        if token is not None and token.client_id == client_id:
            await self._revoke_grant(token.grant_id, "revoked by the client")

    async def authenticate(self, raw: str, resource: str | None) -> Principal:
        """The agent of the grant, with its scopes, for a live access token issued for
        `resource` (Unauthenticated otherwise, for another resource too)."""
        token = await self.access_token(raw)
        if token is None:
            raise Unauthenticated("invalid or expired OAuth access token")
        if resource is None or token.resource != resource:
            raise Unauthenticated("this OAuth access token was issued for another resource")
        grant = await self._grant_of(token)
        if grant is None or not await self._agents.exists(grant.agent_id):
            raise Unauthenticated("invalid or expired OAuth access token")
        return Principal(grant.agent_id, Role.AGENT, frozenset(p.value for p in token.scopes))

    # Grants --------------------------------------------------------------------------------

    async def grants(self, person: Principal) -> list[Grant]:
        """The person's grants, oldest first."""
        return list(await self._store.grants_of(person.id))

    async def revoke_grant(self, person: Principal, grant_id: str) -> Grant:
        """The person revokes a grant of theirs (another's is NotFound); twice is a no-op."""
        ensure_may_change(person)
        grant = await self._store.get_grant(grant_id)
        if grant is None or grant.owner_id != person.id:
            raise NotFound(f"grant {grant_id} not found")
        if grant.revoke(self._clock.now()):
            await self._store.save_grant(grant)
            await self._record(person.id, "oauth.revoke", grant.id, {"reason": "by the person"})
        return grant

    async def erase_owner(self, actor: str, owner_id: str) -> int:
        """A person erased: every grant of theirs revoked (its tokens stop at once); how many."""
        now = self._clock.now()
        revoked = 0
        for grant in await self._store.grants_of(owner_id):
            if grant.revoke(now):
                await self._store.save_grant(grant)
                await self._record(actor, "oauth.revoke", grant.id, {"reason": "erasure"})
                revoked += 1
        return revoked

    # Housekeeping --------------------------------------------------------------------------

    async def purge_expired(self) -> int:
        """Delete the consent requests, codes and tokens past their expiry (the server's job
        every BULWARK_OAUTH_PURGE_SECONDS); how many rows went. An expired credential is
        refused whether or not it is still stored; once gone, a used one presented again (a
        rotated refresh token, a code) is refused as unknown instead of revoking its grant."""
        return await self._store.purge_expired(self._clock.now())

    # ---------------------------------------------------------------------------------------

    async def _live(self, client_id: str, raw: str, kind: TokenKind) -> IssuedToken | None:
        token = await self._store.get_token(token_digest(raw))
        if token is None or token.kind is not kind or token.client_id != client_id:
            return None
        if not token.usable(self._clock.now()) or await self._grant_of(token) is None:
            return None
        return token

    async def _exchange(
        self, client_id: str, raw: str, kind: TokenKind, scopes: Iterable[str] | None
    ) -> Issued:
        digest = token_digest(raw)
        token = await self._store.get_token(digest)
        if token is None or token.kind is not kind or token.client_id != client_id:
            raise InvalidGrant(f"unknown {kind.value}")
        if not await self._store.use_token(digest, self._clock.now()):
            await self._revoke_grant(token.grant_id, f"{kind.value} replayed")
            raise InvalidGrant(f"this {kind.value} was already used: its grant is revoked")
        if token.is_expired(self._clock.now()):
            raise InvalidGrant(f"this {kind.value} has expired")
        grant = await self._grant_of(token)
        if grant is None:
            raise InvalidGrant("the grant was revoked")
        kept = token.scopes if scopes is None else narrowed(token.scopes, requested_scopes(scopes))
        if not kept:
            raise InvalidScope("no scope left to grant")
        return await self._issue(grant, replace(token, scopes=kept))

    async def _issue(self, grant: Grant, basis: IssuedToken) -> Issued:
        now = self._clock.now()
        access, refresh = new_token(ACCESS_PREFIX), new_token(REFRESH_PREFIX)
        lifetimes = self._lifetimes
        for raw, kind, ttl in (
            (access, TokenKind.ACCESS, lifetimes.access),
            (refresh, TokenKind.REFRESH, lifetimes.refresh),
        ):
            await self._store.add_token(
                IssuedToken(
                    token_digest(raw), kind, grant.id, basis.client_id, basis.scopes,
                    grant.resource, now, now + ttl,
                )
            )  # fmt: skip
        return Issued(access, refresh, int(lifetimes.access.total_seconds()), basis.scopes)

    async def _grant_of(self, token: IssuedToken) -> Grant | None:
        """The token's grant, when it stands."""
        grant = await self._store.get_grant(token.grant_id)
        return None if grant is None or grant.is_revoked else grant

    async def _revoke_grant(self, grant_id: str, reason: str) -> None:
        grant = await self._store.get_grant(grant_id)
        if grant is not None and grant.revoke(self._clock.now()):
            await self._store.save_grant(grant)
            await self._record(grant.client_id, "oauth.revoke", grant.id, {"reason": reason})

    async def _record(
        self, actor: str, action: str, target: str, details: Mapping[str, object]
    ) -> None:
        await audit(self._audit, self._clock, actor, action, f"oauth:{target}", "ok", details)


def _ensure_person(principal: Principal) -> None:
    """Only a person who may change things consents (never an agent, never the viewer)."""
    if principal.role not in _PEOPLE:
        raise Forbidden("only a person may grant an assistant access")


def _with_state(params: dict[str, str], state: str | None) -> dict[str, str]:
    return {**params, "state": state} if state is not None else params


def scope_names(scopes: Iterable[Permission]) -> list[str]:
    return permissions_text(scopes).split()


def default_scopes() -> list[str]:
    return scope_names(AGENT_DEFAULT)
