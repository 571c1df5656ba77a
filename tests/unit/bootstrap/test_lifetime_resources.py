"""Lifetimes built lazily (their module imported when the Resource starts) run as a
Resource's: started at init, closed at shutdown; a plain factory returning the generator
would hand it out unstarted, and nothing would be closed."""

from __future__ import annotations

from dependency_injector import containers, providers

from bootstrap.containers import core_parts


class _Broker:
    def __init__(self) -> None:
        self.closed = 0

    async def aclose(self) -> None:
        self.closed += 1


class _Router:
    def __init__(self) -> None:
        self.brokers = {"paper": _Broker()}


class _Lifetimes(containers.DeclarativeContainer):
    router = providers.Singleton(_Router)
    closing = providers.Resource(core_parts.brokers_lifetime, router)


async def test_a_lazily_built_lifetime_starts_at_init_and_stops_at_shutdown() -> None:
    # Arrange
    container = _Lifetimes()
    broker = container.router().brokers["paper"]

    # Act
    await container.init_resources()  # type: ignore[misc]
    closed_while_running = broker.closed
    await container.shutdown_resources()  # type: ignore[misc]

    # Assert
    assert closed_while_running == 0
    assert broker.closed == 1
