"""The shared centre every context receives: clock, ids, tracing, the store and its unit of
work, the bus and publisher, audit, notifier, sealer, meter, compute budget, locks, the halt
latch, the brokers and the quotes they trade at, and who is calling (tokens, API keys).

Adapters are built by the factories in core_parts.py, each importing its adapter when first
built, so a command that builds the core without using, say, Kafka or Redis never imports them.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from adapters.memory.clock import SystemClock, UuidGenerator
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore
from application.core.concurrency import KeyedLocks
from application.identity.last_sessions import LastSessions
from application.trading.broker_router import BrokerRoutes
from application.trading.gate_checks import GateChecks
from application.trading.halts import HaltLatch
from application.trading.policies import PolicyCache
from bootstrap import calendars as calendars_wiring
from bootstrap import compute as compute_wiring
from bootstrap import encryption
from bootstrap import job_leases as job_leases_wiring
from bootstrap import key_vault as key_vault_wiring
from bootstrap import notifications as notifications_wiring
from bootstrap import storage as storage_wiring
from bootstrap import tokens as tokens_wiring
from bootstrap.containers import core_parts as parts
from bootstrap.containers.stores import store_for
from bootstrap.lane_routes import LaneRoutes
from bootstrap.order_audit import order_journal_projection
from bootstrap.settings import Settings

MEMORY, SQL = "memory", "sql"


def store_kind(settings: Settings) -> str:
    """ "memory" for memory://, else "sql" (PostgreSQL, SQLite)."""
    return MEMORY if settings.store.database_url.startswith("memory://") else SQL


def relay_destination(settings: Settings) -> str:
    """Where the outbox relay sends events, naming its span: the events topic, or the bus."""
    return settings.kafka.topic_events if settings.kafka.bootstrap else "in-process"


