"""Polygon's financial statements (/vX/reference/financials) from the documented answer shape on
the local fake server: line items, derived EBIT, the parent's equity, unknown tickers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal

import pytest

from adapters.market_data.vendors.polygon import PolygonMarketData
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import polygon_api
from adapters.vendor_http.client import VendorHttp
from domain.market_data.statements import StatementPeriod
from ports.market_data.marketdata import ProviderError
from tests.alpaca_server import AlpacaServer, Reply, Request
from tests.integration.market_data.vendors.simulated import fixture
from tests.kit.market_data import raises_unknown_symbol

FINANCIALS = "/vX/reference/financials"
B = Decimal(10**6)


@pytest.fixture
async def polygon(server: AlpacaServer, clock: FakeClock) -> AsyncIterator[PolygonMarketData]:
    http = VendorHttp(polygon_api(server.url), "pk-secret", clock, calls_per_minute=100)
    adapter = PolygonMarketData(http, clock)
    yield adapter
    await adapter.aclose()


def _financials(request: Request) -> Reply:
    if request.params.get("ticker") != "AAPL":
        return Reply(200, fixture("polygon", "financials_empty"))
    return Reply(200, fixture("polygon", "financials_annual"))


async def test_annual_statements_from_the_filings_line_items(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    server.route("GET", FINANCIALS, _financials)

    found = await polygon.financial_statements("AAPL", StatementPeriod.ANNUAL, 4)

    assert (found.symbol, found.source, found.period) == ("AAPL", "polygon", "annual")
    assert [p.period_end for p in found.periods] == [date(2023, 9, 30), date(2022, 9, 24)]
    latest = found.periods[0]
    assert (latest.fiscal_period, latest.fiscal_year, latest.currency) == ("FY", 2023, "USD")
    assert latest.income.revenue == 383000 * B
    assert latest.income.interest_expense == 4000 * B
    assert latest.income.ebit == (114000 + 4000) * B  # before tax + interest expense
    assert latest.income.diluted_eps == Decimal("6.13")
    assert latest.balance.total_debt == 95000 * B  # long-term debt: no short-term line
    assert latest.balance.shareholders_equity == 62000 * B
    assert latest.balance.cash is None  # not in this filing
    assert latest.cash_flow.operating_cash_flow == 110000 * B
    assert latest.cash_flow.capital_expenditure is None
    asked = server.requests[0]
    assert asked.params == {
        "ticker": "AAPL", "timeframe": "annual", "limit": "4", "order": "desc",
        "sort": "period_of_report_date",
    }  # fmt: skip
    assert asked.headers["authorization"] == "Bearer pk-secret"


async def test_the_limit_keeps_the_newest_periods(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    server.route("GET", FINANCIALS, _financials)

    found = await polygon.financial_statements("AAPL", StatementPeriod.ANNUAL, 1)

    assert [p.period_end for p in found.periods] == [date(2023, 9, 30)]
    assert server.requests[0].params["limit"] == "1"


async def test_an_unknown_ticker_is_an_unknown_symbol(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    server.route("GET", FINANCIALS, _financials)

    with raises_unknown_symbol():
        await polygon.financial_statements("NOPE", StatementPeriod.QUARTERLY, 4)


async def test_a_malformed_line_item_is_a_clear_error(
    server: AlpacaServer, polygon: PolygonMarketData
) -> None:
    body = fixture("polygon", "financials_annual")
    body["results"][0]["financials"]["income_statement"]["revenues"]["value"] = "n/a"
    server.route("GET", FINANCIALS, lambda r: Reply(200, body))

    with pytest.raises(ProviderError, match="malformed financials"):
        await polygon.financial_statements("AAPL", StatementPeriod.ANNUAL, 4)


async def test_an_error_status_is_refused(server: AlpacaServer, polygon: PolygonMarketData) -> None:
    server.route("GET", FINANCIALS, lambda r: Reply(200, fixture("polygon", "error_unknown_key")))

    with pytest.raises(ProviderError):
        await polygon.financial_statements("AAPL", StatementPeriod.ANNUAL, 4)
