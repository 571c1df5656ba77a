"""Identity ports: token signing, TOTP, secret encryption and the identity repositories."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.identity import AccessClaims, ApiKey, LoginThrottle, RefreshToken, User


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

    `verify` accepts the code of the step at `at` and of one step either side; it
    returns False (never raises) for a malformed code.
    """

    def new_secret(self) -> str: ...

    def provisioning_uri(self, secret: str, account_name: str, issuer: str) -> str: ...

    def verify(self, secret: str, code: str, at: datetime) -> bool: ...


class SecretCipher(Protocol):
    """Symmetric, authenticated encryption of secrets that must be read back (TOTP seeds).

    `decrypt` raises ValueError for a ciphertext it cannot authenticate.
    """

    def encrypt(self, plaintext: str) -> str: ...

    def decrypt(self, ciphertext: str) -> str: ...


class UserRepository(Protocol):
    """Users by id and by normalized username (unique); `get` returns None for an unknown id.

    In every identity repository `add` inserts, or saves the changes of, a loaded object.
    """

    async def add(self, user: User) -> None: ...

    async def get(self, user_id: str) -> User | None: ...

    async def by_username(self, username: str) -> User | None: ...

    async def list(self) -> list[User]: ...


class LoginThrottleRepository(Protocol):
    """Failed-login counters per normalized username, for known and unknown names alike."""

    async def add(self, throttle: LoginThrottle) -> None: ...

    async def get(self, username: str) -> LoginThrottle | None: ...


class RefreshTokenRepository(Protocol):
    """Refresh tokens (digests only) by id, by family and by user."""

    async def add(self, token: RefreshToken) -> None: ...

    async def get(self, token_id: str) -> RefreshToken | None: ...

    async def by_family(self, family_id: str) -> list[RefreshToken]: ...

    async def by_user(self, user_id: str) -> list[RefreshToken]: ...


class RevokedTokenRepository(Protocol):
    """Revoked access-token ids, kept until the token would have expired anyway.

    `purge(now)` forgets the entries expired at `now` and returns how many it removed.
    """

    async def add(self, jti: str, expires_at: datetime) -> None: ...

    async def is_revoked(self, jti: str) -> bool: ...

    async def purge(self, now: datetime) -> int: ...


class ApiKeyRepository(Protocol):
    """API keys (digests only) by id; `list` gives one owner's keys, or all without owner."""

    async def add(self, key: ApiKey) -> None: ...

    async def get(self, key_id: str) -> ApiKey | None: ...

    async def list(self, owner_id: str | None = None) -> list[ApiKey]: ...
