"""Connections: each owner's venue connections (their store, the service the API and CLI
call) and the broker of each, routed to by the accounts that name it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from application.connections.brokers import ConnectionBrokers
from application.connections.gate_check import ConnectionCheck
from application.connections.readiness import TROUBLED, ConnectionProbes
from application.connections.service import ConnectionService
from bootstrap.connections import VenueAdapterKinds
from bootstrap.containers.stores import store_provider
from bootstrap.lane_routes import LaneRoute
from domain.connections.connection import is_connection_id

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.connections import InMemoryConnectionStore
    from adapters.postgres.connections import SqlConnectionStore


def memory_connection_store() -> InMemoryConnectionStore:
    from adapters.memory.connections import InMemoryConnectionStore

    return InMemoryConnectionStore()


def sql_connection_store(engine: AsyncEngine) -> SqlConnectionStore:
    from adapters.postgres.connections import SqlConnectionStore

    return SqlConnectionStore(engine)


async def brokers_lifetime(brokers: ConnectionBrokers) -> AsyncIterator[ConnectionBrokers]:
    """Every connection's adapter closed at shutdown (HTTP pools, streams, keep-alives)."""
    try:
        yield brokers
    finally:
        await brokers.aclose()


CONNECTIONS_DEGRADE = (
    "orders of the accounts on a connection named here are refused or wait for its venue; "
    "every other account trades on"
)


def readiness(probes: ConnectionProbes) -> Any:
    """/ready's line of the connections: every stored connection one by one, as its last call
    in this process left it, one not heard of lately probed at its venue now. A connection in
    trouble degrades its own accounts only, never the instance's readiness."""
    from adapters.http.services import Degrading

    async def probe() -> tuple[bool, dict[str, Any]]:
        listed = await probes.listed()
        troubled = [h for h in listed if h.state in TROUBLED]
        return not troubled, {
            "connections": [
                {
                    "id": h.connection_id,
                    "state": h.state.value,
                    "since": None if h.since is None else h.since.isoformat(),
                    "reason": h.reason,
                }
                for h in listed
            ]
        }

    return Degrading(probe, CONNECTIONS_DEGRADE)


class ConnectionsContainer(containers.DeclarativeContainer):
    """Over the core: its key vault (the credentials) and the router's routes (where accounts
    on a connection find its broker)."""

    core = providers.DependenciesContainer()

    store = store_provider(core, memory_connection_store, sql_connection_store)
    adapters = providers.Singleton(VenueAdapterKinds, core.clock, core.meter)
    brokers = providers.Singleton(ConnectionBrokers, store, core.key_vault, adapters, core.clock)
    brokers_closing = providers.Resource(brokers_lifetime, brokers)
    probes = providers.Singleton(ConnectionProbes, store, brokers, core.clock)
    readiness = providers.Singleton(readiness, probes)
    gate_check = providers.Singleton(ConnectionCheck, brokers)
    service = providers.Singleton(
        ConnectionService,
        store, core.key_vault, brokers, adapters, core.clock, core.ids, core.audit,
    )  # fmt: skip


def on_lane(api: Any) -> LaneRoute:
    """The connections' routes on the kill switch's lane: brokers of its own (adapters on its
    loop) over the same connections and vault, retired when the API's vault changes a key
    (a rotation, a revocation), as the API's are."""

    def install(lane_core: Any) -> Callable[[], Awaitable[None]]:
        store = api.store() if lane_core.store_kind() == "memory" else (
            sql_connection_store(lane_core.engine())
        )  # fmt: skip
        adapters = VenueAdapterKinds(lane_core.clock(), lane_core.meter())
        brokers = ConnectionBrokers(store, lane_core.key_vault(), adapters, lane_core.clock())
        try:
            lane_loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:  # built outside a loop (a test of the wiring): told directly
            lane_loop = None

        def changed(vault_key_id: str) -> None:  # on the API's loop: handed to the lane's
            if lane_loop is None:
                brokers.key_changed(vault_key_id)
                return
            with contextlib.suppress(RuntimeError):  # a lane that stopped has closed its loop
                lane_loop.call_soon_threadsafe(brokers.key_changed, vault_key_id)

        api.core.key_vault().subscribe_keys(changed)
        lane_core.broker_routes().add(
            lambda name: brokers.route(name) if is_connection_id(name) else None
        )
        return brokers.aclose

    return install


def prepare(container: Any, settings: Any) -> None:
    """The router finds an account's connection through this context (built on first use),
    on the API's loop and on the kill switch's lane, and the gate denies the orders of a
    connection refused or revoked."""
    brokers = container.brokers
    container.core.broker_routes().add(
        lambda name: brokers().route(name) if is_connection_id(name) else None
    )
    container.core.lane_routes().add(on_lane(container))
    container.core.gate_checks().add(container.gate_check)
