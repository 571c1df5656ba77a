"""What listings print: aligned columns, and JSON with stable keys and money as strings."""

from __future__ import annotations

import enum
import io
import json
from datetime import UTC, datetime
from decimal import Decimal

from bootstrap.cli_output import as_json, print_json, table


class Side(enum.Enum):
    BUY = "buy"


def test_json_writes_money_as_strings_times_as_rfc3339_and_enums_as_values() -> None:
    # Arrange
    rows = [
        {
            "cash": Decimal("1234.50"),
            "tiny": Decimal("0.00000001"),
            "at": datetime(2026, 1, 5, 14, 30, tzinfo=UTC),
            "side": Side.BUY,
            "note": None,
        }
    ]

    # Act
    parsed = json.loads(as_json(rows))

    # Assert
    assert parsed == [
        {
            "cash": "1234.50",
            "tiny": "0.00000001",
            "at": "2026-01-05T14:30:00Z",
            "side": "buy",
            "note": None,
        }
    ]


def test_json_keeps_the_keys_in_the_order_given() -> None:
    # Arrange
    out = io.StringIO()

    # Act
    print_json([{"b": 1, "a": 2}], out)

    # Assert
    assert list(json.loads(out.getvalue())[0]) == ["b", "a"]
    assert out.getvalue().endswith("]\n")


def test_a_table_aligns_its_columns_and_lets_the_last_one_run_on() -> None:
    # Act
    lines = table(("name", "state", "detail"), [("store", "ok", "x"), ("redis", "down", "long")])

    # Assert
    assert lines == [
        "name   state  detail",
        "store  ok     x",
        "redis  down   long",
    ]
