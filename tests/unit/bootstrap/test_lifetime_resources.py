"""Lifetimes named lazily (`later_lifetime`) run as a Resource's: started at init, closed at
shutdown; the plain lazy factory would hand the generator out unstarted."""

from __future__ import annotations

from collections.abc import AsyncIterator

from dependency_injector import containers, providers

from bootstrap.containers.stores import later_lifetime

EVENTS: list[str] = []


async def lifetime(name: str) -> AsyncIterator[str]:
    EVENTS.append(f"start {name}")
    try:
        yield name
    finally:
        EVENTS.append(f"stop {name}")


class _Lifetimes(containers.DeclarativeContainer):
    running = providers.Resource(
        later_lifetime("tests.unit.bootstrap.test_lifetime_resources:lifetime"), "cluster"
    )


async def test_a_lazily_named_lifetime_starts_at_init_and_stops_at_shutdown() -> None:
    # Arrange
    EVENTS.clear()
    container = _Lifetimes()

    # Act
    await container.init_resources()  # type: ignore[misc]
    value = await container.running()
    started = list(EVENTS)
    await container.shutdown_resources()  # type: ignore[misc]

    # Assert
    assert value == "cluster"
    assert started == ["start cluster"]
    assert EVENTS == ["start cluster", "stop cluster"]
