"""The OAuth context's HTTP surface: Bulwark as its people's authorization server for the
agents' MCP server (discovery, authorize, token, register, revoke at the root; the consent
page is the console's), and `/api/v1/oauth/grants`, a person's grants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import API_PREFIX, HttpContext
from adapters.http.problems import problems_with
from application.oauth.service import OAuthService
from ports.core.clock import Clock

NAME = "oauth"
problems = problems_with(401, 403, 429)


@dataclass(frozen=True)
class OauthServices:
    """What the OAuth endpoints, the grants' routes and the consent page call."""

    service: OAuthService
    clock: Clock


OauthDep: TypeAlias = NamedDependency[OauthServices]


def context(services: OauthServices) -> HttpContext:
    from adapters.http.oauth import endpoints, grants
    from adapters.http.oauth.cors import OAuthCors

    def controllers(_config: Any) -> Sequence[ControllerRouterHandler]:
        return grants.CONTROLLERS

    protocol = endpoints.controllers(services.service, services.clock)
    return HttpContext(
        NAME,
        services,
        controllers,
        path=API_PREFIX,
        elsewhere=(("/", protocol),),
        around_app=OAuthCors,
    )
