"""Resources stop after everything that names them, also across the contexts' containers
(bootstrap/resource_order.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from dependency_injector import containers, providers

from bootstrap.containers.application import build_container
from bootstrap.resource_order import resource_dependencies, shutdown_in_order, stop_waves
from bootstrap.settings import load_settings


def _lifetime(name: str, log: list[str], turns: int = 0):  # type: ignore[no-untyped-def]
    async def lifetime(*_: object) -> AsyncIterator[None]:
        yield
        log.append(f"{name} stopping")
        for _turn in range(turns):  # a stop that yields: another one would run meanwhile
            await asyncio.sleep(0)
        log.append(f"{name} stopped")

    return lifetime


def _world(log: list[str]) -> containers.DeclarativeContainer:
    class Core(containers.DeclarativeContainer):
        database = providers.Resource(_lifetime("database", log))
        service = providers.Singleton(object)

    class Context(containers.DeclarativeContainer):
        core = providers.DependenciesContainer()
        uses_service = providers.Singleton(lambda service: service, core.service)
        # Names the database through the proxy, as a context's container does.
        telling = providers.Resource(_lifetime("telling", log, turns=5), core.database)
        # Reaches the database only through a singleton's arguments: no dependency.
        unrelated = providers.Resource(_lifetime("unrelated", log), uses_service)

    class Application(containers.DeclarativeContainer):
        core = providers.Container(Core)
        context = providers.Container(Context, core=core)

    return Application()


async def test_a_context_resource_that_names_the_database_stops_before_it_closes() -> None:
    # Arrange
    log: list[str] = []
    app = _world(log)
    await app.init_resources()  # type: ignore[misc]

    # Act
    await shutdown_in_order(app)

    # Assert
    assert log.index("telling stopped") < log.index("database stopping")
    assert {"unrelated stopped", "database stopped"} <= set(log)


def test_the_dependency_through_the_proxy_is_seen_and_an_unrelated_one_is_not() -> None:
    # Arrange
    app = _world([])
    resources = list(app.traverse(types=[providers.BaseResource]))
    database = app.core.database  # type: ignore[attr-defined]
    telling = app.context.telling  # type: ignore[attr-defined]
    unrelated = app.context.unrelated  # type: ignore[attr-defined]

    # Act
    dependencies = resource_dependencies(resources)
    waves = stop_waves(dependencies)

    # Assert
    assert dependencies[telling] == {database}
    assert dependencies[unrelated] == set()
    assert waves == [[telling, unrelated], [database]] or waves == [
        [unrelated, telling],
        [database],
    ]


def test_two_resources_that_reach_each_other_stop_together_rather_than_not_at_all() -> None:
    # Arrange
    first, second = providers.Resource(object), providers.Resource(object)
    dependencies = {first: {second}, second: {first}}

    # Act
    waves = stop_waves(dependencies)

    # Assert
    assert waves == [[first, second]]


def test_as_served_the_pool_closes_after_the_stops_that_still_write() -> None:
    # Arrange
    app = build_container(load_settings({"BULWARK_ENV": "test"}, env_file=None))
    resources = list(app.traverse(types=[providers.BaseResource]))
    database = app.core.database
    writing = {
        "order audit": app.trading.order_audit_writing,
        "notification dispatch": app.notifications.notification_dispatch,
    }

    # Act
    waves = stop_waves(resource_dependencies(resources))

    # Assert
    wave_of = {resource: index for index, wave in enumerate(waves) for resource in wave}
    for name, resource in writing.items():
        assert wave_of[resource] < wave_of[database], name
