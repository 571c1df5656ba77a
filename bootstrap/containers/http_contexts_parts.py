"""What the API's contexts are built with: each factory imports its HTTP package (and the
libraries it loads) only when the API's listener builds that context, so a command that
builds a container without the API never pays for them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from adapters.http.contexts import HttpContext
    from adapters.http.core import EdgeServices, HealthServices
    from adapters.http.mcp import McpEndpoint
    from adapters.http.services import Probe
    from adapters.mcp.http_endpoint import StreamableHttpEndpoint
    from application.calendars.sessions import VenueSessionsQuery
    from application.identity.apikeys import ApiKeyService
    from application.identity.auth import AuthService
    from application.keys.broker_credentials import BrokerCredentialService
    from application.keys.vault import KeyVaultService
    from application.market_data.live_quotes import LiveQuotes
    from application.notifications.ops_alerts import OpsAlertRelay
    from domain.errors import CapabilityNotConfigured
    from ports.calendars import SessionSource
    from ports.core.clock import Clock
    from ports.core.events import Notifier
    from ports.core.ratelimit import RateLimiter
    from ports.core.unit_of_work import UnitOfWorkFactory
    from ports.market_data.marketdata import MarkBoard


def edge_services(
    clock: Clock,
    auth: AuthService,
    api_keys: ApiKeyService,
    rate_limiter: RateLimiter,
    oauth: Any = None,
) -> EdgeServices:
    from adapters.http.core import EdgeServices

    return EdgeServices(
        clock=clock, auth=auth, api_keys=api_keys, rate_limiter=rate_limiter, oauth=oauth
    )


def health_context(services: HealthServices) -> HttpContext:
    from adapters.http.core import health_context as build

    return build(services)


def mcp_context(endpoint: McpEndpoint) -> HttpContext:
    from adapters.http.mcp import context as build

    return build(endpoint)


def health_services(clock: Clock, probes: Mapping[str, Probe]) -> HealthServices:
    from adapters.http.core import HealthServices

    return HealthServices(clock, probes)


def streamable_http_endpoint() -> StreamableHttpEndpoint:
    from adapters.mcp.http_endpoint import StreamableHttpEndpoint

    return StreamableHttpEndpoint()


def ops_alert_relay(uow_factory: UnitOfWorkFactory, notifier: Notifier) -> OpsAlertRelay:
    from application.notifications.ops_alerts import OpsAlertRelay

    return OpsAlertRelay(uow_factory, notifier)


def broker_credential_service(
    uow_factory: UnitOfWorkFactory, vault: KeyVaultService
) -> BrokerCredentialService:
    from application.keys.broker_credentials import BrokerCredentialService

    return BrokerCredentialService(uow_factory, vault)


def inference_unconfigured(missing: CapabilityNotConfigured) -> HttpContext:
    from adapters.http.inference import unconfigured as build

    return build(missing)


def live_quotes(board: MarkBoard, max_symbols: int, flush_ms: float) -> LiveQuotes:
    from adapters.http.market_data.quotes_socket import live_quotes as build

    return build(board, max_symbols, flush_ms)


def venue_sessions_query(source: SessionSource) -> VenueSessionsQuery:
    from application.calendars.sessions import VenueSessionsQuery

    return VenueSessionsQuery(source)


def console_context() -> HttpContext:
    """The operator console's pages, imported only by a process that serves them."""
    from adapters.http.console.app import context

    return context()
