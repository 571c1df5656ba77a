"""Twelve Data's adapter (through its own client, in a thread) against the local replay:
what it sends, adjustments, its 200-with-code-429 body, refusals and malformed answers."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from domain.market_data.bars import Timeframe
from ports.market_data.marketdata import ProviderError, ProviderRateLimited
from tests.integration.vendors.conftest import make_vendor
from tests.integration.vendors.replay_server import ReplayServer, Reply, fixture

D = Decimal
JUNE_3 = datetime(2024, 6, 3, tzinfo=UTC)
JUNE_8 = datetime(2024, 6, 8, tzinfo=UTC)
JUNE_15 = datetime(2024, 6, 15, tzinfo=UTC)


async def test_raw_bars_ask_for_no_adjustment_in_utc_oldest_first(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("twelvedata", server, clock)

    # Act
    await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_8)
    await vendor.aclose()

    # Assert
    [sent] = server.seen("/time_series")
    assert sent.params["adjust"] == "none"
    assert sent.params["timezone"] == "UTC" and sent.params["order"] == "ASC"
    assert sent.params["start_date"] == "2024-06-03 00:00:00"
    assert sent.params["interval"] == "1day" and sent.params["symbol"] == "NVDA"


async def test_adjusted_bars_are_adjusted_for_splits_and_dividends(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("twelvedata", server, clock)

    # Act
    bars = await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_8, adjusted=True)
    await vendor.aclose()

    # Assert: 1150.00 / 10 x (1 - 0.01 / 121.79), as Twelve Data rounds it
    assert server.seen("/time_series")[0].params["adjust"] == "all"
    assert bars[0].close == D("114.99056")
    assert bars[0].volume == D(360_000_000)


async def test_a_200_answer_with_code_429_is_rate_limited_until_the_next_minute(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange: the clock at 14:00:00 sharp
    server.route(
        "GET", "/time_series", lambda s: Reply(200, fixture("twelvedata", "error_rate_limited"))
    )
    vendor = make_vendor("twelvedata", server, clock)

    # Act
    with pytest.raises(ProviderRateLimited) as raised:
        await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_8)
    await vendor.aclose()

    # Assert
    assert raised.value.retry_after_s == 60.0
    assert raised.value.retryable


async def test_a_refused_key_is_a_provider_error_that_no_retry_helps(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange
    vendor = make_vendor("twelvedata", server, clock, key="not-the-key")

    # Act
    with pytest.raises(ProviderError, match="key was refused") as raised:
        await vendor.quote("NVDA")
    await vendor.aclose()

    # Assert
    assert raised.value.retryable is False


@pytest.mark.parametrize(
    "body",
    [
        b"<html>gateway</html>",
        b'{"meta": {}, "status": "ok"}',
        b'{"values": [{"datetime": "2024-06-03", "open": "1", "high": "2", "low": "0.5"}]}',
        b'{"values": [{"datetime": "2024-06-03", "open": "1", "high": "0.9", "low": "0.5",'
        b' "close": "1", "volume": "1"}]}',
        b'{"values": [{"datetime": "yesterday", "open": "1", "high": "2", "low": "0.5",'
        b' "close": "1", "volume": "1"}]}',
    ],
    ids=["not-json", "no-values", "no-close", "high-below-open", "bad-datetime"],
)
async def test_a_malformed_answer_is_a_clear_provider_error(
    server: ReplayServer, clock: FakeClock, body: bytes
) -> None:
    # Arrange
    server.route("GET", "/time_series", lambda s: Reply(200, body))
    vendor = make_vendor("twelvedata", server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match=r"twelvedata: .*(malformed|bad bar)"):
        await vendor.bars("NVDA", Timeframe.D1, start=JUNE_3, end=JUNE_8)
    await vendor.aclose()


async def test_key_ratios_read_the_statistics(server: ReplayServer, clock: FakeClock) -> None:
    # Arrange
    vendor = make_vendor("twelvedata", server, clock)

    # Act
    ratios = await vendor.key_ratios("NVDA")
    await vendor.aclose()

    # Assert
    assert ratios.trailing_pe == D("76.2") and ratios.price_to_book == D("65.3")
    assert ratios.beta == D("1.68") and ratios.debt_to_equity == D("0.2287")
    assert ratios.market_cap == D(3_243_000_000_000) and ratios.source == "twelvedata"


async def test_option_chains_are_not_offered(server: ReplayServer, clock: FakeClock) -> None:
    # Arrange
    vendor = make_vendor("twelvedata", server, clock)

    # Act / Assert
    with pytest.raises(ProviderError, match="does not offer option chains"):
        await vendor.option_chain("NVDA")
    await vendor.aclose()


async def test_a_long_range_is_asked_in_slices_twelve_data_cannot_cut_short(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange: 24 years of days, more than 5,000 days: two slices, the first without data
    vendor = make_vendor("twelvedata", server, clock)

    # Act
    bars = await vendor.bars(
        "NVDA", Timeframe.D1, start=datetime(2000, 1, 1, tzinfo=UTC), end=JUNE_15
    )
    await vendor.aclose()

    # Assert
    sent = server.seen("/time_series")
    assert [s.params["start_date"][:10] for s in sent] == ["2000-01-01", "2013-09-09"]
    assert len(bars) == 10 and bars[0].start == JUNE_3
