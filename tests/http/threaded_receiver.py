"""A local HTTP receiver on its own thread and event loop.

The HTTP harness's test client blocks the test's loop while the app handles a request, so a
receiver the app calls back into (a webhook endpoint) must serve from another loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from tests.alpaca_server import AlpacaServer


@contextmanager
def threaded_receiver() -> Iterator[AlpacaServer]:
    server = AlpacaServer()
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="receiver", daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(server.start(), loop).result(timeout=10)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
