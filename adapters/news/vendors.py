"""NewsPorts over the vendors' news APIs (docs/market-data-vendors.md):

- Polygon /v2/reference/news (ticker, published_utc.gte, order=desc; `next_url` pages):
  `id`, `title`, `publisher.name`, `published_utc`, `article_url`, `tickers`, `description`.
- Finnhub /company-news (symbol, from and to dates): `id`, `headline`, `source`, `datetime`
  (epoch seconds), `url`, `related` (comma-separated symbols), `summary`.
- Alpha Vantage NEWS_SENTIMENT (tickers, time_from, sort=LATEST): `title`, `url`,
  `time_published` (YYYYMMDDTHHMMSS, read as UTC), `source`, `summary`, `ticker_sentiment`
  (the symbols); it has no id, so the URL is the id.

Each answers the items mentioning a symbol, newest first, published at or after `since` and
not after the clock's now. A malformed answer raises ProviderError (no half-parsed items);
the merged feed (adapters/news/merged.py) keeps serving what it had.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from adapters.vendor_http.client import VendorHttp
from domain.inference.sentiment import NewsItem
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError

_MAX_PAGES = 5


class _VendorNews:
    def __init__(self, http: VendorHttp, clock: Clock) -> None:
        self._http = http
        self._clock = clock
        self.name = http.name

    async def aclose(self) -> None:
        await self._http.aclose()

    def _kept(self, items: list[NewsItem], since: datetime, limit: int) -> list[NewsItem]:
        now = self._clock.now()
        kept = {i.id: i for i in items if since <= i.published_at <= now}
        ordered = sorted(kept.values(), key=lambda i: (i.published_at, i.id), reverse=True)
        return ordered[:limit]

    def _malformed(self, exc: Exception) -> ProviderError:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc) or type(exc).__name__
        return ProviderError(self.name, f"malformed news: {detail}")


class PolygonNews(_VendorNews):
    """Polygon's ticker news (module doc)."""

    async def items_for(self, symbol: str, since: datetime, limit: int = 200) -> list[NewsItem]:
        params = {
            "ticker": symbol.upper(),
            "published_utc.gte": since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "order": "desc",
            "sort": "published_utc",
            "limit": min(max(limit, 1), 1000),
        }
        items: list[NewsItem] = []
        body = await self._http.get_json("/v2/reference/news", params)
        for _ in range(_MAX_PAGES):
            try:
                items += [_polygon_item(raw) for raw in body["results"] or []]
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise self._malformed(exc) from None
            next_url = body.get("next_url")
            if len(items) >= limit or not next_url:
                break
            body = await self._http.get_json(str(next_url))
        return self._kept(items, since, limit)


class FinnhubNews(_VendorNews):
    """Finnhub's company news (module doc)."""

    async def items_for(self, symbol: str, since: datetime, limit: int = 200) -> list[NewsItem]:
        now = self._clock.now()
        params = {
            "symbol": symbol.upper(),
            "from": str(since.astimezone(UTC).date()),
            "to": str((now + timedelta(days=1)).date()),
        }
        body = await self._http.get_json("/company-news", params)
        try:
            items = [_finnhub_item(raw, symbol.upper()) for raw in body]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise self._malformed(exc) from None
        return self._kept(items, since, limit)


class AlphaVantageNews(_VendorNews):
    """Alpha Vantage's news and sentiment feed (module doc)."""

    async def items_for(self, symbol: str, since: datetime, limit: int = 200) -> list[NewsItem]:
        params = {
            "function": "NEWS_SENTIMENT",
            "tickers": symbol.upper(),
            "time_from": since.astimezone(UTC).strftime("%Y%m%dT%H%M"),
            "sort": "LATEST",
            "limit": min(max(limit, 1), 1000),
        }
        body = await self._http.get_json("/query", params)
        try:
            items = [_alphavantage_item(raw, symbol.upper()) for raw in body["feed"]]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise self._malformed(exc) from None
        return self._kept(items, since, limit)


def _symbols(values: Any, asked: str | None = None) -> tuple[str, ...]:
    found = [str(v).strip().upper() for v in values if str(v).strip()]
    if asked and asked not in found:
        found.insert(0, asked)
    if not found:
        raise ValueError("an item names no symbol")
    return tuple(dict.fromkeys(found))


def _aware(moment: datetime) -> datetime:
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=UTC)


def _headline(value: Any) -> str:
    text = str(value).strip()
    if not text:
        raise ValueError("an item has no headline")
    return text


def _polygon_item(raw: dict[str, Any]) -> NewsItem:
    published = datetime.fromisoformat(str(raw["published_utc"]).replace("Z", "+00:00"))
    return NewsItem(
        id=f"polygon:{raw['id']}",
        symbols=_symbols(raw["tickers"]),
        headline=_headline(raw["title"]),
        source=str((raw.get("publisher") or {}).get("name") or "polygon"),
        published_at=_aware(published),
        body=str(raw.get("description") or ""),
        url=str(raw["article_url"]) if raw.get("article_url") else None,
    )


def _finnhub_item(raw: dict[str, Any], asked: str) -> NewsItem:
    related = str(raw.get("related") or "").split(",")
    return NewsItem(
        id=f"finnhub:{raw['id']}",
        symbols=_symbols(related, asked),
        headline=_headline(raw["headline"]),
        source=str(raw.get("source") or "finnhub"),
        published_at=datetime.fromtimestamp(int(raw["datetime"]), tz=UTC),
        body=str(raw.get("summary") or ""),
        url=str(raw["url"]) if raw.get("url") else None,
    )


def _alphavantage_item(raw: dict[str, Any], asked: str) -> NewsItem:
    url = str(raw["url"])
    tickers = [t["ticker"] for t in raw.get("ticker_sentiment") or []]
    published = datetime.strptime(str(raw["time_published"]), "%Y%m%dT%H%M%S")
    return NewsItem(
        id=f"alphavantage:{url}",
        symbols=_symbols(tickers, asked),
        headline=_headline(raw["title"]),
        source=str(raw.get("source") or "alphavantage"),
        published_at=published.replace(tzinfo=UTC),
        body=str(raw.get("summary") or ""),
        url=url,
    )
