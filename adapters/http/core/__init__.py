"""The core context's routes: health and readiness, /api/status, login and sessions, the live
events socket, stream monitoring; and what every request reads at the edge (`EdgeServices`).

Two bundles: `health` (liveness and readiness) is mounted by both listeners, the API's and
the kill switch's own (bootstrap/killswitch_lane.py); `core` (the rest) by the API's alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import API_PREFIX, HttpContext, served_bundle
from adapters.http.events import EventHub
from adapters.http.services import Probe
from application.identity.apikeys import ApiKeyService
from application.identity.auth import AuthService
from application.market_data.stream_monitor import StreamMonitorService
from application.notifications.ops_alerts import OpsAlertRelay
from application.oauth.service import OAuthService
from application.trading.accounts import AccountQueries
from application.trading.in_doubt_watch import InDoubtWatch
from ports.core.clock import Clock
from ports.core.compute import ComputePort
from ports.core.leases import JobLeaseStatus
from ports.core.ratelimit import RateLimiter

NAME = "core"
HEALTH = "health"
ROOT = "/"


@dataclass(frozen=True)
class EdgeServices:
    """What every request of either listener reads before its route: the caller's token or
    API key (auth, api_keys), the clock and the API's rate limit (adapters/http/edge.py)."""

    clock: Clock
    auth: AuthService
    api_keys: ApiKeyService
    rate_limiter: RateLimiter
    # OAuth access tokens for the MCP server (application/oauth); None where not served.
    oauth: OAuthService | None = None


@dataclass(frozen=True)
class HealthServices:
    """What /health and /ready read."""

    clock: Clock
    probes: Mapping[str, Probe] = field(default_factory=dict)


@dataclass(frozen=True)
class CoreServices:
    """What /api/status, the auth routes, /ws/events and the monitoring routes call."""

    clock: Clock
    auth: AuthService
    accounts: AccountQueries  # who sees which account's events
    events: EventHub
    # Orders approved but never acknowledged by their broker, as the watch last left them.
    in_doubt: InDoubtWatch
    compute: ComputePort  # the quant kernels' backend (CPU or CUDA)
    probes: Mapping[str, Probe] = field(default_factory=dict)
    settings_summary: Mapping[str, Any] = field(default_factory=dict)
    streams: StreamMonitorService | None = None  # None when Kafka is not configured
    # Alertmanager's alerts told to the desk (POST /api/v1/monitoring/alertmanager).
    ops_alerts: OpsAlertRelay | None = None
    # The leased background jobs this process runs now and those it waits for.
    jobs: JobLeaseStatus | None = None


CoreDep: TypeAlias = NamedDependency[CoreServices]


def core_of(connection: ASGIConnection[Any, Any, Any, Any]) -> CoreServices:
    services: CoreServices = served_bundle(connection, NAME)
    return services


def health_of(connection: ASGIConnection[Any, Any, Any, Any]) -> HealthServices:
    services: HealthServices = served_bundle(connection, HEALTH)
    return services


def health_controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.core.health import get_health, get_readiness

    return [get_health, get_readiness]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.core.health import get_status
    from adapters.http.core.ws import events_socket

    return [get_status, events_socket]


def api_controllers() -> Sequence[ControllerRouterHandler]:
    from adapters.http.core import auth, monitoring

    return [auth.AuthController, *monitoring.CONTROLLERS]


def health_context(services: HealthServices) -> HttpContext:
    """/health and /ready over the probes."""
    return HttpContext(HEALTH, services, health_controllers, path=ROOT)


def context(services: CoreServices) -> HttpContext:
    """/api/status and /ws/events at the root, the auth and monitoring routes under /api/v1."""
    return HttpContext(
        NAME, services, controllers, path=ROOT, elsewhere=((API_PREFIX, api_controllers()),)
    )
