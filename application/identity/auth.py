"""Authentication use cases: users, password + TOTP login, rotating refresh tokens, logout."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from application.core.audited import audit
from application.identity.auth_views import MfaEnrollment, Session, TokenPair, UserView, user_view
from application.identity.last_sessions import LastSessions
from application.identity.login_guard import LoginGuard, login_key
from application.identity.user_sessions import (
    checked_email,
    ensure_free,
    revoke_family_refresh_tokens,
    revoke_user_sessions,
    tell_user,
    user_by_id,
    user_key,
)
from domain.errors import (
    ConcurrentUpdate,
    Conflict,
    Forbidden,
    MfaRequired,
    StoreUnavailable,
    Unauthenticated,
)
from domain.identity import (
    CLIENT_THROTTLE,
    USERNAME_THROTTLE,
    AccessClaims,
    RefreshToken,
    ThrottlePolicy,
    User,
    digest,
    new_backup_code,
    new_secret,
    normalize_username,
    parse_refresh_token,
    refresh_token_text,
    validate_password,
    validate_person_role,
    validate_username,
)
from domain.identity.credentials import InvalidCredentialInput, normalize_backup_code
from domain.identity.onboarding_errors import AccountDeactivated
from domain.principals import Principal, Role
from ports.core.clock import Clock, IdGenerator
from ports.core.encryption import DecryptionRefused, SecretSealer
from ports.core.events import AuditLog, Notifier, Severity
from ports.core.security import PasswordHasher
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.identity.identity import TokenIssuer, TotpVerifier
from ports.keys.key_rotation import MFA_SECRET_RECORD, PENDING_MFA_SECRET_RECORD

__all__ = [
    "AuthConfig",
    "AuthService",
    "MfaEnrollment",
    "Session",
    "TokenPair",
    "UserView",
    "user_view",
]

BACKUP_CODES = 10
Details = Mapping[str, object] | None
_USER_ADMINS = frozenset({Role.ADMIN, Role.SYSTEM})
_BAD_CREDENTIALS = "invalid username or password"


@dataclass(frozen=True, slots=True)
class AuthConfig:
    """Token lifetimes, login throttling, and the issuer name shown by authenticator apps."""

    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=30)
    username_throttle: ThrottlePolicy = USERNAME_THROTTLE
    client_throttle: ThrottlePolicy = CLIENT_THROTTLE
    mfa_issuer: str = "Bulwark"
    # How long a checked access token's session is reused without reading the store again
    # (its revocation, its family's and its user). Changes made through this service apply
    # at once here; another instance sees a logout or a revoked family within this time.
    session_cache: timedelta = timedelta(seconds=1)


class AuthService:
    """Creates users and turns credentials into tokens and tokens into sessions.

    Failed logins are throttled per client address and per username (LoginGuard); a
    refresh token is used once, and a used one presented again revokes its family,
    access tokens included. Argon2 runs in a worker thread, never inside a unit of work.
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        hasher: PasswordHasher,
        tokens: TokenIssuer,
        totp: TotpVerifier,
        sealer: SecretSealer,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        config: AuthConfig | None = None,
        notifier: Notifier | None = None,
        last_sessions: LastSessions | None = None,
    ) -> None:
        self._uow = uow_factory
        self._hasher = hasher
        self._tokens = tokens
        self._totp = totp
        self._sealer = sealer  # TOTP secrets at rest, bound to (record type, user id)
        self._clock = clock
        self._ids = ids
        self._audit = audit
        self._notifier = notifier
        self.config = config or AuthConfig()
        self._guard = LoginGuard(
            clock, audit, notifier, self.config.username_throttle, self.config.client_throttle
        )
        self._dummy_hash: str | None = None
        self._sessions: dict[str, tuple[float, Principal]] = {}
        self._reading: dict[str, asyncio.Future[Principal]] = {}
        # The principal last read per token, for a kill-switch activation while the store is
        # down (application/identity/last_sessions.py); shared with the kill-switch lane.
        self._last = last_sessions or LastSessions()

    # -- users -----------------------------------------------------------------------
    async def create_user(
        self,
        username: str,
        password: str,
        role: Role,
        *,
        actor: Principal | None = None,
        email: str | None = None,
    ) -> UserView:
        """`actor` None is a trusted caller (bootstrap, CLI); otherwise only an admin may."""
        if actor is not None and actor.role not in _USER_ADMINS:
            raise Forbidden("only an admin can create users")
        validate_username(username)
        validate_password(password)
        validate_person_role(role)
        address = checked_email(email)
        password_hash = await asyncio.to_thread(self._hasher.hash, password)
        async with self._uow() as uow:
            name = await ensure_free(uow, username, address)
            user = User(self._ids.new("usr-"), name, password_hash, role, self._clock.now())
            user.email = address
            await uow.users.add(user)
            await uow.commit()
        details = {"username": name, "role": role.value}
        actor_id = actor.id if actor else "system"
        await self._record(actor_id, "user.create", user_key(user.id), "ok", details)
        return user_view(user)

    async def user(self, principal: Principal) -> UserView:
        async with self._uow() as uow:
            return user_view(await user_by_id(uow, principal.id))

    async def set_password(self, principal: Principal, current: str, new: str) -> TokenPair:
        """Change one's own password: every session of the user ends (refresh tokens and
        access tokens, the caller's too) and the caller gets a fresh token pair."""
        try:
            validate_password(new)
        except InvalidCredentialInput as exc:
            exc.field = "new_password"
            raise
        async with self._uow() as uow:
            old_hash = (await user_by_id(uow, principal.id)).password_hash
        if not await asyncio.to_thread(self._hasher.verify, old_hash, current):
            await self._record(principal.id, "user.password", user_key(principal.id), "refused")
            raise Unauthenticated("current password is wrong")
        new_hash = await asyncio.to_thread(self._hasher.hash, new)
        now = self._clock.now()
        async with self._uow() as uow:
            user = await user_by_id(uow, principal.id)
            user.change_password(new_hash)
            await uow.users.add(user)
            ended = await revoke_user_sessions(uow, user.id, now, self.config.access_ttl)
            pair, _ = await self._issue(uow, user, now)
            await uow.commit()
        self.forget_sessions()
        details = {"sessions_ended": ended}
        await self._record(principal.id, "user.password", user_key(user.id), "changed", details)
        body = "Your Bulwark password was changed; every other session was logged out."
        await tell_user(self._notifier, user, "Your password was changed", body, Severity.WARNING)
        return pair

    def forget_sessions(self) -> None:
        """Drop the session cache: revocations just committed apply to the next request."""
        self._sessions.clear()
        self._last.clear()

    # -- login -----------------------------------------------------------------------
    async def login(
        self,
        username: str,
        password: str,
        totp_code: str | None = None,
        *,
        client: str | None = None,
    ) -> TokenPair:
        """`client` is the caller's network address when known: failures are throttled per
        client as well as per username (see LoginGuard); other callers may leave it out."""
        name = normalize_username(username)
        async with self._uow() as uow:
            throttles = await self._guard.load(uow, name, client)
            found = await uow.users.by_username(name)
        await self._guard.refuse_if_waiting(throttles, self._clock.now())
        # Hash even for an unknown user, so the time taken does not say which usernames exist.
        hashed = found.password_hash if found is not None else await self._dummy()
        password_ok = await asyncio.to_thread(self._hasher.verify, hashed, password)
        now = self._clock.now()
        async with self._uow() as uow:
            throttles = await self._guard.load(uow, name, client)
            await self._guard.refuse_if_waiting(throttles, now)  # failures that raced this one
            user = await uow.users.by_username(name) if password_ok else None
            if user is None:
                await self._guard.fail(uow, throttles, now, "bad credentials")
                raise Unauthenticated(_BAD_CREDENTIALS)
            if not user.active:
                await self._record(user.id, "auth.login", login_key(name), "refused", _DEACTIVATED)
                raise AccountDeactivated("this user is deactivated; ask an admin")
            if user.mfa_enabled:
                if not (totp_code or "").strip():
                    raise MfaRequired("a one-time code is required")
                if not self._second_factor(user, totp_code or "", now):
                    await self._guard.fail(uow, throttles, now, "bad one-time code")
                    raise Unauthenticated("invalid one-time code")
                await uow.users.add(user)
            cleared = self._guard.succeeded(throttles)
            if cleared is not None:
                await uow.login_throttles.add(cleared)
            pair, _ = await self._issue(uow, user, now)
            await _commit_second_factor(uow)
        await self._record(user.id, "auth.login", login_key(name), "ok", _client(client))
        return pair

    async def refresh(self, refresh_token: str) -> TokenPair:
        """Rotate: the token is used up and its successor issued in the same family."""
        token_id, secret = _parse_refresh(refresh_token)
        now = self._clock.now()
        async with self._uow() as uow:
            token = await uow.refresh_tokens.get(token_id)
            if token is None or not token.matches(secret):
                await self._refresh_refused(token, "unknown token or wrong secret")
                raise Unauthenticated("invalid refresh token")
            if token.is_used:
                revoked = await self._revoke_family(uow, token.family_id, now)
                await uow.commit()
                self.forget_sessions()
                details = {"family": token.family_id, "revoked": revoked}
                target = user_key(token.user_id)
                await self._record(token.user_id, "auth.refresh", target, "reuse", details)
                raise Unauthenticated("refresh token was already used; its family is revoked")
            if token.is_revoked or token.is_expired(now):
                await self._refresh_refused(token, "expired or revoked")
                raise Unauthenticated("refresh token expired or revoked")
            user = await uow.users.get(token.user_id)
            if user is None:
                raise Unauthenticated("invalid refresh token")
            if not user.active:
                await self._refresh_refused(token, "deactivated")
                raise AccountDeactivated("this user is deactivated; ask an admin")
            pair, successor = await self._issue(uow, user, now, token.family_id)
            token.rotate(successor.id, now)
            await uow.refresh_tokens.add(token)
            await uow.commit()
        return pair

    async def logout(self, session: Session, refresh_token: str | None = None) -> None:
        """Revoke the access token and, when given and the user's own, the refresh family.

        A refresh token that is malformed, unknown or someone else's revokes nothing
        more and is not an error: logging out always succeeds for the access token.
        """
        now = self._clock.now()
        family: str | None = None
        self.forget_sessions()
        async with self._uow() as uow:
            await uow.revoked_tokens.add(session.jti, session.expires_at)
            parsed = parse_refresh_token(refresh_token) if refresh_token else None
            if parsed is not None:
                token = await uow.refresh_tokens.get(parsed[0])
                if (
                    token is not None
                    and token.matches(parsed[1])
                    and token.user_id == session.principal.id
                ):
                    family = token.family_id
                    await self._revoke_family(uow, family, now)
            await uow.commit()
        self.forget_sessions()  # again: a request may have cached it between clear and commit
        details = {"refresh_family_revoked": family is not None}
        actor = session.principal.id
        await self._record(actor, "auth.logout", user_key(actor), "ok", details)

    async def authenticate(self, access_token: str, *, to_halt: bool = False) -> Session:
        """The session of a valid, unrevoked token whose user still exists (with today's role).

        `to_halt` (a kill-switch activation only): while the store is unreachable, the
        principal last read for this valid, unexpired token stands in for the store's answer
        (application/identity/last_sessions.py); otherwise StoreUnavailable.
        """
        claims = self._tokens.verify(access_token, self._clock.now())
        now = self._clock.monotonic()
        cached = self._sessions.get(claims.jti)
        if cached is not None and cached[0] > now and cached[1].id == claims.subject:
            return Session(cached[1], claims.jti, claims.expires_at, claims.family_id)
        # One store read per token at a time: concurrent requests with it wait for that read.
        reading = self._reading.get(claims.jti)
        if reading is None:
            reading = self._reading[claims.jti] = asyncio.ensure_future(self._principal_of(claims))
            reading.add_done_callback(lambda _: self._reading.pop(claims.jti, None))
        try:
            principal = await asyncio.shield(reading)
        except StoreUnavailable:
            last = self._last.principal(claims.jti, claims.subject) if to_halt else None
            if last is None:
                raise
            return Session(last, claims.jti, claims.expires_at, claims.family_id)
        except Unauthenticated:
            self._last.forget(claims.jti)
            raise
        self._last.remember(claims.jti, principal)
        if len(self._sessions) > 50_000:
            self._sessions.clear()
        self._sessions[claims.jti] = (now + self.config.session_cache.total_seconds(), principal)
        return Session(principal, claims.jti, claims.expires_at, claims.family_id)

    async def _principal_of(self, claims: AccessClaims) -> Principal:
        async with self._uow() as uow:
            if await uow.revoked_tokens.is_revoked(claims.jti, claims.family_id):
                raise Unauthenticated("access token revoked")
            user = await uow.users.get(claims.subject)
        if user is None:
            raise Unauthenticated("invalid access token")
        if not user.active:
            raise AccountDeactivated("this user is deactivated")
        return Principal(user.id, user.role)

    # -- MFA -------------------------------------------------------------------------
    async def enroll_mfa(self, principal: Principal) -> MfaEnrollment:
        """Stage a TOTP secret and backup codes; logins need a code once `verify_mfa` passes."""
        secret = self._totp.new_secret()
        codes = tuple(new_backup_code() for _ in range(BACKUP_CODES))
        async with self._uow() as uow:
            user = await user_by_id(uow, principal.id)
            digests = [digest(normalize_backup_code(code)) for code in codes]
            sealed = self._sealer.seal(secret, PENDING_MFA_SECRET_RECORD, user.id)
            user.begin_mfa_enrollment(sealed, digests)
            await uow.users.add(user)
            await uow.commit()
        uri = self._totp.provisioning_uri(secret, user.username, self.config.mfa_issuer)
        await self._record(principal.id, "auth.mfa_enroll", user_key(user.id), "pending")
        return MfaEnrollment(secret, uri, codes)

    async def verify_mfa(self, principal: Principal, code: str) -> UserView:
        """Activate the pending enrolment with a first code from the authenticator."""
        now = self._clock.now()
        async with self._uow() as uow:
            user = await user_by_id(uow, principal.id)
            if user.pending_mfa_secret is None:
                raise Conflict("no multi-factor enrolment is pending")
            try:
                secret = self._sealer.open(
                    user.pending_mfa_secret, PENDING_MFA_SECRET_RECORD, user.id
                )
            except DecryptionRefused:
                raise Conflict("the pending enrolment cannot be read: enrol again") from None
            step = self._totp.matching_step(secret, code, now)
            if step is None or not user.accept_totp_step(step):
                await self._record(principal.id, "auth.mfa_verify", user_key(user.id), "refused")
                raise Unauthenticated("invalid one-time code")
            user.activate_mfa(self._sealer.seal(secret, MFA_SECRET_RECORD, user.id))
            await uow.users.add(user)
            await _commit_second_factor(uow)
        await self._record(principal.id, "auth.mfa_enroll", user_key(user.id), "enabled")
        return user_view(user)

    # -- helpers ---------------------------------------------------------------------
    def _second_factor(self, user: User, code: str, now: datetime) -> bool:
        """A TOTP code of a step later than the last accepted one, or else an unused backup
        code (spent here)."""
        if user.mfa_secret is not None:
            try:
                secret = self._sealer.open(user.mfa_secret, MFA_SECRET_RECORD, user.id)
            except DecryptionRefused:
                # A secret that does not open (its KEK removed too early, a copied row):
                # no TOTP code can match, a backup code still works; never a 500.
                return user.use_backup_code(code)
            step = self._totp.matching_step(secret, code, now)
            if step is not None:
                return user.accept_totp_step(step)
        return user.use_backup_code(code)

    async def _issue(
        self, uow: UnitOfWork, user: User, now: datetime, family_id: str | None = None
    ) -> tuple[TokenPair, RefreshToken]:
        cfg = self.config
        family_id = family_id or self._ids.new("rtf-")
        jti = self._ids.new("jti-")
        claims = AccessClaims(user.id, user.role, jti, now, now + cfg.access_ttl, family_id)
        secret = new_secret()
        refresh = RefreshToken(
            id=self._ids.new("rt-"),
            family_id=family_id,
            user_id=user.id,
            secret_digest=digest(secret),
            issued_at=now,
            expires_at=now + cfg.refresh_ttl,
        )
        await uow.refresh_tokens.add(refresh)
        pair = TokenPair(
            access_token=self._tokens.issue(claims),
            refresh_token=refresh_token_text(refresh.id, secret),
            expires_in=int(cfg.access_ttl.total_seconds()),
            refresh_expires_in=int(cfg.refresh_ttl.total_seconds()),
        )
        return pair, refresh

    async def _revoke_family(self, uow: UnitOfWork, family_id: str, now: datetime) -> int:
        """Revoke the family's refresh tokens and its access tokens (until the last one
        issued by now expires); returns how many refresh tokens were still live."""
        await uow.revoked_tokens.add_family(family_id, now + self.config.access_ttl)
        return await revoke_family_refresh_tokens(uow, family_id, now)

    async def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = await asyncio.to_thread(self._hasher.hash, new_secret())
        return self._dummy_hash

    async def _record(
        self, actor: str, action: str, target: str, outcome: str, details: Details = None
    ) -> None:
        await audit(self._audit, self._clock, actor, action, target, outcome, details)

    async def _refresh_refused(self, token: RefreshToken | None, reason: str) -> None:
        """Audit a refused refresh (the token's id only, never its secret)."""
        actor = token.user_id if token is not None else "anonymous"
        target = user_key(token.user_id) if token is not None else "auth:refresh"
        await self._record(actor, "auth.refresh", target, "refused", {"reason": reason})


async def _commit_second_factor(uow: UnitOfWork) -> None:
    """Commit; a concurrent login that stored the same (or a later) TOTP step first makes
    this one a replay (RFC 6238 §5.2)."""
    try:
        await uow.commit()
    except ConcurrentUpdate:
        raise Unauthenticated("invalid one-time code") from None


_DEACTIVATED: dict[str, object] = {"reason": "deactivated"}


def _client(client: str | None) -> dict[str, object]:
    return {"client": client} if client else {}


def _parse_refresh(text: str) -> tuple[str, str]:
    parsed = parse_refresh_token(text)
    if parsed is None:
        raise Unauthenticated("invalid refresh token")
    return parsed
