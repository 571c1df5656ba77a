"""The ESG CSV adapter: the shipped SYNTHETIC sample, and bad files named to the line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.esg.files import COLUMNS, FileEsgData
from bootstrap.esg import SHIPPED_ESG
from domain.analytics.esg.model import ExclusionCategory
from ports.analytics.esg import EsgDataUnavailable

HEADER = ",".join(COLUMNS)


async def test_the_shipped_sample_is_labelled_synthetic_and_complete() -> None:
    # Arrange
    data = FileEsgData(SHIPPED_ESG)

    # Act
    dataset = await data.dataset()
    found = await data.records(["AAPL", "SMKY", "SPY"])
    crux = await data.record("crux")

    # Assert
    assert dataset.synthetic and dataset.issuers == 18 and dataset.as_of == date(2025, 6, 30)
    assert set(found) == {"AAPL", "SMKY"}  # a fund is not an issuer
    assert found["SMKY"].revenue_shares[ExclusionCategory.TOBACCO] == Decimal("0.92")
    assert found["AAPL"].emissions_tco2e == Decimal(58000)
    assert crux is not None and crux.emissions_tco2e is None and crux.environmental is None


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        ("symbol,name\nA,B\n", "missing ['sector', 'as_of']"),
        (HEADER + ",extra\n", "unknown ['extra']"),
        (HEADER + "\nA,A,S,2025-13-01" + "," * (len(COLUMNS) - 4) + "\n", "line 2, as_of"),
        (HEADER + "\nA,A,S,2025-01-01,101" + "," * (len(COLUMNS) - 5) + "\n",
         "line 2, esg_score: a score is 0 to 100"),
        (HEADER + "\nA,A,S,2025-01-01,,,,,1.5" + "," * (len(COLUMNS) - 9) + "\n",
         "line 2, tobacco: a revenue share"),
        (HEADER + "\nA,A,S,2025-01-01,abc" + "," * (len(COLUMNS) - 5) + "\n",
         "line 2, esg_score: not a number"),
        (HEADER + "\nA,A,S\n", "line 2: 3 cells"),
        ("# comment\n" + HEADER + "\nA,A,S,2025-01-01" + "," * (len(COLUMNS) - 4)
         + "\na,A,S,2025-01-01" + "," * (len(COLUMNS) - 4) + "\n", "line 4: symbol A repeats"),
    ],
)  # fmt: skip
async def test_a_bad_file_names_the_line_and_column(tmp_path: Path, rows: str, words: str) -> None:
    # Arrange
    path = tmp_path / "esg.csv"
    path.write_text(rows)

    # Act
    with pytest.raises(EsgDataUnavailable) as caught:
        await FileEsgData(path).records(["A"])

    # Assert
    assert words in caught.value.message, caught.value.message
    assert caught.value.code == "ESG_DATA_UNAVAILABLE"


async def test_a_real_file_is_not_synthetic_and_columns_may_be_reordered(tmp_path: Path) -> None:
    # Arrange
    path = tmp_path / "mine.csv"
    path.write_text("as_of,symbol,sector,name,esg_score\n2025-01-02,xyz,Tech,Xyz Corp,61.5\n")

    # Act
    data = FileEsgData(path)
    dataset, record = await data.dataset(), await data.record("XYZ")

    # Assert
    assert not dataset.synthetic and dataset.source == "file:mine.csv"
    assert record is not None and record.score == Decimal("61.5") and record.symbol == "XYZ"
