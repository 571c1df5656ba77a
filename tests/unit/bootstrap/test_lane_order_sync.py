"""The kill-switch lane resolves orders in doubt on the API loop, where the order locks live."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from application.trading.in_doubt import InDoubtReport
from bootstrap.embedded import Embedded, build_embedded
from bootstrap.killswitch_lane import MainLoopOrderSync
from domain.trading.orders import OrderStatus
from tests.kit.desk import ACCOUNT, fake_clock, seed, stored_in_doubt


async def test_the_lane_awaits_the_resolution_made_on_the_api_loop() -> None:
    # Arrange
    e: Embedded = await seed(build_embedded())
    doubtful = await stored_in_doubt(e)
    fake_clock(e).advance(timedelta(seconds=6))
    sync = MainLoopOrderSync(asyncio.get_running_loop(), e.orders)

    def on_another_loop() -> InDoubtReport:
        return asyncio.run(sync.resolve_in_doubt(ACCOUNT))

    # Act
    report = await asyncio.to_thread(on_another_loop)

    # Assert
    assert report.never_sent == [doubtful.id]
    async with e.uow() as u:
        order = await u.orders.get(doubtful.id)
    assert order is not None and order.status is OrderStatus.NEVER_SENT
