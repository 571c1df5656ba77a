"""What the core is built with: each factory imports its adapter (and its libraries: Kafka,
Redis, SQLAlchemy, argon2, exchange calendars) only when its provider is first built, so a
command that builds the core without using, say, Kafka or Redis never imports them."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

    from redis.asyncio import Redis
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.brokers.paper import PaperBroker
    from adapters.brokers.paper.drill import FaultSwitch
    from adapters.memory.audit import InMemoryAuditLog
    from adapters.memory.bus import InProcessEventBus
    from adapters.memory.key_vault import InMemoryKeyVault
    from adapters.memory.marketdata import InMemoryMarketData
    from adapters.memory.notification_endpoints import InMemoryNotificationEndpointStore
    from adapters.memory.notifications import InMemoryNotificationStore
    from adapters.memory.ratelimit import InMemoryRateLimiter
    from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
    from adapters.metrics.meter import PrometheusMeter
    from adapters.postgres.audit import SqlAuditLog
    from adapters.postgres.outbox import OutboxRelay, OutboxWriter, RelayingPublisher
    from adapters.postgres.repos.key_vault import SqlKeyVault
    from adapters.postgres.repos.notification_endpoints import SqlNotificationEndpointStore
    from adapters.postgres.repos.notifications import SqlNotificationStore
    from adapters.postgres.uow import SqlUnitOfWork
    from adapters.redis.cache import RedisQuoteCache
    from adapters.redis.fallback import FallbackRateLimiter
    from adapters.redis.ratelimit import RedisRateLimiter
    from adapters.security.argon2_hasher import Argon2Hasher
    from adapters.security.totp import PyOtpVerifier
    from adapters.tracing.messages import MessageTracing
    from application.core.audit_log import AuditLogService
    from application.identity.apikeys import ApiKeyService
    from application.identity.auth import AuthConfig, AuthService
    from application.identity.last_sessions import LastSessions
    from application.keys.vault import KeyVaultService
    from application.market_data.quotes import CachedMarketData
    from application.notifications.directory import ChannelDestinations
    from application.trading.broker_router import BrokerRouter, BrokerRoutes
    from application.trading.policies import PolicyCache
    from application.trading.throttle import SharedThrottle
    from bootstrap.kafka import FanoutPublisher, KafkaLink
    from bootstrap.settings import Settings
    from bootstrap.settings.calendars import CalendarSettings
    from bootstrap.tracing import Tracing
    from ports.calendars import SessionSource
    from ports.core.audit import AuditTrail
    from ports.core.clock import Clock, IdGenerator
    from ports.core.encryption import SecretSealer
    from ports.core.events import AuditLog, EventPublisher, Notifier
    from ports.core.metrics import Meter
    from ports.core.ratelimit import RateLimiter
    from ports.core.security import PasswordHasher
    from ports.core.tracing import Tracer
    from ports.core.unit_of_work import UnitOfWorkFactory
    from ports.identity.identity import TokenIssuer, TotpVerifier
    from ports.market_data.cache import QuoteCache
    from ports.market_data.marketdata import MarketDataPort
    from ports.notifications.notification_endpoints import NotificationEndpointStore


def memory_notification_store() -> InMemoryNotificationStore:
    from adapters.memory.notifications import InMemoryNotificationStore

    return InMemoryNotificationStore()


def sql_notification_store(engine: AsyncEngine) -> SqlNotificationStore:
    from adapters.postgres.repos.notifications import SqlNotificationStore

    return SqlNotificationStore(engine)


def memory_notification_endpoint_store() -> InMemoryNotificationEndpointStore:
    from adapters.memory.notification_endpoints import InMemoryNotificationEndpointStore

    return InMemoryNotificationEndpointStore()


def sql_notification_endpoint_store(engine: AsyncEngine) -> SqlNotificationEndpointStore:
    from adapters.postgres.repos.notification_endpoints import SqlNotificationEndpointStore

    return SqlNotificationEndpointStore(engine)


def memory_audit() -> InMemoryAuditLog:
    from adapters.memory.bus import InMemoryAuditLog

    return InMemoryAuditLog()


def sql_audit(engine: AsyncEngine) -> SqlAuditLog:
    from adapters.postgres.audit import SqlAuditLog

    return SqlAuditLog(engine)


def memory_key_vault_store() -> InMemoryKeyVault:
    from adapters.memory.key_vault import InMemoryKeyVault

    return InMemoryKeyVault()


def sql_key_vault_store(engine: AsyncEngine) -> SqlKeyVault:
    from adapters.postgres.repos.key_vault import SqlKeyVault

    return SqlKeyVault(engine)


def build_tracing(settings: Settings) -> Tracing:
    from bootstrap.tracing import build_tracing as build

    return build(settings)


def channel_destinations(
    uow_factory: UnitOfWorkFactory, endpoints: NotificationEndpointStore, sealer: SecretSealer
) -> ChannelDestinations:
    from application.notifications.directory import ChannelDestinations

    return ChannelDestinations(uow_factory, endpoints, sealer)


def in_process_event_bus() -> InProcessEventBus:
    from adapters.memory.bus import InProcessEventBus

    return InProcessEventBus()


def exchange_calendar_sessions(
    clock: Clock, settings: CalendarSettings | None = None
) -> SessionSource:
    """exchange_calendars' sessions, kept in BULWARK_CALENDAR_CACHE_DIR once built (a later
    start reads them there and imports neither the library nor pandas)."""
    from adapters.calendars.exchange import ExchangeCalendarSessions

    source = ExchangeCalendarSessions(clock)
    if settings is None or not settings.cache_dir:
        return source
    from importlib.metadata import version

    from adapters.calendars.cached import CachedSessions

    library = f"exchange_calendars {version('exchange_calendars')}"
    return CachedSessions(source, Path(settings.cache_dir), library)


def outbox_relay(
    engine: AsyncEngine, publisher: EventPublisher, *, tracer: Tracer, destination: str
) -> OutboxRelay:
    from adapters.postgres.outbox import OutboxRelay

    return OutboxRelay(engine, publisher, tracer=tracer, destination=destination)


def audit_log_service(trail: AuditTrail, uow_factory: UnitOfWorkFactory) -> AuditLogService:
    from application.core.audit_log import AuditLogService

    return AuditLogService(trail, uow_factory)


def prometheus_meter() -> PrometheusMeter:
    from adapters.metrics.meter import PrometheusMeter

    return PrometheusMeter()


def argon2_hasher() -> Argon2Hasher:
    from adapters.security.argon2_hasher import Argon2Hasher

    return Argon2Hasher()


def py_otp_verifier() -> PyOtpVerifier:
    from adapters.security.totp import PyOtpVerifier

    return PyOtpVerifier()


def auth_service(
    uow_factory: UnitOfWorkFactory,
    hasher: PasswordHasher,
    tokens: TokenIssuer,
    totp: TotpVerifier,
    sealer: SecretSealer,
    clock: Clock,
    ids: IdGenerator,
    audit: AuditLog,
    config: AuthConfig | None,
    notifier: Notifier | None,
    last_sessions: LastSessions | None,
) -> AuthService:
    from application.identity.auth import AuthService

    return AuthService(
        uow_factory,
        hasher,
        tokens,
        totp,
        sealer,
        clock,
        ids,
        audit,
        config,
        notifier=notifier,
        last_sessions=last_sessions,
    )


def api_key_service(
    uow_factory: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, audit: AuditLog
) -> ApiKeyService:
    from application.identity.apikeys import ApiKeyService

    return ApiKeyService(uow_factory, clock, ids, audit)


def paper_fault_switch(settings: Settings) -> FaultSwitch | None:
    from bootstrap.brokers import paper_fault_switch as build

    return build(settings)


def paper_broker_reopening(
    market: InMemoryMarketData, clock: Clock, ids: IdGenerator, uow_factory: UnitOfWorkFactory
) -> PaperBroker:
    from bootstrap.reference_data import paper_broker_reopening as build

    return build(market, clock, ids, uow_factory)


def broker_router(
    settings: Settings,
    paper: PaperBroker,
    clock: Clock,
    vault: KeyVaultService | None,
    meter: Meter | None,
    faults: FaultSwitch | None,
    routes: BrokerRoutes,
) -> BrokerRouter:
    from bootstrap.brokers import broker_router as build

    return build(settings, paper, clock, vault=vault, meter=meter, faults=faults, routes=routes)


async def brokers_lifetime(router: BrokerRouter) -> AsyncIterator[BrokerRouter]:
    from bootstrap.brokers import brokers_lifetime as build

    async with asynccontextmanager(build)(router) as value:
        yield value


# The contexts whose requests run the compute backend's kernels (Monte Carlo, VaR, options):
# an instance serving none of them neither compiles nor loads the kernels (nor numba) at start.
COMPUTE_CONTEXTS = ("analytics", "portfolio")


def compute_warmed(settings: Settings) -> bool:
    """Whether the kernels are warmed at start: BULWARK_COMPUTE_WARMUP, and a context served
    that runs them."""
    return settings.compute.warmup and any(map(settings.core.serves, COMPUTE_CONTEXTS))


def memory_unit_of_work_factory(store: InMemoryStore) -> Callable[[], InMemoryUnitOfWork]:
    from adapters.memory.store import unit_of_work_factory

    return unit_of_work_factory(store)


def sql_unit_of_work_factory(
    engine: AsyncEngine, outbox: OutboxWriter | None
) -> Callable[[], SqlUnitOfWork]:
    from adapters.postgres.uow import unit_of_work_factory

    return unit_of_work_factory(engine, outbox)


def redis_from_url(url: str) -> Redis:
    from adapters.redis.client import redis_from_url as build

    return build(url)


def in_memory_rate_limiter(clock: Clock) -> InMemoryRateLimiter:
    from adapters.memory.ratelimit import InMemoryRateLimiter

    return InMemoryRateLimiter(clock)


def redis_rate_limiter(redis: Redis) -> RedisRateLimiter:
    from adapters.redis.ratelimit import RedisRateLimiter

    return RedisRateLimiter(redis)


def fallback_rate_limiter(primary: RateLimiter, fallback: RateLimiter) -> FallbackRateLimiter:
    from adapters.redis.fallback import FallbackRateLimiter

    return FallbackRateLimiter(primary, fallback)


def cached_market_data(
    market: MarketDataPort, cache: QuoteCache, ttl_seconds: float
) -> CachedMarketData:
    from application.market_data.quotes import CachedMarketData

    return CachedMarketData(market, cache, ttl_seconds)


def shared_throttle(limiter: RateLimiter) -> SharedThrottle:
    from application.trading.throttle import SharedThrottle

    return SharedThrottle(limiter)


def kafka_link(
    settings: Settings,
    clock: Clock,
    notifier: Notifier,
    bus: InProcessEventBus,
    policies: PolicyCache,
    *,
    tracing: MessageTracing,
) -> KafkaLink:
    from bootstrap.kafka import KafkaLink

    return KafkaLink(settings, clock, notifier, bus, policies, tracing=tracing)


def fanout_publisher(bus: EventPublisher, kafka: KafkaLink, *, strict: bool) -> FanoutPublisher:
    from bootstrap.kafka import FanoutPublisher

    return FanoutPublisher(bus, kafka, strict=strict)


def relaying_publisher(
    publisher: EventPublisher, relay: OutboxRelay, *, from_memory: bool
) -> RelayingPublisher:
    from adapters.postgres.outbox import RelayingPublisher

    return RelayingPublisher(publisher, relay, from_memory=from_memory)


def outbox_writer(*, tracer: Tracer) -> OutboxWriter:
    from adapters.postgres.outbox import OutboxWriter

    return OutboxWriter(tracer=tracer)


def redis_quote_cache(redis: Redis) -> RedisQuoteCache:
    from adapters.redis.cache import RedisQuoteCache

    return RedisQuoteCache(redis)


async def nothing_to_relay() -> int:
    """The in-memory store's outbox: nothing waits to be relayed."""
    return 0
