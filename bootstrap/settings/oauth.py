"""OAuth: the lifetimes of the authorization server's credentials and the purge of expired ones."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Section, SettingsError


class OAuthSettings(Section, frozen=True, kw_only=True):
    """Bulwark as its people's authorization server for `/mcp` (docs/agents.md): how long its
    access tokens, refresh tokens, codes and consent requests live, and how often the expired
    ones are deleted."""

    env_prefix: ClassVar[str] = "oauth_"

    # An access token is checked on every request; a short life bounds a leaked one.
    access_token_ttl_seconds: Annotated[int, msgspec.Meta(ge=60, le=86_400)] = 900
    # A refresh token rotates at each use; unused this long, the person consents again.
    refresh_token_ttl_days: Annotated[int, msgspec.Meta(ge=1, le=365)] = 30
    # A code is exchanged at once; RFC 6749 §4.1.2 recommends ten minutes at most.
    code_ttl_seconds: Annotated[int, msgspec.Meta(ge=10, le=600)] = 300
    # How long the person has to answer the consent page.
    consent_ttl_seconds: Annotated[int, msgspec.Meta(ge=60, le=86_400)] = 900
    # How often the expired requests, codes and tokens are deleted (0: never).
    purge_seconds: Annotated[float, msgspec.Meta(ge=0, le=604_800)] = 3600.0

    def check(self) -> None:
        if self.access_token_ttl_seconds >= self.refresh_token_ttl_days * 86_400:
            raise SettingsError(
                f"{self.var('access_token_ttl_seconds')}: expected less than the refresh token "
                f"lifetime ({self.var('refresh_token_ttl_days')})"
            )
