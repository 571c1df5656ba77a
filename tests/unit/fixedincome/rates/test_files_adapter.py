"""adapters/rates/files.py: FRED CSV and JSON downloads on disk, and the shipped sample."""

from __future__ import annotations

import os
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.rates.files import FileRates
from bootstrap.rates import SHIPPED_RATES
from domain.fixedincome.curve import TREASURY_SERIES
from ports.markets.rates import RateObservation, RatesUnavailable, UnknownSeries

D = Decimal
FRED_JSON = Path(__file__).resolve().parents[3] / "fixtures" / "fred"


async def test_fred_s_older_csv_with_dots(tmp_path: Path) -> None:
    # Arrange
    csv = "DATE,DGS2\n2024-07-03,4.67\n2024-07-04,.\n2024-07-05,4.60\n"
    (tmp_path / "DGS2.csv").write_text(csv)

    # Act
    observations = await FileRates(tmp_path).series("DGS2", date(2024, 7, 1), date(2024, 7, 31))

    # Assert
    assert observations == [
        RateObservation(date(2024, 7, 3), D("4.67")),
        RateObservation(date(2024, 7, 4), None),
        RateObservation(date(2024, 7, 5), D("4.60")),
    ]


async def test_fred_s_current_csv_with_empty_values_and_a_range(tmp_path: Path) -> None:
    # Arrange: FRED's download today: observation_date header, an empty cell for no value
    (tmp_path / "DGS10.csv").write_text(
        "observation_date,DGS10\r\n2024-07-03,4.36\r\n2024-07-04,\r\n2024-07-05,4.28\r\n"
    )
    rates = FileRates(tmp_path)

    # Act
    inside = await rates.series("dgs10", date(2024, 7, 4), date(2024, 7, 4))
    empty = await rates.series("DGS10", date(2025, 1, 1), date(2025, 2, 1))

    # Assert
    assert inside == [RateObservation(date(2024, 7, 4), None)]
    assert empty == []


async def test_fred_s_json_response_saved_to_a_file(tmp_path: Path) -> None:
    # Arrange
    shutil.copy(FRED_JSON / "DGS3MO.json", tmp_path / "DGS3MO.json")

    # Act
    observations = await FileRates(tmp_path).series("DGS3MO", date(2024, 7, 3), date(2024, 7, 5))

    # Assert
    assert [o.value for o in observations] == [D("5.47"), None, D("5.46")]


@pytest.mark.parametrize("series_id", ["NOPE", "../DGS10", "DGS10.csv", ""])
async def test_a_series_without_a_file_is_unknown(tmp_path: Path, series_id: str) -> None:
    # Arrange
    (tmp_path / "DGS10.csv").write_text("DATE,DGS10\n2024-07-03,4.36\n")

    # Act / Assert
    with pytest.raises(UnknownSeries):
        await FileRates(tmp_path).series(series_id, date(2024, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("when,DGS10\n2024-07-03,4.36\n", "DGS10.csv:1"),
        ("DATE,DGS10\n2024-07-03,4.36\n2024-13-01,4.1\n", "DGS10.csv:3"),
        ("DATE,DGS10\n2024-07-03,four\n", "DGS10.csv:2"),
        ("DATE,DGS10\n2024-07-03,NaN\n", "DGS10.csv:2"),
    ],
)
async def test_a_bad_file_is_unavailable_naming_file_and_line(
    tmp_path: Path, text: str, where: str
) -> None:
    # Arrange
    (tmp_path / "DGS10.csv").write_text(text)

    # Act
    with pytest.raises(RatesUnavailable) as caught:
        await FileRates(tmp_path).series("DGS10", date(2024, 1, 1), date(2024, 12, 31))

    # Assert
    assert caught.value.message.startswith(where)


async def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    # Arrange
    path = tmp_path / "DGS5.csv"
    path.write_text("DATE,DGS5\n2024-07-03,4.30\n")
    rates = FileRates(tmp_path)
    first = await rates.series("DGS5", date(2024, 7, 1), date(2024, 7, 31))

    # Act
    path.write_text("DATE,DGS5\n2024-07-03,4.30\n2024-07-05,4.22\n")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = await rates.series("DGS5", date(2024, 7, 1), date(2024, 7, 31))

    # Assert
    assert len(first) == 1 and len(second) == 2


async def test_the_shipped_sample_has_every_treasury_tenor_and_curves() -> None:
    # Arrange
    rates = FileRates(SHIPPED_RATES)

    # Act
    curve = await rates.curve(date(2023, 7, 4))  # a holiday in the sample
    after_the_end = await rates.curve(date(2025, 3, 1))

    # Assert
    assert set(TREASURY_SERIES) <= set(rates.available())
    assert "SYNTHETIC" in (SHIPPED_RATES / "README.md").read_text()
    assert curve is not None and curve.day == date(2023, 7, 3) and len(curve.points) == 11
    assert after_the_end is not None and after_the_end.day == date(2024, 12, 31)
    assert await rates.curve(date(2021, 12, 31)) is None
