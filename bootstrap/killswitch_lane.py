"""The kill switch's lane: a thread with an event loop, ports and a listener of its own.

Every activation (HTTP on either port, the watchers' triggers, a halt broadcast by another
instance) runs here, never on the API's event loop, so neither a saturated API nor a handler
that blocks that loop can delay it. What the lane shares with the API is thread-safe: the
halt latch (application/trading/halts.py), the in-memory store and paper broker when those are in
use (they guard their own state), the clock, ids, keys and hasher. What is bound to an event loop
it has of its own: the SQL engine, the brokers' HTTP clients (Alpaca), Redis. Its events are
handed to the API loop's publisher (WebSocket, Kafka, outbox) without waiting for it.

The lane is never silently dead: when its loop or its listener ends without being asked to,
the thread logs `kill_switch_lane_died` and starts the lane again (a new loop, the same
port); past `max_restarts` it logs `kill_switch_lane_gave_up` and ends the process with
EXIT_LANE_DEAD. Until it runs again, activations run on the caller's own loop (LaneDown).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import os
import threading
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import structlog
from dependency_injector import providers

from adapters.http.app import create_app as create_http_app
from adapters.http.edge import EdgeMiddleware
from adapters.http.red import HttpRed
from application.safety.killswitch import KillSwitchService
from application.safety.killswitch_groups import GroupMembers, ScopeGroups
from application.trading.in_doubt import InDoubtReport
from application.trading.orders import OrderService
from bootstrap.containers.core import CoreContainer
from bootstrap.containers.safety import SafetyContainer
from bootstrap.lane_killswitch import LaneDown, LaneKillSwitch
from bootstrap.serving import lane_server, wait_started
from bootstrap.settings import Settings
from domain.events import DomainEvent
from domain.killswitch.state import Scope, ScopeKind
from ports.core.events import EventPublisher, Notification, Notifier

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.postgres.engine import PoolSettings

T = TypeVar("T")
_log = structlog.get_logger("bulwark.killswitch_lane")
MAX_RESTARTS = 5  # a lane that dies more often than this over the process's life takes it down
EXIT_LANE_DEAD = 70  # EX_SOFTWARE: the process ends when its kill switch cannot be kept running


class LaneDied(RuntimeError):
    """The lane's listener ended without being asked to."""


class MainLoopPublisher:
    """Hands the lane's events to the API loop's publisher, in the order they were published
    here (one drain on the API loop publishes them one call after another); never waits."""

    def __init__(self, loop: asyncio.AbstractEventLoop, publisher: EventPublisher) -> None:
        self._loop = loop
        self._publisher = publisher
        self._queue: deque[list[DomainEvent]] = deque()  # touched on the API loop only
        self._draining = False

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        if not events:
            return
        try:
            self._loop.call_soon_threadsafe(self._queued, list(events))
        except RuntimeError:  # the API loop has closed (shutdown): nobody is left to tell
            _log.warning("lane_events_dropped", events=len(events), why="the API loop closed")

    def _queued(self, events: list[DomainEvent]) -> None:
        self._queue.append(events)
        if not self._draining:
            self._draining = True
            self._loop.create_task(self._drain(), context=contextvars.Context())

    async def _drain(self) -> None:
        try:
            while self._queue:
                events = self._queue.popleft()
                try:
                    await self._publisher.publish(events)
                except Exception as exc:
                    _log.error("lane_handoff_failed", error_type=type(exc).__name__)
        finally:
            self._draining = False


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


class MainLoopScopeGroups(ScopeGroups):
    """The API's group scopes (books), read on the API loop where their stores live: a book
    pulled on the lane waits for that one read (bounded by the kill switch's own deadline
    through its caller), and what follows is the lane's own."""

    def __init__(self, loop: asyncio.AbstractEventLoop, groups: ScopeGroups) -> None:
        super().__init__()
        self._loop = loop
        self._api = groups

    def handles(self, kind: ScopeKind) -> bool:
        return self._api.handles(kind)

    async def members(self, scope: Scope) -> GroupMembers:
        reading = asyncio.run_coroutine_threadsafe(self._api.members(scope), self._loop)
        return await asyncio.wrap_future(reading)

    async def owned(self, owner_id: str) -> list[Scope]:
        reading = asyncio.run_coroutine_threadsafe(self._api.owned(owner_id), self._loop)
        return await asyncio.wrap_future(reading)


