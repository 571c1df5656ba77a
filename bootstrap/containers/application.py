"""The application container: one container per context, composed, and what the API's
listener is built with (its contexts, the watchers, the cluster and Kafka lifetimes)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from bootstrap.composition import compose, having, prepare_built
from bootstrap.containers import http
from bootstrap.containers.http_contexts import HttpContextsContainer
from bootstrap.contexts import WIRED_CONTEXTS
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
    """Every context, each given the contexts it needs (composed from the registry:
    bootstrap/contexts.py, bootstrap/composition.py), and the API listener's parts."""

    settings = providers.Dependency(instance_of=Settings)

    if TYPE_CHECKING:  # each context's container, set from the registry below

        def __getattr__(self, name: str) -> Any: ...


def _merged(*parts: dict[str, Any]) -> dict[str, Any]:
    return {name: value for part in parts for name, value in part.items()}


def _listener_parts(contexts: Mapping[str, Any], settings: Any) -> dict[str, Any]:
    """What the API's listener adds to the contexts: the WebSocket hub, Idempotency-Key
    claims, the contexts' HTTP bundles, the background loops, the cluster and Kafka."""
    core, safety, trading = contexts["core"], contexts["safety"], contexts["trading"]
    hub = providers.Singleton(event_hub, core.bus, settings.provided.http.ws_queue_size)
    idempotency = providers.Selector(
        core.shared_kind,
        local=providers.Singleton(in_memory_idempotency_store, core.clock),
        redis=providers.Singleton(redis_idempotency_store, core.redis_client),
    )
    bridge = providers.Selector(
        core.shared_kind,
        local=providers.Object(None),
        redis=providers.Singleton(
            cluster_bridge, core.bus, core.redis_client, settings.provided.redis.url, hub,
            core.policies, trading.trading_states,
        ),
    )  # fmt: skip
    return {
        "event_hub": hub,
        "idempotency": idempotency,
        # The API's listener: its contexts' routes, and the market-data routes' services.
        "http_contexts": providers.Container(
            HttpContextsContainer, events=hub, idempotency=idempotency, **contexts
        ),
        "http_config": providers.Singleton(http.http_config, settings),
        # Each context's `watches` act on the deployment's store and notify people: each runs
        # in the one process that holds its lease (bootstrap/job_leases.py), once across
        # workers and instances; its `watches_everywhere` run in every process, never leased.
        "background": providers.Resource(
            watchers,
            providers.Callable(_merged, *(contexts[n].watches for n in having("watches"))),
            every_seconds=1.0,
            leases=core.job_leases,
            everywhere=providers.Callable(
                _merged, *(contexts[n].watches_everywhere for n in having("watches_everywhere"))
            ),
        ),
        "cluster_bridge": bridge,
        "cluster": providers.Resource(cluster_lifetime, bridge),
        "kafka": providers.Resource(
            kafka_lifetime, core.kafka_link, safety.killswitch.provider, hub.provided.publish
        ),
    }


def _assemble() -> None:
    contexts = compose(
        lambda name, provider: setattr(ApplicationContainer, name, provider),
        ApplicationContainer.settings,
    )
    for name, part in _listener_parts(contexts, ApplicationContainer.settings).items():
        setattr(ApplicationContainer, name, part)


_assemble()


_COPY_RECURSION_LIMIT = 4_000


def deep_enough_to_copy() -> None:
    """dependency-injector deep-copies the declarative containers' provider graph when one is
    built, a recursion as deep as the graph's longest chain: with every context composed it
    outgrows Python's default limit (1,000). Copying is the only deep recursion here; the limit
    is raised for it before an ApplicationContainer is built."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), _COPY_RECURSION_LIMIT))


def build_container(settings: Settings) -> ApplicationContainer:
    """The served app's container (and `bulwark consume`'s)."""
    deep_enough_to_copy()
    container = ApplicationContainer(settings=settings)
    prepare_built(((name, getattr(container, name)()) for name in WIRED_CONTEXTS), settings)
    return container
