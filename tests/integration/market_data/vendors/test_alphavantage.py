"""Alpha Vantage's adapter against recorded answers: its quote, daily (adjusted) and intraday
series, months of history, corporate actions, and its 200 answers for limits and errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from adapters.market_data.vendors.alphavantage import AlphaVantageMarketData
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import alphavantage_api
from adapters.vendor_http.client import VendorHttp
from domain.market_data.bars import Timeframe
from domain.market_data.corporate_actions import ActionKind
from ports.market_data.marketdata import ProviderError, ProviderRateLimited, QuoteUnavailable
from tests.alpaca_server import AlpacaServer, Reply
from tests.integration.market_data.vendors.simulated import NOW, fixture
from tests.kit.market_data import raises_unknown_symbol

MARCH = datetime(2024, 3, 13, tzinfo=UTC), datetime(2024, 3, 16, tzinfo=UTC)


@pytest.fixture
async def alphavantage(
    server: AlpacaServer, clock: FakeClock
) -> AsyncIterator[AlphaVantageMarketData]:
    http = VendorHttp(alphavantage_api(server.url), "av-secret", clock, calls_per_minute=100)
    adapter = AlphaVantageMarketData(http, clock)
    yield adapter
    await adapter.aclose()


def _answers(server: AlpacaServer, by_function: dict[str, Any]) -> None:
    """Answer each function with its recorded body (a later call replaces earlier answers)."""
    if not hasattr(server, "av_answers"):
        answers: dict[str, Any] = {}
        server.av_answers = answers  # type: ignore[attr-defined]
        server.route("GET", "/query", lambda r: Reply(200, answers[r.params["function"]]))
    server.av_answers.update(by_function)  # type: ignore[attr-defined]


async def test_a_quote_is_the_global_quotes_price_with_the_key_as_a_parameter(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _answers(server, {"GLOBAL_QUOTE": fixture("alphavantage", "global_quote")})

    quote = await alphavantage.quote("IBM")

    assert (quote.last, quote.mid) == (Decimal("167.2500"), Decimal("167.2500"))
    assert quote.at == datetime(2024, 3, 15, 20, tzinfo=UTC)  # 16:00 New York (EDT)
    assert server.requests[0].params["apikey"] == "av-secret"


async def test_an_empty_global_quote_is_an_unknown_symbol(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _answers(server, {"GLOBAL_QUOTE": fixture("alphavantage", "global_quote_unknown")})

    with raises_unknown_symbol():
        await alphavantage.quote("NOPE")


async def test_adjusted_daily_bars_scale_by_the_adjusted_close(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _answers(
        server,
        {
            "TIME_SERIES_DAILY_ADJUSTED": fixture("alphavantage", "daily_adjusted"),
            "TIME_SERIES_DAILY": fixture("alphavantage", "daily"),
        },
    )

    adjusted = await alphavantage.bars("IBM", Timeframe.D1, start=MARCH[0], end=MARCH[1])
    raw = await alphavantage.bars("IBM", Timeframe.D1, start=MARCH[0], end=MARCH[1], adjusted=False)

    assert [b.start.date() for b in adjusted] == [
        date(2024, 3, 13),
        date(2024, 3, 14),
        date(2024, 3, 15),
    ]
    assert adjusted[1].close == Decimal("191.7700") and raw[1].close == Decimal("193.4300")
    factor = Decimal("191.7700") / Decimal("193.4300")
    assert adjusted[1].open == Decimal("196.9500") * factor
    assert adjusted[2] == raw[2]  # nothing after the last day to adjust for
    functions = [r.params["function"] for r in server.requests]
    assert functions == ["TIME_SERIES_DAILY_ADJUSTED", "TIME_SERIES_DAILY"]


async def test_intraday_times_are_new_york_times(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _answers(server, {"TIME_SERIES_INTRADAY": fixture("alphavantage", "intraday_5min")})

    bars = await alphavantage.bars(
        "IBM", Timeframe.M5, end=datetime(2024, 3, 16, tzinfo=UTC), limit=10, adjusted=False
    )

    assert [b.start for b in bars] == [
        datetime(2024, 3, 15, 19, 50, tzinfo=UTC),
        datetime(2024, 3, 15, 19, 55, tzinfo=UTC),
    ]
    params = server.requests[0].params
    assert (params["interval"], params["adjusted"], params["outputsize"]) == (
        "5min",
        "false",
        "compact",
    )
    assert "month" not in params


async def test_an_old_start_is_asked_month_by_month(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _answers(server, {"TIME_SERIES_INTRADAY": fixture("alphavantage", "intraday_5min")})
    start = NOW - timedelta(days=70)

    await alphavantage.bars("IBM", Timeframe.M5, start=start, end=NOW - timedelta(days=20))

    months = [r.params["month"] for r in server.requests]
    assert months == ["2025-10", "2025-11", "2025-12"]
    assert all(r.params["outputsize"] == "full" for r in server.requests)


@pytest.mark.parametrize(
    ("name", "retry_after_s"),
    [("note_rate_limit", 60.0), ("information_daily_limit", 3600.0)],
)
async def test_a_limit_note_is_rate_limited_and_holds_later_calls(
    server: AlpacaServer,
    alphavantage: AlphaVantageMarketData,
    name: str,
    retry_after_s: float,
) -> None:
    _answers(server, {"GLOBAL_QUOTE": fixture("alphavantage", name)})

    with pytest.raises(ProviderRateLimited) as raised:
        await alphavantage.quote("IBM")
    with pytest.raises(ProviderRateLimited):
        await alphavantage.quote("IBM")

    assert raised.value.retry_after_s == retry_after_s
    assert len(server.requests) == 1


async def test_a_premium_endpoint_is_refused_not_retried(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _answers(server, {"TIME_SERIES_DAILY_ADJUSTED": fixture("alphavantage", "information_premium")})

    with pytest.raises(ProviderError, match="not in this plan") as raised:
        await alphavantage.bars("IBM", Timeframe.D1)

    assert raised.value.retryable is False


async def test_an_invalid_call_is_an_unknown_symbol_and_a_bad_key_a_refusal(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _answers(server, {"TIME_SERIES_DAILY": fixture("alphavantage", "error_invalid_call")})
    with pytest.raises(QuoteUnavailable) as unknown:
        await alphavantage.bars("NOPE", Timeframe.D1, adjusted=False)
    _answers(server, {"GLOBAL_QUOTE": fixture("alphavantage", "error_apikey")})

    with pytest.raises(ProviderError, match="apikey is invalid") as refused:
        await alphavantage.quote("IBM")

    assert not isinstance(unknown.value, ProviderError)
    assert refused.value.retryable is False


async def test_a_malformed_series_is_a_clear_error(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    broken = fixture("alphavantage", "daily")
    broken["Time Series (Daily)"]["2024-03-14"]["4. close"] = "n/a"
    _answers(server, {"TIME_SERIES_DAILY": broken})

    with pytest.raises(ProviderError, match="malformed TIME_SERIES_DAILY"):
        await alphavantage.bars("IBM", Timeframe.D1, adjusted=False)


async def test_corporate_actions_in_the_window_with_the_close_before_the_dividend(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _answers(
        server,
        {
            "SPLITS": fixture("alphavantage", "splits"),
            "DIVIDENDS": fixture("alphavantage", "dividends"),
            "TIME_SERIES_DAILY": fixture("alphavantage", "daily"),
        },
    )

    actions = await alphavantage.corporate_actions("IBM", date(1999, 1, 1), date(2024, 12, 31))

    assert [(a.kind, a.ex_date, a.value) for a in actions] == [
        (ActionKind.SPLIT, date(1999, 5, 27), Decimal("2.0000")),
        (ActionKind.DIVIDEND, date(2024, 3, 14), Decimal("1.66")),
    ]
    assert actions[1].reference_close == Decimal("196.7000")