class CoreContainer(containers.DeclarativeContainer):
    """Embedded defaults: in-memory store, in-process bus, paper broker, in-memory market data."""

    settings = providers.Dependency(instance_of=Settings)

    clock = providers.Singleton(SystemClock)
    ids = providers.Singleton(UuidGenerator)
    # OpenTelemetry when BULWARK_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_*ENDPOINT) is set, else
    # off (bootstrap/tracing.py).
    tracing = providers.Singleton(parts.build_tracing, settings)
    # Which process this container serves: `bulwark consume` sets "consume" before it starts.
    process = providers.Object("serve")

    # The store: in memory, or SQL through the engine, and the unit of work over it.
    store_kind = providers.Callable(store_kind, settings)
    store = providers.Singleton(
        InMemoryStore, max_orders=providers.Callable(lambda s: s.store.memory_max_orders, settings)
    )
    engine = providers.Singleton(storage_wiring.sql_engine, settings)
    uow_factory = providers.Selector(
        store_kind,
        memory=providers.Singleton(parts.memory_unit_of_work_factory, store),
        sql=providers.Singleton(
            parts.sql_unit_of_work_factory,
            engine,
            # Outbox rows keep the request's trace context when tracing is on (docs/tracing.md).
            providers.Singleton(parts.outbox_writer, tracer=tracing.provided.tracer),
        ),
    )
    # Redis when BULWARK_REDIS_URL is set: rate limits, the quote cache and the throttle shared.
    shared_kind = providers.Callable(lambda s: "redis" if s.redis.url else "local", settings)
    redis_client = providers.Singleton(lambda s: parts.redis_from_url(s.redis.url), settings)
    rate_limiter = providers.Selector(
        shared_kind,
        local=providers.Singleton(parts.in_memory_rate_limiter, clock),
        redis=providers.Singleton(parts.redis_rate_limiter, redis_client),
    )

    # The API limit falls back to in-process buckets while Redis is down (no 500s); the order
    # throttle uses `rate_limiter` itself and fails closed.
    api_rate_limiter = providers.Selector(
        shared_kind,
        local=rate_limiter,
        redis=providers.Singleton(
            parts.fallback_rate_limiter,
            rate_limiter,
            providers.Singleton(parts.in_memory_rate_limiter, clock),
        ),
    )

    # Prices: the in-process board, read through the shared cache with Redis.
    market = providers.Singleton(InMemoryMarketData, clock)
    quotes = providers.Selector(
        shared_kind,
        local=market,
        redis=providers.Singleton(
            parts.cached_market_data,
            market,
            providers.Singleton(parts.redis_quote_cache, redis_client),
            settings.provided.redis.quote_cache_ttl_seconds,
        ),
    )
    # With Redis, the order-rate throttle counts across instances (application/trading/throttle.py).
    throttle = providers.Selector(
        shared_kind,
        local=providers.Object(None),
        redis=providers.Singleton(parts.shared_throttle, rate_limiter),
    )

    # Envelope encryption: every secret stored goes through `sealer`.
    key_provider = providers.Singleton(encryption.key_provider, settings)
    legacy_cipher = providers.Singleton(encryption.legacy_cipher, settings)
    sealer = providers.Singleton(encryption.secret_sealer, key_provider, legacy_cipher)
    keys_ephemeral = providers.Callable(encryption.keys_ephemeral, settings)
    secrets_die_on_restart = providers.Callable(
        encryption.secrets_die_on_restart, settings, store_kind
    )

    # What the use cases measure (bootstrap/metrics.py), shared with the kill-switch lane;
    # the notification center times its deliveries on it too.
    meter = providers.Singleton(parts.prometheus_meter)

    # The notification center every notify() lands in (bootstrap/notifications.py): its
    # outbox and inbox store and the users' endpoints it delivers to.
    notification_store = providers.Singleton(
        store_for, store_kind, engine.provider,
        memory=parts.memory_notification_store,
        sql=parts.sql_notification_store,
    )  # fmt: skip
    notification_endpoint_store = providers.Singleton(
        store_for, store_kind, engine.provider,
        memory=parts.memory_notification_endpoint_store,
        sql=parts.sql_notification_endpoint_store,
    )  # fmt: skip
    channel_destinations = providers.Singleton(
        parts.channel_destinations,
        uow_factory, notification_endpoint_store, sealer,
    )  # fmt: skip
    notification_center = providers.Singleton(
        notifications_wiring.center,
        settings, notification_store, channel_destinations, clock, sealer, uow_factory,
        meter=meter,
    )  # fmt: skip
    notifier = providers.Singleton(
        notifications_wiring.notifier,
        settings=settings, center=notification_center, uow_factory=uow_factory,
    )  # fmt: skip

    # Events: the bus, Kafka beside it when configured, the outbox relay on a SQL store.
    bus = providers.Singleton(parts.in_process_event_bus)
    # The market's clock (docs/calendars.md): venues' sessions from exchange_calendars, each
    # venue's built once, on first use; the gate's trading-hours control honours them.
    calendar_sessions = providers.Singleton(
        parts.exchange_calendar_sessions, clock, settings.provided.calendar
    )
    market_calendars = providers.Singleton(
        calendars_wiring.market_calendars,
        calendar_sessions, settings.provided.calendar,
    )  # fmt: skip
    policies = providers.Singleton(PolicyCache, market_calendars)
    kafka_kind = providers.Callable(lambda s: "kafka" if s.kafka.bootstrap else "none", settings)
    kafka_link = providers.Selector(
        kafka_kind,
        none=providers.Object(None),
        kafka=providers.Singleton(
            parts.kafka_link, settings, clock, notifier, bus, policies,
            tracing=tracing.provided.messages,
        ),
    )  # fmt: skip
    relay_target = providers.Selector(
        kafka_kind,
        none=bus,
        kafka=providers.Singleton(parts.fanout_publisher, bus, kafka_link, strict=True),
    )
    direct_target = providers.Selector(
        kafka_kind,
        none=bus,
        kafka=providers.Singleton(parts.fanout_publisher, bus, kafka_link, strict=False),
    )
    relay = providers.Singleton(
        parts.outbox_relay,
        engine, relay_target, tracer=tracing.provided.tracer,
        destination=providers.Callable(relay_destination, settings),
    )  # fmt: skip
    # What use cases publish to: the bus (and Kafka), after the outbox when the store has one.
    publisher = providers.Selector(
        store_kind,
        memory=direct_target,
        sql=providers.Singleton(
            parts.relaying_publisher,
            direct_target,
            relay,
            from_memory=True,
        ),
    )
    audit = providers.Singleton(
        store_for, store_kind, engine.provider,
        memory=parts.memory_audit, sql=parts.sql_audit,
    )  # fmt: skip
    # Placed orders' audit entries journaled with their decisions, moved into the chain by
    # the trading context's turns, and before a person's data is exported or erased.
    order_journal_projection = providers.Singleton(
        order_journal_projection, store_kind, engine.provider, store.provider, audit,
    )  # fmt: skip
    # Reading and verifying the hash-chained audit log (API and `bulwark audit`).
    audit_log_service = providers.Singleton(parts.audit_log_service, audit, uow_factory)

    # At shutdown: an outbox drain in flight finishes, then the pool closes.
    database = providers.Resource(
        storage_wiring.database_lifetime,
        store_kind, engine.provider, publisher.provider,
    )  # fmt: skip

    # Background jobs run once across workers and instances: each in the process holding its
    # lease (bootstrap/job_leases.py), the store's own lock; released at shutdown.
    # Which of them this process holds now (/api/status `jobs`, /metrics).
    job_holdings = providers.Singleton(
        job_leases_wiring.JobHoldings,
        settings.provided.core.job_lease_seconds, clock.provided.now,
    )  # fmt: skip
    job_leases = providers.Resource(job_leases_wiring.job_leases_lifetime, settings, job_holdings)

    locks = providers.Singleton(KeyedLocks)
    # Shared by the order path and the kill switch, whichever thread it runs on.
    latch = providers.Singleton(HaltLatch)

    # Who is calling: passwords, tokens, TOTP, API keys (every listener checks them).
    hasher = providers.Singleton(parts.argon2_hasher)
    tokens = providers.Singleton(tokens_wiring.token_issuer, settings)
    totp = providers.Singleton(parts.py_otp_verifier)
    auth_config = providers.Singleton(tokens_wiring.auth_config, settings)
    # Who each token was at the last read, for a halt while the store is down (shared with
    # the kill-switch lane: application/identity/last_sessions.py).
    last_sessions = providers.Singleton(LastSessions)
    auth = providers.Singleton(
        parts.auth_service,
        uow_factory, hasher, tokens, totp, sealer, clock, ids, audit, auth_config,
        notifier=notifier, last_sessions=last_sessions,
    )  # fmt: skip
    api_keys = providers.Singleton(parts.api_key_service, uow_factory, clock, ids, audit)

    # The API-key vault (bootstrap/key_vault.py): third-party keys per user, sealed with
    # `sealer`; an account's broker credentials are the key linked to it, read per call.
    key_vault_store = providers.Singleton(
        store_for, store_kind, engine.provider,
        memory=parts.memory_key_vault_store,
        sql=parts.sql_key_vault_store,
    )  # fmt: skip
    key_vault = providers.Singleton(
        key_vault_wiring.key_vault_service,
        settings, uow_factory, key_vault_store, sealer, clock, ids, audit, keys_ephemeral,
    )  # fmt: skip

    # Brokers: the paper broker (reopening a stored account's book on first use) and the
    # router; the drill faults it may show (None unless BULWARK_PAPER_FAULTS).
    paper_faults = providers.Singleton(parts.paper_fault_switch, settings)
    paper_broker = providers.Singleton(
        parts.paper_broker_reopening, market, clock, ids, uow_factory
    )
    # The routes beyond the settings' brokers: the connections context adds its venue
    # connections' (bootstrap/containers/connections.py).
    broker_routes = providers.Singleton(BrokerRoutes)
    # The same routes on the kill switch's lane, with adapters of its own loop
    # (bootstrap/lane_routes.py).
    lane_routes = providers.Singleton(LaneRoutes)
    # What the gate asks after each account's own (a book's limits, a connection's health):
    # the books and connections contexts add theirs (application/trading/gate_checks.py).
    gate_checks = providers.Singleton(GateChecks)
    brokers = providers.Singleton(
        parts.broker_router,
        settings, paper_broker, clock, faults=paper_faults, vault=key_vault, meter=meter,
        routes=broker_routes,
    )  # fmt: skip
    brokers_resource = providers.Resource(parts.brokers_lifetime, brokers)

    # Compute backend for the quant kernels and the budget heavy requests run through
    # (bootstrap/compute.py); CUDA kernels are compiled on a background thread at start-up.
    compute = providers.Singleton(compute_wiring.compute_backend, settings)
    compute_budget = providers.Singleton(compute_wiring.compute_budget, settings)
    compute_budget_closing = providers.Resource(
        compute_wiring.compute_budget_lifetime, compute_budget.provider
    )
    compute_warmup = providers.Resource(
        compute_wiring.compute_warmup,
        compute,
        providers.Callable(parts.compute_warmed, settings),
    )
    # Each process relays outbox rows (locked: never sent twice); nothing to relay in memory.
    watches_everywhere = providers.Dict(
        outbox=providers.Selector(
            store_kind,
            memory=providers.Object(parts.nothing_to_relay),
            sql=relay.provided.drain,
        )
    )
