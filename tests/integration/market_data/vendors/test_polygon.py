"""Polygon's adapter against recorded answers: snapshots, paged aggregates, adjustments,
corporate actions, rate limits and malformed answers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.market_data.vendors.polygon import PolygonMarketData
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import polygon_api
from adapters.vendor_http.client import VendorHttp
from domain.market_data.bars import Timeframe
from domain.market_data.corporate_actions import ActionKind
from ports.market_data.marketdata import ProviderError, ProviderRateLimited, QuoteUnavailable
from tests.alpaca_server import AlpacaServer, Reply, Request
from tests.integration.market_data.vendors.simulated import fixture

AGGS = "/v2/aggs/ticker/{symbol}/range/{multiplier}/{span}/{frm}/{to}"
JAN_3, JAN_6 = datetime(2023, 1, 3, tzinfo=UTC), datetime(2023, 1, 6, tzinfo=UTC)


@pytest.fixture
async def polygon(server: AlpacaServer, clock: FakeClock) -> AsyncIterator[PolygonMarketData]:
    http = VendorHttp(polygon_api(server.url), "pk-secret", clock, calls_per_minute=100)
    adapter = PolygonMarketData(http, clock)
    yield adapter
    await adapter.aclose()


def _paged_aggs(server: AlpacaServer) -> None:
    def aggs(request: Request) -> Reply:
        if request.params.get("cursor"):
            return Reply(200, fixture("polygon", "aggs_page2"))
        page = fixture("polygon", "aggs_page1")
        page["next_url"] = page["next_url"].replace("{base}", server.url)
        return Reply(200, page)

    server.route("GET", AGGS, aggs)


async def test_a_quote_is_the_snapshots_nbbo_and_last_trade(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    server.route(
        "GET",
        "/v2/snapshot/locale/us/markets/stocks/tickers/{symbol}",
        lambda r: Reply(200, fixture("polygon", "snapshot_ticker")),
    )

    quote = await polygon.quote("AAPL")

    assert (quote.bid, quote.ask, quote.last) == (
        Decimal("120.46"),
        Decimal("120.47"),
        Decimal("120.47"),
    )
    assert (quote.bid_size, quote.ask_size) == (Decimal(8), Decimal(4))
    assert quote.at == datetime.fromtimestamp(1605195918507251700 / 1e9, tz=UTC)
    assert server.requests[0].headers["authorization"] == "Bearer pk-secret"


async def test_reference_prices_come_from_one_snapshot_call(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    server.route(
        "GET",
        "/v2/snapshot/locale/us/markets/stocks/tickers",
        lambda r: Reply(200, fixture("polygon", "snapshot_tickers")),
    )

    prices = await polygon.reference_prices(["BCDA", "NOPE"])

    assert prices == {"BCDA": Decimal("20.55")}
    assert len(server.requests) == 1
    assert server.requests[0].params["tickers"] == "BCDA,NOPE"


async def test_bars_follow_next_url_and_stamp_days_at_midnight_utc(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    _paged_aggs(server)

    bars = await polygon.bars("AAPL", Timeframe.D1, start=JAN_3, end=JAN_6)

    assert [b.start.date() for b in bars] == [date(2023, 1, 3), date(2023, 1, 4), date(2023, 1, 5)]
    assert all(b.start.hour == 0 and b.start.tzinfo == UTC for b in bars)
    assert bars[0].close == Decimal("125.07") and bars[0].trades == 1045165
    second = server.requests[1]
    assert second.params["cursor"] == "bGltaXQ9MiZzb3J0PWFzYw"
    assert second.headers["authorization"] == "Bearer pk-secret"  # the key is not in next_url


async def test_bars_ask_the_range_and_the_adjustment_they_are_given(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    _paged_aggs(server)
    start, end = datetime(2023, 1, 3, 15, tzinfo=UTC), datetime(2023, 1, 3, 16, tzinfo=UTC)

    await polygon.bars("AAPL", Timeframe.M5, start=start, end=end, adjusted=False)

    first = server.requests[0]
    assert first.path == (
        f"/v2/aggs/ticker/AAPL/range/5/minute/{int(start.timestamp() * 1000)}/"
        f"{int(end.timestamp() * 1000)}"
    )
    assert (first.params["adjusted"], first.params["sort"]) == ("false", "asc")


async def test_a_malformed_aggregate_is_a_clear_error_and_nothing_is_returned(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    page = fixture("polygon", "aggs_page2")
    del page["results"][0]["c"]
    server.route("GET", AGGS, lambda r: Reply(200, page))

    with pytest.raises(ProviderError, match="malformed aggregates: missing 'c'") as raised:
        await polygon.bars("AAPL", Timeframe.D1, start=JAN_3, end=JAN_6)

    assert raised.value.retryable


async def test_a_429_is_rate_limited_and_holds_later_calls_without_sending_them(
    server: AlpacaServer, polygon: PolygonMarketData, clock: FakeClock
) -> None:
    server.fail(Reply(429, fixture("polygon", "error_rate_limit"), {"Retry-After": "12"}))

    with pytest.raises(ProviderRateLimited) as raised:
        await polygon.quote("AAPL")
    with pytest.raises(ProviderRateLimited) as again:
        await polygon.quote("AAPL")

    assert raised.value.retry_after_s == 12.0
    assert again.value.retry_after_s is not None and 0 < again.value.retry_after_s <= 12.0
    assert len(server.requests) == 1
    clock.advance(12.5)
    with pytest.raises(QuoteUnavailable):  # asked again: the route is unknown, not limited
        await polygon.quote("AAPL")
    assert len(server.requests) == 2


async def test_a_refused_key_is_a_provider_error_not_worth_retrying(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    server.fail(Reply(401, fixture("polygon", "error_unknown_key")))

    with pytest.raises(ProviderError, match="Unknown API Key") as raised:
        await polygon.quote("AAPL")

    assert raised.value.retryable is False
    assert "pk-secret" not in str(raised.value)


async def test_corporate_actions_are_splits_and_dividends_with_their_closes(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    server.route("GET", "/v3/reference/splits", lambda r: Reply(200, fixture("polygon", "splits")))
    server.route(
        "GET", "/v3/reference/dividends", lambda r: Reply(200, fixture("polygon", "dividends"))
    )
    close_before = {
        "results": [
            {"o": 440, "h": 446, "l": 438, "c": 444.45, "v": 1, "t": 1596686400000}  # Aug 6
        ],
        "status": "OK",
    }
    server.route("GET", AGGS, lambda r: Reply(200, close_before))

    actions = await polygon.corporate_actions("AAPL", date(2020, 8, 1), date(2020, 9, 1))

    assert [(a.kind, a.ex_date, a.value) for a in actions] == [
        (ActionKind.DIVIDEND, date(2020, 8, 7), Decimal("0.22")),
        (ActionKind.SPLIT, date(2020, 8, 31), Decimal(4)),
    ]
    assert actions[0].reference_close == Decimal("444.45")
    splits = server.requests_to("GET", "/v3/reference/splits")[0]
    assert splits.params["execution_date.gte"] == "2020-08-01"
    assert splits.params["execution_date.lt"] == "2020-09-01"
    aggs = next(r for r in server.requests if r.path.startswith("/v2/aggs"))
    assert aggs.params["adjusted"] == "false"  # the close in the dividend's own shares


async def test_order_books_are_not_offered(polygon: PolygonMarketData) -> None:
    with pytest.raises(ProviderError, match="not offered by polygon") as raised:
        await polygon.order_book("AAPL")

    assert raised.value.retryable is False