def _log_failure(done: Future[Any]) -> None:
    if not done.cancelled() and done.exception() is not None:
        _log.error("lane_handoff_failed", error_type=type(done.exception()).__name__)


@dataclass(frozen=True)
class LaneContainers:
    """What the lane builds: a core of its own (loop-bound adapters) and safety over it, and
    the closing of the routes other contexts installed in it (bootstrap/lane_routes.py)."""

    core: CoreContainer
    safety: SafetyContainer
    closings: tuple[Callable[[], Awaitable[None]], ...] = ()


def lane_core(
    main: CoreContainer, settings: Settings, loop: asyncio.AbstractEventLoop
) -> CoreContainer:
    """The lane's core: its own SQL engine, Redis and (unused) Kafka link; the API's
    process-wide, thread-safe objects passed in; its events and notifications handed to the
    API loop."""
    store: dict[str, providers.Provider[Any]]
    if main.store_kind() == "memory":  # the in-memory store guards its own state: one for both
        store = {
            "store": providers.Object(main.store()),
            "audit": providers.Object(main.audit()),
            "key_vault_store": providers.Object(main.key_vault_store()),
        }
    else:  # a small pool of its own, bound to the lane's loop
        from adapters.postgres.engine import PoolSettings

        pool = PoolSettings(size=2, max_overflow=2, timeout_seconds=1.0)
        store = {
            "engine": providers.Singleton(
                lane_engine, settings.store.database_url, pool, loop, main.publisher()
            )
        }
    core = CoreContainer(
        settings=settings,
        clock=providers.Object(main.clock()),
        ids=providers.Object(main.ids()),
        tracing=providers.Object(main.tracing()),
        hasher=providers.Object(main.hasher()),
        tokens=providers.Object(main.tokens()),
        totp=providers.Object(main.totp()),
        key_provider=providers.Object(main.key_provider()),
        sealer=providers.Object(main.sealer()),
        market=providers.Object(main.market()),
        latch=providers.Object(main.latch()),
        paper_broker=providers.Object(main.paper_broker()),
        paper_faults=providers.Object(main.paper_faults()),
        # The lane's kill-switch runs and broker calls show in the API's /metrics.
        meter=providers.Object(main.meter()),
        # Who each token was at the last read, for a halt while the store is down.
        last_sessions=providers.Object(main.last_sessions()),
        publisher=providers.Object(MainLoopPublisher(loop, main.publisher())),
        notifier=providers.Object(MainLoopNotifier(loop, main.notifier())),
        kafka_link=providers.Object(None),  # the API's link publishes the lane's events
        **store,
    )
    return core


def lane_engine(
    url: str, pool: PoolSettings, api_loop: asyncio.AbstractEventLoop, publisher: EventPublisher
) -> AsyncEngine:
    """The lane's own engine. Its commits' events go to the API loop's pump, which publishes
    them at once and in commit order with the API's own (without it they would wait for the
    relay's sweep of rows left behind: seconds)."""
    from adapters.postgres.engine import make_engine
    from adapters.postgres.outbox import RelayingPublisher
    from adapters.postgres.outbox_pump import PumpOnLoop, attach_pump

    engine = make_engine(url, pool)
    if isinstance(publisher, RelayingPublisher) and publisher.pump is not None:
        attach_pump(engine, PumpOnLoop(api_loop, publisher.pump))
    return engine


@dataclass(frozen=True)
class LaneSources:
    """What the lane is given of the API's own containers: its core (the process-wide
    objects the lane shares), its safety (the kill switch's memory, the kill switch that
    moves to the lane) and its order service (books the brokers' answers on the API loop)."""

    core: CoreContainer
    safety: SafetyContainer
    orders: Callable[[], OrderService]


