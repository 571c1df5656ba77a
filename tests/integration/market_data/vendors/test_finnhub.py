"""Finnhub's adapter against recorded answers: quotes, candles over a range, split adjustment,
corporate actions, its limit answer and malformed candles."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.market_data.vendors.finnhub import FinnhubMarketData
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import finnhub_api
from adapters.vendor_http.client import VendorHttp
from domain.market_data.bars import Timeframe
from domain.market_data.corporate_actions import ActionKind
from ports.market_data.marketdata import ProviderError, ProviderRateLimited
from tests.alpaca_server import AlpacaServer, Reply
from tests.integration.market_data.vendors.simulated import fixture
from tests.kit.market_data import raises_unknown_symbol

START, END = datetime(2019, 9, 24, 4, tzinfo=UTC), datetime(2019, 9, 24, 7, tzinfo=UTC)


@pytest.fixture
async def finnhub(server: AlpacaServer, clock: FakeClock) -> AsyncIterator[FinnhubMarketData]:
    http = VendorHttp(finnhub_api(server.url), "fh-secret", clock, calls_per_minute=100)
    adapter = FinnhubMarketData(http, clock)
    yield adapter
    await adapter.aclose()


def _candles(server: AlpacaServer, splits: object = ()) -> None:
    server.route("GET", "/stock/candle", lambda r: Reply(200, fixture("finnhub", "candle_60")))
    server.route("GET", "/stock/split", lambda r: Reply(200, list(splits)))  # type: ignore[call-overload]


async def test_a_quote_is_the_last_price_with_the_token_header(
    server: AlpacaServer, finnhub: FinnhubMarketData
) -> None:
    server.route("GET", "/quote", lambda r: Reply(200, fixture("finnhub", "quote")))

    quote = await finnhub.quote("AAPL")

    assert (quote.last, quote.mid, quote.bid, quote.ask) == (
        Decimal("261.74"),
        Decimal("261.74"),
        Decimal(0),
        Decimal(0),
    )
    assert quote.at == datetime.fromtimestamp(1582641000, tz=UTC)
    assert server.requests[0].headers["x-finnhub-token"] == "fh-secret"
    assert "token" not in server.requests[0].params


async def test_zeros_for_a_symbol_are_an_unknown_symbol(
    server: AlpacaServer, finnhub: FinnhubMarketData
) -> None:
    server.route("GET", "/quote", lambda r: Reply(200, fixture("finnhub", "quote_unknown")))

    with raises_unknown_symbol():
        await finnhub.quote("NOPE")


async def test_candles_are_asked_over_the_range_and_kept_inside_it(
    server: AlpacaServer, finnhub: FinnhubMarketData
) -> None:
    _candles(server)

    bars = await finnhub.bars("AAPL", Timeframe.H1, start=START, end=END)

    candle = server.requests_to("GET", "/stock/candle")[0]
    assert (candle.params["resolution"], candle.params["from"], candle.params["to"]) == (
        "60",
        str(int(START.timestamp())),
        str(int(END.timestamp())),
    )
    assert [b.start for b in bars] == [
        datetime(2019, 9, 24, 4, tzinfo=UTC),
        datetime(2019, 9, 24, 5, tzinfo=UTC),
        datetime(2019, 9, 24, 6, tzinfo=UTC),
    ]
    assert bars[0].close == Decimal("217.68")


async def test_adjusted_intraday_bars_are_scaled_by_later_splits(
    server: AlpacaServer, finnhub: FinnhubMarketData
) -> None:
    split = {"symbol": "AAPL", "date": "2020-08-31", "fromFactor": 1, "toFactor": 4}
    _candles(server, [split])

    raw = await finnhub.bars("AAPL", Timeframe.H1, start=START, end=END, adjusted=False)
    adjusted = await finnhub.bars("AAPL", Timeframe.H1, start=START, end=END)

    assert [a.close * 4 for a in adjusted] == [r.close for r in raw]
    assert [a.volume for a in adjusted] == [r.volume * 4 for r in raw]


async def test_raw_daily_bars_are_not_offered(finnhub: FinnhubMarketData) -> None:
    with pytest.raises(ProviderError, match=r"raw .* daily bars is not offered") as raised:
        await finnhub.bars("AAPL", Timeframe.D1, adjusted=False)

    assert raised.value.retryable is False


async def test_no_data_is_no_bars(server: AlpacaServer, finnhub: FinnhubMarketData) -> None:
    server.route("GET", "/stock/candle", lambda r: Reply(200, fixture("finnhub", "candle_no_data")))

    assert await finnhub.bars("AAPL", Timeframe.M5, start=START, end=END) == []


async def test_candle_arrays_of_different_lengths_are_malformed(
    server: AlpacaServer, finnhub: FinnhubMarketData
) -> None:
    broken = fixture("finnhub", "candle_60")
    broken["v"].pop()
    server.route("GET", "/stock/candle", lambda r: Reply(200, broken))

    with pytest.raises(ProviderError, match="malformed candles: the candle arrays differ"):
        await finnhub.bars("AAPL", Timeframe.M5, start=START, end=END, adjusted=False)


async def test_the_api_limit_answer_is_rate_limited(
    server: AlpacaServer, finnhub: FinnhubMarketData
) -> None:
    server.fail(Reply(429, fixture("finnhub", "error_limit")))

    with pytest.raises(ProviderRateLimited) as raised:
        await finnhub.quote("AAPL")

    assert raised.value.retry_after_s == 60.0


async def test_corporate_actions_carry_the_unsplit_close_before_a_dividend(
    server: AlpacaServer, finnhub: FinnhubMarketData
) -> None:
    split = {"symbol": "AAPL", "date": "2020-08-31", "fromFactor": 1, "toFactor": 4}
    server.route("GET", "/stock/split", lambda r: Reply(200, [split]))
    server.route("GET", "/stock/dividend", lambda r: Reply(200, fixture("finnhub", "dividend")))
    day_before = int(datetime(2020, 8, 6, tzinfo=UTC).timestamp())
    candle = {"s": "ok", "t": [day_before], "o": [111], "h": [112], "l": [110], "c": [111.11]}
    server.route("GET", "/stock/candle", lambda r: Reply(200, candle | {"v": [1]}))

    actions = await finnhub.corporate_actions("AAPL", date(2020, 8, 1), date(2020, 9, 1))

    assert [(a.kind, a.ex_date, a.value) for a in actions] == [
        (ActionKind.DIVIDEND, date(2020, 8, 7), Decimal("0.82")),
        (ActionKind.SPLIT, date(2020, 8, 31), Decimal(4)),
    ]
    assert actions[0].reference_close == Decimal("444.44")  # 111.11 before the 4-for-1 split
