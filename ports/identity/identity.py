"""Identity ports: token signing, TOTP, secret encryption and the identity repositories."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.identity import AccessClaims, ApiKey, LoginThrottle, RefreshToken, User
from domain.identity.onboarding import Invitation, PasswordResetToken


class TokenIssuer(Protocol):
    """Signs access claims into a token and checks tokens it (or its key) signed.

    `verify` raises domain.errors.Unauthenticated for a bad signature, a malformed
    token, a wrong issuer or audience, or a token expired at `now` (the caller's
    clock, not the wall clock, so tests can move time).
    """

    def issue(self, claims: AccessClaims) -> str: ...

    def verify(self, token: str, now: datetime) -> AccessClaims: ...


class TotpVerifier(Protocol):
    """RFC 6238 one-time passwords (30-second steps, 6 digits).

    `matching_step` accepts the code of the step at `at` and of one step either side
    and returns WHICH step (the RFC's counter T) it matched, so the caller can refuse
    a step it already accepted (RFC 6238 §5.2); None (never raises) for a wrong or
    malformed code or secret.
    """

    def new_secret(self) -> str: ...

    def provisioning_uri(self, secret: str, account_name: str, issuer: str) -> str: ...

    def matching_step(self, secret: str, code: str, at: datetime) -> int | None: ...


class SecretCipher(Protocol):
    """Symmetric, authenticated encryption of secrets that must be read back (TOTP seeds).

    `decrypt` raises ValueError for a ciphertext it cannot authenticate.
    """

    def encrypt(self, plaintext: str) -> str: ...

    def decrypt(self, ciphertext: str) -> str: ...


class UserRepository(Protocol):
    """Users by id and by normalized username (unique); `get` returns None for an unknown id.

    In every identity repository `add` inserts, or saves the changes of, a loaded object.
    A saved `last_totp_step` only ever moves forward: a commit that would write a step
    no later than the one a concurrent unit of work stored raises ConcurrentUpdate.
    """

    async def add(self, user: User) -> None: ...

    async def get(self, user_id: str) -> User | None: ...

    async def by_username(self, username: str) -> User | None: ...

    async def by_email(self, email: str) -> User | None:
        """The user with this address (domain.identity.emails.normalize_email'd; unique when
        set: a commit that would give two users one address raises Conflict)."""
        ...

    async def list(self) -> list[User]: ...


class LoginThrottleRepository(Protocol):
    """Failed-login counters by their exact key (domain.identity.username_key / client_key),
    for known and unknown usernames and any client address alike."""

    async def add(self, throttle: LoginThrottle) -> None: ...

    async def get(self, key: str) -> LoginThrottle | None: ...


class RefreshTokenRepository(Protocol):
    """Refresh tokens (digests only) by id, by family and by user."""

    async def add(self, token: RefreshToken) -> None: ...

    async def get(self, token_id: str) -> RefreshToken | None: ...

    async def by_family(self, family_id: str) -> list[RefreshToken]: ...

    async def by_user(self, user_id: str) -> list[RefreshToken]: ...


class RevokedTokenRepository(Protocol):
    """Revoked access-token ids and refresh-token families, kept until the last access
    token they could cover would have expired anyway.

    `add_family` revokes every access token issued with that family (kept until
    `expires_at`; adding it again replaces that time). `is_revoked` is True when the
    token's id or its family (when given) is revoked. `purge(now)` forgets the entries
    (ids and families) expired at `now` and returns how many it removed.
    """

    async def add(self, jti: str, expires_at: datetime) -> None: ...

    async def add_family(self, family_id: str, expires_at: datetime) -> None: ...

    async def is_revoked(self, jti: str, family_id: str | None = None) -> bool: ...

    async def purge(self, now: datetime) -> int: ...


class ApiKeyRepository(Protocol):
    """API keys (digests only) by id; `list` gives one owner's keys, or all without owner."""

    async def add(self, key: ApiKey) -> None: ...

    async def get(self, key_id: str) -> ApiKey | None: ...

    async def list(self, owner_id: str | None = None) -> list[ApiKey]: ...


class InvitationRepository(Protocol):
    """Invitations (token digests only) by id, and all of them newest first.

    Saving a loaded invitation that this unit of work marked used or revoked is
    conditional: when a concurrent unit of work used or revoked it first, the commit
    raises ConcurrentUpdate (so of two concurrent accepts exactly one wins).
    """

    async def add(self, invitation: Invitation) -> None: ...

    async def get(self, invitation_id: str) -> Invitation | None: ...

    async def list(self) -> list[Invitation]: ...


class PasswordResetRepository(Protocol):
    """Password-reset tokens (digests only) by id and by user.

    As for invitations, marking a loaded token used is conditional on nobody having used
    or invalidated it meanwhile (ConcurrentUpdate at commit otherwise).
    """

    async def add(self, token: PasswordResetToken) -> None: ...

    async def get(self, token_id: str) -> PasswordResetToken | None: ...

    async def by_user(self, user_id: str) -> list[PasswordResetToken]: ...
