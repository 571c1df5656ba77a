"""A bounded stop for `bulwark serve`: SIGTERM or Ctrl-C, then at most the grace
(BULWARK_SHUTDOWN_GRACE_SECONDS) plus a short margin until the process is gone.

Three bounds, one deadline counted from the signal:

- open requests and connections: uvicorn's `timeout_graceful_shutdown` (the grace);
- the app's shutdown (the container's resources: the notification dispatcher, the bus, the
  engines): what is left of the grace, at least `FLOOR_S`, then cancelled
  (`StopDeadline.left`);
- anything still holding the process after the grace and `MARGIN_S` (a thread that does not
  end, a loop blocked in sync code): a watcher thread exits the process (status 1), logged.

After Ctrl-C the interpreter's own exit would collect the whole served heap (seconds):
`bulwark serve` freezes it first (bootstrap/cli_serve.py), so Ctrl-C ends as soon as SIGTERM.

Nothing is lost by the cut: the outbox is persistent, and a delivery the dispatcher did not
send stays pending for the next start.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from types import FrameType

import structlog
import uvicorn

_log = structlog.get_logger("bulwark.shutdown")

FLOOR_S = 1.0  # the app's own shutdown gets at least this, even after a long connection wait
MARGIN_S = 3.0  # after the grace, before the watcher ends the process
FORCED_EXIT = 1


class StopDeadline:
    """When the stop was asked for (monotonic), shared by the server and the app's lifespan."""

    def __init__(self) -> None:
        self._asked_at: float | None = None
        self._asked = threading.Event()

    def ask(self) -> None:
        if self._asked_at is None:
            self._asked_at = time.monotonic()
            self._asked.set()

    def left(self, grace: float) -> float:
        """Seconds of the grace left for the app's shutdown (the whole grace when no signal
        was seen: a stop from a test's lifespan manager), at least FLOOR_S."""
        if self._asked_at is None:
            return grace
        return max(FLOOR_S, grace - (time.monotonic() - self._asked_at))

    def watch(self, grace: float, exit_process: bool = True) -> threading.Thread:
        """Starts the watcher: once a stop is asked, the process has grace + MARGIN_S."""

        def run() -> None:
            self._asked.wait()
            assert self._asked_at is not None
            time.sleep(max(0.0, self._asked_at + grace + MARGIN_S - time.monotonic()))
            _log.error("shutdown_grace_exceeded", grace_seconds=grace, margin_seconds=MARGIN_S)
            if exit_process:
                os._exit(FORCED_EXIT)

        watcher = threading.Thread(target=run, name="bulwark-stop-watch", daemon=True)
        watcher.start()
        return watcher


DEADLINE = StopDeadline()


class BoundedServer(uvicorn.Server):
    """uvicorn's server, whose first SIGTERM/SIGINT starts the stop's deadline."""

    def __init__(
        self,
        config: uvicorn.Config,
        grace: float,
        deadline: StopDeadline = DEADLINE,
        on_started: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(config)
        self._grace = grace
        self._deadline = deadline
        self._on_started = on_started  # once it listens (`serve` logs the ready line)

    def run(self, sockets: list[socket.socket] | None = None) -> None:
        self._deadline.watch(self._grace)
        super().run(sockets)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self._on_started is not None:
            self._on_started()

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self._deadline.ask()
        super().handle_exit(sig, frame)
