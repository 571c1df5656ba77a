"""The HTTP surface's settings (HttpConfig) and the readiness probe's shape, handed in by the
composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Where the app keeps its HttpConfig in `app.state` (for handlers that read it directly).
HTTP_CONFIG_STATE_KEY = "http_config"
# A readiness probe: answers (ok, details) about one component.
Probe = Callable[[], Awaitable[tuple[bool, Mapping[str, Any]]]]


@dataclass(frozen=True)
class Degrading:
    """The probe of a dependency this instance goes on serving without, in a degraded way:
    while it is down `/ready` stays 200, names it and says what degrades (`degrades`)."""

    probe: Probe
    degrades: str

    async def __call__(self) -> tuple[bool, Mapping[str, Any]]:
        return await self.probe()


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
    # This server's origin as its users reach it (BULWARK_PUBLIC_URL, no trailing slash); None:
    # the scheme and Host each request came with (adapters/http/security.py: public_origin).
    public_url: str | None = None
    hsts_seconds: int = 31_536_000
    kyc_max_bytes: int = 10_485_760  # the KYC upload route's own body limit
    analytics_max_body_bytes: int = 67_108_864  # the options compute routes' own limit
    # /metrics: a bearer token a scrape must bring when set; hidden: 404 to all
    # (prod without a token: nothing about the desk is served by default).
    metrics_token: str | None = field(default=None, repr=False)
    metrics_hidden: bool = False
    # POST /api/v1/monitoring/alertmanager: the bearer token Alertmanager brings (None: 401 to all).
    alertmanager_token: str | None = field(default=None, repr=False)
