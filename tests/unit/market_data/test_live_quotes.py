"""The live quotes fan-out: latest quote per symbol per client, slow clients skip, never block."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from application.market_data.live_quotes import (
    InvalidSymbols,
    LiveQuotes,
    QuoteClient,
    normalise_symbols,
)
from ports.market_data.marketdata import Quote

WAIT = 2.0


def encode(quote: Quote) -> bytes:
    return json.dumps({"symbol": quote.symbol, "last": str(quote.last)}).encode()


def lasts(batch: list[bytes]) -> dict[str, str]:
    return {item["symbol"]: item["last"] for item in map(json.loads, batch)}


def hub_over(board: InMemoryMarketData, **options: float) -> LiveQuotes:
    return LiveQuotes(board, encode, flush_s=0.0, **options)  # type: ignore[arg-type]


async def batch_of(hub: LiveQuotes, client: QuoteClient) -> dict[str, str]:
    return lasts(await asyncio.wait_for(hub.next_batch(client), WAIT))


async def test_a_new_follower_gets_the_latest_quote_first() -> None:
    # Arrange
    board = InMemoryMarketData(FakeClock())
    board.set_price("AAPL", "190.5")
    hub = hub_over(board)
    client = hub.connect()

    # Act
    hub.follow(client, ["AAPL"])
    first = await batch_of(hub, client)

    # Assert
    assert first == {"AAPL": "190.5"}


async def test_only_followed_symbols_reach_a_client() -> None:
    # Arrange
    board = InMemoryMarketData(FakeClock())
    hub = hub_over(board)
    client = hub.connect()
    hub.follow(client, ["AAPL"])

    # Act
    board.set_price("MSFT", "410")
    board.set_price("AAPL", "191")

    # Assert
    assert await batch_of(hub, client) == {"AAPL": "191"}


async def test_after_unfollowing_a_symbol_its_quotes_stop() -> None:
    # Arrange
    board = InMemoryMarketData(FakeClock())
    hub = hub_over(board)
    client = hub.connect()
    hub.follow(client, ["AAPL", "MSFT"])

    # Act
    hub.unfollow(client, ["AAPL"])
    board.set_price("AAPL", "191")
    board.set_price("MSFT", "410")

    # Assert
    assert await batch_of(hub, client) == {"MSFT": "410"}
    assert client.symbols == {"MSFT"}


async def test_quotes_a_client_did_not_read_in_time_are_coalesced_and_counted() -> None:
    # Arrange
    board = InMemoryMarketData(FakeClock())
    hub = hub_over(board)
    client = hub.connect()
    hub.follow(client, ["AAPL", "MSFT"])

    # Act: five AAPL quotes and two MSFT quotes before the client reads
    for price in ("190", "191", "192", "193", "194"):
        board.set_price("AAPL", price)
    board.set_price("MSFT", "409")
    board.set_price("MSFT", "410")
    batch = await batch_of(hub, client)

    # Assert: the latest of each, the five overtaken counted
    assert batch == {"AAPL": "194", "MSFT": "410"}
    assert (client.dropped, client.delivered) == (5, 2)
    assert hub.dropped == 5


async def test_a_client_that_never_reads_delays_no_one_and_holds_bounded_memory() -> None:
    # Arrange: a slow client follows what the fast one follows, and never reads
    board = InMemoryMarketData(FakeClock())
    hub = hub_over(board, log_size=8)
    slow, fast = hub.connect(), hub.connect()
    hub.follow(slow, ["AAPL", "MSFT"])
    hub.follow(fast, ["AAPL", "MSFT"])
    seen: list[dict[str, str]] = []

    async def read_fast() -> None:
        seen.append(await batch_of(hub, fast))

    # Act: each quote is read by the fast client as it comes
    for i in range(50):
        reader = asyncio.create_task(read_fast())
        await asyncio.sleep(0)
        board.set_price("AAPL" if i % 2 else "MSFT", 100 + i)
        await asyncio.wait_for(reader, WAIT)

    # Assert: the fast one got every quote; the slow one keeps one per symbol, the rest dropped
    assert [next(iter(b.values())) for b in seen] == [str(100 + i) for i in range(50)]
    assert fast.dropped == 0
    assert len(hub._log) <= 8
    assert await batch_of(hub, slow) == {"AAPL": "149", "MSFT": "148"}
    assert slow.dropped == 48


async def test_a_quote_from_another_thread_is_handed_to_the_serving_loop() -> None:
    # Arrange
    board = InMemoryMarketData(FakeClock())
    hub = hub_over(board)
    client = hub.connect()
    hub.follow(client, ["AAPL"])

    # Act
    await asyncio.to_thread(board.set_price, "AAPL", "195")

    # Assert
    assert await batch_of(hub, client) == {"AAPL": "195"}


async def test_past_the_limit_a_subscription_is_refused_and_nothing_changes() -> None:
    # Arrange
    hub = LiveQuotes(InMemoryMarketData(FakeClock()), encode, max_symbols=2)
    client = hub.connect()
    hub.follow(client, ["AAPL", "MSFT"])

    # Act
    with pytest.raises(InvalidSymbols) as refused:
        hub.follow(client, ["NVDA"])

    # Assert
    assert refused.value.code == "TOO_MANY_SYMBOLS"
    assert client.symbols == {"AAPL", "MSFT"}


@pytest.mark.parametrize("bad", ["", "aapl space", "X" * 25, "$AAPL", "AA\nPL"])
def test_a_malformed_symbol_is_refused(bad: str) -> None:
    with pytest.raises(InvalidSymbols) as refused:
        normalise_symbols(["AAPL", bad])

    assert refused.value.code == "INVALID_SYMBOL"


def test_symbols_are_normalised_once_each() -> None:
    assert normalise_symbols([" aapl", "BTC/USD", "AAPL", "brk.b"]) == ["AAPL", "BTC/USD", "BRK.B"]


async def test_the_last_client_leaving_unsubscribes_from_the_board() -> None:
    board = InMemoryMarketData(FakeClock())
    hub = hub_over(board)
    client = hub.connect()
    hub.follow(client, ["AAPL"])

    hub.disconnect(client)
    board.set_price("AAPL", "1")

    assert hub.connections == 0
    assert board._listeners == []


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(st.sampled_from(["AAPL", "MSFT", "NVDA"]), st.integers(1, 999)),
            st.just("read"),
        ),
        max_size=60,
    ),
    log_size=st.integers(1, 10),
)
def test_a_reader_always_ends_on_the_latest_price_and_counts_every_quote(
    steps: list[tuple[str, int] | str], log_size: int
) -> None:
    async def scenario() -> None:
        board = InMemoryMarketData(FakeClock())
        hub = hub_over(board, log_size=log_size)
        client = hub.connect()
        hub.follow(client, ["AAPL", "MSFT"])
        received: dict[str, str] = {}
        followed_quotes = 0
        for step in steps:
            if isinstance(step, str):  # "read"
                received.update(lasts(hub._pull(client)))
            else:
                symbol, price = step
                board.set_price(symbol, Decimal(price))
                followed_quotes += symbol in {"AAPL", "MSFT"}
        received.update(lasts(hub._pull(client)))
        expected = {s: str(q.last) for s in ("AAPL", "MSFT") if (q := board.latest(s))}
        assert received == expected
        assert client.delivered + client.dropped == followed_quotes

    asyncio.run(scenario())
