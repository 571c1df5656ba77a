"""What both listeners (the API's and the kill switch's lane) are built with: the HTTP
settings, the readiness probes, what /api/status shows, the edge's services, and the lane's
contexts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bootstrap.settings import Settings

if TYPE_CHECKING:
    from adapters.http.contexts import HttpContext
    from adapters.http.core import EdgeServices
    from adapters.http.services import HttpConfig

VERSION = "0.1.0"


def metrics_access(settings: Settings) -> tuple[str | None, bool]:
    """(token, hidden) for /metrics: a token when set; in prod without one, closed (409)."""
    token = (
        None
        if settings.observability.metrics_token is None
        else settings.observability.metrics_token.reveal()
    )
    return token, token is None and settings.core.env == "prod"


def http_config(settings: Settings) -> HttpConfig:
    from adapters.http.services import HttpConfig

    return HttpConfig(
        version=VERSION,
        max_body_bytes=settings.http.max_body_bytes,
        json_max_depth=settings.http.json_max_depth,
        json_max_string_bytes=settings.http.json_max_string_bytes,
        login_rate_per_minute=settings.http.login_rate_per_minute,
        refresh_rate_per_minute=settings.http.refresh_rate_per_minute,
        kill_switch_rate_per_minute=settings.http.kill_switch_rate_per_minute,
        api_rate_per_minute=settings.http.api_rate_per_minute,
        ws_ping_seconds=settings.http.ws_ping_seconds,
        ws_queue_size=settings.http.ws_queue_size,
        docs_enabled=settings.core.docs_enabled,
        cors_origins=settings.http.cors_origins,
        public_url=(settings.http.public_url or "").rstrip("/") or None,
        kyc_max_bytes=settings.kyc.kyc_max_bytes,
        analytics_max_body_bytes=settings.http.analytics_max_body_bytes,  # options compute
        # /metrics: its bearer token, or hidden in prod without one.
        metrics_token=metrics_access(settings)[0],
        metrics_hidden=metrics_access(settings)[1],
        alertmanager_token=(
            None
            if settings.observability.alertmanager_token is None
            else settings.observability.alertmanager_token.reveal()
        ),
    )


def summary(settings: Settings) -> dict[str, Any]:
    """What /api/status shows of the configuration: adapter choices, never secrets or URLs."""
    return {
        "env": settings.core.env,
        "store": settings.store.database_url.split("://", 1)[0],
        "broker": settings.brokers.broker,
        "market_data": settings.market_data.primary,
        "redis": settings.redis.url is not None,
        "kafka": settings.kafka.bootstrap is not None,
        # The paper broker may lie on purpose (kill-switch drills, BULWARK_PAPER_FAULTS).
        "paper_drills": settings.brokers.paper_faults is not None,
    }


def store_probe(kind: str, engine: Any) -> Any:
    """The store's readiness check: a query on SQL, always ready in memory."""
    from bootstrap.storage import memory_probe, sql_probe

    return sql_probe(engine()) if kind == "sql" else memory_probe


REDIS_DEGRADES = (
    "the API rate limit falls back to each process's own; orders under ORDER_RATE rules are "
    "denied (RISK_CHECK_ERROR); Idempotency-Key claims are skipped (the orders' unique key "
    "still replays); rule changes and other instances' events are not heard; the kill switch "
    "works through the store (docs/reliability.md#redis-lost)"
)
KAFKA_BROKERS_DEGRADES = (
    "events wait in the outbox and go out when the brokers are back; Kafka commands and other "
    "instances' emergency broadcasts are not heard meanwhile; HTTP orders and the kill switch "
    "work through the store"
)


def readiness_probes(store: Any, kafka: Any, redis: Any = None, **contexts: Any) -> dict[str, Any]:
    """What /ready checks: the store; Kafka when configured (this process's producer and
    emergency listener required; the brokers' answer degrading); Redis when configured
    (degrading: docs/reliability.md); and each context's own probe (`contexts`, by name)."""
    from adapters.http.services import Degrading

    probes = {"store": store, **contexts}
    if kafka is not None:
        probes["kafka"] = kafka.probe
        probes["kafka_brokers"] = Degrading(kafka.brokers_probe, KAFKA_BROKERS_DEGRADES)
    if redis is not None:
        probes["redis"] = Degrading(redis_probe(redis), REDIS_DEGRADES)
    return probes


def redis_probe(client: Any) -> Any:
    """Redis answers a PING (its client gives up after 1 s)."""

    async def probe() -> tuple[bool, dict[str, Any]]:
        return bool(await client.ping()), {}

    return probe


def edge_services(**services: Any) -> EdgeServices:
    """What every request of a listener reads at the edge: the caller's credentials checked,
    the clock, the API's limit (adapters/http/core)."""
    from adapters.http.core import EdgeServices

    return EdgeServices(**services)


def lane_contexts(*, clock: Any, probes: Any, **safety: Any) -> list[HttpContext]:
    """The kill switch's listener's contexts: the health checks, and of the safety context
    the kill-switch routes alone (over the lane's own kill switch)."""
    from adapters.http.core import HealthServices, health_context
    from adapters.http.safety import SafetyServices, kill_switch_context

    return [
        health_context(HealthServices(clock, probes)),
        kill_switch_context(SafetyServices(**safety)),
    ]
