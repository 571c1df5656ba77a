"""What the HTTP adapter needs from the core: the use cases, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from adapters.http.events import EventHub
from application.identity.apikeys import ApiKeyService
from application.identity.auth import AuthService
from application.market_data.stream_monitor import StreamMonitorService
from application.safety.agents import AgentService
from application.safety.drill_faults import DrillFaultControl
from application.safety.killswitch import KillSwitchService
from application.safety.margin import MarginService
from application.safety.succession import SuccessionService
from application.trading.account_admin import AccountAdmin
from application.trading.account_sync import AccountSync
from application.trading.accounts import AccountQueries
from application.trading.in_doubt_watch import InDoubtWatch
from application.trading.instrument_catalog import InstrumentCatalog
from application.trading.orders import OrderService
from application.trading.risk import RiskService
from ports.clock import Clock
from ports.compute import ComputePort
from ports.idempotency import IdempotencyStore
from ports.ratelimit import RateLimiter

# Where the app keeps its HttpConfig in `app.state` (for handlers that read it directly).
HTTP_CONFIG_STATE_KEY = "http_config"
# A readiness probe: answers (ok, details) about one component.
Probe = Callable[[], Awaitable[tuple[bool, Mapping[str, Any]]]]


@dataclass(frozen=True)
class HttpConfig:
    """Limits and switches of the HTTP surface (from settings)."""

    version: str = "0.1.0"
    max_body_bytes: int = 1_048_576
    json_max_depth: int = 64
    json_max_string_bytes: int = 65_536
    login_rate_per_minute: int = 10
    refresh_rate_per_minute: int = 30
    kill_switch_rate_per_minute: int = 30
    api_rate_per_minute: int = 1200
    ws_ping_seconds: float = 20.0
    ws_queue_size: int = 1000
    docs_enabled: bool = True
    cors_origins: tuple[str, ...] = ()
    hsts_seconds: int = 31_536_000
    kyc_max_bytes: int = 10_485_760  # the KYC upload route's own body limit
    analytics_max_body_bytes: int = 67_108_864  # the options compute routes' own limit
    # /metrics: a bearer token a scrape must bring when set; hidden: 404 to all
    # (prod without a token: nothing about the desk is served by default).
    metrics_token: str | None = field(default=None, repr=False)
    metrics_hidden: bool = False


@dataclass
class ApiServices:
    """The shared things every route reads (clock, auth, limits, events) and the use cases of
    the controllers not yet in a context of their own (adapters/http/contexts.py); built by
    bootstrap, never by the adapter."""

    clock: Clock
    auth: AuthService
    api_keys: ApiKeyService
    accounts: AccountQueries
    orders: OrderService
    risk: RiskService
    killswitch: KillSwitchService
    agents: AgentService
    margin: MarginService
    succession: SuccessionService
    events: EventHub
    rate_limiter: RateLimiter
    probes: Mapping[str, Probe] = field(default_factory=dict)
    settings_summary: Mapping[str, Any] = field(default_factory=dict)
    streams: StreamMonitorService | None = None  # None when Kafka is not configured
    # Idempotency-Key claims across instances; None: the orders table's unique key alone.
    idempotency: IdempotencyStore | None = None
    account_admin: AccountAdmin | None = None  # open, change, close accounts
    account_sync: AccountSync | None = None  # import an account's state from its broker
    instruments: InstrumentCatalog | None = None  # instrument reference data
    drill_faults: DrillFaultControl | None = None  # the paper broker's drill faults (admin)
    # The quant kernels' backend (CPU or CUDA; /api/status shows it).
    compute: ComputePort | None = None
    # Orders approved but never acknowledged by their broker, as the watch last left them.
    in_doubt: InDoubtWatch | None = None
