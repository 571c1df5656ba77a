"""The price alert store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from adapters.memory.price_alerts import InMemoryPriceAlertStore
from adapters.postgres.repos.price_alerts import SqlPriceAlertStore
from domain.notifications.price_alerts import AlertState, Direction, Mode, PriceAlert
from ports.price_alerts.price_alerts import PriceAlertStore
from tests.integration.store.conftest import T0, StoreUnderTest


@pytest.fixture
def alerts(store: StoreUnderTest) -> PriceAlertStore:
    return store.adapter(InMemoryPriceAlertStore, SqlPriceAlertStore)


def alert(i: int, owner: str = "u1", symbol: str = "AAPL", **fields: object) -> PriceAlert:
    values: dict[str, object] = {
        "direction": Direction.ABOVE,
        "threshold": Decimal("187.125"),
        "mode": Mode.REARM,
        "hysteresis": Decimal("0.50"),
        "created_at": T0 + timedelta(seconds=i),
        **fields,
    }
    return PriceAlert(f"pal-{i:03d}", owner, symbol, **values)  # type: ignore[arg-type]


async def test_an_alert_reads_back_exactly_for_its_owner_only(alerts: PriceAlertStore) -> None:
    # Arrange
    stored = alert(1, direction=Direction.BELOW, mode=Mode.ONCE, note="dip ü")

    # Act
    await alerts.add(stored)

    # Assert
    assert await alerts.get("pal-001", "u1") == stored
    assert await alerts.get("pal-001", "u2") is None
    assert await alerts.get("pal-404", "u1") is None
    assert (await alerts.get("pal-001", "u1")).threshold == Decimal("187.125")  # type: ignore[union-attr]


async def test_listing_counting_and_the_active_set(alerts: PriceAlertStore) -> None:
    # Arrange
    await alerts.add(alert(2, symbol="MSFT"))
    await alerts.add(alert(1))
    await alerts.add(alert(3, state=AlertState.DONE, fired_count=1))
    await alerts.add(alert(4, owner="u2", symbol="AAPL"))

    # Act
    mine = await alerts.list_for("u1")
    active = await alerts.active()

    # Assert
    assert [a.id for a in mine] == ["pal-001", "pal-002", "pal-003"]
    assert await alerts.count_for("u1") == 3
    assert await alerts.count_for("u3") == 0
    assert [a.id for a in active] == ["pal-001", "pal-004", "pal-002"]


async def test_save_is_a_compare_and_set_on_state_and_fire_count(
    alerts: PriceAlertStore,
) -> None:
    # Arrange
    original = alert(1, state=AlertState.ARMED)
    await alerts.add(original)
    fired = replace(
        original,
        state=AlertState.DISARMED,
        fired_count=1,
        last_fired_at=T0,
        last_price=Decimal("188.01"),
    )

    # Act
    first = await alerts.save(fired, original)
    second = await alerts.save(replace(fired, fired_count=2), original)  # stale expectation

    # Assert
    assert (first, second) == (True, False)
    assert await alerts.get("pal-001", "u1") == fired


async def test_remove_is_owner_scoped(alerts: PriceAlertStore) -> None:
    # Arrange
    await alerts.add(alert(1))

    # Act
    foreign = await alerts.remove("pal-001", "u2")
    removed = await alerts.remove("pal-001", "u1")

    # Assert
    assert (foreign, removed) == (False, True)
    assert await alerts.list_for("u1") == []
