"""Databento's adapter (httpx on the Historical API's JSON encoding) against the local replay:
the request it posts, bars built from smaller ones, the top of book, limits and refusals."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from domain.market_data.bars import Timeframe
from ports.market_data.marketdata import ProviderError, QuoteUnavailable
from tests.integration.vendors.conftest import make_vendor
from tests.integration.vendors.replay_server import ReplayServer, Reply
from tests.integration.vendors.vendor_routes import DATABENTO_KEY

D = Decimal
JUNE_14 = datetime(2024, 6, 14, tzinfo=UTC)
JUNE_15 = datetime(2024, 6, 15, tzinfo=UTC)


async def test_bars_post_the_documented_form_with_the_key_as_basic_user(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("databento", server, clock)

    # Act
    await vendor.bars("NVDA", Timeframe.D1, start=datetime(2024, 6, 3, tzinfo=UTC), end=JUNE_14)
    await vendor.aclose()

    # Assert
    [sent] = server.seen("/v0/timeseries.get_range")
    assert sent.form == {
        "dataset": "XNAS.ITCH", "symbols": "NVDA", "schema": "ohlcv-1d",
        "start": "2024-06-03T00:00:00Z", "end": "2024-06-14T00:00:00Z",
        "stype_in": "raw_symbol", "encoding": "json", "pretty_px": "true",
        "pretty_ts": "true", "map_symbols": "true",
    }  # fmt: skip
    expected = base64.b64encode(f"{DATABENTO_KEY}:".encode()).decode()
    assert sent.headers["authorization"] == f"Basic {expected}"


async def test_five_minute_bars_are_built_from_one_minute_bars(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("databento", server, clock)

    # Act
    bars = await vendor.bars(
        "NVDA", Timeframe.M5, start=datetime(2024, 6, 14, 14, 30, tzinfo=UTC), end=JUNE_15
    )
    await vendor.aclose()

    # Assert: 14:30, 14:31, 14:32 in one bar; 14:35 in the next
    assert [(b.start.minute, b.open, b.high, b.low, b.close, b.volume) for b in bars] == [
        (30, D("131.00"), D("131.60"), D("130.90"), D("131.35"), D(3400)),
        (35, D("131.35"), D("131.80"), D("131.30"), D("131.70"), D(1200)),
    ]
    assert server.seen("/v0/timeseries.get_range")[0].form["schema"] == "ohlcv-1m"


async def test_the_quote_is_the_last_top_of_book_where_the_data_ends(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("databento", server, clock)

    # Act
    quote = await vendor.quote("NVDA")
    await vendor.aclose()

    # Assert
    assert (quote.bid, quote.ask, quote.last) == (D("131.87"), D("131.89"), D("131.88"))
    assert (quote.bid_size, quote.ask_size) == (D(300), D(400))
    assert quote.at == datetime(2024, 6, 14, 19, 59, tzinfo=UTC)
    form = server.seen("/v0/timeseries.get_range")[0].form
    assert (form["schema"], form["end"]) == ("bbo-1m", "2024-06-14T20:00:00Z")


async def test_adjusted_bars_are_not_offered(server: ReplayServer, clock: FakeClock) -> None:
    # Arrange
    vendor = make_vendor("databento", server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match="does not offer adjusted bars") as raised:
        await vendor.bars("NVDA", Timeframe.D1, start=JUNE_14, end=JUNE_15, adjusted=True)
    await vendor.aclose()
    assert raised.value.retryable is False and server.requests == []


async def test_a_refused_key_says_so_and_is_not_retryable(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("databento", server, clock, key="db-wrong")

    # Act / Assert
    with pytest.raises(ProviderError, match=r"key was refused .*Authentication failed") as raised:
        await vendor.bars("NVDA", Timeframe.D1, start=JUNE_14, end=JUNE_15)
    await vendor.aclose()
    assert raised.value.retryable is False


@pytest.mark.parametrize(
    "body",
    [
        b'{"hd": {"ts_event": "2024-06-14T00:00:00.000000000Z"}, "open": "1", "high": "2"}\n',
        b'{"hd": {"ts_event": "2024-06-14T00:00:00.000000000Z"}, "open": "1"\n',
        b'{"open": "1", "high": "2", "low": "1", "close": "1", "volume": "5"}\n',
        b'{"hd": {"ts_event": 1718323200}, "open": "1", "high": "2", "low": "1",'
        b' "close": "1", "volume": "5"}\n',
    ],
    ids=["no-close", "cut-json", "no-header", "raw-time"],
)
async def test_a_malformed_record_is_a_clear_error(
    server: ReplayServer, clock: FakeClock, body: bytes
) -> None:
    # Arrange
    server.route("POST", "/v0/timeseries.get_range", lambda s: Reply(200, body))
    vendor = make_vendor("databento", server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match=r"databento: .*malformed"):
        await vendor.bars("NVDA", Timeframe.D1, start=JUNE_14, end=JUNE_15)
    await vendor.aclose()


async def test_a_422_about_symbols_is_an_unknown_symbol(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    detail = {"detail": "None of the symbols could be resolved: ['NOPE']"}
    server.route("POST", "/v0/timeseries.get_range", lambda s: Reply(422, detail))
    vendor = make_vendor("databento", server, clock)

    # Act / Assert
    with pytest.raises(QuoteUnavailable) as raised:
        await vendor.bars("NOPE", Timeframe.D1, start=JUNE_14, end=JUNE_15)
    await vendor.aclose()
    assert not isinstance(raised.value, ProviderError)
