"""Valuations and returns (application/portfolio/valuations.py) on a hand-worked series: closes from
a fake daily-bar provider, flows at the start of the day, the series stored."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.portfolios import InMemoryPortfolioStore
from application.portfolio.valuations import InvalidPeriod, ValuationService, check_period
from domain.market_data.bars import Bar
from domain.portfolio.transactions import Transaction, TransactionKind
from ports.market_data.marketdata import QuoteUnavailable
from ports.portfolio.portfolios import Portfolio, PortfolioAccount
from tests.kit.market_data import BarAsk, ServesBars

D = Decimal
P = "pf-1"
A = "ma-1"


class FakeBars(ServesBars):
    """Daily closes by symbol; an unknown symbol raises QuoteUnavailable, like a provider."""

    name = "fake"

    def __init__(self, closes: dict[str, dict[date, str]]) -> None:
        self.closes = closes

    async def serve(self, ask: BarAsk) -> list[Bar]:
        if ask.symbol not in self.closes:
            raise QuoteUnavailable(ask.symbol)
        out = []
        for day, close in sorted(self.closes[ask.symbol].items()):
            at = datetime(day.year, day.month, day.day, tzinfo=UTC)
            if (ask.start is None or at >= ask.start) and (ask.end is None or at < ask.end):
                c = D(close)
                out.append(Bar(ask.symbol, ask.timeframe, at, c, c, c, c, D(0)))
        return out[: ask.limit]


def tx(n: int, kind: TransactionKind, day: date, **fields: object) -> Transaction:
    return Transaction(f"t{n:03d}", P, A, kind, day, **fields)  # type: ignore[arg-type]


async def service_with(
    txs: list[Transaction], closes: dict[str, dict[date, str]], currency: str = "USD"
) -> tuple[ValuationService, InMemoryPortfolioStore, Portfolio]:
    store = InMemoryPortfolioStore()
    portfolio = Portfolio(
        P, "u-1", "p", currency, datetime(2026, 1, 1, tzinfo=UTC), (PortfolioAccount(A, "b"),)
    )
    await store.add_portfolio(portfolio)
    await store.add_transactions(P, txs)
    return ValuationService(store, FakeBars(closes)), store, portfolio  # type: ignore[arg-type]


async def test_a_hand_worked_series_gives_its_values_flows_and_returns() -> None:
    # Arrange: 1,000 deposited on day 1 and 10 X bought at 100; X closes 100, 110, 99 on
    # days 1-3; 500 more deposited at the start of day 3 (idle cash).
    d1, d2, d3 = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)
    txs = [
        tx(1, TransactionKind.DEPOSIT, d1, amount=D(1000)),
        tx(2, TransactionKind.BUY, d1, symbol="X", quantity=D(10), price=D(100)),
        tx(3, TransactionKind.DEPOSIT, d3, amount=D(500)),
    ]
    service, store, portfolio = await service_with(txs, {"X": {d1: "100", d2: "110", d3: "99"}})

    # Act
    perf = await service.performance(portfolio, d1, d3)

    # Assert: values 1000, 1100, 1490; TWR = 1.1 x 1490 / 1600 - 1 = 0.024375
    series = perf.series
    assert [p.market_value for p in series.points] == [D(1000), D(1100), D(1490)]
    assert [p.cash_flow for p in series.points] == [D(1000), D(0), D(500)]
    assert series.opening_value == 0 and perf.days == 3
    assert perf.twr == D("0.024375")
    # Modified Dietz over (Mar 1, Mar 4], 3 days, start-of-day flows: the day-1 deposit is
    # invested 3/3 of the period, the day-3 one 1/3; gain 1490 - 0 - 1500 = -10
    expected_dietz = D(-10) / (D(1000) + D(500) / 3)
    assert perf.modified_dietz == pytest.approx(expected_dietz, rel=D("1e-20"))
    # MWR (XIRR on the flows' dates, ACT/365): 1000 (1 + r)^(2/365) + 500 = 1490
    assert perf.mwr is not None
    r = float(perf.mwr)
    assert 1000 * (1 + r) ** (2 / 365) + 500 == pytest.approx(1490, rel=1e-9)
    stored = await store.valuations(P, d1, d3)
    assert [p.market_value for p in stored] == [D(1000), D(1100), D(1490)]


async def test_weekends_carry_the_last_close_and_unquoted_symbols_use_their_trade_price() -> None:
    # Arrange: Friday close 50; Y has no bars at all (bought at 20)
    fri, sat, sun = date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8)
    txs = [
        tx(1, TransactionKind.BUY, date(2026, 3, 5), symbol="X", quantity=D(2), price=D(40)),
        tx(2, TransactionKind.BUY, date(2026, 3, 5), symbol="Y", quantity=D(1), price=D(20)),
    ]
    service, _, portfolio = await service_with(txs, {"X": {fri: "50"}})

    # Act
    series = await service.series(portfolio, fri, sun)

    # Assert: cash -100, X 2 x 50, Y 20
    assert [p.market_value for p in series.points] == [D(20)] * 3
    assert [p.day for p in series.points] == [fri, sat, sun]
    assert series.without_closes == ("Y",)
    assert series.opening_value == D(-100) + D(80) + D(20)


async def test_rows_in_another_currency_are_left_out_and_named() -> None:
    day = date(2026, 3, 2)
    txs = [
        tx(1, TransactionKind.DEPOSIT, day, amount=D(100)),
        tx(2, TransactionKind.DEPOSIT, day, amount=D(7), currency="EUR"),
    ]
    service, _, portfolio = await service_with(txs, {})

    series = await service.series(portfolio, day, day)

    assert series.points[0].market_value == D(100) and series.excluded_currencies == ("EUR",)


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (date(2026, 3, 2), date(2026, 3, 1), "start"),
        (date(2026, 3, 1), date(2026, 4, 1), "end"),
        (date(2016, 1, 1), date(2026, 3, 1), "start"),
    ],
)
def test_a_bad_period_names_its_field(start: date, end: date, field: str) -> None:
    with pytest.raises(InvalidPeriod) as caught:
        check_period(start, end, date(2026, 3, 31))

    assert caught.value.field == field


def test_ten_years_less_a_day_is_allowed() -> None:
    end = date(2026, 3, 31)

    check_period(end - timedelta(days=3659), end, end)
