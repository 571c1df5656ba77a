"""OAuth in the composition root: its credentials' lifetimes from the settings, and the purge
of the expired ones (the server's job every BULWARK_OAUTH_PURGE_SECONDS)."""

from __future__ import annotations

from datetime import timedelta

import structlog

from application.oauth.service import OAuthService
from bootstrap.settings import Settings
from domain.oauth.tokens import Lifetimes

_log = structlog.get_logger("bulwark.oauth")


def lifetimes(settings: Settings) -> Lifetimes:
    """BULWARK_OAUTH_*_TTL_*: how long tokens, codes and consent requests live."""
    oauth = settings.oauth
    return Lifetimes(
        access=timedelta(seconds=oauth.access_token_ttl_seconds),
        refresh=timedelta(days=oauth.refresh_token_ttl_days),
        code=timedelta(seconds=oauth.code_ttl_seconds),
        request=timedelta(seconds=oauth.consent_ttl_seconds),
    )


async def purge_expired(service: OAuthService) -> None:
    """Deletes the expired consent requests, codes and tokens; logs how many went."""
    purged = await service.purge_expired()
    if purged:
        _log.info("oauth_purged", rows=purged)
