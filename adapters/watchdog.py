"""Event-loop watchdog: a thread pings the loop and reports when it stays blocked too long."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
import time
import traceback
from collections.abc import Awaitable, Callable, Iterator

import structlog
from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from ports.core.events import Notification, Notifier, Severity

_log = structlog.get_logger("bulwark.watchdog")
STACK_LIMIT = 30  # innermost frames logged: where the loop is stuck, not how it got started


class LoopWatchdog:
    """Sees a loop that is truly blocked: from its own thread it schedules a no-op on the loop
    with call_soon_threadsafe and times how long the loop takes to run it.

    Past `threshold` a stall begins: it is counted, logged once with the loop thread's current
    stack, and alerted once (notifier, when the loop runs again); the loop running the ping
    ends it. `on_stall(lag_seconds)` is called in the loop thread for each stall.
    """

    def __init__(
        self,
        threshold: float = 0.1,
        *,
        notifier: Notifier | None = None,
        recipient: str = "operations",
        process: str = "bulwark",
        on_stall: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.threshold = threshold
        self._interval = threshold / 2
        self._notifier = notifier
        self._recipient = recipient
        self._process = process
        self._on_stall = on_stall
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread = 0
        self.stalls = 0
        self.stalled = False
        self.last_lag = 0.0
        self.longest_stall = 0.0

    def start(self) -> None:
        """Watch the running loop (call from inside it)."""
        if self._thread is not None:
            return
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="bulwark-loop-watchdog", daemon=True)
        self._thread.start()
        _log.info("loop_watchdog_started", threshold_ms=round(self.threshold * 1000, 1))

    def stop(self) -> None:
        """Stop the thread and wait for it (at most a ping's wait)."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        thread.join(timeout=max(1.0, self.threshold * 4))
        _log.info("loop_watchdog_stopped", stalls=self.stalls)

    def _run(self) -> None:
        loop = self._loop
        assert loop is not None
        while not self._stop.wait(self._interval):
            answered = threading.Event()
            sent = time.monotonic()
            try:
                loop.call_soon_threadsafe(answered.set)
            except RuntimeError:  # the loop closed under us
                return
            in_time = answered.wait(self.threshold)
            # A stop while the loop waits for this thread is no stall.
            if self._stop.is_set():
                return
            # Timed, not only awaited: a pause of the whole process (a garbage collection, a
            # C call holding the GIL) stops this thread too, and the loop has answered by the
            # time it runs again; the time it took still says the loop stood still.
            if not in_time or time.monotonic() - sent > self.threshold:
                self._stall(loop, sent, answered)
            self.last_lag = time.monotonic() - sent

    def _stall(
        self, loop: asyncio.AbstractEventLoop, sent: float, answered: threading.Event
    ) -> None:
        self.stalls += 1
        self.stalled = True
        lag = time.monotonic() - sent
        whole_process = answered.is_set()  # the loop answered before this thread could look
        _log.warning(
            "event_loop_blocked",
            blocked_ms=round(lag * 1000, 1),
            threshold_ms=round(self.threshold * 1000, 1),
            stack="" if whole_process else self._loop_stack(),
            paused="whole process (garbage collection or a call holding the GIL)"
            if whole_process
            else "event loop",
        )
        with contextlib.suppress(RuntimeError):
            asyncio.run_coroutine_threadsafe(self._alert(lag), loop)
        while not answered.wait(self._interval):
            if self._stop.is_set():
                return
        lag = time.monotonic() - sent
        self.longest_stall = max(self.longest_stall, lag)
        self.stalled = False
        _log.warning("event_loop_unblocked", blocked_ms=round(lag * 1000, 1))

    def _loop_stack(self) -> str:
        frame = sys._current_frames().get(self._loop_thread)
        if frame is None:
            return ""
        return "".join(traceback.format_stack(frame)[-STACK_LIMIT:])

    async def _alert(self, lag: float) -> None:
        # Runs when the loop is free again: an alert per stall, never one per ping.
        if self._on_stall is not None:
            await self._on_stall(lag)
        if self._notifier is not None:
            await self._notifier.notify(
                Notification(
                    self._recipient,
                    f"{self._process}: event loop blocked",
                    f"The event loop of {self._process} was blocked for over "
                    f"{round(lag * 1000)} ms (threshold {round(self.threshold * 1000)} ms); "
                    "the stack is in the log (event_loop_blocked).",
                    Severity.WARNING,
                )
            )


class LoopWatchdogCollector(Collector):
    """Prometheus figures of a watchdog, read at scrape time."""

    def __init__(self, watchdog: LoopWatchdog) -> None:
        self._watchdog = watchdog

    def describe(self) -> Iterator[Metric]:
        yield from self._families()

    def collect(self) -> Iterator[Metric]:
        stalls, stalled, lag = self._families()
        stalls.add_metric([], self._watchdog.stalls)
        stalled.add_metric([], 1.0 if self._watchdog.stalled else 0.0)
        lag.add_metric([], self._watchdog.last_lag)
        yield from (stalls, stalled, lag)

    @staticmethod
    def _families() -> tuple[CounterMetricFamily, GaugeMetricFamily, GaugeMetricFamily]:
        return (
            CounterMetricFamily(
                "bulwark_event_loop_stalls",
                "Times the event loop stayed blocked past the watchdog's threshold",
                labels=[],
            ),
            GaugeMetricFamily(
                "bulwark_event_loop_stalled", "1 while the event loop is blocked", labels=[]
            ),
            GaugeMetricFamily(
                "bulwark_event_loop_lag_seconds",
                "Seconds the event loop took to run the watchdog's last ping",
                labels=[],
            ),
        )
