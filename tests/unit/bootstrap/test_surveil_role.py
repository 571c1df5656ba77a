"""`bulwark surveil` runs surveillance's own work: its store, what its actions reach the
deployment through, and nothing of the API's (no job lease, watcher, quote board or feed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dependency_injector import providers

from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.settings import load_settings
from bootstrap.surveil_role import surveil_role

SURVEILS_WITH = {
    "core.database",  # alerts, checkpoints, the kill switch's agent scope
    "kafka",  # events out, the emergency broadcast of an agent paused
    "cluster",  # the other instances' live events and trading-state caches (Redis)
    "core.brokers_resource",  # the paused agent's orders cancelled; closed at the end
    "notifications.notification_http_closing",  # the senders' client, closed at the end
}


def resources(prefix: str, container: Any) -> Iterator[tuple[str, Any]]:
    """Every Resource provider of the container and its contexts' containers, by path."""
    for name, provider in container.providers.items():
        if isinstance(provider, providers.Container):
            yield from resources(f"{prefix}{name}.", provider.container)
        elif isinstance(provider, providers.Resource):
            yield f"{prefix}{name}", provider


def started(container: ApplicationContainer) -> set[str]:
    return {name for name, provider in resources("", container) if provider.initialized}


async def test_a_surveil_process_starts_surveillances_resources_and_no_job_of_the_api() -> None:
    # Arrange
    settings = load_settings(
        {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://"}, env_file=None
    )
    container = build_container(settings)

    # Act
    async with surveil_role(container):
        running = started(container)
        process = container.core.process()

    # Assert
    assert running == SURVEILS_WITH
    assert {"core.job_leases", "background", "market_data.quote_board"}.isdisjoint(running)
    assert process == "surveil"
    assert started(container) == set()  # each stopped with the process
