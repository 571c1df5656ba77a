"""`bulwark consume`'s own /metrics: the figures of the decisions it makes from Kafka commands.

A consume process runs the gate, the kill switch and the broker calls for the commands it
reads, but serves no API; without a listener of its own its gate and broker figures would be
counted nowhere. With BULWARK_CONSUME_METRICS_PORT set it serves `GET /metrics` (the same
registry shape and the same token rule as the API's: BULWARK_METRICS_TOKEN, hidden in prod
without one) and `GET /health` on that port, beside the consumers, on the same event loop.
Prometheus tells the processes apart by their scrape target (`instance`), so no label here
names the process.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import structlog
import uvicorn
from litestar import Litestar, get
from litestar.datastructures import State

from adapters.http.metrics import (
    METRICS_REFRESH_STATE_KEY,
    METRICS_STATE_KEY,
    metrics,
    metrics_registry,
    refreshers,
)
from adapters.http.problems import EXCEPTION_HANDLERS
from adapters.http.services import HTTP_CONFIG_STATE_KEY, HttpConfig
from adapters.metrics.gauges import JobLeasesCollector, OutboxBacklogGauge
from adapters.metrics.meter import PrometheusMeter
from bootstrap.containers.http import metrics_access
from bootstrap.serving import wait_started

if TYPE_CHECKING:
    from prometheus_client.registry import Collector

    from bootstrap.containers.core import CoreContainer
    from bootstrap.settings import Settings

log = structlog.get_logger("bulwark.consume")


@get("/health", include_in_schema=False, sync_to_thread=False)
def health() -> dict[str, str]:
    return {"status": "ok", "process": "consume"}


def consume_metrics_app(settings: Settings, core: CoreContainer) -> Litestar:
    """The consume process's listener: /metrics over the core's meter, and /health."""
    token, hidden = metrics_access(settings)
    collectors: list[Collector] = []
    meter = core.meter()
    if isinstance(meter, PrometheusMeter):
        collectors.append(meter)
    # A consume member takes part in the background jobs' leases as serve does.
    collectors.append(JobLeasesCollector(core.job_holdings()))
    if core.store_kind() == "sql":
        from adapters.postgres.outbox_backlog import OutboxBacklog

        collectors.append(OutboxBacklogGauge(OutboxBacklog(core.engine())))
    registry = metrics_registry(lambda: None, collectors)
    return Litestar(
        route_handlers=[metrics, health],
        exception_handlers=EXCEPTION_HANDLERS,
        openapi_config=None,
        logging_config=None,
        state=State(
            {
                METRICS_STATE_KEY: registry,
                METRICS_REFRESH_STATE_KEY: refreshers(collectors),
                HTTP_CONFIG_STATE_KEY: HttpConfig(metrics_token=token, metrics_hidden=hidden),
            }
        ),
    )


class ConsumeMetricsListener:
    """Serves consume_metrics_app on BULWARK_CONSUME_METRICS_PORT until stopped."""

    def __init__(self, settings: Settings, core: CoreContainer) -> None:
        config = uvicorn.Config(
            consume_metrics_app(settings, core),
            host=settings.observability.consume_metrics_host,
            port=settings.observability.consume_metrics_port,
            log_config=None,
            access_log=False,
            lifespan="off",
        )
        self._server = uvicorn.Server(config)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        # `_serve`, not `serve`: `serve` would take SIGTERM / SIGINT from the consumers'
        # own handlers (uvicorn installs its own on the main thread); uvicorn is pinned.
        self._task = asyncio.create_task(self._server._serve())
        await wait_started(self._server, self._task)
        if self._task.done():
            self._task.result()  # the listener's error (a port in use): the caller's
            raise OSError("the consume metrics listener stopped before it started")
        config = self._server.config
        log.info("consume_metrics_listening", host=config.host, port=config.port)

    async def stop(self) -> None:
        if self._task is None:
            return
        self._server.should_exit = True
        await self._task
        self._task = None
