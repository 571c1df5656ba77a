"""The kill switch's lane: a thread with an event loop, ports and a listener of its own.

Every activation (HTTP on either port, the watchers' triggers, a halt broadcast by another
instance) runs here, never on the API's event loop, so neither a saturated API nor a handler
that blocks that loop can delay it. What the lane shares with the API is thread-safe: the
halt latch (application/halts.py), the in-memory store and paper broker when those are in use
(they guard their own state), the clock, ids, keys and hasher. What is bound to an event loop
it has of its own: the SQL engine, the brokers' HTTP clients (Alpaca), Redis. Its events are
handed to the API loop's publisher (WebSocket, Kafka, outbox) without waiting for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Future
from typing import Any, TypeVar

import structlog
from dependency_injector import providers

from adapters.http.app import create_app as create_http_app
from adapters.http.edge import EdgeMiddleware
from adapters.http.red import HttpRed
from adapters.postgres.engine import PoolSettings, make_engine
from application.in_doubt import InDoubtReport
from application.killswitch import ActivateKillSwitch, KillSwitchService
from application.orders import OrderService
from bootstrap.container import Container, build_container
from bootstrap.serving import lane_server, wait_started
from bootstrap.settings import Settings
from domain.events import DomainEvent
from domain.killswitch.state import Scope
from domain.killswitch.switch import EmergencyHalt, KillSwitchEvent, TriggerType
from ports.events import EventPublisher, Notification, Notifier

T = TypeVar("T")
_log = structlog.get_logger("bulwark.killswitch_lane")
# Loop-bound or per-process pieces the lane must share with the API rather than build again.
_SHARED = (
    "clock", "ids", "hasher", "tokens", "key_provider", "sealer", "totp",
    "market", "latch", "paper_broker", "tracing",
    "meter",  # the lane's kill-switch runs and broker calls show in the API's /metrics
)  # fmt: skip
_SHARED_IN_MEMORY = ("store", "audit", "key_vault_store")


class MainLoopPublisher:
    """Hands the lane's events to the API loop's publisher; never waits for it."""

    def __init__(self, loop: asyncio.AbstractEventLoop, publisher: EventPublisher) -> None:
        self._loop = loop
        self._publisher = publisher

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        if events:
            publish = self._publisher.publish(list(events))
            asyncio.run_coroutine_threadsafe(publish, self._loop).add_done_callback(_log_failure)


class MainLoopNotifier:
    """Hands the lane's notifications to the API loop's notifier (the notification center's
    store is bound to that loop); never waits for it."""

    def __init__(self, loop: asyncio.AbstractEventLoop, notifier: Notifier) -> None:
        self._loop = loop
        self._notifier = notifier

    async def notify(self, notification: Notification) -> None:
        handoff = asyncio.run_coroutine_threadsafe(self._notifier.notify(notification), self._loop)
        handoff.add_done_callback(_log_failure)


class MainLoopOrderSync:
    """Books the brokers' answers on the API loop, where the order service's locks live.

    The lane does not wait for it: the halt is confirmed with the brokers already, and a
    stuck API loop books them when it runs again. Returns 0 (nothing booked here).
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, orders: OrderService) -> None:
        self._loop = loop
        self._orders = orders

    async def sync(self, account_id: str) -> int:
        booking = asyncio.run_coroutine_threadsafe(self._orders.sync(account_id), self._loop)
        booking.add_done_callback(_log_failure)
        return 0

    async def resolve_in_doubt(
        self, account_id: str, only: frozenset[str] | None = None
    ) -> InDoubtReport:
        """Awaited (the verdict needs it), under the caller's deadline: a cancel reaches the
        API loop's task too."""
        resolving = self._orders.resolve_in_doubt(account_id, only)
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(resolving, self._loop))


def _log_failure(done: Future[Any]) -> None:
    if not done.cancelled() and done.exception() is not None:
        _log.error("lane_handoff_failed", error_type=type(done.exception()).__name__)


class LaneKillSwitch(KillSwitchService):
    """The kill switch every caller holds: activations run on the lane once it is started."""

    lane: KillSwitchLane | None = None

    async def activate(self, cmd: ActivateKillSwitch) -> KillSwitchEvent:
        if self.lane is None:
            return await super().activate(cmd)
        return await self.lane.run(lambda ks: ks.activate(cmd))

    async def trigger(
        self, scope: Scope, trigger: TriggerType, reason: str, *, flatten: bool = False
    ) -> KillSwitchEvent:
        if self.lane is None:
            return await super().trigger(scope, trigger, reason, flatten=flatten)
        return await self.lane.run(lambda ks: ks.trigger(scope, trigger, reason, flatten=flatten))

    async def follow_remote_halt(self, halt: EmergencyHalt) -> KillSwitchEvent | None:
        if self.lane is None:
            return await super().follow_remote_halt(halt)
        return await self.lane.run(lambda ks: ks.follow_remote_halt(halt))


