"""StatementsService over fakes: the failover's optional capability, its errors, PEG's price."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.market_data.failover import FailoverMarketData
from adapters.market_data.synthetic_statements import synthetic_statements
from adapters.memory.clock import FakeClock
from application.market_data.market import (
    InvalidMarketRequest,
    MarketDataUnavailable,
    SymbolNotFound,
)
from application.market_data.statements import StatementsService
from domain.market_data.statements import FinancialStatements, StatementPeriod
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable
from tests.kit.market_data import OffersNothing

NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


class _Quoting(OffersNothing):
    """Quotes `prices` (mid = last = the price); no statements."""

    def __init__(self, name: str, prices: dict[str, Decimal]) -> None:
        self.name, self.prices = name, prices

    async def quote(self, symbol: str) -> Quote:
        if symbol not in self.prices:
            raise QuoteUnavailable(symbol)
        price = self.prices[symbol]
        return Quote(symbol=symbol, bid=price, ask=price, last=price, at=NOW)


class _WithStatements(_Quoting):
    """Also serves the synthetic statements of what it quotes."""

    async def financial_statements(
        self, symbol: str, period: StatementPeriod, limit: int
    ) -> FinancialStatements:
        if symbol not in self.prices:
            raise QuoteUnavailable(symbol)
        return synthetic_statements(symbol, self.name, (7, 11), period, limit, NOW.date())


def _feed(*providers: _Quoting) -> FailoverMarketData:
    return FailoverMarketData([list(providers)], FakeClock(NOW))


async def test_the_first_provider_offering_statements_answers_the_others_are_passed_over() -> None:
    # Arrange: the first provider quotes but serves no statements
    plain = _Quoting("plain", {"AAPL": Decimal(190)})
    serving = _WithStatements("serving", {"AAPL": Decimal(190)})
    service = StatementsService(_feed(plain, serving))

    # Act
    answer = await service.statements("aapl", "annual", 3)

    # Assert: statements from `serving`, PEG priced by the feed's quote (the first provider's)
    assert (answer.statements.source, answer.asked, len(answer.statements.periods)) == (
        "serving", 3, 3,
    )  # fmt: skip
    assert [p.period_end for p in answer.statements.periods] == [
        date(2025, 12, 31), date(2024, 12, 31), date(2023, 12, 31),
    ]  # fmt: skip
    assert answer.price == Decimal(190)
    assert dict(answer.ratios.of("peg").inputs)["price"] == Decimal(190)


async def test_a_feed_without_statements_is_unavailable_not_retryable() -> None:
    service = StatementsService(_feed(_Quoting("plain", {"AAPL": Decimal(190)})))

    with pytest.raises(MarketDataUnavailable) as raised:
        await service.statements("AAPL", "annual")

    assert raised.value.retryable is False
    assert "offers financial statements" in raised.value.message


async def test_a_symbol_without_statements_is_not_found() -> None:
    service = StatementsService(_feed(_WithStatements("serving", {"AAPL": Decimal(190)})))

    with pytest.raises(SymbolNotFound):
        await service.statements("NOPE", "quarterly")


async def test_no_price_leaves_peg_without_a_value_and_says_why() -> None:
    class _NoQuotes(_WithStatements):
        async def quote(self, symbol: str) -> Quote:
            raise ProviderError(self.name, "down")

    service = StatementsService(_feed(_NoQuotes("serving", {"AAPL": Decimal(190)})))

    answer = await service.statements("AAPL", "annual", 2)

    assert answer.price is None and answer.price_note is not None
    assert answer.ratios.of("peg").reason == "not stated: price"
    assert answer.ratios.of("current_ratio").value is not None


@pytest.mark.parametrize(("period", "limit"), [("monthly", 4), ("annual", 0), ("annual", 41)])
async def test_a_period_or_limit_out_of_range_is_refused(period: str, limit: int) -> None:
    service = StatementsService(_feed(_WithStatements("serving", {"AAPL": Decimal(190)})))

    with pytest.raises(InvalidMarketRequest):
        await service.statements("AAPL", period, limit)
