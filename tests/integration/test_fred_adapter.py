"""adapters/rates/fred.py against a local FRED replaying recorded responses.

The server (tests/integration/fred_replay.py, stdlib ThreadingHTTPServer in a thread)
answers FRED's series/observations from tests/fixtures/fred/ and records every query,
so each test checks what the adapter sent as well as what it made of the answer.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import httpx
import pytest

from adapters.rates.fred import FredRates, fred_client
from ports.markets.rates import RateObservation, RatesUnavailable, UnknownSeries
from tests.integration.fred_replay import API_KEY, Answer, FredReplay, fred_replay

D = Decimal
START, END = date(2024, 6, 24), date(2024, 7, 5)


@pytest.fixture
def fred() -> Iterator[FredReplay]:
    with fred_replay() as replay:
        yield replay


def adapter(fred: FredReplay, *, key: str = API_KEY, timeout_s: float = 5.0) -> FredRates:
    return FredRates(fred_client(key, timeout_s=timeout_s), fred.url, api_key=key)


async def test_series_sends_fred_s_query_and_reads_values_and_missing_days(
    fred: FredReplay,
) -> None:
    # Arrange
    rates = adapter(fred)

    # Act
    observations = await rates.series("DGS10", date(2024, 7, 1), END)

    # Assert: FRED's strings as exact Decimals, '.' (Independence Day) as None
    assert observations == [
        RateObservation(date(2024, 7, 1), D("4.48")),
        RateObservation(date(2024, 7, 2), D("4.43")),
        RateObservation(date(2024, 7, 3), D("4.36")),
        RateObservation(date(2024, 7, 4), None),
        RateObservation(date(2024, 7, 5), D("4.28")),
    ]
    [(path, query)] = fred.requests
    assert path == "/fred/series/observations"
    assert query == {
        "series_id": ["DGS10"],
        "api_key": [API_KEY],
        "file_type": ["json"],
        "observation_start": ["2024-07-01"],
        "observation_end": ["2024-07-05"],
    }


async def test_answers_are_cached_per_series_and_range(fred: FredReplay) -> None:
    # Arrange
    rates = adapter(fred)

    # Act
    first = await rates.series("DGS2", START, END)
    again = await rates.series("dgs2", START, END)
    other = await rates.series("DGS2", START, date(2024, 6, 28))

    # Assert
    assert first == again and len(first) == 10 and len(other) == 5
    assert len(fred.requests) == 2 and rates.requests == 2


async def test_a_long_series_is_read_page_by_page_with_offset(fred: FredReplay) -> None:
    # Arrange: the server pages by 4 observations (FRED: 100,000)
    fred.page_limit = 4
    rates = adapter(fred)

    # Act
    observations = await rates.series("DGS30", START, END)

    # Assert
    assert [o.day for o in observations][:2] == [date(2024, 6, 24), date(2024, 6, 25)]
    assert len(observations) == 10
    assert [q.get("offset", ["0"])[0] for _, q in fred.requests] == ["0", "4", "8"]


async def test_the_curve_of_a_holiday_is_the_day_before(fred: FredReplay) -> None:
    # Arrange
    rates = adapter(fred)

    # Act
    curve = await rates.curve(date(2024, 7, 4))
    saturday = await rates.curve(date(2024, 7, 6))

    # Assert
    assert curve is not None and curve.day == date(2024, 7, 3)
    assert [p.series_id for p in curve.points] == [
        "DGS1MO", "DGS3MO", "DGS6MO", "DGS1", "DGS2", "DGS3",
        "DGS5", "DGS7", "DGS10", "DGS20", "DGS30",
    ]  # fmt: skip
    assert (curve.points[0].yield_pct, curve.points[-1].yield_pct) == (D("5.48"), D("4.51"))
    assert saturday is not None and saturday.day == date(2024, 7, 5)
    assert len(fred.requests) == 22  # 11 series, two look-back windows (07-04 and 07-06)


async def test_an_unknown_series_is_unknown_series(fred: FredReplay) -> None:
    # Act
    with pytest.raises(UnknownSeries) as caught:
        await adapter(fred).series("NOPE42", START, END)

    # Assert
    assert caught.value.code == "UNKNOWN_SERIES" and caught.value.field == "series_id"
    assert "NOPE42" in caught.value.message


@pytest.mark.parametrize(
    ("answer", "retry_after", "words"),
    [
        (Answer(429, "error_too_many_requests.json", {"Retry-After": "17"}), 17.0, "429"),
        (Answer(429, "error_too_many_requests.json"), 60.0, "rate-limiting"),
        (Answer(500, "error_internal.json"), 30.0, "failing (500)"),
        (Answer(503, "error_internal.json", {"Retry-After": "120"}), 120.0, "failing (503)"),
        (Answer(200, "README.md"), 30.0, "cannot read"),
    ],
)
async def test_upstream_failures_are_rates_unavailable_with_a_retry_after(
    fred: FredReplay, answer: Answer, retry_after: float, words: str
) -> None:
    # Arrange
    fred.script["DGS10"] = answer

    # Act
    with pytest.raises(RatesUnavailable) as caught:
        await adapter(fred).series("DGS10", START, END)

    # Assert
    assert caught.value.code == "RATES_UNAVAILABLE"
    assert caught.value.retry_after == retry_after
    assert words in caught.value.message


async def test_a_refused_key_names_the_setting_and_never_the_key(
    fred: FredReplay, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    wrong = "0123456789abcdef0123456789abcdef"
    caplog.set_level(logging.DEBUG)
    rates = adapter(fred, key=wrong)

    # Act
    with pytest.raises(RatesUnavailable) as caught:
        await rates.series("DGS10", START, END)

    # Assert
    assert "BULWARK_FRED_API_KEY" in caught.value.message
    assert fred.requests[0][1]["api_key"] == [wrong]  # it was sent, only to FRED
    printed = capsys.readouterr()
    for text in (caught.value.message, repr(rates), caplog.text, printed.out, printed.err):
        assert wrong not in text


async def test_the_key_is_not_in_httpx_s_request_log(
    fred: FredReplay, caplog: pytest.LogCaptureFixture
) -> None:
    # Arrange: httpx's own level too (Bulwark's logging sets it to WARNING)
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")

    # Act
    await adapter(fred).series("DGS10", START, END)

    # Assert: httpx logs each request's URL at INFO; the key is added below it
    assert "HTTP Request: GET" in caplog.text and "series_id=DGS10" in caplog.text
    assert API_KEY not in caplog.text and "api_key" not in caplog.text


async def test_a_slow_fred_times_out_as_unavailable(fred: FredReplay) -> None:
    # Arrange
    fred.delay_s = 1.0
    rates = adapter(fred, timeout_s=0.2)

    # Act
    with pytest.raises(RatesUnavailable) as caught:
        await rates.series("DGS10", START, END)

    # Assert
    assert "in time" in caught.value.message and caught.value.retry_after == 30.0


async def test_an_unreachable_fred_is_unavailable() -> None:
    # Arrange: a port nothing listens on
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    rates = FredRates(fred_client(API_KEY, timeout_s=2.0), f"http://127.0.0.1:{port}/fred")

    # Act
    with pytest.raises(RatesUnavailable) as caught:
        await rates.series("DGS10", START, END)

    # Assert
    assert "could not be reached" in caught.value.message
    assert API_KEY not in str(caught.value)


async def test_the_client_carries_the_key_in_its_transport_only() -> None:
    # Arrange
    client = fred_client(API_KEY)

    # Act
    shown = repr(client._transport)

    # Assert
    assert API_KEY not in shown and "***" in shown
    assert isinstance(client, httpx.AsyncClient)
    await client.aclose()
