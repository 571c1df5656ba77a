"""The price alert watch: quotes on the board fire users' alerts through the center."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.price_alerts import InMemoryPriceAlertStore
from application.price_alerts.service import (
    CreatePriceAlert,
    InvalidPriceAlert,
    PriceAlerts,
    TooManyPriceAlerts,
)
from application.price_alerts.watch import PriceAlertWatch
from domain.errors import Forbidden, NotFound
from domain.notifications.price_alerts import AlertState, Direction, Mode
from domain.principals import Principal, Role
from ports.notifications.notification_store import Page
from tests.unit.notifications.world import World


class Alerts:
    def __init__(self) -> None:
        self.world = World()
        self.store = InMemoryPriceAlertStore()
        self.board = InMemoryMarketData(self.world.clock)
        self.watch = PriceAlertWatch(self.store, self.world.center, self.world.clock)
        self.watch.follow(self.board)
        self.service = PriceAlerts(
            self.store, self.world.clock, SequentialIds(), changed=self.watch.changed,
            max_per_user=3,
        )  # fmt: skip

    async def tick(self, symbol: str, last: str) -> int:
        price = Decimal(last)
        self.board.set_quote(symbol, price - Decimal("0.01"), price + Decimal("0.01"), price)
        self.world.clock.advance(timedelta(seconds=1))
        return await self.watch.evaluate()


@pytest.fixture
def alerts() -> Alerts:
    return Alerts()


async def test_a_crossing_quote_notifies_the_owner_once(alerts: Alerts) -> None:
    # Arrange
    owner = await alerts.world.user("u1", "u1@example.com")
    created = await alerts.service.create(
        owner, CreatePriceAlert("aapl", Direction.ABOVE, Decimal("190.5"), note="take profit")
    )

    # Act
    fires = [await alerts.tick("AAPL", p) for p in ("189", "190.40", "190.5", "191", "189")]

    # Assert
    assert fires == [0, 0, 1, 0, 0]
    inbox = await alerts.world.store.in_app(Page("u1"))
    assert [n.event_type for n in inbox] == ["price.alert"]
    assert inbox[0].title == "AAPL above 190.5"
    assert inbox[0].data["price"] == "190.5" and inbox[0].data["alert_id"] == created.id
    stored = await alerts.service.get(owner, created.id)
    assert stored.state is AlertState.DONE and stored.fired_count == 1


async def test_a_rearming_alert_fires_again_after_the_band_only(alerts: Alerts) -> None:
    # Arrange
    owner = await alerts.world.user("u1")
    await alerts.service.create(
        owner,
        CreatePriceAlert("BTC/USD", Direction.BELOW, Decimal("60000"), Mode.REARM, Decimal("500")),
    )

    # Act
    fires = [
        await alerts.tick("BTC/USD", p)
        for p in ("61000", "59990", "60300", "59000", "60600", "59999")
    ]

    # Assert
    assert fires == [0, 1, 0, 0, 0, 1]
    assert len(await alerts.world.store.in_app(Page("u1"))) == 2


async def test_other_symbols_and_other_users_alerts_stay_quiet(alerts: Alerts) -> None:
    # Arrange
    u1 = await alerts.world.user("u1")
    u2 = await alerts.world.user("u2")
    await alerts.service.create(u1, CreatePriceAlert("MSFT", Direction.ABOVE, Decimal("400")))
    await alerts.service.create(u2, CreatePriceAlert("AAPL", Direction.ABOVE, Decimal("200")))

    # Act
    await alerts.tick("MSFT", "399")
    await alerts.tick("AAPL", "150")
    await alerts.tick("MSFT", "401")

    # Assert
    assert [n.data["symbol"] for n in await alerts.world.store.in_app(Page("u1"))] == ["MSFT"]
    assert await alerts.world.store.in_app(Page("u2")) == []


async def test_alerts_are_owner_scoped_and_deletion_stops_them(alerts: Alerts) -> None:
    # Arrange
    u1 = await alerts.world.user("u1")
    u2 = await alerts.world.user("u2")
    mine = await alerts.service.create(u1, CreatePriceAlert("AAPL", Direction.ABOVE, Decimal("1")))

    # Act / Assert
    with pytest.raises(NotFound):
        await alerts.service.get(u2, mine.id)
    with pytest.raises(NotFound):
        await alerts.service.delete(u2, mine.id)
    await alerts.tick("AAPL", "0.5")
    await alerts.service.delete(u1, mine.id)
    assert await alerts.tick("AAPL", "2") == 0
    assert await alerts.service.list_for(u1) == []


async def test_invalid_alerts_and_limits_are_refused(alerts: Alerts) -> None:
    # Arrange
    owner = await alerts.world.user("u1")
    viewer = Principal("v1", Role.VIEWER)

    # Act / Assert
    with pytest.raises(InvalidPriceAlert) as bad_symbol:
        await alerts.service.create(owner, CreatePriceAlert("$$", Direction.ABOVE, Decimal(1)))
    with pytest.raises(InvalidPriceAlert) as bad_price:
        await alerts.service.create(owner, CreatePriceAlert("A", Direction.ABOVE, Decimal(0)))
    with pytest.raises(InvalidPriceAlert) as once_band:
        await alerts.service.create(
            owner, CreatePriceAlert("A", Direction.ABOVE, Decimal(5), Mode.ONCE, Decimal(1))
        )
    with pytest.raises(Forbidden):
        await alerts.service.create(viewer, CreatePriceAlert("A", Direction.ABOVE, Decimal(5)))
    for _ in range(3):
        await alerts.service.create(owner, CreatePriceAlert("A", Direction.ABOVE, Decimal(5)))
    with pytest.raises(TooManyPriceAlerts):
        await alerts.service.create(owner, CreatePriceAlert("A", Direction.ABOVE, Decimal(5)))
    assert (bad_symbol.value.field, bad_price.value.field, once_band.value.field) == (
        "symbol",
        "threshold",
        "hysteresis",
    )


async def test_two_watches_on_one_store_record_a_fire_once(alerts: Alerts) -> None:
    # Arrange
    owner = await alerts.world.user("u1")
    await alerts.service.create(owner, CreatePriceAlert("AAPL", Direction.ABOVE, Decimal("10")))
    other = PriceAlertWatch(alerts.store, alerts.world.center, alerts.world.clock)
    other.follow(alerts.board)
    await alerts.tick("AAPL", "9")
    await other.evaluate()

    # Act
    alerts.board.set_quote("AAPL", Decimal("10.9"), Decimal("11.1"), Decimal("11"))
    first = await alerts.watch.evaluate()
    second = await other.evaluate()

    # Assert
    assert (first, second) == (1, 0)
    assert other.lost_races == 1
    assert len(await alerts.world.store.in_app(Page("u1"))) == 1
