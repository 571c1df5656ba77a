"""Connections: each owner's venue connections (their store, the service the API and CLI
call) and the broker of each, routed to by the accounts that name it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from application.connections.brokers import ConnectionBrokers, ConnectionState
from application.connections.gate_check import ConnectionCheck
from application.connections.service import ConnectionService
from bootstrap.connections import VenueAdapterKinds
from bootstrap.containers.stores import store_provider
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


TROUBLED = (ConnectionState.AUTH_FAILED, ConnectionState.UNREACHABLE, ConnectionState.RATE_LIMITED)
CONNECTIONS_DEGRADE = (
    "orders of the accounts on a connection named here are refused or wait for its venue; "
    "every other account trades on"
)


def readiness(brokers: ConnectionBrokers) -> Any:
    """/ready's line of the connections: each one routed to in this process, its state as its
    last call left it. A connection in trouble degrades its own accounts only, never the
    instance's readiness."""
    from adapters.http.services import Degrading

    async def probe() -> tuple[bool, dict[str, Any]]:
        listed = sorted(brokers.health(), key=lambda h: h.connection_id)
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
    readiness = providers.Singleton(readiness, brokers)
    gate_check = providers.Singleton(ConnectionCheck, brokers)
    service = providers.Singleton(
        ConnectionService,
        store, core.key_vault, brokers, adapters, core.clock, core.ids, core.audit,
    )  # fmt: skip


def prepare(container: Any, settings: Any) -> None:
    """The router finds an account's connection through this context (built on first use),
    and the gate denies the orders of a connection refused or revoked."""
    brokers = container.brokers
    container.core.broker_routes().add(
        lambda name: brokers().route(name) if is_connection_id(name) else None
    )
    container.core.gate_checks().add(container.gate_check)
