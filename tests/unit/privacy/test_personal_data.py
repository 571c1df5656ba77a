"""A person's data as text rows and as a zip: plain decimals, no secret under any name, cells a
spreadsheet cannot run, the same bytes for the same export."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum

from hypothesis import given
from hypothesis import strategies as st

from application.privacy.archive import archive, file_name, spreadsheet_safe
from domain.privacy.personal_data import (
    DataSection,
    PersonalDataExport,
    is_erased,
    pseudonym,
    row_of,
    section,
)

AT = datetime(2026, 11, 26, 14, 30, tzinfo=UTC)


class Colour(Enum):
    RED = "red"


@dataclass
class Record:
    id: str
    amount: Decimal
    at: datetime
    colour: Colour
    tags: tuple[str, ...]
    active: bool
    note: str | None
    password_hash: str
    secret_digest: str
    sealed: str
    positions: dict[str, int]


def _record(**fields: object) -> Record:
    values: dict[str, object] = {
        "id": "r-1", "amount": Decimal("1E+3"), "at": AT, "colour": Colour.RED,
        "tags": ("b", "a"), "active": True, "note": None, "password_hash": "$argon2id$x",
        "secret_digest": "d1g", "sealed": "v1:ct", "positions": {"AAPL": 1},
    }  # fmt: skip
    return Record(**{**values, **fields})  # type: ignore[arg-type]


def test_a_record_becomes_text_without_secrets_or_nested_records() -> None:
    # Act
    row = row_of(_record())

    # Assert
    assert row == {
        "id": "r-1",
        "amount": "1000",
        "at": "2026-11-26T14:30:00+00:00",
        "colour": "red",
        "tags": "a;b",
        "active": "true",
        "note": "",
    }


def test_fields_can_be_left_out_by_name() -> None:
    # Act
    row = row_of(_record(), omit=("note", "colour"))

    # Assert
    assert "note" not in row and "colour" not in row and row["id"] == "r-1"


def test_a_pseudonym_is_stable_per_user_and_names_no_one() -> None:
    # Act
    first, again, other = pseudonym("usr-1"), pseudonym("usr-1"), pseudonym("usr-2")

    # Assert
    assert first == again != other
    assert first.startswith("erased-") and "usr-1" not in first
    assert is_erased(first) and not is_erased("alice")


def _export(*rows: dict[str, str]) -> PersonalDataExport:
    return PersonalDataExport(
        "usr-1",
        AT,
        (
            DataSection("orders", "orders", rows),
            section("records", "records", [_record(id="r-2", note="=1+1")]),
        ),
    )


def test_the_archive_holds_a_manifest_and_each_section_as_json_and_csv() -> None:
    # Arrange
    export = _export({"id": "o-1", "pnl": "-12.50"}, {"id": "o-2", "extra": "x"})

    # Act
    content = archive(export)

    # Assert
    zipped = zipfile.ZipFile(io.BytesIO(content))
    assert sorted(zipped.namelist()) == [
        "manifest.json", "orders.csv", "orders.json", "records.csv", "records.json",
    ]  # fmt: skip
    manifest = json.loads(zipped.read("manifest.json"))
    assert [(s["name"], s["rows"]) for s in manifest["sections"]] == [("orders", 2), ("records", 1)]
    assert manifest["sections"][0]["columns"] == ["id", "pnl", "extra"]
    rows = list(csv.DictReader(io.StringIO(zipped.read("orders.csv").decode())))
    assert rows == [
        {"id": "o-1", "pnl": "-12.50", "extra": ""},
        {"id": "o-2", "pnl": "", "extra": "x"},
    ]
    records = list(csv.DictReader(io.StringIO(zipped.read("records.csv").decode())))
    assert records[0]["note"] == "'=1+1"  # a formula is shown, never run
    assert json.loads(zipped.read("records.json"))[0]["note"] == "=1+1"  # JSON as it is
    assert "password_hash" not in content.decode("latin-1")
    assert archive(export) == content
    assert file_name(export) == "bulwark-personal-data-usr-1-20261126T143000Z.zip"


@given(st.text(min_size=1) | st.sampled_from(["-nan", "-Infinity", "-12.5", "+1", "-1_0"]))
def test_no_cell_starts_a_formula_unless_it_is_a_number(cell: str) -> None:
    # Act
    safe = spreadsheet_safe(cell)

    # Assert
    if safe.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert safe == cell and Decimal(cell).is_finite()  # a number, shown as one
    else:
        assert safe in (cell, f"'{cell}")
