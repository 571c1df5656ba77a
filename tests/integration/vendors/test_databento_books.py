"""Databento's MBP-10 order books against a local fake of the Historical API: the request,
fixed-point and pretty prices, an empty side, a crossed snapshot refused, windows and limits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from adapters.market_data.vendors import databento
from adapters.market_data.vendors.databento import DatabentoMarketData
from adapters.market_data.vendors.databento_mbp import UNDEF_PRICE
from adapters.memory.clock import FakeClock
from ports.market_data.marketdata import ProviderError, QuoteUnavailable
from tests.integration.vendors.replay_server import ReplayServer, Reply, fixture
from tests.integration.vendors.vendor_routes import DATABENTO_KEY, install_databento

D = Decimal
NOW = datetime(2024, 6, 17, 14, 0, tzinfo=UTC)
DATA_END = datetime(2024, 6, 14, 20, 0, tzinfo=UTC)  # tests/fixtures/vendors/databento
GET_RANGE = "/v0/timeseries.get_range"


def _pretty(price: Decimal | None) -> str | None:
    return None if price is None else f"{price:.9f}"


def _fixed(price: Decimal | None) -> str:
    return str(UNDEF_PRICE if price is None else int(price * 1_000_000_000))


def _nanos(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f") + "000Z"


def mbp10(
    at: datetime,
    bids: list[tuple[str, int]],
    asks: list[tuple[str, int]],
    *,
    pretty: bool = True,
    symbol: str = "NVDA",
) -> dict[str, Any]:
    """An MBP-10 record as Databento's JSON encoding writes it (ten levels, empty ones with the
    undefined price and size 0)."""
    levels = []
    for index in range(10):
        bid = bids[index] if index < len(bids) else None
        ask = asks[index] if index < len(asks) else None
        bid_px, ask_px = (D(bid[0]) if bid else None), (D(ask[0]) if ask else None)
        encode = _pretty if pretty else _fixed
        levels.append({
            "bid_px": encode(bid_px), "ask_px": encode(ask_px),
            "bid_sz": bid[1] if bid else 0, "ask_sz": ask[1] if ask else 0,
            "bid_ct": index + 1 if bid else 0, "ask_ct": index + 2 if ask else 0,
        })  # fmt: skip
    return {
        "ts_recv": _nanos(at + timedelta(microseconds=5)),
        "hd": {"ts_event": _nanos(at), "rtype": 10, "publisher_id": 2, "instrument_id": 11667},
        "action": "A", "side": "B", "depth": 0,
        "price": levels[0]["bid_px"], "size": 100, "flags": 130, "ts_in_delta": 17000,
        "sequence": "123456", "levels": levels, "symbol": symbol,
    }  # fmt: skip


def ladder(best: str, step: str, sizes: list[int]) -> list[tuple[str, int]]:
    return [(str(D(best) + D(step) * i), size) for i, size in enumerate(sizes)]


TEN_BIDS = ladder("131.87", "-0.01", [300, 200, 250, 220, 210, 260, 9000, 240, 230, 205])
TEN_ASKS = ladder("131.89", "0.01", [400, 180, 190, 170, 175, 185, 195, 165, 160, 150])


class Mbp10Fake:
    """The records the fake's timeseries.get_range answers for schema mbp-10 (NVDA only)."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def install(self, server: ReplayServer) -> None:
        install_databento(server)  # the dataset range, the key check and the other schemas
        bars_and_quotes = server._routes[("POST", GET_RANGE)]

        def get_range(seen: Any) -> Reply:
            if seen.form.get("schema") != "mbp-10":
                return bars_and_quotes(seen)
            user = seen.headers.get("authorization", "")
            if not _basic_user_is_the_key(user):
                return Reply(401, fixture("databento", "error_auth"))
            if seen.form.get("symbols") != "NVDA":
                return Reply(200, b"")
            start, end = seen.form["start"][:-1], seen.form["end"][:-1]
            kept = [r for r in self.records if start <= r["ts_recv"][:26] < end]
            kept = kept[: int(seen.form.get("limit") or len(kept))]
            return Reply(200, b"".join(json.dumps(r).encode() + b"\n" for r in kept))

        server.route("POST", GET_RANGE, get_range)


