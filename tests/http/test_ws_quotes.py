"""/ws/quotes: authentication, subscribe and unsubscribe, error frames, quotes on the wire."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import WebSocketTestSession

from adapters.http.market_data.quotes_socket import CLOSE_UNAUTHENTICATED
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("market_data")

WAIT = 5.0
PLAIN_DECIMAL = r"^-?\d+\.\d{8}$"


async def connect(harness: Harness, user: User, query: str = "") -> WebSocketTestSession:
    url = f"/ws/quotes?token={user.access_token}" + (f"&{query}" if query else "")
    return await harness.client.websocket_connect(url)


def frame(ws: WebSocketTestSession) -> dict[str, Any]:
    message: dict[str, Any] = ws.receive_json(timeout=WAIT)
    return message


def frame_of(ws: WebSocketTestSession, kind: str) -> dict[str, Any]:
    """The next frame of this `type`, skipping pings; frames of other types read on the way are
    kept for a later call (a reply and a quotes frame may come in either order)."""
    held: list[dict[str, Any]] = ws.__dict__.setdefault("_held_frames", [])
    for i, message in enumerate(held):
        if message["type"] == kind:
            return held.pop(i)
    for _ in range(20):
        message = frame(ws)
        if message["type"] == kind:
            return message
        if message["type"] != "ping":
            held.append(message)
    raise AssertionError(f"no {kind} frame")


def set_price(harness: Harness, symbol: str, price: str) -> None:
    """A quote on the app's board, set on the app's loop (as the pump would)."""
    board = harness.container.core.market()
    harness.client.blocking_portal.call(lambda: board.set_price(symbol, Decimal(price)))


def prices(ws: WebSocketTestSession) -> dict[str, str]:
    return {q["symbol"]: q["last"] for q in frame_of(ws, "quotes")["quotes"]}


@pytest.mark.parametrize("query", ["", "token=not-a-token", "token=bwk_ak-x.nope"])
async def test_a_socket_without_a_valid_credential_is_closed_4401(
    harness: Harness, query: str
) -> None:
    session = await harness.client.websocket_connect(f"/ws/quotes?{query}")

    with session as ws, pytest.raises(WebSocketDisconnect) as closed:
        frame(ws)

    assert closed.value.code == CLOSE_UNAUTHENTICATED == 4401


async def test_a_subscriber_gets_the_latest_quote_then_each_change(
    harness: Harness, owner: User
) -> None:
    # Arrange
    set_price(harness, "AAPL", "190.5")

    with await connect(harness, owner) as ws:
        welcome = frame_of(ws, "welcome")

        # Act
        ws.send_json({"action": "subscribe", "symbols": ["aapl", "MSFT"]})
        subscribed = frame_of(ws, "subscribed")
        first = frame_of(ws, "quotes")
        set_price(harness, "MSFT", "410.25")
        second = prices(ws)

    # Assert
    assert welcome["principal"] == owner.id
    assert welcome["max_symbols"] == 100
    assert subscribed["symbols"] == ["AAPL", "MSFT"]
    (quote,) = first["quotes"]
    assert quote["symbol"] == "AAPL"
    assert quote["last"] == "190.50000000"
    for figure in ("bid", "ask", "last", "bid_size", "ask_size"):
        assert isinstance(quote[figure], str)
        assert quote[figure].count("e") == quote[figure].count("E") == 0
    assert quote["at"].endswith("Z")
    assert second == {"MSFT": "410.25000000"}


async def test_symbols_in_the_query_are_followed_from_the_start(
    harness: Harness, owner: User
) -> None:
    with await connect(harness, owner, "symbols=NVDA") as ws:
        subscribed = frame_of(ws, "subscribed")
        set_price(harness, "NVDA", "120")
        received = prices(ws)

    assert subscribed["symbols"] == ["NVDA"]
    assert received == {"NVDA": "120.00000000"}


async def test_after_unsubscribing_a_symbol_its_quotes_stop(harness: Harness, owner: User) -> None:
    with await connect(harness, owner, "symbols=AAPL,MSFT") as ws:
        frame_of(ws, "subscribed")

        # Act
        ws.send_json({"action": "unsubscribe", "symbols": ["AAPL"]})
        left = frame_of(ws, "subscribed")
        set_price(harness, "AAPL", "199")
        set_price(harness, "MSFT", "411")
        received = prices(ws)

    # Assert: the next quotes frame holds MSFT alone
    assert left["symbols"] == ["MSFT"]
    assert received == {"MSFT": "411.00000000"}


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("not json", "BAD_MESSAGE"),
        ('{"action": "subscribe", "symbols": "AAPL"}', "BAD_MESSAGE"),
        ('{"action": "subscribe", "extra": 1}', "BAD_MESSAGE"),
        ('{"action": "dance"}', "UNKNOWN_ACTION"),
        ('{"action": "subscribe", "symbols": ["AA PL"]}', "INVALID_SYMBOL"),
    ],
)
async def test_a_bad_message_is_answered_with_an_error_frame_and_the_socket_stays(
    harness: Harness, owner: User, message: str, code: str
) -> None:
    with await connect(harness, owner) as ws:
        frame_of(ws, "welcome")

        # Act
        ws.send_text(message)
        error = frame_of(ws, "error")
        ws.send_json({"action": "subscribe", "symbols": ["AAPL"]})
        after = frame_of(ws, "subscribed")

    # Assert: refused, then served on the same connection
    assert error["code"] == code
    assert after["symbols"] == ["AAPL"]


async def test_more_symbols_than_the_limit_are_refused(harness: Harness, owner: User) -> None:
    too_many = [f"S{i}" for i in range(101)]

    with await connect(harness, owner) as ws:
        frame_of(ws, "welcome")
        ws.send_json({"action": "subscribe", "symbols": too_many})
        error = frame_of(ws, "error")
        ws.send_json({"action": "subscribe", "symbols": too_many[:100]})
        accepted = frame_of(ws, "subscribed")

    assert error["code"] == "TOO_MANY_SYMBOLS"
    assert len(accepted["symbols"]) == 100


async def test_the_metrics_count_clients_and_drops(harness: Harness, owner: User) -> None:
    # Arrange
    with await connect(harness, owner, "symbols=AAPL") as ws:
        frame_of(ws, "subscribed")

        # Act
        metrics = await harness.client.get("/metrics")

    # Assert
    assert metrics.status_code == 200, metrics.text
    assert "bulwark_ws_quote_clients 1.0" in metrics.text
    assert "bulwark_ws_quotes_dropped_total" in metrics.text
