"""The dependency-injector container: picks adapters from the settings and wires the use cases."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import structlog
from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.http.events import EventHub
from adapters.http.services import ApiServices, HttpConfig
from adapters.memory.bus import InMemoryAuditLog, InProcessEventBus
from adapters.memory.clock import SystemClock, UuidGenerator
from adapters.memory.equity import InMemoryEquityHistory
from adapters.memory.idempotency import InMemoryIdempotencyStore
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.ratelimit import InMemoryRateLimiter
from adapters.memory.signals import InMemorySignalRepository
from adapters.memory.store import InMemoryStore
from adapters.memory.store import unit_of_work_factory as memory_uow_factory
from adapters.metrics.meter import PrometheusMeter
from adapters.notifications.http_senders import SlackSender, TelegramSender, WebhookSender
from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.equity import SqlEquityHistory
from adapters.postgres.outbox import OutboxRelay, OutboxWriter, RelayingPublisher
from adapters.postgres.repos.signals import SqlSignalRepository
from adapters.postgres.uow import unit_of_work_factory as sql_uow_factory
from adapters.redis.broadcast import RedisBroadcast
from adapters.redis.cache import RedisQuoteCache
from adapters.redis.client import redis_from_url
from adapters.redis.fallback import FallbackRateLimiter
from adapters.redis.idempotency import RedisIdempotencyStore
from adapters.redis.ratelimit import RedisRateLimiter
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.security.jwt_tokens import RsaJwtIssuer
from adapters.security.totp import PyOtpVerifier
from application.account_admin import AccountAdmin
from application.account_sync import AccountSync
from application.accounts import AccountQueries
from application.agents import AgentService, HeartbeatMonitor
from application.alternatives import AlternativesService
from application.american_options import AmericanOptionsService
from application.apikeys import ApiKeyService
from application.audit_log import AuditLogService
from application.auth import AuthConfig, AuthService
from application.broker_credentials import BrokerCredentialService
from application.concurrency import KeyedLocks
from application.crypto import CryptoAnalyticsService
from application.crypto_wallets import WalletBalanceService
from application.drill_faults import DrillFaultControl
from application.equity_snapshots import EquitySnapshots
from application.esg import EsgService
from application.fear_greed_recorder import FearGreedRecorder
from application.fixed_income import FixedIncomeService
from application.form13f import Form13FService
from application.futures import FuturesService
from application.giving import GivingService
from application.giving_suggestion import GivingSuggestionService
from application.halts import HaltLatch
from application.illiquid_assets import IlliquidAssetService
from application.in_doubt_watch import InDoubtWatch
from application.insiders import InsiderService
from application.instrument_catalog import InstrumentCatalog
from application.invitations import InvitationService
from application.key_rotation_jobs import KeyRotationJobs
from application.key_vault_expiry import KeyExpiryWatch
from application.key_vault_sources import VaultSealedSource
from application.keywords import KeywordService
from application.killswitch import KillSwitchConfig, KillSwitchService
from application.killswitch_memory import KillSwitchMemory
from application.kyc import KycService
from application.kyc_rotation import KycDocumentKeys
from application.last_sessions import LastSessions
from application.macro import MacroService
from application.margin import MarginService, MarginWatch
from application.market import MarketService
from application.market_regime import RegimeDetectionService
from application.ml_models import MlModelService
from application.notification_channels import WebSocketSender
from application.notification_directory import ChannelDestinations, EndpointSecretSource
from application.notification_endpoints import NotificationEndpoints
from application.notifications import SealedDeliveryBodies
from application.notifications_api import NotificationService
from application.optimization import OptimizationService
from application.orders import OrderService
from application.password_reset import PasswordResetService
from application.performance import PerformanceService
from application.planning import PlanningService
from application.policies import PolicyCache
from application.portfolios import PortfolioService
from application.provider_watch import ProviderWatch
from application.providers import ProviderService
from application.public_throttle import ClientThrottle
from application.quotes import CachedMarketData
from application.rates import RatesService
from application.risk import RiskService
from application.risk_books import RiskBooks
from application.scenario_simulation import ScenarioSimulationService
from application.scenarios import ScenarioService
from application.sentiment import SentimentService
from application.signals import SignalService
from application.strategies import StrategyService
from application.strategy_processor import StrategyProcessor
from application.succession import SuccessionScheduler, SuccessionService
from application.surveillance import SurveillanceService
from application.throttle import SharedThrottle
from application.triggers import LossLimitWatch
from application.user_admin import UserAdminService
from application.valuations import ValuationService
from application.value_at_risk import ValueAtRiskService
from application.workspaces import WorkspaceService
from bootstrap import compute as compute_wiring
from bootstrap import crypto as crypto_wiring
from bootstrap import encryption, keys, notification_channels, notifications
from bootstrap import esg as esg_wiring
from bootstrap import giving as giving_wiring
from bootstrap import illiquid as illiquid_wiring
from bootstrap import inference as inference_wiring
from bootstrap import key_vault as vault_wiring
from bootstrap import kyc as kyc_wiring
from bootstrap import markets as markets_wiring
from bootstrap import options as options_wiring
from bootstrap import planning as planning_wiring
from bootstrap import portfolios as portfolios_wiring
from bootstrap import rates as rates_wiring
from bootstrap import sentiment_indices as sentiment_wiring
from bootstrap import surveillance as surveillance_wiring
from bootstrap import tax as tax_wiring
from bootstrap.backtests import backtest_service, backtest_store, backtests_lifetime
from bootstrap.brokers import broker_router, brokers_lifetime, paper_fault_switch
from bootstrap.cluster import ClusterBridge, cluster_lifetime
from bootstrap.crash_rehearsal import rehearsing_store
from bootstrap.kafka import FanoutPublisher, KafkaLink, kafka_lifetime
from bootstrap.market_feed import build_market_feed, build_quote_pump, market_feed_lifetime
from bootstrap.metrics import metrics_access
from bootstrap.performance import snapshot_loop
from bootstrap.periodic import running_every
from bootstrap.quote_board import board_role, quote_board_lifetime
from bootstrap.reference_data import asset_directory, paper_broker_reopening, routed_brokers
from bootstrap.settings import Settings
from bootstrap.signals import signal_engine, signal_scanner
from bootstrap.storage import (
    memory_probe,
    sql_engine,
    sql_probe,
    store_kind,
)
from bootstrap.strategies import strategy_runtime, strategy_stores
from bootstrap.tracing import build_tracing
from domain.events import DomainEvent
from ports.key_vault import SEALED_FIELDS

_log = structlog.get_logger("bulwark.container")
VERSION = "0.1.0"


def token_issuer(settings: Settings) -> RsaJwtIssuer:
    """RS256 signer: the configured PEM key, else a fresh key (tokens die with the process)."""
    if settings.identity.jwt_private_key_file:
        pem = Path(settings.identity.jwt_private_key_file).read_bytes()
        return RsaJwtIssuer(
            pem, issuer=settings.identity.jwt_issuer, audience=settings.identity.jwt_audience
        )
    _log.warning("jwt_key_generated", hint="set BULWARK_JWT_PRIVATE_KEY_FILE to keep sessions")
    return RsaJwtIssuer.generate(
        issuer=settings.identity.jwt_issuer, audience=settings.identity.jwt_audience
    )


def http_config(settings: Settings) -> HttpConfig:
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
        kyc_max_bytes=settings.kyc.kyc_max_bytes,
        analytics_max_body_bytes=settings.http.analytics_max_body_bytes,  # options compute
        # /metrics: its bearer token, or hidden in prod without one.
        metrics_token=metrics_access(settings)[0],
        metrics_hidden=metrics_access(settings)[1],
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


async def watchers(
    checks: Mapping[str, Callable[[], Awaitable[object]]], every_seconds: float
) -> AsyncIterator[dict[str, asyncio.Task[None]]]:
    """Background loops (heartbeats, margin, loss limits, succession) for the app's lifetime."""
    async with running_every(checks, every_seconds) as tasks:
        yield tasks


