"""The same assertions for Twelve Data, Yahoo and Databento against their local replays:
the port's contract for quotes, reference prices, bar ranges, limits, unknown symbols,
what a vendor does not offer, its calls-per-minute budget, a 429's Retry-After and corporate
actions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from adapters.market_data.vendors.databento import DatabentoMarketData
from adapters.market_data.vendors.twelvedata import TwelveDataMarketData
from adapters.market_data.vendors.yahoo import YahooMarketData
from adapters.memory.clock import FakeClock
from domain.market_data.bars import Timeframe
from domain.market_data.corporate_actions import ActionKind
from ports.market_data.marketdata import ProviderError, ProviderRateLimited, QuoteUnavailable
from tests.integration.vendors.conftest import VENDORS, make_vendor
from tests.integration.vendors.replay_server import ReplayServer, Reply, fixture

D = Decimal
JUNE_3 = datetime(2024, 6, 3, tzinfo=UTC)
JUNE_8 = datetime(2024, 6, 8, tzinfo=UTC)
JUNE_15 = datetime(2024, 6, 15, tzinfo=UTC)
Vendor = TwelveDataMarketData | YahooMarketData | DatabentoMarketData
RAW_CLOSES = [D("1150.00"), D("1164.37"), D("1224.40"), D("1209.98"), D("1208.88")]


@pytest.mark.parametrize("name", VENDORS)
async def test_raw_daily_bars_of_a_range_start_at_midnight_utc_oldest_first(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor(name, server, clock)

    # Act
    bars = await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_8)
    await vendor.aclose()

    # Assert: the week before the 10-for-1 split, in its raw (pre-split) prices
    assert [b.start for b in bars] == [datetime(2024, 6, d, tzinfo=UTC) for d in range(3, 8)]
    assert [b.close for b in bars] == RAW_CLOSES
    assert bars[0].volume == D(36_000_000)
    assert all(b.symbol == "NVDA" and b.timeframe is Timeframe.D1 for b in bars)


@pytest.mark.parametrize("name", VENDORS)
async def test_limit_keeps_the_first_bars_from_start(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor(name, server, clock)

    # Act
    bars = await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_15, limit=2)
    await vendor.aclose()

    # Assert
    assert [b.start.day for b in bars] == [3, 4]


@pytest.mark.parametrize("name", VENDORS)
async def test_a_range_without_bars_is_empty_not_an_error(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange: a weekend
    vendor = make_vendor(name, server, clock)

    # Act
    bars = await vendor.bars(
        "NVDA", Timeframe.D1, start=JUNE_8, end=datetime(2024, 6, 10, tzinfo=UTC)
    )
    await vendor.aclose()

    # Assert
    assert bars == []


@pytest.mark.parametrize("name", VENDORS)
async def test_quote_and_reference_prices_leave_unknown_symbols_out(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor(name, server, clock)

    # Act
    quote = await vendor.quote("NVDA")
    prices = await vendor.reference_prices(["NVDA", "NOPE"])
    await vendor.aclose()

    # Assert
    assert quote.symbol == "NVDA" and D(131) < quote.mid < D(132)
    assert set(prices) == {"NVDA"} and prices["NVDA"] == quote.mid


@pytest.mark.parametrize("name", VENDORS)
async def test_an_unknown_symbol_is_quote_unavailable_not_a_provider_failure(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor(name, server, clock)

    # Act / Assert
    with pytest.raises(QuoteUnavailable) as raised:
        await vendor.quote("NOPE")
    await vendor.aclose()
    assert not isinstance(raised.value, ProviderError)


@pytest.mark.parametrize("name", [name for name in VENDORS if name != "databento"])
async def test_order_books_are_not_offered_and_say_so(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor(name, server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match="does not offer order books") as raised:
        await vendor.order_book("NVDA")
    await vendor.aclose()
    assert raised.value.retryable is False


@pytest.mark.parametrize("name", VENDORS)
async def test_the_calls_per_minute_budget_refuses_at_once_with_when_to_retry(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange: two calls a minute, spent
    vendor = make_vendor(name, server, clock, per_minute=2)
    spent = False
    while not spent:
        try:
            await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_8)
        except ProviderRateLimited:
            spent = True
    sent = len(server.requests)

    # Act
    with pytest.raises(ProviderRateLimited) as raised:
        await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_8)
    clock.advance(61)
    usage = vendor.rate_limit()
    await vendor.aclose()

    # Assert: refused before reaching the vendor, with the seconds until a slot frees
    assert raised.value.retry_after_s is not None and 0 < raised.value.retry_after_s <= 60
    assert len(server.requests) == sent
    assert usage is not None and usage.limit == 2 and usage.remaining == 2


@pytest.mark.parametrize("name", VENDORS)
async def test_bars_never_reach_back_before_start_or_past_end(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor(name, server, clock)
    start, end = datetime(2024, 6, 5, tzinfo=UTC), datetime(2024, 6, 12, tzinfo=UTC)

    # Act
    bars = await vendor.bars("NVDA", Timeframe.D1, start=start, end=end)
    await vendor.aclose()

    # Assert
    assert bars and all(start <= b.start < end for b in bars)
    assert (bars[0].start.date(), bars[-1].start.date()) == (date(2024, 6, 5), date(2024, 6, 11))


async def _quote(vendor: Vendor) -> object:
    return await vendor.quote("NVDA")


async def _daily_bars(vendor: Vendor) -> object:
    return await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_15)


@pytest.mark.parametrize(
    ("name", "method", "path", "body", "retry_after", "ask"),
    [
        pytest.param(
            "twelvedata", "GET", "/quote", "Too Many Requests", "7", _quote, id="twelvedata"
        ),
        pytest.param(
            "yahoo", "GET", "/v8/finance/chart/NVDA", "Too Many Requests", "3", _daily_bars,
            id="yahoo",
        ),
        pytest.param(
            "databento", "POST", "/v0/timeseries.get_range",
            fixture("databento", "error_rate_limited"), "1", _daily_bars, id="databento",
        ),
    ],
)  # fmt: skip
async def test_an_http_429_is_rate_limited_for_its_retry_after(
    name: str,
    method: str,
    path: str,
    body: object,
    retry_after: str,
    ask: Callable[[Vendor], Awaitable[object]],
    server: ReplayServer,
    clock: FakeClock,
) -> None:
    # Arrange
    server.route(method, path, lambda s: Reply(429, body, {"Retry-After": retry_after}))
    vendor = make_vendor(name, server, clock)

    # Act
    with pytest.raises(ProviderRateLimited) as raised:
        await ask(vendor)
    await vendor.aclose()

    # Assert
    assert raised.value.retry_after_s == float(retry_after)


@pytest.mark.parametrize("name", ["twelvedata", "yahoo"])
async def test_corporate_actions_in_raw_terms_with_the_close_before_a_dividend(
    name: str, server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor(name, server, clock)

    # Act
    actions = await vendor.corporate_actions("NVDA", date(2024, 6, 1), date(2024, 6, 14))
    await vendor.aclose()

    # Assert
    assert [(a.kind, a.ex_date, a.value, a.reference_close) for a in actions] == [
        (ActionKind.SPLIT, date(2024, 6, 10), D(10), None),
        (ActionKind.DIVIDEND, date(2024, 6, 11), D("0.01"), D("121.79")),
    ]
