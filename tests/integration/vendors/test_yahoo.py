"""Yahoo's adapter (httpx on the endpoints yfinance reads) against the local replay: raw and
adjusted bars, events, option chains, key ratios, the crumb, limits and malformed answers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from adapters.memory.clock import FakeClock
from domain.market_data.bars import Timeframe
from domain.trading.instruments import OptionRight
from ports.market_data.marketdata import ProviderError, QuoteUnavailable
from tests.integration.vendors.conftest import make_vendor
from tests.integration.vendors.replay_server import ReplayServer, Reply, fixture
from tests.integration.vendors.vendor_routes import CRUMB

D = Decimal
JUNE_3 = datetime(2024, 6, 3, tzinfo=UTC)
JUNE_15 = datetime(2024, 6, 15, tzinfo=UTC)


async def test_raw_bars_undo_the_splits_yahoo_applied_even_after_the_range(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("yahoo", server, clock)

    # Act
    bars = await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_15)
    await vendor.aclose()

    # Assert: pre-split prices and volumes as traded; post-split ones untouched
    assert (bars[0].close, bars[0].volume) == (D("1150.000000"), D(36_000_000))
    assert (bars[5].close, bars[5].volume) == (D("121.790000"), D(314_000_000))
    assert [s.params["interval"] for s in server.seen("/v8/finance/chart/NVDA")] == ["1d", "3mo"]


async def test_adjusted_daily_bars_follow_yahoo_s_adjusted_close(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("yahoo", server, clock)

    # Act
    bars = await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_15, adjusted=True)
    await vendor.aclose()

    # Assert: 1150 / 10 x (1 - 0.01 / 121.79); the last bar, after both events, as is
    assert bars[0].close == D("114.990558")
    assert bars[-1].close == D("131.880000")
    assert len(server.seen("/v8/finance/chart/NVDA")) == 1


async def test_the_option_chain_of_every_expiry_sorted_and_of_one_expiry(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("yahoo", server, clock)

    # Act
    chain = await vendor.option_chain("NVDA")
    one = await vendor.option_chain("NVDA", date(2024, 6, 21))
    await vendor.aclose()

    # Assert
    assert [(c.expiry.day, c.strike, c.right) for c in chain.contracts] == [
        (21, D(125), OptionRight.CALL),
        (21, D(130), OptionRight.CALL),
        (21, D(130), OptionRight.PUT),
        (28, D(135), OptionRight.CALL),
    ]
    assert chain.underlying_price == D("131.88")
    assert chain.contracts[1].open_interest == 12000 and chain.contracts[1].bid == D("3.1")
    assert {c.expiry for c in one.contracts} == {date(2024, 6, 21)}


async def test_key_ratios_state_debt_to_equity_as_a_fraction(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("yahoo", server, clock)

    # Act
    ratios = await vendor.key_ratios("NVDA")
    await vendor.aclose()

    # Assert
    assert ratios.debt_to_equity == D("0.2287") and ratios.trailing_eps == D("1.71")
    assert ratios.dividend_yield == D("0.0003") and ratios.market_cap == D(3_243_000_000_000)


async def test_a_refused_crumb_is_fetched_again_once(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange: the first crumb is stale
    crumbs = iter(["stale", CRUMB])
    server.route("GET", "/v1/test/getcrumb", lambda s: Reply(200, next(crumbs)))
    vendor = make_vendor("yahoo", server, clock)

    # Act
    quote = await vendor.quote("NVDA")
    await vendor.aclose()

    # Assert
    assert quote.bid == D("131.8") and quote.ask == D("131.95")
    assert [s.params["crumb"] for s in server.seen("/v7/finance/quote")] == ["stale", CRUMB]


async def test_an_unknown_symbol_s_chart_is_quote_unavailable(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("yahoo", server, clock)

    # Act / Assert
    with pytest.raises(QuoteUnavailable, match="No data found"):
        await vendor.bars("NOPE", Timeframe.D1, start=JUNE_3, end=JUNE_15)
    await vendor.aclose()


def _chart_with(change: str) -> Any:
    body = fixture("yahoo", "chart_nvda_1d")
    result = body["chart"]["result"][0]
    if change == "short-column":
        result["indicators"]["quote"][0]["close"].pop()
    elif change == "text-price":
        result["indicators"]["quote"][0]["open"][0] = "n/a"
    elif change == "no-meta":
        del result["meta"]
    elif change == "low-above-close":
        result["indicators"]["quote"][0]["low"][3] = 500.0
    return body


@pytest.mark.parametrize("change", ["short-column", "text-price", "no-meta", "low-above-close"])
async def test_a_malformed_chart_is_a_clear_error_and_no_bar_of_it_is_kept(
    server: ReplayServer, clock: FakeClock, change: str
) -> None:
    # Arrange
    server.route("GET", "/v8/finance/chart/NVDA", lambda s: Reply(200, _chart_with(change)))
    vendor = make_vendor("yahoo", server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match=r"yahoo: .*(malformed|bad bar)"):
        await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_15, adjusted=True)
    await vendor.aclose()


async def test_four_hour_bars_are_built_from_hourly_bars(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange: two hourly bars of one 4h bar (12:00-16:00 UTC)
    def hourly(seen: object) -> Reply:
        body = fixture("yahoo", "chart_nvda_1d")
        result = body["chart"]["result"][0]
        result["timestamp"] = [1718366400, 1718370000]  # 2024-06-14 12:00 and 13:00 UTC
        result["indicators"]["quote"][0] = {
            "open": [130.0, 131.0], "high": [131.5, 132.0], "low": [129.5, 130.5],
            "close": [131.0, 131.75], "volume": [1000, 3000],
        }  # fmt: skip
        del result["indicators"]["adjclose"]
        result["events"] = {}
        return Reply(200, body)

    server.route("GET", "/v8/finance/chart/NVDA", hourly)
    vendor = make_vendor("yahoo", server, clock)

    # Act
    bars = await vendor.bars(
        "NVDA", Timeframe.H4, start=datetime(2024, 6, 14, 12, tzinfo=UTC), end=JUNE_15
    )
    await vendor.aclose()

    # Assert
    [bar] = bars
    assert bar.start == datetime(2024, 6, 14, 12, tzinfo=UTC)
    assert (bar.open, bar.high, bar.low, bar.close, bar.volume) == (
        D("130.000000"), D("132.000000"), D("129.500000"), D("131.750000"), D(4000),
    )  # fmt: skip
    assert server.seen("/v8/finance/chart/NVDA")[0].params["interval"] == "60m"
