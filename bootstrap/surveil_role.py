"""What a `bulwark surveil` process runs of the container: surveillance's own work, nothing else.

The detectors read the events topic (bootstrap/cli_surveil.py) and act through the store and
the kill switch's agent scope. So the process starts the store's lifetime and what those
actions reach the deployment through: the Kafka link (events out, the emergency broadcast of
a paused agent), the Redis bridge (the instances' live events and trading-state caches), the
brokers and the notification senders' HTTP client (closed at the end). It runs no background
job of the API's (no job lease taken, no watcher, no outbox relay: the API's processes relay),
no quote board or market feed, and no in-process surveillance beside its own reader.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any

from dependency_injector import providers

from bootstrap.resource_order import shutdown_in_order

if TYPE_CHECKING:
    from bootstrap.containers.application import ApplicationContainer

PROCESS = "surveil"


def surveil_resources(container: ApplicationContainer) -> Mapping[str, Any]:
    """The container's resources a surveil process starts, by name (Resource providers)."""
    return {
        "database": container.core.database,
        "kafka": container.kafka,
        "cluster": container.cluster,
        "brokers": container.core.brokers_resource,
        "notification_http": container.notifications.notification_http_closing,
    }


@contextlib.asynccontextmanager
async def surveil_role(container: ApplicationContainer) -> AsyncIterator[None]:
    """Starts the surveil process's resources (and only those); stops them at the end."""
    container.core.process.override(providers.Object(PROCESS))
    try:
        started = [resource.init() for resource in surveil_resources(container).values()]
        await asyncio.gather(*(each for each in started if inspect.isawaitable(each)))
        yield
    finally:
        with contextlib.suppress(Exception):
            await shutdown_in_order(container)
