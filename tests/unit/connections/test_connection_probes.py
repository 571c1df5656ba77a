"""Every stored connection one by one for /ready: as its last call left it, and one not heard
of lately probed at its venue (its account read), at most once per interval."""

from __future__ import annotations

from application.connections.brokers import ConnectionState
from application.connections.readiness import ConnectionProbes
from tests.unit.connections.test_connection_brokers import (
    CONNECTION,
    Desk,
    account_key,
)


def probes_of(desk: Desk) -> ConnectionProbes:
    return ConnectionProbes(desk.store, desk.brokers, desk.vault.clock, every_s=60.0)


async def test_a_connection_never_called_is_probed_at_its_venue_and_listed(desk: Desk) -> None:
    # Arrange
    probes = probes_of(desk)

    # Act
    first = await probes.listed()
    again = await probes.listed()

    # Assert: probed once (one adapter opened), listed ok both times
    assert [(h.connection_id, h.state) for h in first] == [(CONNECTION, ConnectionState.OK)]
    assert [h.state for h in again] == [ConnectionState.OK]
    assert len(desk.adapters.opened) == 1


async def test_a_key_the_venue_refuses_is_listed_auth_failed(desk: Desk) -> None:
    # Arrange
    desk.adapters.refused.add("key-one")

    # Act
    [health] = await probes_of(desk).listed()

    # Assert
    assert health.state is ConnectionState.AUTH_FAILED and "refused" in health.reason


async def test_a_connection_in_use_is_listed_as_its_calls_left_it_without_a_probe(
    desk: Desk,
) -> None:
    # Arrange: one call made by its accounts
    await account_key(desk)
    opened = len(desk.adapters.opened)

    # Act
    [health] = await probes_of(desk).listed()

    # Assert
    assert health.state is ConnectionState.OK and len(desk.adapters.opened) == opened
