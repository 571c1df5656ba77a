"""Alpha Vantage's financial statements (INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW) from their
documented answer shapes on the local fake server: joined by period, "None" as not stated."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from adapters.market_data.vendors.alphavantage import AlphaVantageMarketData
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import alphavantage_api
from adapters.vendor_http.client import VendorHttp
from domain.market_data.statements import StatementPeriod
from ports.market_data.marketdata import ProviderError, ProviderRateLimited
from tests.alpaca_server import AlpacaServer, Reply
from tests.integration.market_data.vendors.simulated import fixture
from tests.kit.market_data import raises_unknown_symbol

B = Decimal(10**6)
STATEMENTS = {
    "INCOME_STATEMENT": "income_statement",
    "BALANCE_SHEET": "balance_sheet",
    "CASH_FLOW": "cash_flow",
}


@pytest.fixture
async def alphavantage(
    server: AlpacaServer, clock: FakeClock
) -> AsyncIterator[AlphaVantageMarketData]:
    http = VendorHttp(alphavantage_api(server.url), "av-secret", clock, calls_per_minute=100)
    adapter = AlphaVantageMarketData(http, clock)
    yield adapter
    await adapter.aclose()


def _serve(server: AlpacaServer, **replace: Any) -> None:
    """Each statement function answers its recorded body (or `replace[function]`)."""
    bodies = {f: replace.get(f, fixture("alphavantage", name)) for f, name in STATEMENTS.items()}
    server.route("GET", "/query", lambda r: Reply(200, bodies[r.params["function"]]))


async def test_annual_statements_are_joined_by_period_newest_first(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _serve(server)

    found = await alphavantage.financial_statements("IBM", StatementPeriod.ANNUAL, 5)

    assert (found.symbol, found.source, found.period) == ("IBM", "alphavantage", "annual")
    assert [p.period_end for p in found.periods] == [date(2023, 12, 31), date(2022, 12, 31)]
    latest = found.periods[0]
    assert (latest.fiscal_period, latest.fiscal_year, latest.currency) == ("FY", 2023, "USD")
    assert latest.income.revenue == 62000 * B
    assert latest.income.gross_profit == 35000 * B
    assert (latest.income.interest_expense, latest.income.ebit) == (1600 * B, 9600 * B)
    assert latest.balance.total_debt == 56500 * B  # shortLongTermDebtTotal
    assert latest.balance.shareholders_equity == 22500 * B
    assert latest.balance.shares_outstanding == Decimal(916000000)
    assert latest.cash_flow.free_cash_flow == (13900 - 1200) * B  # derived: OCF - capex
    assert {r.params["apikey"] for r in server.requests} == {"av-secret"}
    assert {r.params["symbol"] for r in server.requests} == {"IBM"}


async def test_the_limit_keeps_the_newest_periods(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _serve(server)

    found = await alphavantage.financial_statements("IBM", StatementPeriod.ANNUAL, 1)

    assert [p.period_end for p in found.periods] == [date(2023, 12, 31)]


async def test_quarterly_statements_leave_what_one_statement_lacks_unstated(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _serve(server)

    found = await alphavantage.financial_statements("IBM", StatementPeriod.QUARTERLY, 4)

    # The September quarter has an income statement only in the recording.
    assert [p.period_end for p in found.periods] == [date(2023, 12, 31), date(2023, 9, 30)]
    september = found.periods[1]
    assert (september.fiscal_period, september.fiscal_year) == ("Q", None)
    assert september.income.net_income == 1700 * B
    assert september.balance.total_assets is None
    assert september.cash_flow.operating_cash_flow is None


async def test_none_strings_are_not_stated(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    balance = fixture("alphavantage", "balance_sheet")
    balance["annualReports"][0]["inventory"] = "None"
    _serve(server, BALANCE_SHEET=balance)

    found = await alphavantage.financial_statements("IBM", StatementPeriod.ANNUAL, 2)

    assert found.periods[0].balance.inventory is None
    assert found.periods[1].balance.inventory == 1600 * B


async def test_an_unknown_symbol_answers_empty_objects(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _serve(server, INCOME_STATEMENT={}, BALANCE_SHEET={}, CASH_FLOW={})

    with raises_unknown_symbol():
        await alphavantage.financial_statements("NOPE", StatementPeriod.ANNUAL, 4)


async def test_a_malformed_amount_is_a_clear_error(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    income = fixture("alphavantage", "income_statement")
    income["annualReports"][0]["totalRevenue"] = "lots"
    _serve(server, INCOME_STATEMENT=income)

    with pytest.raises(ProviderError, match="malformed financial statements"):
        await alphavantage.financial_statements("IBM", StatementPeriod.ANNUAL, 4)


async def test_a_rate_limit_note_is_a_rate_limit(
    server: AlpacaServer, alphavantage: AlphaVantageMarketData
) -> None:
    _serve(server, INCOME_STATEMENT=fixture("alphavantage", "note_rate_limit"))

    with pytest.raises(ProviderRateLimited):
        await alphavantage.financial_statements("IBM", StatementPeriod.ANNUAL, 4)
