"""The app factory: settings -> logging -> container -> Litestar app with a lifespan."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from litestar import Litestar

from adapters.gc_pauses import GcPauses, GcPausesCollector
from adapters.http.app import build_document_off_the_loop
from adapters.http.app import create_app as create_http_app
from adapters.watchdog import LoopWatchdogCollector
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.demo import DEMO_OWNER, DEMO_RISK, DEMO_VIEWER, load_demo
from bootstrap.early_join import KafkaRefused
from bootstrap.gc_tuning import restore_gc, tune_gc
from bootstrap.killswitch_lane import LaneSources, start_lane
from bootstrap.logging import configure_logging
from bootstrap.metrics import include_lane_requests, metrics_collectors, reconciliation_gauge
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import Settings, SettingsError, load_settings
from bootstrap.shutdown_grace import DEADLINE
from bootstrap.startup_refusal import refuse_start_up
from bootstrap.tracing import stop_tracing
from bootstrap.watchdog import loop_watchdog

_log = structlog.get_logger("bulwark.app")
_CLOSE_WITHIN_S = 5.0


def create_app(
    settings: Settings | None = None,
    container: ApplicationContainer | None = None,
    *,
    document_at_start: bool = False,
) -> Litestar:
    """Build the app. Tests pass a container whose providers they have overridden.
    `document_at_start` (serve): the OpenAPI document, and the venues' calendars the gate
    reads, are built on a worker thread once the app has started, not by the first request
    that needs them on the event loop."""
    settings = settings or load_settings()
    if container is None:
        configure_logging(
            settings.core.log_level,
            settings.core.log_format,
            kafka_retry_s=settings.kafka.retry_seconds,
        )
        container = build_container(settings)
    watchdog = loop_watchdog(settings, container.core.notifier, "bulwark serve")
    gc_pauses = GcPauses()

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        try:
            await container.init_resources()  # type: ignore[misc]
        except KafkaRefused as exc:  # the brokers went away after the preflight's check
            await _closed_quietly(container)
            raise refuse_start_up(str(exc)) from None
        await require_current_schema(container)
        if settings.core.demo:
            demo = await load_demo(container)
            _log.info(
                "demo_data_loaded",
                account=demo.account_id,
                owner=DEMO_OWNER.username,
                risk_officer=DEMO_RISK.username,
                viewer=DEMO_VIEWER.username,
                agent_key_id=demo.agent_key.key_id if demo.agent_key else None,
            )
        # The accounts and passcodes a halt can still use if the store goes down (then kept
        # fresh every few seconds by the watchers).
        known = await container.safety.killswitch().remember(force=True)
        _log.info("kill_switch_accounts_remembered", accounts=known)
        lane = await start_lane(
            LaneSources(container.core(), container.safety(), container.trading.orders), settings
        )
        # Its listener's requests in this app's /metrics.
        include_lane_requests(app, None if lane is None else lane.red)
        summary = container.http_contexts.settings_summary()
        if lane is not None and isinstance(summary, dict):
            summary["kill_switch_port"] = lane.port  # /api/status tells clients where it is
        # Last of the start-up: what it built is frozen, out of every later collection's scan.
        gc_state = tune_gc(settings)
        gc_pauses.install()  # the serving process's collections, timed for /metrics
        _log.info("started", **summary)
        # Watching the serving loop only: start-up and shutdown work is not a stall to page on.
        if watchdog is not None:
            watchdog.start()
        if document_at_start and settings.core.docs_enabled:
            build_document_off_the_loop(app).add_done_callback(_document_built)
        if document_at_start:  # serve: the venues' calendars built before an order needs one
            calendars = container.core.market_calendars()
            warming = asyncio.get_running_loop().run_in_executor(None, calendars.warm)
            warming.add_done_callback(_calendars_built)
        try:
            yield
        finally:
            if watchdog is not None:
                watchdog.stop()
            if lane is not None:
                await asyncio.to_thread(lane.stop)
            await _shut_down(container, settings.core.shutdown_grace_seconds)
            await stop_tracing(container.core.tracing())  # the spans still queued, last
            gc_pauses.remove()
            restore_gc(gc_state)
            _log.info("stopped")

    app = create_http_app(
        container.http_contexts.edge(),
        container.http_config(),
        contexts=container.http_contexts.served(),
        lifespan=[lifespan],
        collectors=[GcPausesCollector(gc_pauses)]
        + ([LoopWatchdogCollector(watchdog)] if watchdog else [])
        + metrics_collectors(
            settings,
            container.core(),
            container.market_data.provider_service(),
            container.event_hub(),
            container.safety.in_doubt_watch(),
            # Not served: its context (and its bar store) is never built for a gauge.
            container.http_contexts.market_data_context().services.live_quotes
            if settings.core.serves("market_data")
            else None,
        )
        + [reconciliation_gauge(container.reconciliation.service())],
        debug=False,
    )
    traced: Litestar = container.core.tracing().trace_requests(app)  # a span per request, when on
    return traced


async def _closed_quietly(container: ApplicationContainer) -> None:
    """What had started is stopped, within a bound: a refused start-up must not hang."""
    with contextlib.suppress(Exception):
        async with asyncio.timeout(_CLOSE_WITHIN_S):
            await shutdown_in_order(container)


async def _shut_down(container: ApplicationContainer, grace: float) -> None:
    """The container's resources stopped within what is left of the grace after the signal
    (bootstrap/shutdown_grace.py): past it they are cancelled, and the pending notifications
    they did not send stay in the outbox for the next start."""
    try:
        async with asyncio.timeout(DEADLINE.left(grace)):
            await shutdown_in_order(container)
    except TimeoutError:
        _log.warning("shutdown_grace_exceeded", grace_seconds=grace)


async def require_current_schema(container: ApplicationContainer) -> None:
    """Refuse to start on a database the migrations have not brought to this build's head."""
    if container.core.store_kind() != "sql":
        return
    from adapters.postgres import migrate

    at, head = await migrate.current(container.core.engine()), migrate.head()
    if at != head:
        raise SettingsError(
            f"the database schema is at {at or 'nothing (empty database)'}, this build needs "
            f"{head}: run `bulwark migrate` (or `make run`, which does) first"
        )


def _document_built(done: asyncio.Future[object]) -> None:
    if done.cancelled():
        return
    if done.exception() is not None:
        _log.error("openapi_document_failed", error_type=type(done.exception()).__name__)
    else:
        _log.info("openapi_document_built")


def _calendars_built(done: asyncio.Future[None]) -> None:
    if done.cancelled():
        return
    if done.exception() is not None:  # each order then builds its venue's (fail closed if not)
        _log.error("calendars_failed", error_type=type(done.exception()).__name__)
    else:
        _log.info("calendars_built")


def app_from_env() -> Litestar:
    """Entry point for `uvicorn --factory bootstrap.app:app_from_env`."""
    return create_app(document_at_start=True)
