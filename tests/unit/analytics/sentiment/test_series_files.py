"""The VIX and put/call files: simple and CBOE layouts, the window, malformed rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from adapters.marketfiles.sentiment_series import FileMarketSeries
from domain.analytics.sentiment.errors import UnknownSeries
from ports.markets.data_files import DataSourceUnavailable

SHIPPED = Path(__file__).resolve().parents[4] / "data" / "fear_greed"


async def test_the_cboe_layouts_read_as_downloaded(tmp_path: Path) -> None:
    # Arrange
    (tmp_path / "vix.csv").write_text(
        "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2025,17.9,19.2,17.4,17.93\n01/03/2025,17.9,18.0,16.0,16.13\n"
    )
    (tmp_path / "put_call.csv").write_text(
        "DATE,CALL,PUT,TOTAL,P/C Ratio\n2025-01-02,100,90,190,0.90\n2025-01-02,100,95,195,0.95\n"
    )
    source = FileMarketSeries(tmp_path)

    # Act
    vix = await source.series("vix", date(2025, 1, 1), date(2025, 1, 2))
    put_call = await source.series("put_call", date(2025, 1, 1), date(2025, 12, 31))

    # Assert: the window is inclusive; a later row of a day wins
    assert [(p.day, p.value) for p in vix] == [(date(2025, 1, 2), 17.93)]
    assert [(p.day, p.value) for p in put_call] == [(date(2025, 1, 2), 0.95)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("when,close\n2025-01-02,17\n", "vix.csv:1: expected a date column"),
        ("date,close\n2025-13-02,17\n", "vix.csv:2: date is not"),
        ("date,close\n2025-01-02,abc\n", "vix.csv:2: the value is not a number"),
        ("date,close\n2025-01-02,-3\n", "vix.csv:2: the value must be a positive number"),
        ("date,close\n2025-01-02\n", "vix.csv:2: expected 2 columns"),
    ],
)
async def test_a_malformed_file_is_unavailable_naming_the_line(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "vix.csv").write_text(text)

    with pytest.raises(DataSourceUnavailable, match=message):
        await FileMarketSeries(tmp_path).series("vix", date(2025, 1, 1), date(2025, 2, 1))


async def test_an_unknown_series_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnknownSeries):
        await FileMarketSeries(tmp_path).series("gold", date(2025, 1, 1), date(2025, 2, 1))
    with pytest.raises(DataSourceUnavailable, match=r"put_call\.csv cannot be read"):
        await FileMarketSeries(tmp_path).series("put_call", date(2025, 1, 1), date(2025, 2, 1))


async def test_the_shipped_sample_covers_its_weekdays_and_says_it_is_synthetic() -> None:
    source = FileMarketSeries(SHIPPED)

    vix = await source.series("vix", date(2022, 1, 1), date(2026, 12, 31))
    put_call = await source.series("put_call", date(2022, 1, 1), date(2026, 12, 31))

    assert (vix[0].day, vix[-1].day) == (date(2022, 1, 3), date(2026, 6, 30))
    assert [p.day for p in vix] == [p.day for p in put_call]
    assert all(p.day.weekday() < 5 for p in vix)
    assert all(9 <= p.value <= 80 for p in vix) and all(0.4 <= p.value <= 2.5 for p in put_call)
    assert "SYNTHETIC" in (SHIPPED / "README.md").read_text()