def lane_containers(
    main: LaneSources, settings: Settings, loop: asyncio.AbstractEventLoop
) -> LaneContainers:
    """Core + safety for the lane: the kill switch's memory (passcodes, accounts and records
    kept for a store that is down) is the API's, its order sync is the API loop's."""
    core = lane_core(main.core, settings, loop)
    safety = SafetyContainer(
        core=core,
        orders=providers.Object(MainLoopOrderSync(loop, main.orders())),
        killswitch_memory=providers.Object(main.safety.killswitch_memory()),
        scope_groups=providers.Object(MainLoopScopeGroups(loop, main.safety.scope_groups())),
    )
    # The accounts on venue connections: their brokers on the lane's own loop.
    closings = tuple(main.core.lane_routes().install(core))
    return LaneContainers(core, safety, closings)


def _exit_process(code: int) -> NoReturn:
    os._exit(code)  # from the lane's thread: SystemExit there would end only the thread


class KillSwitchLane:
    """Runs the kill switch on its own thread and serves its own port (see module docstring)."""

    def __init__(
        self,
        main: LaneSources,
        settings: Settings,
        *,
        max_restarts: int = MAX_RESTARTS,
        exit_process: Callable[[int], object] = _exit_process,
    ) -> None:
        self._main = main
        self._settings = settings
        self._max_restarts = max_restarts
        self._exit_process = exit_process
        self._ready = threading.Event()
        self._serving = threading.Condition()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._stop_requested = False
        self._error: BaseException | None = None
        self.service: KillSwitchService | None = None
        self.port: int | None = None
        self.red: HttpRed | None = None  # its listener's RED figures (shown in the API's /metrics)
        self.generation = 0  # how many times the lane started listening (1 + its restarts)
        self.restarts = 0

    def start(self, api_loop: asyncio.AbstractEventLoop, timeout: float = 30.0) -> None:
        """Start the thread and wait until it listens; raises what stopped it from starting."""
        self._thread = threading.Thread(
            target=self._supervise, args=(api_loop,), name="bulwark-kill-switch", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError("the kill switch's lane did not start in time")
        if self._error is not None:
            raise self._error

    def stop(self, timeout: float = 5.0) -> None:
        self._stop_requested = True
        loop, stopping = self._loop, self._stopping
        if loop is not None and stopping is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stopping.set)
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The lane's event loop while it runs; None while it is down."""
        return self._loop

    def wait_serving(self, generation: int, timeout: float) -> bool:
        """Block until the lane listens for the `generation`-th time; False after `timeout`."""
        with self._serving:
            return self._serving.wait_for(lambda: self.generation >= generation, timeout)

    async def run(self, call: Callable[[KillSwitchService], Awaitable[T]]) -> T:
        """Run `call` on the lane; a caller that gives up does not stop what it started.

        LaneDown when the lane is not running, or died before the call finished."""
        loop, service = self._loop, self.service
        if loop is None or service is None:
            raise LaneDown("the kill switch's lane is not running")

        async def on_lane() -> T:
            return await call(service)

        try:
            done = asyncio.run_coroutine_threadsafe(on_lane(), loop)
        except RuntimeError as exc:  # its loop closed in between
            raise LaneDown("the kill switch's lane is not running") from exc
        try:
            return await asyncio.shield(asyncio.wrap_future(done))
        except asyncio.CancelledError:
            if done.cancelled():  # the lane died under the call, not the caller gave up
                raise LaneDown("the kill switch's lane died during the call") from None
            raise

    # -- the lane's thread ---------------------------------------------------------------
    def _supervise(self, api_loop: asyncio.AbstractEventLoop) -> None:
        """Run the lane; start it again when it dies, and end the process past the limit."""
        while True:
            failure = self._run_once(api_loop)
            if failure is None or self._stop_requested or self.generation == 0:
                return  # stopped, or it never started (start() raises its error)
            self.restarts += 1
            _log.error(
                "kill_switch_lane_died",
                error_type=type(failure).__name__,
                error=str(failure),
                restarts=self.restarts,
            )
            if self.restarts > self._max_restarts:
                _log.critical(
                    "kill_switch_lane_gave_up", restarts=self.restarts, exit_code=EXIT_LANE_DEAD
                )
                self._exit_process(EXIT_LANE_DEAD)
                return

    def _run_once(self, api_loop: asyncio.AbstractEventLoop) -> BaseException | None:
        """One life of the lane's loop: None when it was asked to stop, else what ended it."""
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._serve(api_loop))
        except BaseException as exc:
            return exc
        else:
            return None
        finally:
            self._loop = self.service = None  # callers run on their own loop meanwhile
            _finish(loop)  # the listener's socket closed and the engine disposed, on any end

    async def _serve(self, api_loop: asyncio.AbstractEventLoop) -> None:
        lane: LaneContainers | None = None
        try:
            self._loop = asyncio.get_running_loop()
            self._stopping = asyncio.Event()
            lane = lane_containers(self._main, self._settings, api_loop)
            service = lane.safety.killswitch()
            app = create_http_app(
                lane.safety.lane_edge(),
                lane.safety.http_config(),
                contexts=lane.safety.lane_contexts(),
                surface="kill-switch",
            )
            edge = app.asgi_handler  # before the trace layer wraps it (outermost)
            if isinstance(edge, EdgeMiddleware) and edge.red is not None:
                if self.red is None:
                    self.red = edge.red
                else:  # a restarted lane counts on into the figures /metrics already shows
                    edge.red = self.red
            app = lane.core.tracing().trace_requests(app)
            server, sock = lane_server(app, self._settings, self._lane_port())
            self.port = sock.getsockname()[1]
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            raise
        serving = asyncio.create_task(server.serve(sockets=[sock]))
        stopping = asyncio.create_task(self._stopping.wait())
        try:
            await wait_started(server, serving)
            if serving.done():
                raise LaneDied(f"the lane's listener did not start: {_ended(serving)}")
            self.service = service
            with self._serving:
                self.generation += 1
                self._serving.notify_all()
            self._ready.set()
            if self.restarts:
                _log.warning("kill_switch_lane_restarted", restarts=self.restarts, port=self.port)
            await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not self._stopping.is_set():
                raise LaneDied(f"the lane's listener ended: {_ended(serving)}")
        except BaseException as exc:
            if not self._ready.is_set():
                self._error = exc
                self._ready.set()
            raise
        finally:
            stopping.cancel()
            server.should_exit = True
            with contextlib.suppress(BaseException):
                await serving
            sock.close()
            if lane is not None:
                for closing in lane.closings:
                    with contextlib.suppress(Exception):
                        await closing()
            if lane is not None and lane.core.store_kind() == "sql":
                await lane.core.engine().dispose()

    def _lane_port(self) -> int:
        if self.port is not None:
            return self.port  # a restart listens where clients were told the lane is
        configured = self._settings.safety.kill_switch_port
        return self._settings.core.port + 1 if configured is None else configured


def _ended(task: asyncio.Task[None]) -> str:
    if task.cancelled():
        return "cancelled"
    error = task.exception()
    return "returned" if error is None else f"{type(error).__name__}: {error}"


def _finish(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what is left on a loop that ended (its `finally` blocks run) and close it."""
    try:
        left = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in left:
            task.cancel()
        if left:
            loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
    except BaseException as exc:  # cleaning up must not hide why the lane ended
        _log.error("kill_switch_lane_cleanup_failed", error_type=type(exc).__name__)
    finally:
        loop.close()


async def start_lane(main: LaneSources, settings: Settings) -> KillSwitchLane | None:
    """Start the lane when the settings ask for it; every caller's kill switch then uses it."""
    if not settings.safety.kill_switch_lane:
        return None
    lane = KillSwitchLane(main, settings)
    await asyncio.to_thread(lane.start, asyncio.get_running_loop())
    killswitch = main.safety.killswitch()
    if isinstance(killswitch, LaneKillSwitch):
        killswitch.lane = lane
    _log.info("kill_switch_lane_started", port=lane.port)
    return lane
