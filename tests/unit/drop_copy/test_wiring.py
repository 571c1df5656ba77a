"""The drop copy in the composition root: off by default (nothing built, nothing subscribed);
on, its recorder on the bus, its deliverer running and its figures in the core's /metrics."""

from __future__ import annotations

import asyncio

from bootstrap.containers.commands import CommandContainers
from domain.trading.orders import OrderDenied
from tests.kit.settings import settings_of


async def test_off_by_default_nothing_is_built_or_subscribed() -> None:
    # Arrange
    contexts = CommandContainers(settings_of(database_url="memory://"))

    # Act
    running = await contexts.drop_copy.running()

    # Assert
    try:
        assert running is None
        assert contexts.core.bus()._batch_handlers == []
    finally:
        await contexts.drop_copy.running.shutdown()


async def test_on_the_recorder_hears_the_bus_and_the_figures_join_the_metrics() -> None:
    # Arrange: a webhook nobody answers (the message waits in the outbox)
    settings = settings_of(
        database_url="memory://",
        drop_copy_webhook_url="http://127.0.0.1:9/drop-copy",
        drop_copy_webhook_secret="whsec-unit",
    )
    contexts = CommandContainers(settings)
    running = await contexts.drop_copy.running()
    try:
        # Act
        await contexts.core.bus().publish([OrderDenied("o-9", "acc-1", ("MAX_NOTIONAL",))])
        await asyncio.sleep(0.05)  # the deliverer's first try fails: nobody listens
        metrics = {m.name for m in contexts.core.meter().collect()}

        # Assert
        assert running is not None and running.delivery.targets == ("webhook",)
        assert await contexts.drop_copy.outbox().pending("webhook") == 1
        assert {"bulwark_drop_copy_delay_seconds", "bulwark_drop_copy_recorded"} <= metrics
        assert "whsec-unit" not in repr(running.delivery._targets)
    finally:
        await contexts.drop_copy.running.shutdown()
