"""The container picks the embedded adapters and refuses what this build cannot serve."""

from __future__ import annotations

from adapters.http.events import Audience
from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.store import InMemoryUnitOfWork
from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.outbox import RelayingPublisher
from adapters.postgres.uow import SqlUnitOfWork
from bootstrap.containers.application import build_container
from bootstrap.settings import load_settings
from domain.killswitch.switch import EmergencyHalt
from domain.principals import Principal, Role


def test_embedded_defaults_are_a_sqlite_file_with_an_outbox_and_the_paper_broker() -> None:
    # Arrange
    container = build_container(load_settings({"BULWARK_ENV": "test"}, env_file=None))

    # Act
    trading = container.http_contexts.trading_context().services
    core = container.http_contexts.core_context().services

    # Assert: nothing is opened until used; the choices are what docs/configuration.md promises
    assert isinstance(container.core.uow_factory()(), SqlUnitOfWork)
    assert isinstance(container.core.publisher(), RelayingPublisher)
    assert isinstance(container.core.audit(), SqlAuditLog)
    assert set(container.core.brokers().brokers) == {"paper"}
    assert trading.orders is container.trading.orders()
    assert core.settings_summary["store"] == "sqlite+aiosqlite"


def test_memory_url_selects_the_in_memory_store_and_publishes_straight_to_the_bus() -> None:
    # Arrange
    settings = load_settings(
        {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://"}, env_file=None
    )

    # Act
    container = build_container(settings)

    # Assert
    assert isinstance(container.core.uow_factory()(), InMemoryUnitOfWork)
    assert container.core.publisher() is container.core.bus()
    assert isinstance(container.core.audit(), InMemoryAuditLog)


async def test_domain_events_on_the_bus_reach_the_websocket_hub() -> None:
    # Arrange
    container = build_container(load_settings({"BULWARK_ENV": "test"}, env_file=None))
    hub = container.event_hub()
    watcher = hub.subscribe(Audience(Principal("risk-1", Role.RISK_OFFICER)))

    # Act
    await container.core.bus().publish([EmergencyHalt("global:*", "manual", "u1", "test")])

    # Assert
    frame = watcher.queue.get_nowait()
    assert b'"event":"EmergencyHalt"' in frame
    assert b'"category":"kill_switch"' in frame
