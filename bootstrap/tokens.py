"""Who is calling: the access tokens' signer and their lifetimes, from the identity settings
(the core container's `tokens` and `auth_config`, read by every listener)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import structlog

from application.identity.auth import AuthConfig
from bootstrap.settings import Settings

_log = structlog.get_logger("bulwark.container")


def token_issuer(settings: Settings) -> object:
    """RS256 signer: the configured PEM key, else a fresh key (tokens die with the process)."""
    from adapters.security.jwt_tokens import RsaJwtIssuer

    identity = settings.identity
    if identity.jwt_private_key_file:
        pem = Path(identity.jwt_private_key_file).read_bytes()
        return RsaJwtIssuer(pem, issuer=identity.jwt_issuer, audience=identity.jwt_audience)
    _log.warning("jwt_key_generated", hint="set BULWARK_JWT_PRIVATE_KEY_FILE to keep sessions")
    return RsaJwtIssuer.generate(issuer=identity.jwt_issuer, audience=identity.jwt_audience)


def auth_config(settings: Settings) -> AuthConfig:
    return AuthConfig(
        access_ttl=timedelta(seconds=settings.identity.access_token_ttl_seconds),
        refresh_ttl=timedelta(days=settings.identity.refresh_token_ttl_days),
    )