def _basic_user_is_the_key(header: str) -> bool:
    import base64

    if not header.startswith("Basic "):
        return False
    return base64.b64decode(header[6:]).decode().partition(":")[0] == DATABENTO_KEY


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def books() -> Mbp10Fake:
    return Mbp10Fake()


@pytest.fixture
async def server(books: Mbp10Fake) -> AsyncIterator[ReplayServer]:
    async with ReplayServer() as replay:
        books.install(replay)
        yield replay


def vendor(server: ReplayServer, clock: FakeClock, key: str = DATABENTO_KEY) -> DatabentoMarketData:
    return DatabentoMarketData.create(key, clock, base_url=server.url, per_minute=1000)


async def test_the_book_is_the_newest_mbp10_record_with_pretty_prices(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake
) -> None:
    # Arrange
    older = mbp10(DATA_END - timedelta(milliseconds=600), [("131.80", 100)], [("131.95", 100)])
    books.records = [older, mbp10(DATA_END - timedelta(milliseconds=200), TEN_BIDS, TEN_ASKS)]
    db = vendor(server, clock)

    # Act
    book = await db.order_book("NVDA", 10)
    await db.aclose()

    # Assert
    assert [(level.price, level.size) for level in book.bids[:3]] == [
        (D("131.87"), D(300)), (D("131.86"), D(200)), (D("131.85"), D(250)),
    ]  # fmt: skip
    assert (len(book.bids), len(book.asks)) == (10, 10)
    assert book.bids[6] == book.bids[6].__class__(D("131.81"), D(9000), 7)
    assert book.asks[-1].price == D("131.98") and book.asks[0].orders == 2
    assert book.at == DATA_END - timedelta(milliseconds=200)
    [sent] = server.seen(GET_RANGE)
    assert sent.form["schema"] == "mbp-10" and sent.form["dataset"] == "XNAS.ITCH"
    assert sent.form["start"] == "2024-06-14T19:59:59Z"
    assert sent.form["end"] == "2024-06-14T20:00:00Z"
    assert sent.form["limit"] == "1000" and sent.form["encoding"] == "json"


async def test_fixed_point_prices_read_as_the_same_decimals(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake
) -> None:
    # Arrange: 1e-9 units, as strings and as JSON integers
    record = mbp10(DATA_END - timedelta(milliseconds=10), TEN_BIDS, TEN_ASKS, pretty=False)
    record["levels"][1]["bid_px"] = int(record["levels"][1]["bid_px"])
    books.records = [record]
    db = vendor(server, clock)

    # Act
    book = await db.order_book("NVDA", 10)
    await db.aclose()

    # Assert
    assert [level.price for level in book.bids] == [D(price) for price, _ in TEN_BIDS]
    assert [level.price for level in book.asks] == [D(price) for price, _ in TEN_ASKS]
    assert book.asks[0].price == D("131.890000000")


async def test_depth_cuts_the_book_to_its_best_levels(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake
) -> None:
    # Arrange
    books.records = [mbp10(DATA_END - timedelta(milliseconds=10), TEN_BIDS, TEN_ASKS)]
    db = vendor(server, clock)

    # Act
    book = await db.order_book("NVDA", 3)
    await db.aclose()

    # Assert
    assert [level.price for level in book.bids] == [D("131.87"), D("131.86"), D("131.85")]
    assert [level.price for level in book.asks] == [D("131.89"), D("131.90"), D("131.91")]


@pytest.mark.parametrize("pretty", [True, False], ids=["pretty", "fixed"])
async def test_an_empty_side_is_left_empty(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake, pretty: bool
) -> None:
    # Arrange: no asks at all (undefined price, size 0 on every ask level)
    books.records = [mbp10(DATA_END - timedelta(milliseconds=10), TEN_BIDS[:4], [], pretty=pretty)]
    db = vendor(server, clock)

    # Act
    book = await db.order_book("NVDA", 10)
    await db.aclose()

    # Assert
    assert len(book.bids) == 4 and book.asks == ()


