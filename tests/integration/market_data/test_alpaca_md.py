"""Alpaca market data over REST against a local server: recorded shapes, paging, error mapping."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.alpaca.http import AlpacaCredentials, AlpacaHttp
from adapters.market_data.alpaca import AlpacaMarketData
from adapters.market_data.alpaca_wire import parse_occ
from adapters.memory.clock import FakeClock
from domain.market_data.bars import Timeframe
from domain.trading.instruments import OptionRight
from ports.market_data.marketdata import ProviderError, ProviderRateLimited, QuoteUnavailable
from tests.alpaca_server import AlpacaServer, Reply, Request
from tests.kit.market_data import raises_unknown_symbol

D = Decimal
FIXTURES = Path(__file__).parents[2] / "fixtures" / "alpaca_md"
KEYS = AlpacaCredentials("key", "secret")
QUOTE = "/v2/stocks/{symbol}/quotes/latest"
QUOTES = "/v2/stocks/quotes/latest"
BARS = "/v2/stocks/{symbol}/bars"
CRYPTO_QUOTES = "/v1beta3/crypto/us/latest/quotes"
CRYPTO_BOOKS = "/v1beta3/crypto/us/latest/orderbooks"
CRYPTO_BARS = "/v1beta3/crypto/us/bars"
SNAPSHOTS = "/v1beta1/options/snapshots/{underlying}"


def recorded(name: str) -> Any:
    """A recorded Alpaca response shape from tests/fixtures/alpaca_md (a fresh copy)."""
    return json.loads((FIXTURES / f"{name}.json").read_text())


def answer(body: Any, status: int = 200, **headers: str) -> Callable[[Request], Reply]:
    return lambda _request: Reply(status, body, headers)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 1, 5, 14, 30, tzinfo=UTC))


def provider_of(server: AlpacaServer, clock: FakeClock, timeout_s: float) -> AlpacaMarketData:
    http = AlpacaHttp(
        server.url, KEYS, provider_name="alpaca", clock=clock, timeout_s=timeout_s, max_attempts=2
    )
    return AlpacaMarketData(http, KEYS, clock=clock)


@pytest.fixture
async def provider(server: AlpacaServer, clock: FakeClock) -> AsyncIterator[AlpacaMarketData]:
    """A timeout a busy machine's slowest answer stays well inside: a test counting requests
    must not see a retry of one that merely took long (the test of timeouts sets its own)."""
    md = provider_of(server, clock, timeout_s=5.0)
    yield md
    await md.aclose()


# -- quotes -----------------------------------------------------------------------------------
async def test_a_stock_quote_comes_from_the_latest_quote_with_the_mid_as_last(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))

    quote = await provider.quote("AAPL")

    assert (quote.bid, quote.ask, quote.bid_size, quote.ask_size) == (
        D("189.1"),
        D("189.14"),
        D(3),
        D(5),
    )
    assert quote.last == quote.mid == D("189.12")
    assert quote.at == datetime(2026, 1, 5, 14, 29, 59, 123457, tzinfo=UTC)
    [request] = server.requests
    assert request.path == "/v2/stocks/AAPL/quotes/latest" and request.params == {"feed": "iex"}
    assert request.headers["apca-api-key-id"] == "key"
    assert request.headers["apca-api-secret-key"] == "secret"


async def test_a_crypto_quote_comes_from_the_crypto_endpoint(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", CRYPTO_QUOTES, answer(recorded("crypto_latest_quotes")))

    quote = await provider.quote("BTC/USD")

    assert (quote.bid, quote.ask, quote.bid_size) == (D("97000.1"), D("97010.5"), D("0.25"))
    assert server.requests[0].params == {"symbols": "BTC/USD"}


async def test_an_empty_quote_is_unavailable(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    empty = {"t": "0001-01-01T00:00:00Z", "ap": 0, "as": 0, "bp": 0, "bs": 0}
    server.route("GET", QUOTE, answer({"symbol": "ZZZZ", "quote": empty}))

    with raises_unknown_symbol():
        await provider.quote("ZZZZ")


async def test_reference_prices_ask_once_per_asset_class_and_leave_unknown_out(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", QUOTES, answer(recorded("stock_latest_quotes")))
    server.route("GET", CRYPTO_QUOTES, answer(recorded("crypto_latest_quotes")))

    prices = await provider.reference_prices(["AAPL", "MSFT", "NOPE", "BTC/USD", "AAPL"])

    assert prices == {"AAPL": D("189.12"), "MSFT": D("410.1"), "BTC/USD": D("97005.3")}
    [stocks] = server.requests_to("GET", QUOTES)
    assert stocks.params == {"symbols": "AAPL,MSFT,NOPE", "feed": "iex"}
    assert len(server.requests) == 2


async def test_reference_prices_fall_back_to_single_quotes_when_a_symbol_fails_the_batch(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    invalid = {"code": 42210000, "message": "invalid symbol: B@D"}
    server.route("GET", QUOTES, answer(invalid, 422))
    found = recorded("stock_latest_quote")
    server.route(
        "GET",
        QUOTE,
        lambda r: Reply(200, found) if r.path_params["symbol"] == "AAPL" else Reply(422, invalid),
    )

    prices = await provider.reference_prices(["AAPL", "B@D"])

    assert prices == {"AAPL": D("189.12")}
    assert len(server.requests_to("GET", QUOTE)) == 2


# -- bars -------------------------------------------------------------------------------------
async def test_bars_follow_the_next_page_token(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    pages = [recorded("stock_bars_page1"), recorded("stock_bars_page2")]
    server.route("GET", BARS, lambda r: Reply(200, pages[1 if "page_token" in r.params else 0]))
    start = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)

    bars = await provider.bars("AAPL", Timeframe.M1, start=start, limit=10)

    assert [b.start.minute for b in bars] == [0, 1, 2]
    assert (bars[0].open, bars[0].high, bars[0].low, bars[0].close) == tuple(
        map(D, ("188.5", "188.9", "188.4", "188.8"))
    )
    assert (bars[0].volume, bars[0].trades, bars[0].vwap) == (D(12045), 311, D("188.71"))
    first, second = server.requests
    assert first.params == {
        "timeframe": "1Min",
        "start": "2026-01-05T14:00:00Z",
        "sort": "asc",
        "feed": "iex",
        "limit": "10",
    }
    assert second.params["page_token"] == pages[0]["next_page_token"]
    assert second.params["limit"] == "8"


async def test_bars_stop_paging_once_the_limit_is_met(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", BARS, answer(recorded("stock_bars_page1")))
    start = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)

    bars = await provider.bars("AAPL", Timeframe.M1, start=start, limit=2)

    assert len(bars) == 2 and len(server.requests) == 1


async def test_latest_bars_are_asked_newest_first_and_returned_oldest_first(
    server: AlpacaServer, provider: AlpacaMarketData, clock: FakeClock
) -> None:
    newest_first = recorded("stock_bars_page2")
    newest_first["bars"] = list(reversed(recorded("stock_bars_page1")["bars"]))
    server.route("GET", BARS, answer(newest_first))

    bars = await provider.bars("AAPL", Timeframe.M5, limit=2)

    assert [b.start.minute for b in bars] == [0, 1]
    params = server.requests[0].params
    assert params["sort"] == "desc" and params["timeframe"] == "5Min" and "end" not in params
    asked_from = datetime.fromisoformat(params["start"])
    assert asked_from <= clock.now() - 2 * Timeframe.M5.delta - timedelta(days=5)


async def test_daily_bars_start_at_midnight_utc(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", BARS, answer(recorded("stock_bars_daily")))
    start = datetime(2025, 12, 30, tzinfo=UTC)

    bars = await provider.bars("AAPL", Timeframe.D1, start=start)

    assert [b.start for b in bars] == [
        datetime(2025, 12, 31, tzinfo=UTC),
        datetime(2026, 1, 2, tzinfo=UTC),
    ]
    assert server.requests[0].params["timeframe"] == "1Day"


async def test_bars_outside_the_window_are_dropped_and_an_empty_window_asks_nothing(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    pages = [recorded("stock_bars_page1"), recorded("stock_bars_page2")]
    server.route("GET", BARS, lambda r: Reply(200, pages[1 if "page_token" in r.params else 0]))
    start = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)
    end = datetime(2026, 1, 5, 14, 2, tzinfo=UTC)  # Alpaca's end is inclusive; ours is not

    bars = await provider.bars("AAPL", Timeframe.M1, start=start, end=end)
    nothing = await provider.bars("AAPL", Timeframe.M1, start=end, end=end)

    assert [b.start.minute for b in bars] == [0, 1]
    assert nothing == [] and len(server.requests) == 2


async def test_bars_of_an_unknown_symbol_are_empty(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", BARS, answer(recorded("stock_bars_empty")))

    assert await provider.bars("NOPE", Timeframe.H1, limit=5) == []


async def test_crypto_bars_come_from_the_crypto_endpoint(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", CRYPTO_BARS, answer(recorded("crypto_bars")))
    start = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)

    bars = await provider.bars("BTC/USD", Timeframe.M5, start=start)

    assert [b.volume for b in bars] == [D("1.4213"), D("0.8731")]
    assert server.requests[0].params["symbols"] == "BTC/USD"


async def test_an_inconsistent_bar_is_a_provider_error(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    page = recorded("stock_bars_page2")
    page["bars"][0]["h"] = 100.0  # below open and close
    server.route("GET", BARS, answer(page))

    with pytest.raises(ProviderError, match="bad bar"):
        await provider.bars("AAPL", Timeframe.M1, start=datetime(2026, 1, 5, tzinfo=UTC))


# -- order books ------------------------------------------------------------------------------
async def test_a_crypto_book_is_cut_to_depth_best_first_without_empty_levels(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", CRYPTO_BOOKS, answer(recorded("crypto_orderbooks")))

    book = await provider.order_book("BTC/USD", depth=4)

    assert [lv.price for lv in book.bids] == [D("97000.1"), D("96998.0"), D("96995.5"), D(96980)]
    assert [lv.price for lv in book.asks] == [D("97010.5"), D(97012), D(97015), D(97030)]
    assert book.best_bid is not None and book.best_bid.size == D("0.25")
    assert len((await provider.order_book("BTC/USD", depth=2)).asks) == 2


async def test_a_crossed_crypto_book_is_a_provider_error(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    books = recorded("crypto_orderbooks")
    books["orderbooks"]["BTC/USD"]["b"][0]["p"] = 97020.0
    server.route("GET", CRYPTO_BOOKS, answer(books))

    with pytest.raises(ProviderError, match="crossed"):
        await provider.order_book("BTC/USD")


async def test_a_crypto_book_of_an_unknown_pair_is_unavailable(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", CRYPTO_BOOKS, answer({"orderbooks": {}}))

    with pytest.raises(QuoteUnavailable):
        await provider.order_book("NOPE/USD")


async def test_a_stock_book_is_one_level_a_side_from_the_latest_quote(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))

    book = await provider.order_book("AAPL", depth=10)

    assert [(lv.price, lv.size) for lv in book.bids] == [(D("189.1"), D(3))]
    assert [(lv.price, lv.size) for lv in book.asks] == [(D("189.14"), D(5))]


# -- option chains ----------------------------------------------------------------------------
async def test_an_option_chain_is_parsed_from_snapshots_and_sorted(
    server: AlpacaServer, provider: AlpacaMarketData, clock: FakeClock
) -> None:
    server.route("GET", SNAPSHOTS, answer(recorded("option_snapshots")))
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))

    chain = await provider.option_chain("AAPL")

    assert chain.underlying_price == D("189.12") and chain.at == clock.now()
    assert [(c.expiry.month, c.strike, c.right) for c in chain.contracts] == [
        (1, D("187.5"), OptionRight.CALL),
        (1, D("187.5"), OptionRight.PUT),
        (1, D(190), OptionRight.CALL),
        (2, D(190), OptionRight.PUT),
    ]
    call = chain.contracts[2]
    assert call.symbol == "AAPL260116C00190000" and call.expiry == date(2026, 1, 16)
    assert (call.bid, call.ask, call.last, call.volume) == (D("3.15"), D("3.25"), D("3.2"), 4310)
    assert (call.implied_volatility, call.delta) == (0.2435, 0.5311)
    bare = chain.contracts[1]  # a quote only: no trade, no greeks
    assert (bare.last, bare.implied_volatility, bare.delta) == (D("1.585"), None, None)
    assert server.requests_to("GET", SNAPSHOTS)[0].params == {"feed": "indicative", "limit": "1000"}


async def test_an_option_chain_for_one_expiry_asks_for_it_and_keeps_only_it(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", SNAPSHOTS, answer(recorded("option_snapshots")))
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))

    chain = await provider.option_chain("AAPL", date(2026, 2, 20))

    assert chain.expiries() == [date(2026, 2, 20)] and len(chain.contracts) == 1
    assert server.requests_to("GET", SNAPSHOTS)[0].params["expiration_date"] == "2026-02-20"


async def test_an_option_chain_follows_pages(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    everything = recorded("option_snapshots")["snapshots"]
    names = sorted(everything)
    first = {"snapshots": {n: everything[n] for n in names[:2]}, "next_page_token": "p2"}
    second = {"snapshots": {n: everything[n] for n in names[2:]}, "next_page_token": None}
    server.route(
        "GET", SNAPSHOTS, lambda r: Reply(200, second if r.params.get("page_token") else first)
    )
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))

    chain = await provider.option_chain("AAPL")

    assert sorted(c.symbol for c in chain.contracts) == names


async def test_an_option_chain_without_contracts_is_unavailable(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    server.route("GET", SNAPSHOTS, answer({"snapshots": {}, "next_page_token": None}))
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))

    with raises_unknown_symbol():
        await provider.option_chain("AAPL")


def test_occ_symbols_parse_into_root_expiry_strike_and_right() -> None:
    call = parse_occ("AAPL250117C00190000")
    put = parse_occ("SPY260320P00512500")

    assert call == ("AAPL", date(2025, 1, 17), D(190), OptionRight.CALL)
    assert put == ("SPY", date(2026, 3, 20), D("512.5"), OptionRight.PUT)


@pytest.mark.parametrize("symbol", ["AAPL", "AAPL250117X00190000", "AAPL25011C00190000", ""])
def test_a_non_occ_symbol_is_refused(symbol: str) -> None:
    with pytest.raises(ValueError, match="OCC"):
        parse_occ(symbol)


@settings(max_examples=50)
@given(
    root=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=6),
    expiry=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    strike_milli=st.integers(1, 99_999_999),
    right=st.sampled_from(OptionRight),
)
def test_occ_parsing_round_trips(
    root: str, expiry: date, strike_milli: int, right: OptionRight
) -> None:
    letter = "C" if right is OptionRight.CALL else "P"
    symbol = f"{root}{expiry:%y%m%d}{letter}{strike_milli:08d}"

    assert parse_occ(symbol) == (root, expiry, D(strike_milli) / 1000, right)


# -- errors and the request budget ------------------------------------------------------------
@pytest.mark.parametrize("status", [404, 422])
async def test_an_unknown_symbol_answer_is_unavailable_not_a_provider_failure(
    server: AlpacaServer, provider: AlpacaMarketData, status: int
) -> None:
    server.route("GET", QUOTE, answer({"code": 40410000, "message": "not found"}, status))

    with raises_unknown_symbol():
        await provider.quote("NOPE")


async def test_a_429_is_rate_limited_with_the_wait_and_the_budget_from_the_headers(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    reset = int(time.time()) + 60
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))
    server.fail(
        Reply(
            429,
            {"code": 42910000, "message": "rate limit exceeded"},
            {
                "Retry-After": "30",
                "X-RateLimit-Limit": "200",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(reset),
            },
        )
    )

    with pytest.raises(ProviderRateLimited) as raised:
        await provider.quote("AAPL")

    assert raised.value.retry_after_s == 30 and raised.value.retryable
    usage = provider.rate_limit()
    assert usage is not None and (usage.limit, usage.remaining) == (200, 0)
    assert usage.resets_at == datetime.fromtimestamp(reset, UTC)
    assert len(server.requests) == 1  # a 30 s wait does not fit the call's budget


async def test_rate_limit_reports_the_budget_of_the_last_answer(
    server: AlpacaServer, provider: AlpacaMarketData
) -> None:
    headers = {"X-RateLimit-Limit": "200", "X-RateLimit-Remaining": "150"}
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote"), **headers))
    assert provider.rate_limit() is None

    await provider.quote("AAPL")

    usage = provider.rate_limit()
    assert usage is not None and usage.used_fraction == 0.25


@pytest.mark.parametrize(
    ("reply", "retryable"),
    [
        (Reply(500, {"code": 50010000, "message": "internal server error"}), True),
        (Reply(503, raw=b"upstream unavailable"), True),
        (Reply(403, {"code": 40310000, "message": "forbidden"}), False),
        (Reply(200, raw=b"{not json<html>"), True),
        (Reply(200, {"symbol": "AAPL", "quote": {"bp": "x"}}), True),
    ],
    ids=["500", "503", "403", "not-json", "wrong-shape"],
)
async def test_failures_are_provider_errors(
    server: AlpacaServer, provider: AlpacaMarketData, reply: Reply, retryable: bool
) -> None:
    server.fail(reply, times=2)  # 503 is retried once (max_attempts=2)
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))

    with pytest.raises(ProviderError) as raised:
        await provider.quote("AAPL")

    assert raised.value.retryable is retryable
    assert raised.value.provider == "alpaca"


async def test_a_timeout_is_a_retryable_provider_error(
    server: AlpacaServer, clock: FakeClock
) -> None:
    hasty = provider_of(server, clock, timeout_s=0.2)
    server.slow(1.0, times=2)
    server.route("GET", QUOTE, answer(recorded("stock_latest_quote")))

    with pytest.raises(ProviderError) as raised:
        await hasty.quote("AAPL")
    await hasty.aclose()

    assert raised.value.retryable and "no answer" in str(raised.value)