def lane_container(
    main: Container, settings: Settings, loop: asyncio.AbstractEventLoop
) -> Container:
    """A container for the lane: its own loop-bound adapters, the API's thread-safe ones."""
    lane = build_container(settings)
    shared = _SHARED + (_SHARED_IN_MEMORY if main.store_kind() == "memory" else ())
    for name in shared:
        getattr(lane, name).override(providers.Object(getattr(main, name)()))
    if main.store_kind() == "sql":
        pool = PoolSettings(size=2, max_overflow=2, timeout_seconds=1.0)
        lane.engine.override(providers.Singleton(make_engine, settings.database_url, pool))
    lane.publisher.override(providers.Object(MainLoopPublisher(loop, main.publisher())))
    lane.orders.override(providers.Object(MainLoopOrderSync(loop, main.orders())))
    lane.notifier.override(providers.Object(MainLoopNotifier(loop, main.notifier())))
    lane.kafka_link.override(providers.Object(None))  # the API's link publishes the lane's events
    return lane


class KillSwitchLane:
    """Runs the kill switch on its own thread and serves its own port (see module docstring)."""

    def __init__(self, main: Container, settings: Settings) -> None:
        self._main = main
        self._settings = settings
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._error: BaseException | None = None
        self.service: KillSwitchService | None = None
        self.port: int | None = None
        self.red: HttpRed | None = None  # its listener's RED figures (shown in the API's /metrics)

    def start(self, api_loop: asyncio.AbstractEventLoop, timeout: float = 30.0) -> None:
        """Start the thread and wait until it listens; raises what stopped it from starting."""
        self._thread = threading.Thread(
            target=self._run, args=(api_loop,), name="bulwark-kill-switch", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError("the kill switch's lane did not start in time")
        if self._error is not None:
            raise self._error

    def stop(self, timeout: float = 5.0) -> None:
        loop, stopping = self._loop, self._stopping
        if loop is not None and stopping is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stopping.set)
        if self._thread is not None:
            self._thread.join(timeout)

    async def run(self, call: Callable[[KillSwitchService], Awaitable[T]]) -> T:
        """Run `call` on the lane; a caller that gives up does not stop what it started."""
        loop, service = self._loop, self.service
        if loop is None or service is None:
            raise RuntimeError("the kill switch's lane is not running")

        async def on_lane() -> T:
            return await call(service)

        done = asyncio.run_coroutine_threadsafe(on_lane(), loop)
        return await asyncio.shield(asyncio.wrap_future(done))

    def _run(self, api_loop: asyncio.AbstractEventLoop) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._serve(api_loop))
        finally:
            loop.close()

    async def _serve(self, api_loop: asyncio.AbstractEventLoop) -> None:
        container: Container | None = None
        try:
            self._loop = asyncio.get_running_loop()
            self._stopping = asyncio.Event()
            container = lane_container(self._main, self._settings, api_loop)
            self.service = container.killswitch()
            app = create_http_app(
                container.api_services(), container.http_config(), surface="kill-switch"
            )
            edge = app.asgi_handler  # before the trace layer wraps it (outermost)
            self.red = edge.red if isinstance(edge, EdgeMiddleware) else None
            app = container.tracing().trace_requests(app)
            server, sock = lane_server(app, self._settings, self._lane_port())
            self.port = sock.getsockname()[1]
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        serving = asyncio.create_task(server.serve(sockets=[sock]))
        await wait_started(server, serving)
        if serving.done() and serving.exception() is not None:
            self._error = serving.exception()
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            server.should_exit = True
            with contextlib.suppress(Exception):
                await serving
            sock.close()
            if container is not None and container.store_kind() == "sql":
                await container.engine().dispose()

    def _lane_port(self) -> int:
        configured = self._settings.kill_switch_port
        return self._settings.port + 1 if configured is None else configured


async def start_lane(container: Container, settings: Settings) -> KillSwitchLane | None:
    """Start the lane when the settings ask for it; every caller's kill switch then uses it."""
    if not settings.kill_switch_lane:
        return None
    lane = KillSwitchLane(container, settings)
    await asyncio.to_thread(lane.start, asyncio.get_running_loop())
    killswitch = container.killswitch()
    if isinstance(killswitch, LaneKillSwitch):
        killswitch.lane = lane
    _log.info("kill_switch_lane_started", port=lane.port)
    return lane
