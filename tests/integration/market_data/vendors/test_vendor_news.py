"""The vendors' news against recorded answers, and the merged feed the sentiment engine reads:
deduplicated by URL, each vendor asked at most once per refresh, a failing source tolerated."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.memory.clock import FakeClock
from adapters.news.merged import MergedNews, NewsSource, dedup_key
from adapters.news.replay import JsonLinesNews
from adapters.news.vendors import AlphaVantageNews, FinnhubNews, PolygonNews
from adapters.vendor_http.apis import alphavantage_api, finnhub_api, polygon_api
from adapters.vendor_http.client import VendorHttp
from domain.inference.sentiment import NewsItem
from ports.market_data.marketdata import ProviderError
from tests.alpaca_server import AlpacaServer, Reply
from tests.integration.market_data.vendors.simulated import fixture

SINCE = datetime(2019, 1, 1, tzinfo=UTC)
LATER = datetime(2024, 6, 25, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(LATER)


def _http(api_of, server: AlpacaServer, clock: FakeClock) -> VendorHttp:  # type: ignore[no-untyped-def]
    return VendorHttp(api_of(server.url), "k", clock, calls_per_minute=100)


async def test_polygon_news_are_its_results_with_ids_urls_and_tickers(
    server: AlpacaServer, clock: FakeClock
) -> None:
    server.route("GET", "/v2/reference/news", lambda r: Reply(200, fixture("polygon", "news")))
    news = PolygonNews(_http(polygon_api, server, clock), clock)

    items = await news.items_for("aapl", SINCE)

    assert [i.headline for i in items] == [
        "Markets are underestimating Fed cuts: UBS",
        "Apple Shares Rise",
    ]
    first = items[0]
    assert first.id == "polygon:8ec638777ca03b553ae516761c2a22ba2fdd2f37befae3ab6fdab74e9e5193eb"
    assert first.symbols == ("UBS", "AAPL") and first.source == "Investing.com"
    assert first.published_at == datetime(2024, 6, 24, 18, 33, 53, tzinfo=UTC)
    assert first.url is not None and first.url.startswith("https://uk.investing.com/")
    params = server.requests[0].params
    assert (params["ticker"], params["published_utc.gte"]) == ("AAPL", "2019-01-01T00:00:00Z")


async def test_finnhub_news_name_their_related_symbols(
    server: AlpacaServer, clock: FakeClock
) -> None:
    server.route("GET", "/company-news", lambda r: Reply(200, fixture("finnhub", "company_news")))
    news = FinnhubNews(_http(finnhub_api, server, clock), clock)

    items = await news.items_for("AAPL", SINCE)

    assert [i.id for i in items] == ["finnhub:25286", "finnhub:25287"]
    assert items[1].symbols == ("AAPL", "GOOGL")
    assert items[0].published_at == datetime.fromtimestamp(1569550360, tz=UTC)
    assert server.requests[0].params["from"] == "2019-01-01"


async def test_alphavantage_news_use_the_url_as_the_id(
    server: AlpacaServer, clock: FakeClock
) -> None:
    server.route("GET", "/query", lambda r: Reply(200, fixture("alphavantage", "news_sentiment")))
    news = AlphaVantageNews(_http(alphavantage_api, server, clock), clock)

    items = await news.items_for("IBM", SINCE, limit=1)

    assert len(items) == 1
    assert (
        items[0].id == "alphavantage:https://www.benzinga.com/news/24/03/37812345/ibm-stock-rises"
    )
    assert items[0].published_at == datetime(2024, 3, 15, 18, 15, tzinfo=UTC)
    assert server.requests[0].params["time_from"] == "20190101T0000"


async def test_items_published_after_now_or_before_since_are_left_out(
    server: AlpacaServer, clock: FakeClock
) -> None:
    clock = FakeClock(datetime(2024, 6, 24, 17, tzinfo=UTC))  # before the first item's time
    server.route("GET", "/v2/reference/news", lambda r: Reply(200, fixture("polygon", "news")))
    news = PolygonNews(_http(polygon_api, server, clock), clock)

    items = await news.items_for("AAPL", datetime(2024, 6, 24, 16, 30, tzinfo=UTC))

    assert items == []


async def test_a_malformed_news_answer_is_a_clear_error(
    server: AlpacaServer, clock: FakeClock
) -> None:
    broken = fixture("finnhub", "company_news")
    del broken[1]["headline"]
    server.route("GET", "/company-news", lambda r: Reply(200, broken))
    news = FinnhubNews(_http(finnhub_api, server, clock), clock)

    with pytest.raises(ProviderError, match="malformed news: missing 'headline'"):
        await news.items_for("AAPL", SINCE)


class _Counted:
    """A news source of fixed items that counts its asks (or fails when told to)."""

    def __init__(self, items: list[NewsItem], *, fail: bool = False) -> None:
        self.items, self.fail, self.asks = items, fail, 0
        self.asked_thrice = asyncio.Event()

    async def items_for(self, symbol: str, since: datetime, limit: int = 200) -> list[NewsItem]:
        self.asks += 1
        if self.asks >= 3:
            self.asked_thrice.set()
        if self.fail:
            raise ProviderError("down", "unreachable")
        return [i for i in self.items if symbol in i.symbols and i.published_at >= since]


def _item(id_: str, url: str | None, hours: int) -> NewsItem:
    at = LATER - timedelta(hours=hours)
    return NewsItem(id_, ("AAPL",), f"headline {id_}", "wire", at, url=url)


async def test_the_merged_feed_deduplicates_by_url_across_sources() -> None:
    clock = FakeClock(LATER)
    polygon = _Counted([_item("p1", "https://News.example/a/", 1), _item("p2", None, 2)])
    finnhub = _Counted([_item("f1", "https://news.example/a#top", 1), _item("f2", None, 3)])
    merged = MergedNews([NewsSource("polygon", polygon), NewsSource("finnhub", finnhub)], clock)

    items = await merged.items_for("AAPL", SINCE)

    assert [i.id for i in items] == ["p1", "p2", "f2"]
    assert dedup_key(items[0]) == "https://news.example/a"


async def test_each_vendor_is_asked_at_most_once_per_refresh_and_the_file_every_time(
    tmp_path: Path,
) -> None:
    clock = FakeClock(LATER)
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"id": "n-1", "symbols": ["AAPL"], "headline": "From the file", "source": "wire", '
        '"published_at": "2024-06-24T10:00:00Z", "url": "https://file.example/1"}\n'
    )
    vendor = _Counted([_item("v1", "https://v.example/1", 1)])
    merged = MergedNews(
        [
            NewsSource("polygon", vendor, refresh_s=60),
            NewsSource("file", JsonLinesNews(path, clock, recheck_s=0), refresh_s=0),
        ],
        clock,
    )

    first = await merged.items_for("AAPL", SINCE)
    await merged.items_for("AAPL", SINCE)
    clock.advance(61)
    await merged.items_for("AAPL", SINCE)

    assert [i.id for i in first] == ["v1", "n-1"]
    assert vendor.asks == 2


async def test_a_failing_source_leaves_the_others_and_what_was_kept() -> None:
    clock = FakeClock(LATER)
    flaky = _Counted([_item("a", "https://a.example", 1)])
    steady = _Counted([_item("b", "https://b.example", 2)])
    merged = MergedNews(
        [NewsSource("flaky", flaky, refresh_s=1), NewsSource("steady", steady, refresh_s=1)],
        clock,
    )
    await merged.items_for("AAPL", SINCE)
    flaky.fail = True
    clock.advance(2)

    items = await merged.items_for("AAPL", SINCE)

    assert [i.id for i in items] == ["a", "b"]
    assert merged.failures == {"flaky": 1}


async def test_the_feed_keeps_polling_the_symbols_asked_about() -> None:
    clock = FakeClock(LATER)
    vendor = _Counted([_item("v1", "https://v.example/1", 1)])
    merged = MergedNews([NewsSource("polygon", vendor, refresh_s=0)], clock, refresh_s=0.01)
    await merged.items_for("AAPL", SINCE)
    stop = asyncio.Event()

    # Act: the feed runs until it has asked twice more than the first read (a busy machine may
    # take longer than two of its 10 ms periods; five seconds is the bound)
    running = asyncio.create_task(merged.run(stop))
    async with asyncio.timeout(5):
        await vendor.asked_thrice.wait()
    stop.set()
    await running

    # Assert
    assert vendor.asks >= 3