def readiness_probes(store: Any, kafka: KafkaLink | None) -> dict[str, Any]:
    """What /ready checks: the store, and Kafka when it is configured."""
    probes = {"store": store}
    if kafka is not None:
        probes["kafka"] = kafka.probe
    return probes


async def nothing_to_relay() -> int:
    return 0


async def database_lifetime(
    settings: Settings, engine: Callable[[], AsyncEngine], publisher: Callable[[], Any]
) -> AsyncIterator[None]:
    """At shutdown: lets an outbox drain in flight finish, then closes the pool's connections
    (nothing to do for the in-memory store)."""
    try:
        yield
    finally:
        if store_kind(settings) == "sql":
            idle = getattr(publisher(), "idle", None)
            if idle is not None:
                with contextlib.suppress(Exception):
                    await idle()
            await engine().dispose()


def connect_bridge(bus: InProcessEventBus, bridge: ClusterBridge) -> ClusterBridge:
    bus.subscribe(DomainEvent, bridge.forward)
    return bridge


def connect_hub(bus: InProcessEventBus, hub: EventHub) -> EventHub:
    bus.subscribe(DomainEvent, hub.publish)
    return hub


def relay_destination(settings: Settings) -> str:
    """Where the outbox relay sends events, naming its span: the events topic, or the bus."""
    return settings.kafka.topic_events if settings.kafka.bootstrap else "in-process"


def lane_kill_switch(*args: Any, **kwargs: Any) -> KillSwitchService:
    """The kill switch that moves to its lane once started (imported late: the lane module
    builds containers itself)."""
    from bootstrap.killswitch_lane import LaneKillSwitch

    return LaneKillSwitch(*args, **kwargs)


