"""The corporate-action sources against local fake servers serving the vendors' documented JSON
shapes: Alpaca's /v1/corporate-actions paged by page_token, Polygon's splits paged by next_url
and its ticker events; an outage is CorporateActionsUnavailable with when to retry."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal

import pytest

from adapters.alpaca.http import AlpacaCredentials, AlpacaHttp
from adapters.ledger_actions.alpaca import AlpacaCorporateActions
from adapters.ledger_actions.polygon import PolygonCorporateActions
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import polygon_api
from adapters.vendor_http.client import VendorHttp
from domain.portfolio.transactions import TransactionKind
from ports.portfolio.corporate_action_source import CorporateActionsUnavailable
from tests.alpaca_server import AlpacaServer, Reply, Request

K = TransactionKind
START, END = date(2025, 1, 1), date(2025, 12, 31)

FIRST_PAGE = {
    "corporate_actions": {
        "forward_splits": [
            {"id": "fs-1", "symbol": "AAPL", "new_rate": 2, "old_rate": 1,
             "process_date": "2025-06-09", "ex_date": "2025-06-09"},
        ],
        "cash_dividends": [
            {"id": "cd-1", "symbol": "AAPL", "rate": 0.25, "special": False, "foreign": False,
             "process_date": "2025-02-14", "ex_date": "2025-02-10"},
        ],
    },
    "next_page_token": "page-2",
}  # fmt: skip
SECOND_PAGE = {
    "corporate_actions": {
        "name_changes": [
            {"id": "nc-1", "old_symbol": "FB", "new_symbol": "META", "process_date": "2025-03-03"},
        ],
        "stock_mergers": [
            {"id": "sm-other", "acquirer_symbol": "BIG", "acquirer_rate": 1,
             "acquiree_symbol": "NOTMINE", "acquiree_rate": 1, "effective_date": "2025-04-01"},
        ],
    },
    "next_page_token": None,
}  # fmt: skip


@pytest.fixture
async def server() -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as running:
        yield running


def alpaca(server: AlpacaServer) -> AlpacaCorporateActions:
    http = AlpacaHttp(
        server.url, AlpacaCredentials("key-id", "secret"), provider_name="alpaca",
        clock=FakeClock(), max_attempts=1,
    )  # fmt: skip
    return AlpacaCorporateActions(http)


def polygon(server: AlpacaServer) -> PolygonCorporateActions:
    http = VendorHttp(polygon_api(server.url), "pg-key", FakeClock(), calls_per_minute=100)
    return PolygonCorporateActions(http)


async def test_alpaca_pages_by_token_and_maps_what_is_asked_for(server: AlpacaServer) -> None:
    # Arrange
    def corporate_actions(request: Request) -> Reply:
        return Reply(200, SECOND_PAGE if request.params.get("page_token") else FIRST_PAGE)

    server.route("GET", "/v1/corporate-actions", corporate_actions)
    source = alpaca(server)

    # Act
    found = await source.actions(["AAPL", "FB"], START, END)
    await source.aclose()

    # Assert: both pages read; a symbol not asked for left out; the dividend skipped
    assert [(a.symbol, a.kind, a.effective_date) for a in found.actions] == [
        ("FB", K.SYMBOL_CHANGE, date(2025, 3, 3)),
        ("AAPL", K.SPLIT, date(2025, 6, 9)),
    ]
    assert [(s.vendor_id, s.reason) for s in found.skipped] == [
        ("alpaca:cd-1", "a cash dividend is not a lot event")
    ]
    first, second = server.requests
    assert first.params["symbols"] == "AAPL,FB" and "cash_dividend" not in first.params["types"]
    assert (first.params["start"], first.params["end"]) == ("2025-01-01", "2025-12-31")
    assert second.params["page_token"] == "page-2"
    assert first.headers["apca-api-key-id"] == "key-id"


async def test_an_alpaca_outage_is_unavailable_with_when_to_retry(server: AlpacaServer) -> None:
    server.route(
        "GET", "/v1/corporate-actions",
        lambda r: Reply(429, {"message": "too many"}, headers={"Retry-After": "30"}),
    )  # fmt: skip
    source = alpaca(server)

    with pytest.raises(CorporateActionsUnavailable) as caught:
        await source.actions(["AAPL"], START, END)
    await source.aclose()

    assert caught.value.code == "CORPORATE_ACTIONS_UNAVAILABLE"
    assert caught.value.retry_after == 30


async def test_polygon_follows_next_url_and_reads_ticker_changes(server: AlpacaServer) -> None:
    # Arrange
    def splits(request: Request) -> Reply:
        if request.params.get("cursor") == "c2":
            results = [{"id": "S2", "ticker": "XYZ", "execution_date": "2025-05-01",
                        "split_from": 10, "split_to": 1}]  # fmt: skip
            return Reply(200, {"status": "OK", "results": results})
        results = [{"id": "S1", "ticker": "XYZ", "execution_date": "2025-02-03",
                    "split_from": 1, "split_to": 2}]  # fmt: skip
        next_url = f"{server.url}/v3/reference/splits?cursor=c2"
        return Reply(200, {"status": "OK", "results": results, "next_url": next_url})

    events = {
        "status": "OK",
        "results": {
            "name": "XYZ Corp",
            "composite_figi": "BBG000XYZ",
            "events": [
                {
                    "type": "ticker_change",
                    "date": "2025-08-01",
                    "ticker_change": {"ticker": "XYZN"},
                },
                {"type": "ticker_change", "date": "2010-01-04", "ticker_change": {"ticker": "XYZ"}},
            ],
        },
    }
    server.route("GET", "/v3/reference/splits", splits)
    server.route("GET", "/vX/reference/tickers/{ticker}/events", lambda r: Reply(200, events))
    source = polygon(server)

    # Act
    found = await source.actions(["XYZ"], START, END)
    await source.aclose()

    # Assert
    assert [(a.kind, a.effective_date, a.ratio, a.new_symbol) for a in found.actions] == [
        (K.SPLIT, date(2025, 2, 3), Decimal(2), None),
        (K.REVERSE_SPLIT, date(2025, 5, 1), Decimal("0.1"), None),
        (K.SYMBOL_CHANGE, date(2025, 8, 1), None, "XYZN"),
    ]
    asked = server.requests[0]
    assert asked.params["ticker"] == "XYZ" and asked.params["execution_date.gte"] == "2025-01-01"
    assert asked.headers["authorization"] == "Bearer pg-key"
    assert server.requests[1].params["cursor"] == "c2"
    assert server.requests[2].params["types"] == "ticker_change"


async def test_a_ticker_polygon_does_not_know_has_no_changes(server: AlpacaServer) -> None:
    server.route("GET", "/v3/reference/splits", lambda r: Reply(200, {"results": []}))
    server.route(
        "GET", "/vX/reference/tickers/{ticker}/events",
        lambda r: Reply(404, {"status": "NOT_FOUND", "message": "Ticker not found."}),
    )  # fmt: skip
    source = polygon(server)

    found = await source.actions(["NOPE"], START, END)
    await source.aclose()

    assert found.actions == [] and found.skipped == []


async def test_a_polygon_error_is_unavailable(server: AlpacaServer) -> None:
    server.route("GET", "/v3/reference/splits", lambda r: Reply(500, {"status": "ERROR"}))
    source = polygon(server)

    with pytest.raises(CorporateActionsUnavailable):
        await source.actions(["XYZ"], START, END)
    await source.aclose()
