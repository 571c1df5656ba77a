"""RS256 access tokens (PyJWT + cryptography); expiry is checked against the caller's clock."""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from domain.errors import Unauthenticated
from domain.identity import AccessClaims
from domain.principals import Role

_ALGORITHM = "RS256"
_REQUIRED = ["sub", "role", "jti", "iat", "exp", "iss", "aud"]
_MIN_KEY_BITS = 2048
_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=8)
def _private_key(pem: bytes) -> Any:
    """The key a PEM holds, parsed and checked once per process (~35 ms for RSA 2048): every
    container a process builds from the same key file (the tests build over a thousand) shares
    it. Key objects are immutable; a PEM that fails to load is not remembered."""
    return serialization.load_pem_private_key(pem, password=None)


class RsaJwtIssuer:
    """A TokenIssuer signing with an RSA private key; `verify` accepts RS256 only."""

    def __init__(
        self, private_key_pem: bytes, issuer: str = "bulwark", audience: str = "bulwark-api"
    ) -> None:
        key = _private_key(private_key_pem)
        if not isinstance(key, rsa.RSAPrivateKey) or key.key_size < _MIN_KEY_BITS:
            raise ValueError(f"an RSA private key of at least {_MIN_KEY_BITS} bits is needed")
        self._private = key
        self._public = key.public_key()
        self._issuer = issuer
        self._audience = audience
        der = self._public.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        self.key_id = hashlib.sha256(der).hexdigest()[:16]
        # Verified tokens -> claims. A signature check is a pure function of the token, so a
        # hit skips only that (~0.7 ms in PyJWT); expiry is still judged on every call, and
        # revocation is the caller's (AuthService checks the JTI denylist each time).
        self._verified: OrderedDict[str, AccessClaims] = OrderedDict()

    @classmethod
    def generate(cls, issuer: str = "bulwark", audience: str = "bulwark-api") -> RsaJwtIssuer:
        """An issuer with a fresh 2048-bit key (tokens die with the process)."""
        return cls(new_signing_key(), issuer=issuer, audience=audience)

    def public_key_pem(self) -> bytes:
        return self._public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def issue(self, claims: AccessClaims) -> str:
        payload = {
            "sub": claims.subject,
            "role": claims.role.value,
            "jti": claims.jti,
            "iat": int(claims.issued_at.timestamp()),
            "exp": int(claims.expires_at.timestamp()),
            "iss": self._issuer,
            "aud": self._audience,
        }
        if claims.family_id is not None:
            payload["fam"] = claims.family_id  # the refresh-token family (revocation)
        return jwt.encode(
            payload, self._private, algorithm=_ALGORITHM, headers={"kid": self.key_id}
        )

    def verify(self, token: str, now: datetime) -> AccessClaims:
        claims = self._verified.get(token)
        if claims is None:
            claims = self._verify_signature(token)
            self._verified[token] = claims
            if len(self._verified) > _CACHE_SIZE:
                self._verified.popitem(last=False)
        if now >= claims.expires_at:
            raise Unauthenticated("access token expired")
        return claims

    def _verify_signature(self, token: str) -> AccessClaims:
        try:
            payload = jwt.decode(
                token,
                self._public,
                algorithms=[_ALGORITHM],
                audience=self._audience,
                issuer=self._issuer,
                # Time is judged below against `now`, the application's clock.
                options={
                    "require": _REQUIRED,
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_nbf": False,
                },
            )
        except jwt.InvalidTokenError:
            raise Unauthenticated("invalid access token") from None
        return _claims(payload)


def _claims(payload: dict[str, Any]) -> AccessClaims:
    try:
        subject, jti = payload["sub"], payload["jti"]
        iat, exp = payload["iat"], payload["exp"]
        if not (isinstance(subject, str) and isinstance(jti, str) and subject and jti):
            raise ValueError("sub and jti must be non-empty strings")
        if not all(isinstance(t, int) and not isinstance(t, bool) for t in (iat, exp)):
            raise ValueError("iat and exp must be integers")
        family = payload.get("fam")
        if family is not None and not (isinstance(family, str) and family):
            raise ValueError("fam must be a non-empty string")
        return AccessClaims(
            subject=subject,
            role=Role(payload["role"]),
            jti=jti,
            issued_at=datetime.fromtimestamp(iat, UTC),
            expires_at=datetime.fromtimestamp(exp, UTC),
            family_id=family,
        )
    except (KeyError, ValueError, TypeError, OverflowError, OSError):
        raise Unauthenticated("invalid access token") from None


def new_signing_key() -> bytes:
    """A fresh 2048-bit RSA private key in PEM (PKCS#8): what BULWARK_JWT_PRIVATE_KEY_FILE
    holds, and what an issuer without one signs with until the process ends."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=_MIN_KEY_BITS)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
