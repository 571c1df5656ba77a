"""Prometheus in the composition root: the meter, the metered brokers, the /metrics gauges.

The use cases report to `container.core.meter()` (a PrometheusMeter, ports/core/metrics.py); the
broker adapters are wrapped to time every call (adapters/metrics/broker.py); the app's
/metrics registry gets the meter and the gauges read at scrape time (provider breakers,
WebSocket clients, outbox backlog). Who may scrape: BULWARK_METRICS_TOKEN, else open
outside prod and closed in prod (409 CAPABILITY_NOT_CONFIGURED naming the token).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import structlog
from litestar import Litestar
from prometheus_client.registry import Collector

from adapters.http.edge import EdgeMiddleware
from adapters.metrics.gauges import (
    BreakerStatesCollector,
    CallbackCounter,
    CallbackGauge,
    JobLeasesCollector,
    OutboxBacklogGauge,
)
from adapters.metrics.meter import PrometheusMeter
from bootstrap.containers.http import metrics_access
from bootstrap.settings import Settings

if TYPE_CHECKING:
    from adapters.http.events import EventHub
    from adapters.http.red import HttpRed
    from application.market_data.live_quotes import LiveQuotes
    from application.market_data.providers import ProviderService
    from application.reconciliation.service import Reconciliation
    from application.trading.in_doubt_watch import InDoubtWatch
    from bootstrap.containers.core import CoreContainer

_log = structlog.get_logger("bulwark.metrics")


def metrics_collectors(
    settings: Settings,
    core: CoreContainer,
    provider_service: ProviderService | None,
    hub: EventHub,
    in_doubt: InDoubtWatch,
    live_quotes: LiveQuotes | None,
) -> list[Collector]:
    """What the serving app's /metrics adds to the stream figures: meter and gauges."""
    if metrics_access(settings)[1]:
        _log.warning(
            "metrics_hidden", hint="set BULWARK_METRICS_TOKEN to let Prometheus scrape /metrics"
        )
    count = None
    if core.store_kind() == "sql":
        from adapters.postgres.outbox_backlog import OutboxBacklog

        count = OutboxBacklog(core.engine())
    meter = core.meter()
    collectors: list[Collector] = [
        BreakerStatesCollector(
            lambda: None if provider_service is None else provider_service.report()
        ),
        CallbackGauge(
            "bulwark_websocket_clients",
            "WebSocket clients connected to the live event stream now",
            lambda: hub.connections,
        ),
        OutboxBacklogGauge(count),
        JobLeasesCollector(core.job_holdings()),
    ]
    watch = in_doubt
    collectors.append(
        CallbackGauge(
            "bulwark_orders_in_doubt",
            "Approved orders never acknowledged by their broker and not resolved yet",
            lambda: watch.snapshot.count,
        )
    )
    collectors += live_quotes_gauges(live_quotes)
    if isinstance(meter, PrometheusMeter):
        collectors.insert(0, meter)
    return collectors


def reconciliation_gauge(service: Reconciliation) -> Collector:
    """Venue accounts whose last reconciliation confirmed a drift (in the process that runs
    the job; 0 elsewhere)."""
    return CallbackGauge(
        "bulwark_reconciliation_drift",
        "Venue accounts whose positions or working orders disagree with their venue, "
        "confirmed by two checks in a row",
        service.drifted,
    )


def live_quotes_gauges(hub: LiveQuotes | None) -> list[Collector]:
    """/ws/quotes: clients connected, and quotes a slow client skipped (a newer one was sent)."""
    if hub is None:
        return []
    return [
        CallbackGauge(
            "bulwark_ws_quote_clients",
            "Clients connected to /ws/quotes now",
            lambda: hub.connections,
        ),
        CallbackCounter(
            "bulwark_ws_quotes_dropped",
            "Quotes not sent to a /ws/quotes client because a newer one of the symbol replaced "
            "them before it read (slow readers)",
            lambda: hub.dropped,
        ),
        CallbackCounter(
            "bulwark_ws_quotes_delivered",
            "Quotes sent to /ws/quotes clients",
            lambda: hub.delivered,
        ),
    ]


def include_lane_requests(app: Litestar, lane_red: HttpRed | None) -> None:
    """The kill-switch lane's listener answers on its own port and serves no /metrics: its
    RED figures are summed into the API app's."""
    edge: object = app.asgi_handler
    for _ in range(4):  # outer layers (the trace layer) keep the one they wrap as `.app`
        if isinstance(edge, EdgeMiddleware):
            break
        edge = getattr(edge, "app", None)
    if not isinstance(edge, EdgeMiddleware) or edge.red is None:
        return
    if lane_red is not None:
        edge.red.include(lane_red)