class Container(containers.DeclarativeContainer):
    """Embedded defaults: in-memory store, in-process bus, paper broker, in-memory market data."""

    settings = providers.Dependency(instance_of=Settings)

    clock = providers.Singleton(SystemClock)
    ids = providers.Singleton(UuidGenerator)
    # OpenTelemetry when BULWARK_OTLP_ENDPOINT is set, else off (bootstrap/tracing.py).
    tracing = providers.Singleton(build_tracing, settings)
    store_kind = providers.Callable(store_kind, settings)
    store = providers.Singleton(
        InMemoryStore, max_orders=providers.Callable(lambda s: s.store.memory_max_orders, settings)
    )
    engine = providers.Singleton(sql_engine, settings)
    uow_factory = providers.Selector(
        store_kind,
        memory=providers.Singleton(memory_uow_factory, store),
        sql=providers.Singleton(
            sql_uow_factory,
            engine,
            # Outbox rows keep the request's trace context when tracing is on (docs/tracing.md).
            providers.Singleton(OutboxWriter, tracer=tracing.provided.tracer),
        ),
    )
    market = providers.Singleton(InMemoryMarketData, clock)
    # Reopens the book of a stored paper account on first use (after a restart).
    paper_broker = providers.Singleton(paper_broker_reopening, market, clock, ids, uow_factory)
    # The failover feed: the primary provider, then the fallbacks (bootstrap/market_feed.py).
    market_feed = providers.Singleton(build_market_feed, settings, market, clock)
    # Another primary than synthetic: the pump copies the feed's quotes to `market` (None else).
    quote_pump = providers.Singleton(
        build_quote_pump, settings, market_feed, market, uow_factory, clock
    )
    shared_kind = providers.Callable(lambda s: "redis" if s.redis.url else "local", settings)
    redis_client = providers.Singleton(lambda s: redis_from_url(s.redis.url), settings)
    rate_limiter = providers.Selector(
        shared_kind,
        local=providers.Singleton(InMemoryRateLimiter, clock),
        redis=providers.Singleton(RedisRateLimiter, redis_client),
    )
    # What the use cases read prices from: with Redis, quotes through the shared cache.
    quotes = providers.Selector(
        shared_kind,
        local=market,
        redis=providers.Singleton(
            CachedMarketData,
            market,
            providers.Singleton(RedisQuoteCache, redis_client),
            settings.provided.redis.quote_cache_ttl_seconds,
        ),
    )
    # With Redis, the order-rate throttle counts across instances (application/throttle.py).
    throttle = providers.Selector(
        shared_kind,
        local=providers.Object(None),
        redis=providers.Singleton(SharedThrottle, rate_limiter),
    )
    # Kill-switch drills: the faults the paper broker shows (None unless BULWARK_PAPER_FAULTS).
    paper_faults = providers.Singleton(paper_fault_switch, settings)
    brokers = providers.Singleton(broker_router, settings, paper_broker, clock, faults=paper_faults)
    # Into the notification center (wired at the end: bootstrap/notifications.py).
    notifier = providers.Singleton(notifications.notifier)
    policies = providers.Singleton(PolicyCache)
    bus = providers.Singleton(InProcessEventBus)
    # With Kafka, events go to the bus and then to Kafka (see bootstrap/kafka.py).
    kafka_kind = providers.Callable(lambda s: "kafka" if s.kafka.bootstrap else "none", settings)
    kafka_link = providers.Selector(
        kafka_kind,
        none=providers.Object(None),
        kafka=providers.Singleton(
            KafkaLink, settings, clock, notifier, bus, policies, tracing=tracing.provided.messages
        ),
    )
    relay_target = providers.Selector(
        kafka_kind,
        none=bus,
        kafka=providers.Singleton(FanoutPublisher, bus, kafka_link, strict=True),
    )
    direct_target = providers.Selector(
        kafka_kind,
        none=bus,
        kafka=providers.Singleton(FanoutPublisher, bus, kafka_link, strict=False),
    )
    relay = providers.Singleton(
        OutboxRelay,
        engine,
        relay_target,
        tracer=tracing.provided.tracer,
        destination=providers.Callable(relay_destination, settings),
    )
    # What use cases publish to: the bus (and Kafka), after the outbox when the store has one.
    publisher = providers.Selector(
        store_kind,
        memory=direct_target,
        sql=providers.Singleton(RelayingPublisher, direct_target, relay, from_memory=True),
    )
    audit = providers.Selector(
        store_kind,
        memory=providers.Singleton(InMemoryAuditLog),
        sql=providers.Singleton(SqlAuditLog, engine),
    )
    hasher = providers.Singleton(Argon2Hasher)
    locks = providers.Singleton(KeyedLocks)
    # Shared by the order path and the kill switch, whichever thread it runs on.
    latch = providers.Singleton(HaltLatch)
    tokens = providers.Singleton(token_issuer, settings)
    # Envelope encryption: every secret stored from now on goes through `sealer`;
    # each store of sealed secrets adds its SealedRecordSource to `sealed_sources` for rotation.
    key_provider = providers.Singleton(encryption.key_provider, settings)
    legacy_cipher = providers.Singleton(encryption.legacy_cipher, settings)
    sealer = providers.Singleton(encryption.secret_sealer, key_provider, legacy_cipher)
    keys_ephemeral = providers.Callable(encryption.keys_ephemeral, settings)
    secrets_die_on_restart = providers.Callable(
        encryption.secrets_die_on_restart, settings, store_kind
    )
    sealed_sources = providers.List()
    totp = providers.Singleton(PyOtpVerifier)
    # The API-key vault (bootstrap/key_vault.py): third-party keys per user, sealed with
    # `sealer`; an account's broker credentials are the key linked to it, read per call.
    key_vault_store = providers.Singleton(vault_wiring.key_vault_store, store_kind, engine.provider)
    key_vault = providers.Singleton(
        vault_wiring.key_vault_service, settings, uow_factory, key_vault_store, sealer, clock,
        ids, audit, keys_ephemeral,
    )  # fmt: skip
    # (No generator here: a comprehension in a class body cannot see the class's names.)
    sealed_sources.add_args(
        providers.Singleton(VaultSealedSource, key_vault_store, SEALED_FIELDS[0]),
        providers.Singleton(VaultSealedSource, key_vault_store, SEALED_FIELDS[1]),
        providers.Singleton(VaultSealedSource, key_vault_store, SEALED_FIELDS[2]),
        providers.Singleton(VaultSealedSource, key_vault_store, SEALED_FIELDS[3]),
    )
    broker_credentials = providers.Singleton(BrokerCredentialService, uow_factory, key_vault)
    brokers.add_kwargs(vault=key_vault)  # declared above, before the sealer and audit

    killswitch_config = providers.Singleton(
        lambda s: KillSwitchConfig(
            deadline=s.safety.kill_switch_deadline_seconds,
            four_eyes=s.safety.four_eyes_resume,
            in_doubt_grace=s.safety.in_doubt_grace_seconds,
        ),
        settings,
    )
    auth_config = providers.Singleton(
        lambda s: AuthConfig(
            access_ttl=timedelta(seconds=s.identity.access_token_ttl_seconds),
            refresh_ttl=timedelta(days=s.identity.refresh_token_ttl_days),
        ),
        settings,
    )

    # Each account's aggregate and risk view, held between orders (application/risk_books.py).
    risk_books = providers.Singleton(RiskBooks, quotes, market)
    orders = providers.Singleton(
        OrderService,
        # Tests only: a crash before the decisions are stored (bootstrap/crash_rehearsal.py).
        providers.Singleton(rehearsing_store, settings.provided.core.env, uow_factory),
        brokers, quotes, publisher, clock, ids, policies, locks,
        throttle=throttle, latch=latch,
        max_order_notional=providers.Callable(
            lambda s: Decimal(s.http.max_order_notional), settings
        ),
        books=risk_books, tracer=tracing.provided.tracer,
        in_doubt_grace=providers.Callable(
            lambda s: timedelta(seconds=s.safety.in_doubt_grace_seconds), settings
        ),
    )  # fmt: skip
    # Runs locally until bootstrap/killswitch_lane.py starts the lane; then on the lane.
    # What the kill switch remembers to stop trading while the store is down (shared by the
    # API's kill switch and the lane's: application/killswitch_memory.py).
    killswitch_memory = providers.Singleton(KillSwitchMemory)
    killswitch = providers.Singleton(
        lane_kill_switch,
        uow_factory, brokers, publisher, hasher, clock, ids, audit, notifier, latch, orders,
        killswitch_config, tracer=tracing.provided.tracer, memory=killswitch_memory,
    )  # fmt: skip
    # Daily equity snapshots and the performance they feed (bootstrap/performance.py).
    equity_history = providers.Selector(
        store_kind,
        memory=providers.Singleton(InMemoryEquityHistory),
        sql=providers.Singleton(SqlEquityHistory, engine),
    )
    equity_snapshots = providers.Singleton(
        EquitySnapshots, uow_factory, quotes, equity_history, clock,
        batch_size=settings.provided.analytics.equity_snapshot_batch,
    )  # fmt: skip
    performance = providers.Singleton(
        PerformanceService, uow_factory, equity_history, market_feed, clock
    )
    # Inference (bootstrap/inference.py): the models directory's store, and the
    # pre-trade rater BULWARK_RISK_RATER picks (the risk model, or the rules).
    inference_choice = providers.Singleton(inference_wiring.provider_choice, settings)
    model_store = providers.Singleton(inference_wiring.model_store, settings, inference_choice)
    risk_rater = providers.Singleton(inference_wiring.risk_rater, settings, model_store)
    risk = providers.Singleton(
        RiskService, uow_factory, quotes, clock, ids, policies, audit, risk_rater, orders,
        equity_history=equity_history,
    )  # fmt: skip
    agents = providers.Singleton(AgentService, uow_factory, publisher, clock, audit)
    heartbeat_monitor = providers.Singleton(
        HeartbeatMonitor, uow_factory, killswitch, publisher, clock, audit, notifier
    )
    margin = providers.Singleton(MarginService, uow_factory, quotes)
    margin_watch = providers.Singleton(
        MarginWatch, uow_factory, quotes, killswitch, publisher, clock, audit, notifier
    )
    loss_watch = providers.Singleton(
        LossLimitWatch, uow_factory, quotes, killswitch, clock, audit, notifier, locks=locks
    )
    succession = providers.Singleton(SuccessionService, uow_factory, publisher, clock, audit)
    succession_scheduler = providers.Singleton(
        SuccessionScheduler, uow_factory, killswitch, quotes, publisher, clock, audit, notifier
    )
    # Who each token was at the last read, for a halt while the store is down (shared with
    # the kill-switch lane: application/last_sessions.py).
    last_sessions = providers.Singleton(LastSessions)
    auth = providers.Singleton(
        AuthService, uow_factory, hasher, tokens, totp, sealer, clock, ids, audit, auth_config,
        notifier=notifier, last_sessions=last_sessions,
    )  # fmt: skip
    api_keys = providers.Singleton(ApiKeyService, uow_factory, clock, ids, audit)
    # Users, invitations and sign-up, password reset (application/user_admin.py and beside).
    client_throttle = providers.Singleton(
        ClientThrottle, uow_factory, clock, auth_config.provided.client_throttle
    )
    user_admin = providers.Singleton(UserAdminService, uow_factory, auth, clock, audit, notifier)
    invitations = providers.Singleton(
        InvitationService, uow_factory, hasher, clock, ids, audit, client_throttle, notifier,
        open_signup=settings.provided.identity.open_signup,
    )  # fmt: skip
    password_resets = providers.Singleton(
        PasswordResetService, uow_factory, hasher, auth, clock, ids, audit, client_throttle,
        notifier,
    )  # fmt: skip
    workspaces = providers.Singleton(WorkspaceService, uow_factory, clock, ids)
    accounts = providers.Singleton(AccountQueries, uow_factory, quotes)
    # Accounts and instruments through the API and CLI.
    account_admin = providers.Singleton(
        AccountAdmin,
        uow_factory, clock, ids, audit, locks, providers.Callable(routed_brokers, brokers),
        books=risk_books, open_paper=paper_broker.provided.seed_account,
    )  # fmt: skip
    account_sync = providers.Singleton(
        AccountSync, uow_factory, brokers, clock, ids, audit, locks,
        books=risk_books, publisher=publisher, in_doubt=orders,
    )  # fmt: skip
    instruments = providers.Singleton(
        InstrumentCatalog,
        uow_factory, clock, audit,
        providers.Singleton(asset_directory, settings, clock, key_vault),
    )  # fmt: skip
    signal_repository = providers.Selector(
        store_kind,
        memory=providers.Singleton(InMemorySignalRepository),
        sql=providers.Singleton(SqlSignalRepository, engine),
    )
    signals = providers.Singleton(
        SignalService,
        market_feed, signal_repository, publisher, clock, ids,
        providers.Singleton(signal_engine, settings),
        lookback=settings.provided.strategies.signal_lookback_bars,
    )  # fmt: skip
    provider_service = providers.Singleton(ProviderService, market_feed, clock, audit, quote_pump)
    provider_watch = providers.Singleton(ProviderWatch, market_feed, uow_factory, notifier)
    market_service = providers.Singleton(
        MarketService,
        market_feed,
        clock,
        settings.provided.markets.market_cache_ttl_seconds,
        whale_z=settings.provided.markets.market_whale_z,
    )

    # The API limit falls back to in-process buckets while Redis is down (no 500s); the order
    # throttle uses `rate_limiter` itself and fails closed.
    api_rate_limiter = providers.Selector(
        shared_kind,
        local=rate_limiter,
        redis=providers.Singleton(
            FallbackRateLimiter, rate_limiter, providers.Singleton(InMemoryRateLimiter, clock)
        ),
    )
    idempotency = providers.Selector(
        shared_kind,
        local=providers.Singleton(InMemoryIdempotencyStore, clock),
        redis=providers.Singleton(RedisIdempotencyStore, redis_client),
    )
    http_config = providers.Singleton(http_config, settings)
    # Reading and verifying the hash-chained audit log (the `audit` provider).
    audit_log_service = providers.Singleton(AuditLogService, audit, uow_factory)
    event_hub = providers.Singleton(
        connect_hub, bus, providers.Factory(EventHub, settings.provided.http.ws_queue_size)
    )
    api_services = providers.Singleton(
        ApiServices,
        clock=clock,
        auth=auth,
        api_keys=api_keys,
        accounts=accounts,
        orders=orders,
        risk=risk,
        killswitch=killswitch,
        agents=agents,
        margin=margin,
        succession=succession,
        workspaces=workspaces,
        events=event_hub,
        rate_limiter=api_rate_limiter,
        idempotency=idempotency,
        providers=provider_service,
        market=market_service,
        signals=signals,
        broker_credentials=broker_credentials,
        key_vault=key_vault,
        users=user_admin,
        invitations=invitations,
        password_resets=password_resets,
        performance=performance,
        account_admin=account_admin,
        account_sync=account_sync,
        instruments=instruments,
        audit_log=audit_log_service,
        probes=providers.Callable(
            readiness_probes,
            providers.Selector(
                store_kind,
                memory=providers.Object(memory_probe),
                sql=providers.Singleton(sql_probe, engine),
            ),
            kafka_link,
        ),
        settings_summary=providers.Callable(summary, settings),
        streams=providers.Selector(
            kafka_kind, none=providers.Object(None), kafka=kafka_link.provided.monitor
        ),
    )

    # Orders in doubt, resolved at start-up and every few seconds (application/in_doubt_watch.py).
    in_doubt_watch = providers.Singleton(
        InDoubtWatch, uow_factory, orders, clock, notifier,
        providers.Callable(lambda s: timedelta(seconds=s.safety.in_doubt_grace_seconds), settings),
    )  # fmt: skip
    api_services.add_kwargs(in_doubt=in_doubt_watch)
    background = providers.Resource(
        watchers,
        providers.Dict(
            in_doubt=in_doubt_watch.provided.check,
            heartbeats=heartbeat_monitor.provided.check,
            margin=margin_watch.provided.check,
            providers=provider_watch.provided.check,
            loss_limits=loss_watch.provided.check,
            succession=succession_scheduler.provided.run,
            # Accounts and passcodes read for a halt while the store is down (every 5 s).
            kill_switch_memory=killswitch.provided.remember,
            outbox=providers.Selector(
                store_kind, memory=providers.Object(nothing_to_relay), sql=relay.provided.drain
            ),
        ),
        every_seconds=1.0,
    )
    database = providers.Resource(database_lifetime, settings, engine.provider, publisher.provider)
    # With Redis, instances share their events (WebSocket fan-out) and rule changes.
    cluster_bridge = providers.Selector(
        shared_kind,
        local=providers.Object(None),
        redis=providers.Singleton(
            connect_bridge,
            bus,
            providers.Singleton(
                ClusterBridge,
                providers.Singleton(RedisBroadcast, redis_client, settings.provided.redis.url),
                event_hub.provided.publish,
                policies,
            ),
        ),
    )
    cluster = providers.Resource(cluster_lifetime, cluster_bridge)
    kafka = providers.Resource(
        kafka_lifetime, kafka_link, killswitch.provider, event_hub.provided.publish
    )
    # Called when `bulwark consume` gives Kafka partitions up (a rebalance, a stop): accounts
    # keyed to them may be decided by another process until they come back, so what this
    # process holds of them in memory (accounts and their risk books) is dropped and read
    # again from the store on next use (the version check would catch a stale copy anyway).
    on_accounts_released = providers.Callable(lambda books: books.forget_all, risk_books)
    # Which process this container serves: `bulwark consume` sets "consume" before it starts.
    process = providers.Object("serve")
    board_role = providers.Callable(board_role, settings, process)
    market_feed_resource = providers.Resource(
        market_feed_lifetime,
        market_feed,
        settings,
        market,
        quote_pump,
        following=providers.Callable(lambda role: role == "follow", board_role),
    )
    # With Redis: this board published to the other processes, or theirs followed here.
    quote_board = providers.Resource(quote_board_lifetime, settings, process, market, clock)
    brokers_resource = providers.Resource(brokers_lifetime, brokers)
    signal_scan = providers.Resource(signal_scanner, settings, signals.provider)
    equity_snapshot_loop = providers.Resource(
        snapshot_loop, settings, equity_snapshots.provider, process
    )

    # Strategies (bootstrap/strategies.py): stores, the owners' service, the processor that
    # turns signals into gated orders, and its loops (bus signals, brackets).
    strategy_stores = providers.Singleton(strategy_stores, store_kind, engine.provider)
    strategies = providers.Singleton(
        StrategyService,
        uow_factory, strategy_stores.provided.strategies, strategy_stores.provided.decisions,
        strategy_stores.provided.holdings, killswitch, clock, ids, audit,
    )  # fmt: skip
    strategy_processor = providers.Singleton(
        StrategyProcessor,
        uow_factory, strategy_stores.provided.strategies, strategy_stores.provided.decisions,
        strategy_stores.provided.holdings, orders, quotes, clock, ids,
    )  # fmt: skip
    api_services.add_kwargs(strategies=strategies, strategy_processor=strategy_processor)
    strategy_loops = providers.Resource(
        strategy_runtime, settings, bus, strategy_processor.provider, market_feed
    )

    # Backtests (bootstrap/backtests.py): runs kept beside the strategies, run in worker threads.
    backtest_store = providers.Singleton(backtest_store, store_kind, engine.provider)
    backtests = providers.Singleton(
        backtest_service, settings, backtest_store, strategy_stores.provided.strategies,
        uow_factory, clock, ids,
    )  # fmt: skip
    api_services.add_kwargs(backtests=backtests)
    backtests_running = providers.Resource(backtests_lifetime, backtests)

    # Key rotation (bootstrap/keys.py): the TOTP secret columns as rotation sources,
    # checkpoints and retired KEKs, the service (CLI `bulwark keys`), the admin API's jobs.
    mfa_secret_source = providers.Singleton(
        keys.user_secret_source, store_kind, store, engine.provider, "users.mfa_secret"
    )
    pending_mfa_secret_source = providers.Singleton(
        keys.user_secret_source, store_kind, store, engine.provider, "users.pending_mfa_secret"
    )
    sealed_sources.add_args(mfa_secret_source, pending_mfa_secret_source)
    key_rotation_store = providers.Singleton(keys.key_rotation_store, store_kind, engine.provider)
    key_rotation = providers.Singleton(
        keys.key_rotation, settings, sealer, key_provider, sealed_sources, key_rotation_store,
        clock, audit,
    )  # fmt: skip
    key_rotations = providers.Singleton(KeyRotationJobs, key_rotation, clock, ids)
    api_services.add_kwargs(key_rotations=key_rotations)
    drill_faults = providers.Singleton(DrillFaultControl, paper_faults, clock, audit)
    api_services.add_kwargs(drill_faults=drill_faults)
    retired_keys_check = providers.Resource(
        keys.retired_keys_check, key_rotation.provider, database
    )
    key_rotations_running = providers.Resource(keys.rotation_jobs_lifetime, key_rotations)
    # Notification channels (bootstrap/notification_channels.py): the
    # senders (email only with BULWARK_SMTP_HOST), users' endpoints and their use cases, and
    # `channel_destinations`, the DestinationDirectory the notification center reads.
    notification_http = providers.Singleton(notification_channels.notification_http, settings)
    notification_url_guard = providers.Singleton(notification_channels.url_guard, settings)
    # One provider per sender; build_container appends the email sender when SMTP is set.
    notification_senders = providers.List(
        providers.Singleton(WebSocketSender, bus.provided.publish),
        providers.Singleton(WebhookSender, notification_http, notification_url_guard),
        providers.Singleton(SlackSender, notification_http, notification_url_guard),
        providers.Singleton(
            TelegramSender, notification_http, settings.provided.channels.telegram_api_url
        ),
    )
    notification_endpoint_store = providers.Singleton(
        notification_channels.endpoint_store, store_kind, engine.provider
    )
    notification_endpoints = providers.Singleton(
        NotificationEndpoints,
        notification_endpoint_store, sealer, notification_url_guard,
        providers.Callable(notification_channels.senders_by_channel, notification_senders),
        clock, ids, audit,
        ephemeral_key=secrets_die_on_restart,
    )  # fmt: skip
    channel_destinations = providers.Singleton(
        ChannelDestinations, uow_factory, notification_endpoint_store, sealer
    )
    sealed_sources.add_args(providers.Singleton(EndpointSecretSource, notification_endpoint_store))
    api_services.add_kwargs(notification_endpoints=notification_endpoints)
    notification_http_closing = providers.Resource(
        notification_channels.notification_http_lifetime, notification_http.provider
    )
    # KYC documents (bootstrap/kyc.py): sealed content in the document store, rows beside the
    # other stores, key rotation over their sealed keys, the retention purge.
    document_store = providers.Singleton(kyc_wiring.document_store, settings)
    kyc_documents = providers.Singleton(kyc_wiring.kyc_repository, store_kind, engine.provider)
    kyc = providers.Singleton(
        KycService, kyc_documents, document_store,
        providers.Singleton(kyc_wiring.document_cipher, key_provider), clock, ids, audit,
        providers.Callable(kyc_wiring.kyc_config, settings, secrets_die_on_restart),
    )  # fmt: skip
    api_services.add_kwargs(kyc=kyc)
    sealed_sources.add_args(providers.Singleton(KycDocumentKeys, kyc_documents, document_store))
    kyc_purge = providers.Resource(kyc_wiring.kyc_purge_loop, settings, kyc.provider, process)
    # The vault's expiry warnings and purge of rotated-out keys (bootstrap/key_vault.py).
    key_expiry_watch = providers.Singleton(KeyExpiryWatch, key_vault_store, notifier, clock, audit)
    key_expiry_loop = providers.Resource(vault_wiring.expiry_loop, settings, key_expiry_watch)
    # Notifications (bootstrap/notifications.py): the outbox and inbox store, where
    # each channel delivers (`notification_destinations`) and who sends it
    # (`notification_senders`: the channels' ChannelSenders are appended there), the center
    # that every notify() lands in, and the dispatcher that sends the outbox.
    notification_store = providers.Singleton(
        notifications.notification_store, store_kind, engine.provider
    )
    sealed_sources.add_args(providers.Singleton(SealedDeliveryBodies, notification_store))
    notification_destinations = channel_destinations
    notification_center = providers.Singleton(
        notifications.center, settings, notification_store, notification_destinations, clock,
        sealer,
    )  # fmt: skip
    notifier.add_kwargs(settings=settings, center=notification_center, uow_factory=uow_factory)
    notification_sources = providers.Singleton(
        notifications.event_sources, bus, notification_center, uow_factory
    )
    notification_dispatcher = providers.Singleton(
        notifications.dispatcher, settings, notification_store, notification_center,
        notification_senders, notification_destinations, clock,
    )  # fmt: skip
    notification_service = providers.Singleton(
        NotificationService, notification_store, notification_center, clock, audit
    )
    api_services.add_kwargs(notifications=notification_service)
    notification_dispatch = providers.Resource(
        notifications.dispatch_lifetime, settings, notification_dispatcher.provider,
        notification_center.provider, notification_sources.provider,
    )  # fmt: skip

    # Prometheus (bootstrap/metrics.py): what the use cases measure goes to one
    # meter per container (shared with the kill-switch lane); the brokers time their calls.
    meter = providers.Singleton(PrometheusMeter)
    orders.add_kwargs(meter=meter)
    killswitch.add_kwargs(meter=meter)
    brokers.add_kwargs(meter=meter)

    # Compute backend for the quant kernels (bootstrap/compute.py): CUDA or the CPU
    # by BULWARK_COMPUTE and detection; heavy requests run through the budget (off the loop,
    # bounded in time and concurrency), whose worker threads stop taking jobs at shutdown;
    # CUDA kernels are compiled on a background thread at start-up.
    compute = providers.Singleton(compute_wiring.compute_backend, settings)
    compute_budget = providers.Singleton(compute_wiring.compute_budget, settings)
    api_services.add_kwargs(compute=compute, compute_budget=compute_budget)
    compute_budget_closing = providers.Resource(
        compute_wiring.compute_budget_lifetime, compute_budget.provider
    )
    compute_warmup = providers.Resource(
        compute_wiring.compute_warmup, compute, settings.provided.compute.warmup
    )

    # Planning (bootstrap/planning.py): each user's profile, the Monte Carlo on the
    # compute backend within its budget, homeostasis from the user's accounts at `quotes`.
    planning_profiles = providers.Singleton(
        planning_wiring.profile_repository, store_kind, engine.provider
    )
    planning = providers.Singleton(
        PlanningService,
        planning_profiles, uow_factory, quotes, compute, compute_budget, clock, audit,
    )  # fmt: skip
    api_services.add_kwargs(planning=planning)

    # Options chain and IV history (bootstrap/options.py): the daily IV store, the
    # chain view with computed IVs and Greeks, IV rank, and the once-a-day IV recorder.
    iv_history = providers.Singleton(options_wiring.iv_history_store, store_kind, engine.provider)
    options_chain = providers.Singleton(
        options_wiring.options_chain, settings, market_feed, iv_history, clock
    )
    api_services.add_kwargs(options_chain=options_chain)
    iv_recorder = providers.Singleton(
        options_wiring.iv_recorder, settings, options_chain, iv_history, clock, market
    )
    iv_recording = providers.Resource(
        options_wiring.iv_record_loop, settings, iv_recorder.provider, process
    )

    # Risk analytics: VaR of a series or an account's stored returns and
    # the regime-switching scenario simulation; large runs go through the compute budget.
    value_at_risk = providers.Singleton(
        ValueAtRiskService, uow_factory, quotes, clock, compute_budget,
        equity_history=equity_history,
    )  # fmt: skip
    scenario_simulation = providers.Singleton(
        ScenarioSimulationService, uow_factory, quotes, compute_budget, compute
    )
    api_services.add_kwargs(value_at_risk=value_at_risk, scenario_simulation=scenario_simulation)

    # American option prices and regime detection: calculations on
    # posted inputs, run within the compute budget.
    american_options = providers.Singleton(AmericanOptionsService, compute_budget)
    market_regime = providers.Singleton(RegimeDetectionService, compute_budget)
    api_services.add_kwargs(american_options=american_options, market_regime=market_regime)

    # Portfolio ledger (bootstrap/portfolios.py): portfolios, their
    # accounts, transactions and daily valuations, on SQL or in memory by store kind.
    portfolio_store = providers.Singleton(
        portfolios_wiring.portfolio_store, store_kind, engine.provider
    )
    # The fill path: each fill order booking books lands in the portfolio holding its account.
    portfolio_fills = providers.Singleton(portfolios_wiring.fill_booking, bus, portfolio_store)
    portfolio_fill_path = providers.Resource(
        portfolios_wiring.fill_path_lifetime, portfolio_fills.provider
    )

    # Portfolio API: portfolios, transactions checked by the tax engine,
    # CSV imports, holdings at `quotes`, performance from `market_feed`'s daily closes.
    portfolios = providers.Singleton(
        PortfolioService, portfolio_store, uow_factory, clock, ids, quotes,
        csv_parser=portfolios_wiring.CSV_PARSER,  # column-wise, pyarrow
    )  # fmt: skip
    valuations = providers.Singleton(ValuationService, portfolio_store, market_feed)
    api_services.add_kwargs(portfolios=portfolios, valuations=valuations)

    # Tax views and harvesting (bootstrap/tax.py): computed on read from
    # the caller's ledger; prices from `quotes`, daily bars from the market feed.
    tax = providers.Singleton(
        tax_wiring.tax_service, portfolio_store, quotes, market_feed, uow_factory, clock
    )
    api_services.add_kwargs(tax=tax)
    # Fixed-income analytics: bond and ladder figures on posted inputs,
    # run within the compute budget.
    fixed_income = providers.Singleton(FixedIncomeService, compute_budget)
    api_services.add_kwargs(fixed_income=fixed_income)

    # Rates (bootstrap/rates.py): the Treasury curve, its inversions and
    # FRED series, from FRED downloads on disk (default) or FRED's API.
    rates_client = providers.Singleton(rates_wiring.rates_client, settings)
    rates_port = providers.Singleton(rates_wiring.rates_port, settings, rates_client)
    rates = providers.Singleton(RatesService, rates_port, clock)
    api_services.add_kwargs(rates=rates)
    rates_client_closing = providers.Resource(
        rates_wiring.rates_client_lifetime, rates_client.provider
    )

    # Portfolio optimisation (docs/optimization.md): cvxpy + Clarabel behind
    # the PortfolioOptimizer port, run within the compute budget; the solver libraries are
    # imported on a background thread at start-up (BULWARK_COMPUTE_WARMUP), not in a request.
    optimizer = providers.Singleton(CvxpyOptimizer)
    optimization = providers.Singleton(OptimizationService, optimizer, compute_budget)
    api_services.add_kwargs(optimization=optimization)
    optimizer_warmup = providers.Resource(
        compute_wiring.compute_warmup, optimizer, settings.provided.compute.warmup
    )
    # The alternatives allocator (docs/alternatives.md): rules on posted
    # inputs; illiquid assets of the ledger's portfolios, on the ledger's store kind.
    alternatives = providers.Singleton(AlternativesService)
    illiquid_store = providers.Singleton(
        illiquid_wiring.illiquid_store, store_kind, engine.provider
    )
    illiquid_assets = providers.Singleton(
        IlliquidAssetService, illiquid_store, portfolios, clock, ids
    )
    api_services.add_kwargs(alternatives=alternatives, illiquid_assets=illiquid_assets)
    # Markets and planning (bootstrap/markets.py): futures, macro (economic
    # series from FRED files, or FRED's API beside the rates), Form 4 insiders, scenarios and
    # stress on the caller's portfolios, 13F documents checked against the XSD, the filing
    # calendar and its reminders through the notification center.
    economic_series = providers.Singleton(markets_wiring.economic_series, settings, rates_client)
    futures = providers.Singleton(
        FuturesService, providers.Singleton(markets_wiring.futures, settings), clock
    )
    macro = providers.Singleton(MacroService, economic_series, rates_port, clock)
    insiders = providers.Singleton(
        InsiderService, providers.Singleton(markets_wiring.insiders, settings), clock
    )
    scenarios = providers.Singleton(
        ScenarioService, providers.Singleton(markets_wiring.scenarios, settings), portfolios,
        compute_budget,
    )  # fmt: skip
    form13f = providers.Singleton(
        Form13FService, providers.Singleton(markets_wiring.securities, settings),
        providers.Singleton(markets_wiring.information_table_schema), portfolios, compute_budget,
        clock,
    )  # fmt: skip
    filing_reminders = providers.Singleton(
        markets_wiring.reminder_store, store_kind, engine.provider
    )
    filing_calendar = providers.Singleton(
        markets_wiring.filing_calendar, filing_reminders, notification_center, clock
    )
    api_services.add_kwargs(
        futures=futures, macro=macro, insiders=insiders, scenarios=scenarios, form13f=form13f,
        filing_calendar=filing_calendar,
    )  # fmt: skip
    filing_reminder_loop = providers.Resource(
        markets_wiring.reminder_loop, settings, filing_calendar.provider, process
    )
    # Inference API (bootstrap/inference.py): the batched InferencePort,
    # sentiment over the news port, keywords, the model catalogue; volatility and sentiment
    # for the model rater; models loaded at start-up and reloaded when rebuilt.
    inference = providers.Singleton(
        inference_wiring.inference, settings, model_store, inference_choice
    )
    news = providers.Singleton(inference_wiring.news_port, settings, clock)
    sentiment = providers.Singleton(
        SentimentService, inference, news, clock,
        providers.Singleton(inference_wiring.sentiment_settings, settings),
    )  # fmt: skip
    keywords = providers.Singleton(KeywordService, inference)
    ml_models = providers.Singleton(MlModelService, inference)
    # BULWARK_INFERENCE_ENABLED=false: the routes answer 404, /api/status has no inference line.
    api_services.add_kwargs(
        inference=providers.Callable(inference_wiring.served, settings, inference),
        sentiment=providers.Callable(inference_wiring.served, settings, sentiment),
        keywords=providers.Callable(inference_wiring.served, settings, keywords),
        ml_models=providers.Callable(inference_wiring.served, settings, ml_models),
    )
    risk.add_kwargs(
        trade_context=providers.Singleton(
            inference_wiring.trade_context, settings, market_feed, sentiment
        )
    )
    inference_running = providers.Resource(
        inference_wiring.inference_lifetime, model_store, inference, settings
    )
    # Crypto and DeFi, ESG, giving (bootstrap/crypto.py, esg.py, giving.py):
    # calculations within the compute budget; wallets from the chain source (a fixture file
    # or JSON-RPC endpoints); ESG data from a CSV; each user's donations on SQL or in memory.
    crypto = providers.Singleton(CryptoAnalyticsService, compute_budget)
    chain_client = providers.Singleton(crypto_wiring.chain_http_client, settings)
    chain_port = providers.Singleton(crypto_wiring.chain_port, settings, chain_client)
    crypto_wallets = providers.Singleton(WalletBalanceService, chain_port, quotes)
    chain_client_closing = providers.Resource(
        crypto_wiring.chain_client_lifetime, chain_client.provider
    )
    esg_data = providers.Singleton(esg_wiring.esg_data, settings)
    esg = providers.Singleton(EsgService, esg_data, compute_budget, portfolios)
    giving_store = providers.Singleton(giving_wiring.giving_store, store_kind, engine.provider)
    giving = providers.Singleton(GivingService, giving_store, clock, ids)
    giving_suggestions = providers.Singleton(
        GivingSuggestionService, giving, clock, portfolios, valuations
    )
    api_services.add_kwargs(
        crypto=crypto,
        crypto_wallets=crypto_wallets,
        esg=esg,
        giving=giving,
        giving_suggestions=giving_suggestions,
    )
    # Surveillance of our own order flow (bootstrap/surveillance.py): alerts
    # and checkpoints by store kind, the policy's actions (pause through the kill switch's
    # agent scope, or warn), the alerts API, and the in-process run on the bus when settings
    # say so (`bulwark surveil` reads the events topic otherwise).
    surveillance_store = providers.Singleton(surveillance_wiring.store, store_kind, engine.provider)
    surveillance_rules = providers.Singleton(surveillance_wiring.rules, settings)
    surveillance_actions = providers.Singleton(
        surveillance_wiring.actions,
        settings, surveillance_store, uow_factory, killswitch, audit, notifier, clock,
    )  # fmt: skip
    surveillance = providers.Singleton(SurveillanceService, surveillance_store, clock)
    api_services.add_kwargs(surveillance=surveillance)
    surveillance_live = providers.Singleton(
        surveillance_wiring.live,
        settings, process, surveillance_rules, surveillance_store, surveillance_actions, clock,
    )  # fmt: skip
    surveillance_in_process = providers.Resource(
        surveillance_wiring.live_lifetime, settings, bus, surveillance_live.provider
    )
    # Sentiment indices (bootstrap/sentiment_indices.py): Fear & Greed
    # from the VIX and put/call series (the index's chain or files), momentum and breadth from
    # the market feed, social from the news sentiment; its daily history and recorder; the
    # HypeMeter over the social feed (none, a replayed file or a Kafka topic) and keywords.
    fear_greed_store = providers.Singleton(
        sentiment_wiring.fear_greed_store, store_kind, engine.provider
    )
    fear_greed = providers.Singleton(
        sentiment_wiring.fear_greed_service, settings,
        providers.Singleton(
            sentiment_wiring.fear_greed_series, settings, options_chain, iv_history, clock
        ),
        market_feed, providers.Callable(inference_wiring.served, settings, sentiment),
        fear_greed_store, market, clock,
    )  # fmt: skip
    fear_greed_recorder = providers.Singleton(
        FearGreedRecorder, fear_greed, fear_greed_store, clock
    )
    fear_greed_recording = providers.Resource(
        sentiment_wiring.fear_greed_record_loop, settings, fear_greed_recorder.provider, process
    )
    social = providers.Singleton(sentiment_wiring.social_port, settings, clock)
    social_feed = providers.Resource(
        sentiment_wiring.social_lifetime, settings, social.provider, process
    )
    hype = providers.Singleton(
        sentiment_wiring.hype_service, settings, social, clock,
        providers.Callable(inference_wiring.served, settings, keywords),
    )  # fmt: skip
    api_services.add_kwargs(fear_greed=fear_greed, hype=hype)


def build_container(settings: Settings) -> Container:
    container = Container(settings=settings)
    notification_channels.add_email_sender(container.notification_senders, settings)
    return container
