"""Polygon's corporate actions as ledger records: splits and symbol changes only.

- Splits: `GET /v3/reference/splits?ticker=T&execution_date.gte=..&execution_date.lte=..`
  (paged by `next_url`), each `{id, ticker, execution_date, split_from, split_to}`: SPLIT when
  split_to / split_from > 1, REVERSE_SPLIT when below 1 (no cash price: the fraction is
  kept; the broker's cash in lieu is a CASH_IN_LIEU from its statement).
- Symbol changes: `GET /vX/reference/tickers/{T}/events?types=ticker_change`, whose
  `results.events` list each ticker the security took, `{date, type: "ticker_change",
  ticker_change: {ticker}}`: consecutive events (by date) are a SYMBOL_CHANGE from the
  earlier ticker to the later one on the later date. The first event has no predecessor and
  is no change. Polygon gives these no id: the vendor id is built from the security (its
  composite FIGI when given), the date and the two tickers. A ticker Polygon does not know
  (404: an unknown one, or an old ticker it no longer resolves) has no events.

Two calls a symbol, under the Polygon client's calls-per-minute budget: past it the client
refuses at once (ProviderRateLimited), which is CorporateActionsUnavailable with the wait.

Polygon offers no mergers (cash, stock or mixed), spin-offs, stock dividends or cash in lieu:
book those from a file (docs/ledger.md). Cash dividends (/v3/reference/dividends) are not
lot events and are not read here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import date
from itertools import pairwise
from typing import Any
from urllib.parse import quote as urlquote

from adapters.ledger_actions.records import BadRecord, answer, day, number, split_kind, symbol, text
from adapters.vendor_http.client import VendorHttp
from domain.portfolio.transactions import TransactionKind
from ports.market_data.marketdata import ProviderError, ProviderRateLimited, QuoteUnavailable
from ports.portfolio.corporate_action_source import (
    CorporateActionsUnavailable,
    SkippedAction,
    SourcedActions,
    VendorAction,
)

SOURCE = "polygon"
SPLITS = "/v3/reference/splits"
EVENTS = "/vX/reference/tickers/{ticker}/events"
PAGE_LIMIT = 1000
MAX_PAGES = 100


class PolygonCorporateActions:
    """A CorporateActionSource over Polygon's reference API (module doc)."""

    name = SOURCE

    def __init__(self, http: VendorHttp, *, max_pages: int = MAX_PAGES) -> None:
        self._http = http
        self._max_pages = max_pages

    async def actions(self, symbols: Sequence[str], start: date, end: date) -> SourcedActions:
        wanted = sorted({s.upper() for s in symbols})
        found: list[VendorAction | SkippedAction] = []
        try:
            for ticker in wanted:
                params = {
                    "ticker": ticker,
                    "execution_date.gte": start.isoformat(),
                    "execution_date.lte": end.isoformat(),
                    "limit": PAGE_LIMIT,
                }
                async for page in self._pages(SPLITS, params):
                    found += [split_record(raw) for raw in _results(page)]
                found += await self._ticker_changes(ticker)
        except ProviderRateLimited as exc:
            wait = exc.retry_after_s if exc.retry_after_s is not None else 60.0
            raise CorporateActionsUnavailable(f"polygon: {exc.message}", wait) from None
        except QuoteUnavailable as exc:  # ProviderError included
            raise CorporateActionsUnavailable(str(exc)) from None
        return answer(found, wanted, start, end)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _ticker_changes(self, ticker: str) -> list[VendorAction | SkippedAction]:
        path = EVENTS.format(ticker=urlquote(ticker, safe=""))
        try:
            body = await self._http.get_json(path, {"types": "ticker_change"})
        except ProviderError:
            raise
        except QuoteUnavailable:  # 404: Polygon does not know the ticker
            return []
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, dict):
            raise CorporateActionsUnavailable("polygon: malformed ticker events answer")
        return ticker_changes(results)

    async def _pages(self, path: str, params: dict[str, Any]) -> AsyncIterator[dict[str, Any]]:
        body = await self._http.get_json(path, params)
        for _ in range(self._max_pages):
            if not isinstance(body, dict) or not isinstance(body.get("results", []), list):
                raise CorporateActionsUnavailable(f"polygon: malformed answer of {path}")
            yield body
            next_url = body.get("next_url")
            if not next_url:
                return
            body = await self._http.get_json(str(next_url))
        raise CorporateActionsUnavailable(f"polygon: more than {self._max_pages} pages")


def _results(page: dict[str, Any]) -> list[dict[str, Any]]:
    return [raw for raw in page.get("results") or [] if isinstance(raw, dict)]


def split_record(raw: dict[str, Any]) -> VendorAction | SkippedAction:
    """One /v3/reference/splits result as a SPLIT or REVERSE_SPLIT (module doc)."""
    vendor_id = f"{SOURCE}:split:{text(raw, 'id')[:80]}" if text(raw, "id") else ""
    try:
        ticker, when = symbol(raw, "ticker"), day(raw, "execution_date")
        vendor_id = vendor_id or f"{SOURCE}:split:{ticker}:{when}"
        ratio = number(raw, "split_to") / number(raw, "split_from")
    except BadRecord as exc:
        return _skip(raw, vendor_id, f"malformed record: {exc}")
    kind = split_kind(ratio)
    if kind is None:
        return SkippedAction(SOURCE, vendor_id, "splits", ticker, when, "a split of 1 for 1")
    return VendorAction(SOURCE, vendor_id, "splits", ticker, kind, when, ratio=ratio)


def ticker_changes(results: dict[str, Any]) -> list[VendorAction | SkippedAction]:
    """The SYMBOL_CHANGEs of one security's ticker events (module doc)."""
    events: list[tuple[date, str]] = []
    for raw in results.get("events") or []:
        if not isinstance(raw, dict) or raw.get("type") != "ticker_change":
            continue
        change = raw.get("ticker_change")
        try:
            if not isinstance(change, dict):
                raise BadRecord("ticker_change is missing")
            events.append((day(raw, "date"), symbol(change, "ticker")))
        except BadRecord:
            continue  # an event without its date or ticker changes nothing we can name
    events.sort()
    security = text(results, "composite_figi") or text(results, "cik")
    found: list[VendorAction | SkippedAction] = []
    for (_, old), (when, new) in pairwise(events):
        if old == new:
            continue
        vendor_id = f"{SOURCE}:ticker_change:{security or old}:{when}:{old}:{new}"
        kind = TransactionKind.SYMBOL_CHANGE
        found.append(
            VendorAction(SOURCE, vendor_id, "ticker_change", old, kind, when, new_symbol=new)
        )
    return found


def _skip(raw: dict[str, Any], vendor_id: str, reason: str) -> SkippedAction:
    ticker = text(raw, "ticker").upper()
    try:
        when: date | None = day(raw, "execution_date")
    except BadRecord:
        when = None
    vendor_id = vendor_id or f"{SOURCE}:split:{ticker}:{when}"
    return SkippedAction(SOURCE, vendor_id, "splits", ticker, when, reason)