async def test_a_crossed_snapshot_is_refused_as_a_provider_failure(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake
) -> None:
    # Arrange: best bid 131.95 over best ask 131.89
    books.records = [mbp10(DATA_END - timedelta(milliseconds=10), [("131.95", 100)], TEN_ASKS)]
    db = vendor(server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match="crossed"):
        await db.order_book("NVDA", 10)
    await db.aclose()


async def test_a_side_out_of_order_is_refused(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake
) -> None:
    # Arrange: bids rising away from the touch
    bids = [("131.80", 100), ("131.85", 100)]
    books.records = [mbp10(DATA_END - timedelta(milliseconds=10), bids, TEN_ASKS)]
    db = vendor(server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match="descending"):
        await db.order_book("NVDA", 10)
    await db.aclose()


async def test_older_windows_are_asked_when_the_last_second_is_quiet(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake
) -> None:
    # Arrange: the newest record is 30 s before the data ends
    books.records = [mbp10(DATA_END - timedelta(seconds=30), TEN_BIDS, TEN_ASKS)]
    db = vendor(server, clock)

    # Act
    book = await db.order_book("NVDA", 10)
    await db.aclose()

    # Assert: the last second, the 9 before it, then the minute
    windows = [(s.form["start"][11:19], s.form["end"][11:19]) for s in server.seen(GET_RANGE)]
    assert windows == [("19:59:59", "20:00:00"), ("19:59:50", "19:59:59"), ("19:59:00", "19:59:50")]
    assert book.at == DATA_END - timedelta(seconds=30)


async def test_a_window_cut_by_the_limit_is_narrowed_to_its_newest_records(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: 3 records a call; 8 records in the last second, the newest with the 9000 bid
    monkeypatch.setattr(databento, "_BOOK_RECORDS", 3)
    plain = [mbp10(DATA_END - timedelta(milliseconds=900 - 100 * i), TEN_BIDS[:1], TEN_ASKS[:1])
             for i in range(7)]  # fmt: skip
    books.records = [*plain, mbp10(DATA_END - timedelta(milliseconds=50), TEN_BIDS, TEN_ASKS)]
    db = vendor(server, clock)

    # Act
    book = await db.order_book("NVDA", 10)
    await db.aclose()

    # Assert
    assert len(book.bids) == 10 and book.at == DATA_END - timedelta(milliseconds=50)
    assert len(server.seen(GET_RANGE)) > 1


@pytest.mark.parametrize("symbol", ["NVDA", "NOPE"])
async def test_no_book_in_the_windows_is_quote_unavailable(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake, symbol: str
) -> None:
    # Arrange: NVDA's only record is empty on both sides; NOPE has none
    books.records = [mbp10(DATA_END - timedelta(milliseconds=10), [], [])]
    db = vendor(server, clock)

    # Act / Assert
    with pytest.raises(QuoteUnavailable) as raised:
        await db.order_book(symbol, 10)
    await db.aclose()
    assert not isinstance(raised.value, ProviderError)
    assert len(server.seen(GET_RANGE)) == 4


async def test_a_refused_key_is_a_provider_failure_not_retried(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake
) -> None:
    # Arrange
    books.records = [mbp10(DATA_END - timedelta(milliseconds=10), TEN_BIDS, TEN_ASKS)]
    db = vendor(server, clock, key="db-wrong")

    # Act / Assert
    with pytest.raises(ProviderError, match="refused") as raised:
        await db.order_book("NVDA", 10)
    await db.aclose()
    assert raised.value.retryable is False


async def test_a_malformed_record_is_a_provider_failure(
    server: ReplayServer, clock: FakeClock, books: Mbp10Fake
) -> None:
    # Arrange
    record = mbp10(DATA_END - timedelta(milliseconds=10), TEN_BIDS, TEN_ASKS)
    record["levels"] = "ten"
    books.records = [record]
    db = vendor(server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match="levels"):
        await db.order_book("NVDA", 10)
    await db.aclose()
