"""Bulwark served on a thread of this process: the same composition and server as `serve`, for
benchmarks and tests that need real ports, real sockets and the lane's own loop beside code
they run in the same process."""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass

import httpx
import uvicorn

from bootstrap.app import create_app
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.serving import KEEP_ALIVE_S, http_protocol
from bootstrap.settings import Settings


@dataclass
class ThreadedServer:
    """The app built from `settings` and served by uvicorn on a thread of its own (the kill
    switch's lane on its own thread too, when the settings ask for it)."""

    settings: Settings
    api: str = ""
    lane: str = ""
    loop: asyncio.AbstractEventLoop | None = None
    server: uvicorn.Server | None = None
    thread: threading.Thread | None = None
    container: ApplicationContainer | None = None

    def start(self, timeout: float = 60.0) -> None:
        """Serve, and return once the API answers (its address in `api`, the lane's in `lane`)."""
        self.container = container = build_container(self.settings)
        app = create_app(self.settings, container)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.settings.core.port,
            log_config=None,
            access_log=False,
            http=http_protocol(),
            timeout_keep_alive=KEEP_ALIVE_S,
            loop="asyncio",
        )
        self.server = uvicorn.Server(config)
        started = threading.Event()

        def run() -> None:
            self.loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self.loop)
            self.loop.call_soon(started.set)
            self.loop.run_until_complete(self.server.serve())  # type: ignore[union-attr]

        self.thread = threading.Thread(target=run, name="api-loop", daemon=True)
        self.thread.start()
        started.wait(10)
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the app did not start within {timeout:.0f} s")
            time.sleep(0.02)
        self.api = f"http://127.0.0.1:{self.settings.core.port}"
        status = httpx.get(f"{self.api}/api/status", timeout=10).json()
        lane_port = status["settings"].get("kill_switch_port")  # absent with the lane off
        self.lane = f"http://127.0.0.1:{lane_port}" if lane_port else self.api

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(15)
