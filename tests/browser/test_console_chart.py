"""The price chart in a real browser: the chart draws (a uPlot canvas of non-zero size, an RSI
pane), a quote pushed onto the server's board reaches the page over /ws/quotes (opened with
the console's session cookie) and becomes the shown last price; no console errors under the
strict CSP.

The server runs in this process (uvicorn on its own thread and loop) so the test can put a
quote on its board, as the quote pump would.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
import uvicorn
from dependency_injector import providers

from adapters.memory.clock import FakeClock, SystemClock
from bootstrap.app import create_app
from domain.principals import Role
from tests.browser.browser import PHONE, Chromium, tab
from tests.http.harness import test_container as container_for
from tests.http.harness import test_settings as settings_with

USER, PASSWORD = "chart-viewer", "a-long-password-1"
PUSHED = "191.37"
POLLED = "189.12"


@dataclass
class Served:
    base: str
    container: Any
    loop: asyncio.AbstractEventLoop

    def call(self, work: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout=30)

    def push_price(self, symbol: str, price: str) -> None:
        board = self.container.core.market()
        self.loop.call_soon_threadsafe(board.set_price, symbol, Decimal(price))


@pytest.fixture(scope="module")
def served(binaries: tuple[str, str]) -> Iterator[Served]:
    settings = settings_with(ws_quotes_flush_ms="1")
    container = container_for(settings, FakeClock())
    # The wall clock: the bars' brief cache must expire for the polling fallback to see a
    # newer price (a fake clock never moves on its own).
    container.core.clock.override(providers.Object(SystemClock()))
    app = create_app(settings, container)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    loop = asyncio.new_event_loop()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="websockets"))
    thread = threading.Thread(
        target=lambda: loop.run_until_complete(server.serve(sockets=[listener])), daemon=True
    )
    thread.start()
    for _ in range(3000):
        if server.started:
            break
        threading.Event().wait(0.02)
    assert server.started, "the server did not start"
    running = Served(f"http://127.0.0.1:{port}", container, loop)
    running.call(container.core.auth().create_user(USER, PASSWORD, Role.VIEWER))
    running.push_price("AAPL", "190")  # the synthetic bars end at the board's price
    try:
        yield running
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_the_chart_draws_and_follows_pushed_quotes(chromium: Chromium, served: Served) -> None:
    with tab(chromium, served.base, "chart") as page:
        page.login(USER, PASSWORD)
        page.open("/console/chart?symbol=AAPL&timeframe=1d&sma=5&ind=rsi:14&ind=bbands:20:2")
        page.wait_text("h1", "Chart")
        canvas = page.wait_for("#price-chart canvas", timeout=30)
        size = page.driver.execute_script(
            "const c = arguments[0]; return [c.width, c.height];", canvas
        )
        rsi_width = page.wait_for("#rsi-chart canvas", timeout=10).size["width"]
        first = page.find("#chart-last").text
        page.wait_until(
            lambda: page.find("#chart-feed").get_attribute("data-state") == "live",
            timeout=15,
            message="the quotes socket did not subscribe",
        )
        served.push_price("AAPL", PUSHED)
        page.wait_until(
            lambda: page.find("#chart-last").text.startswith(PUSHED),
            timeout=15,
            message="the pushed quote did not reach the page",
        )
        last_close = page.driver.execute_script(
            "const d = window.bulwarkChart.data; return d.close[d.close.length - 1];"
        )
        page.shot("chart")
        # The socket fails: the page falls back to polling the data route.
        page.driver.execute_script("window.bulwarkChart.socket.close();")
        page.wait_until(
            lambda: page.find("#chart-feed").get_attribute("data-state") == "polling",
            message="the page did not fall back to polling",
        )
        served.push_price("AAPL", POLLED)
        page.wait_until(
            lambda: page.find("#chart-last").text.startswith(POLLED),
            timeout=30,
            message="polling did not bring the newer price",
        )
        errors = page.console_errors()

    assert size[0] > 0 and size[1] > 0
    assert rsi_width > 0
    assert first not in ("", "—")
    assert last_close == float(PUSHED)
    assert errors == [], errors


def test_the_chart_fits_a_phone(chromium: Chromium, served: Served) -> None:
    with tab(chromium, served.base, "chart-phone", size=PHONE) as page:
        page.login(USER, PASSWORD)
        page.open("/console/chart?symbol=AAPL&timeframe=1h&ema=12")
        canvas = page.wait_for("#price-chart canvas", timeout=30)
        width = page.driver.execute_script(
            "return arguments[0].getBoundingClientRect().width;", canvas
        )
        viewport = page.driver.execute_script("return window.innerWidth;")
        overflows = page.overflows()
        page.shot("phone")
        errors = page.console_errors()

    assert 0 < width <= viewport
    assert not overflows
    assert errors == [], errors
