"""The application container: one container per context, composed, and what the API's
listener is built with (its contexts, the watchers, the cluster and Kafka lifetimes)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from bootstrap.containers import http
from bootstrap.containers.aggregation import AggregationContainer
from bootstrap.containers.analytics import AnalyticsContainer
from bootstrap.containers.core import CoreContainer
from bootstrap.containers.devices import DevicesContainer
from bootstrap.containers.http_contexts import HttpContextsContainer
from bootstrap.containers.identity import IdentityContainer
from bootstrap.containers.inference import InferenceContainer
from bootstrap.containers.keys import KeysContainer
from bootstrap.containers.market_data import MarketDataContainer
from bootstrap.containers.markets import MarketsContainer
from bootstrap.containers.model_signals import ModelSignalsContainer
from bootstrap.containers.notifications import NotificationsContainer
from bootstrap.containers.portfolio import PortfolioContainer
from bootstrap.containers.rebalancing import RebalancingContainer
from bootstrap.containers.review import ReviewContainer
from bootstrap.containers.safety import SafetyContainer
from bootstrap.containers.strategies import StrategiesContainer
from bootstrap.containers.surveillance import SurveillanceContainer
from bootstrap.containers.trading import TradingContainer
from bootstrap.containers.wealth import WealthContainer
from bootstrap.settings import Settings

if TYPE_CHECKING:
    import asyncio

    from redis.asyncio import Redis

    from adapters.http.events import EventHub
    from adapters.memory.bus import InProcessEventBus
    from adapters.memory.idempotency import InMemoryIdempotencyStore
    from adapters.redis.idempotency import RedisIdempotencyStore
    from application.safety.killswitch import KillSwitchService
    from bootstrap.cluster import ClusterBridge
    from bootstrap.job_leases import JobLeases
    from bootstrap.kafka import HubPublish, KafkaLink
    from ports.core.clock import Clock


async def watchers(
    checks: Mapping[str, Callable[[], Awaitable[object]]],
    every_seconds: float,
    leases: JobLeases | None = None,
    everywhere: Mapping[str, Callable[[], Awaitable[object]]] | None = None,
) -> AsyncIterator[dict[str, asyncio.Task[None]]]:
    """Background loops (heartbeats, margin, loss limits, succession) for the app's lifetime:
    with `leases`, each in the one process of the deployment that holds its lease; those
    `everywhere` in every process, never leased."""
    from bootstrap.periodic import running_every

    async with (
        running_every(checks, every_seconds, leases) as leased,
        running_every(everywhere or {}, every_seconds) as local,
    ):
        yield leased | local


async def nothing_to_relay() -> int:
    return 0


def event_hub(bus: InProcessEventBus, queue_size: int) -> EventHub:
    """The WebSocket fan-out, fed every event on the bus."""
    from adapters.http.events import EventHub
    from domain.events import DomainEvent

    hub = EventHub(queue_size)
    bus.subscribe(DomainEvent, hub.publish)
    return hub


def cluster_bridge(
    bus: InProcessEventBus, redis: Any, url: str, hub: EventHub, policies: Any, states: Any
) -> Any:
    """With Redis, instances share their events (WebSocket fan-out), rule changes and trading
    state changes (the order path's cache of them, when it has one)."""
    from adapters.redis.broadcast import RedisBroadcast
    from bootstrap.cluster import ClusterBridge
    from domain.events import DomainEvent

    bridge: ClusterBridge = ClusterBridge(
        RedisBroadcast(redis, url), hub.publish, policies, states=states
    )
    bus.subscribe(DomainEvent, bridge.forward)
    return bridge


async def cluster_lifetime(bridge: ClusterBridge | None) -> AsyncIterator[ClusterBridge | None]:
    from bootstrap.cluster import cluster_lifetime as build

    async with asynccontextmanager(build)(bridge) as value:
        yield value


async def kafka_lifetime(
    link: KafkaLink | None, killswitch: Callable[[], KillSwitchService], hub_publish: HubPublish
) -> AsyncIterator[KafkaLink | None]:
    from bootstrap.kafka import kafka_lifetime as build

    async with asynccontextmanager(build)(link, killswitch, hub_publish) as value:
        yield value


def in_memory_idempotency_store(clock: Clock) -> InMemoryIdempotencyStore:
    from adapters.memory.idempotency import InMemoryIdempotencyStore

    return InMemoryIdempotencyStore(clock)


def redis_idempotency_store(redis: Redis) -> RedisIdempotencyStore:
    from adapters.redis.idempotency import RedisIdempotencyStore

    return RedisIdempotencyStore(redis)


class ApplicationContainer(containers.DeclarativeContainer):
    """Every context, each given the core and the contexts it needs."""

    settings = providers.Dependency(instance_of=Settings)

    core = providers.Container(CoreContainer, settings=settings)
    market_data = providers.Container(MarketDataContainer, core=core)
    inference = providers.Container(InferenceContainer, core=core, market_data=market_data)
    trading = providers.Container(TradingContainer, core=core, inference=inference)
    safety = providers.Container(SafetyContainer, core=core, orders=trading.orders)
    identity = providers.Container(IdentityContainer, core=core)
    devices = providers.Container(DevicesContainer, core=core)
    notifications = providers.Container(NotificationsContainer, core=core)
    wealth = providers.Container(WealthContainer, core=core)
    portfolio = providers.Container(
        PortfolioContainer, core=core, market_data=market_data, wealth=wealth
    )
    analytics = providers.Container(
        AnalyticsContainer, core=core, market_data=market_data, trading=trading,
        portfolio=portfolio,
    )  # fmt: skip
    strategies = providers.Container(
        StrategiesContainer, core=core, market_data=market_data, trading=trading, safety=safety,
        wealth=wealth,
    )  # fmt: skip
    surveillance = providers.Container(SurveillanceContainer, core=core, safety=safety)
    markets = providers.Container(
        MarketsContainer, core=core, market_data=market_data, portfolio=portfolio,
        inference=inference,
    )  # fmt: skip
    keys = providers.Container(KeysContainer, core=core, identity=identity)
    review = providers.Container(
        ReviewContainer, core=core, trading=trading, market_data=market_data
    )

    model_signals = providers.Container(
        ModelSignalsContainer,
        core=core,
        market_data=market_data,
        strategies=strategies,
        inference=inference,
    )

    aggregation = providers.Container(AggregationContainer, core=core, portfolio=portfolio)
    rebalancing = providers.Container(
        RebalancingContainer, core=core, market_data=market_data, trading=trading,
        portfolio=portfolio, aggregation=aggregation,
    )  # fmt: skip

    event_hub = providers.Singleton(event_hub, core.bus, settings.provided.http.ws_queue_size)
    idempotency = providers.Selector(
        core.shared_kind,
        local=providers.Singleton(in_memory_idempotency_store, core.clock),
        redis=providers.Singleton(redis_idempotency_store, core.redis_client),
    )
    # The API's listener: its contexts' routes, and the market-data routes' services.
    http_contexts = providers.Container(
        HttpContextsContainer, core=core, identity=identity, devices=devices,
        notifications=notifications, keys=keys, surveillance=surveillance, portfolio=portfolio,
        markets=markets, inference=inference, analytics=analytics, strategies=strategies,
        review=review, wealth=wealth, trading=trading, safety=safety, events=event_hub,
        idempotency=idempotency, market_data=market_data, model_signals=model_signals,
        rebalancing=rebalancing, aggregation=aggregation,
    )  # fmt: skip
    http_config = providers.Singleton(http.http_config, settings)
    # The watches act on the deployment's store and notify people: each runs in the one
    # process that holds its lease (bootstrap/job_leases.py), once across workers/instances.
    background = providers.Resource(
        watchers,
        providers.Dict(
            in_doubt=safety.in_doubt_watch.provided.check,
            heartbeats=safety.heartbeat_monitor.provided.check,
            margin=safety.margin_watch.provided.check,
            providers=market_data.provider_watch.provided.check,
            loss_limits=safety.loss_watch.provided.check,
            succession=safety.succession_scheduler.provided.run,
            held_orders=trading.held_orders.provided.sweep,  # lapsed holds (once a minute)
        ),
        every_seconds=1.0,
        leases=core.job_leases,
        # In every process, never leased: the kill switch's memory must be there wherever a
        # halt can be asked for; each process relays outbox rows (locked: never sent twice).
        everywhere=providers.Dict(
            # Accounts and passcodes read for a halt while the store is down (every 5 s).
            kill_switch_memory=safety.killswitch.provided.remember,
            outbox=providers.Selector(
                core.store_kind,
                memory=providers.Object(nothing_to_relay),
                sql=core.relay.provided.drain,
            ),
        ),
    )
    cluster_bridge = providers.Selector(
        core.shared_kind,
        local=providers.Object(None),
        redis=providers.Singleton(
            cluster_bridge, core.bus, core.redis_client, settings.provided.redis.url, event_hub,
            core.policies, trading.trading_states,
        ),
    )  # fmt: skip
    cluster = providers.Resource(cluster_lifetime, cluster_bridge)
    kafka = providers.Resource(
        kafka_lifetime,
        core.kafka_link, safety.killswitch.provider, event_hub.provided.publish,
    )  # fmt: skip


_COPY_RECURSION_LIMIT = 4_000


def build_container(settings: Settings) -> ApplicationContainer:
    """The served app's container (and `bulwark consume`'s)."""
    from bootstrap.notification_channels import add_optional_senders

    # dependency-injector deep-copies the declarative containers' provider graph when one is
    # built, a recursion as deep as the graph's longest chain: with every context composed it
    # outgrows Python's default limit (1,000) when the caller's stack is already deep (a pytest
    # worker, a thread). Copying is the only deep recursion here; the limit is raised for it.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), _COPY_RECURSION_LIMIT))
    container = ApplicationContainer(settings=settings)
    built = container.notifications()
    add_optional_senders(built.notification_senders, settings, built.notification_http)
    return container
